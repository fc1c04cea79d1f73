import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSubsidyPolicyRequest, SubsidyPolicy } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { policiesKey, policiesPath } from './use-policies.ts';

/** Sets the first version of a region's policy for a cohort year. */
export function useCreatePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSubsidyPolicyRequest) => api.post<SubsidyPolicy>(policiesPath, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: policiesKey }),
  });
}
