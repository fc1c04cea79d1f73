import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviseSubsidyPolicyRequest, SubsidyPolicy } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { policiesKey, policiesPath } from './use-policies.ts';

/** Writes the next version of a policy; the claims filed under earlier versions keep theirs. */
export function useRevisePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReviseSubsidyPolicyRequest }) => api.post<SubsidyPolicy>(`${policiesPath}/${id}/revisions`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: policiesKey }),
  });
}
