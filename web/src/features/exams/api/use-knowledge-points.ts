import { useQuery } from '@tanstack/react-query';
import type { KnowledgePointOptions } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Knowledge points questions may name. */
export function useKnowledgePoints() {
  return useQuery({ queryKey: ['exam-knowledge-points'], queryFn: () => api.get<KnowledgePointOptions>('/learning/questions/knowledge-points'), staleTime: 60_000 });
}
