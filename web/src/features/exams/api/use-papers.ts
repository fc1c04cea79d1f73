import { useQuery } from '@tanstack/react-query';
import type { PaperList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const papersKey = ['exam-papers'] as const;

export function usePapers() {
  return useQuery({ queryKey: papersKey, queryFn: () => api.get<PaperList>('/learning/papers') });
}
