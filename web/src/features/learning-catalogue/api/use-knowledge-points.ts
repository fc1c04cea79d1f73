import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KnowledgePoint } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/** The knowledge points the user may use (their organisation's and the district's). */
export function useKnowledgePoints(query: { q?: string; trade?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...catalogueKey, 'points', query],
    queryFn: () => api.get<{ items: KnowledgePoint[]; total: number; page: number; pageSize: number }>('/learning/knowledge-points', { pageSize: 100, ...query }),
    placeholderData: keepPreviousData,
  });
}
