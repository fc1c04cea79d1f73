import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Withdraws a learner from a project. */
export function useWithdraw(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => api.post<void>(`/learning/projects/${projectId}/enrolments/${personId}/withdraw`),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
