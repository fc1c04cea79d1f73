import { useQuery } from '@tanstack/react-query';
import type { PracticalSubmission } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Practical hand-ins of a project (pending ones only when asked). */
export function useSubmissions(projectId: string, pendingOnly: boolean) {
  return useQuery({
    queryKey: [...projectKeys.submissions(projectId), pendingOnly],
    queryFn: () => api.get<{ items: PracticalSubmission[] }>(`/learning/projects/${projectId}/submissions`, { pending: pendingOnly ? 'true' : undefined }),
  });
}
