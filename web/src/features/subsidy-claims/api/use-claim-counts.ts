import { useQuery } from '@tanstack/react-query';
import type { SubsidyClaimCounts } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimsKey, claimsPath } from './use-claims.ts';

/** How many claims within reach are in each status, and how many are overdue: the queue's tab badges. */
export function useClaimCounts() {
  return useQuery({ queryKey: [...claimsKey, 'counts'], queryFn: () => api.get<SubsidyClaimCounts>(`${claimsPath}/counts`) });
}
