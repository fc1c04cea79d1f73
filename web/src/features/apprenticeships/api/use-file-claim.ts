import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSubsidyClaimRequest, SubsidyClaimDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimsKey } from './use-class-claims.ts';
import { classesKey } from './use-classes.ts';

/** Files a claim for a class: computed and checked by the server, submitted to the HRSS bureau at once. */
export function useFileClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSubsidyClaimRequest) => api.post<SubsidyClaimDetail>('/subsidy-claims', input),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: claimsKey });
      void client.invalidateQueries({ queryKey: classesKey });
    },
  });
}
