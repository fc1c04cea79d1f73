import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResolveFindingRequest, SubsidyClaimDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimKey } from './use-claim.ts';
import { claimsKey, claimsPath } from './use-claims.ts';

/** The HRSS officer's resolution of one finding; excluding an apprentice recomputes the claim, so the answer is the whole claim. */
export function useResolveFinding(claimId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ findingId, body }: { findingId: string; body: ResolveFindingRequest }) =>
      api.post<SubsidyClaimDetail>(`${claimsPath}/${claimId}/findings/${findingId}/resolve`, body),
    onSuccess: (claim) => {
      client.setQueryData(claimKey(claim.id), claim);
      void client.invalidateQueries({ queryKey: claimsKey });
    },
    onError: () => void client.invalidateQueries({ queryKey: claimKey(claimId) }),
  });
}
