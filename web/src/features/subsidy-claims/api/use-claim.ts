import { useQuery } from '@tanstack/react-query';
import type { SubsidyClaimDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimsKey, claimsPath } from './use-claims.ts';

export const claimKey = (id: string) => [...claimsKey, 'one', id] as const;

/** One claim with its findings, history and the transitions the signed-in user may take; a 404 when out of reach. */
export function useClaim(id: string | undefined) {
  return useQuery({
    queryKey: claimKey(id ?? ''),
    queryFn: () => api.get<SubsidyClaimDetail>(`${claimsPath}/${id}`),
    enabled: Boolean(id),
  });
}
