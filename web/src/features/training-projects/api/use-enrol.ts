import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentResult } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Enrols people by hand, or (without people) applies the rules again to enrol newcomers. */
export function useEnrol(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[] | null) =>
      personIds ? api.post<EnrolmentResult>(`/learning/projects/${projectId}/enrolments`, { personIds }) : api.post<EnrolmentResult>(`/learning/projects/${projectId}/rules/apply`),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
