import { useQuery } from '@tanstack/react-query';
import type { SubsidyClaimPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The subsidy claims filed for one class (every claim query starts with `subsidy-claims`, so filing one refreshes it). */
export const claimsKey = ['subsidy-claims'] as const;

export function useClassClaims(classId: string) {
  return useQuery({
    queryKey: [...claimsKey, 'list', { classId }],
    queryFn: () => api.get<SubsidyClaimPage>('/subsidy-claims', { classId, sort: '-submittedAt', pageSize: 50 }),
  });
}
