import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GradePracticalRequest, PracticalSubmission } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Grades one hand-in. */
export function useGrade(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, personId, ...body }: GradePracticalRequest & { stageId: string; personId: string }) =>
      api.post<PracticalSubmission>(`/learning/projects/${projectId}/stages/${stageId}/grades/${personId}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
