import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimTransition, DisburseClaimRequest, SubsidyClaimDetail, TransitionRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimKey } from './use-claim.ts';
import { claimsKey, claimsPath } from './use-claims.ts';

/** The steps taken one by one on the claim page with a comment (filing is the class page's; notices and disbursement have their own bodies). */
export type PlainClaimAction = Extract<ClaimTransition, 'resubmit' | 'withdraw' | 'return' | 'hrss_approve' | 'finance_return' | 'finance_approve' | 'reject' | 'close'>;
export const plainClaimActions: readonly PlainClaimAction[] = ['hrss_approve', 'finance_approve', 'resubmit', 'close', 'return', 'finance_return', 'reject', 'withdraw'];

/** The URL of a step is its name in kebab-case (hrss_approve → hrss-approve). */
export const actionPath = (action: string) => action.replace(/_/g, '-');

export type TransitionInput = { id: string } & ({ action: PlainClaimAction; body: TransitionRequest } | { action: 'disburse'; body: DisburseClaimRequest });

/** Takes one workflow step on a claim (POST /subsidy-claims/:id/<step>); the answer is the claim in its new state. */
export function useClaimTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: TransitionInput) => api.post<SubsidyClaimDetail>(`${claimsPath}/${id}/${actionPath(action)}`, body),
    onSuccess: (claim) => {
      client.setQueryData(claimKey(claim.id), claim);
      void client.invalidateQueries({ queryKey: claimsKey });
    },
    // A refused step (a stale state) also means the page shows an old state: reload it.
    onError: () => void client.invalidateQueries({ queryKey: claimsKey }),
  });
}
