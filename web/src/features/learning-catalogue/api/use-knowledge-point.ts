import { useQuery } from '@tanstack/react-query';
import type { KnowledgePointGraph } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/** A knowledge point with its prerequisites and dependents. */
export function useKnowledgePoint(id: string | null) {
  return useQuery({ queryKey: [...catalogueKey, 'point', id], queryFn: () => api.get<KnowledgePointGraph>(`/learning/knowledge-points/${id}`), enabled: Boolean(id) });
}
