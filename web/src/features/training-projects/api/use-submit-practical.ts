import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmitPracticalRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Hands in a practical task. */
export function useSubmitPractical(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, ...body }: SubmitPracticalRequest & { stageId: string }) => api.post(`/learning/my/projects/${projectId}/stages/${stageId}/submission`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.mine }),
  });
}
