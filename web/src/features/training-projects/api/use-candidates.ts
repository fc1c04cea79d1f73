import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

type Candidate = { personId: string; name: string; position: string; department: string | null };

/** Current employees matching a name, for manual enrolment. */
export function useCandidates(q: string, enabled: boolean) {
  return useQuery({ queryKey: ['training-projects', 'candidates', q], queryFn: () => api.get<{ items: Candidate[] }>('/learning/projects/candidates', { q }), enabled });
}
