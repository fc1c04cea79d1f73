import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SubsidyClaimPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export type ListQuery = Record<string, string | number | undefined>;

/** Every query about claims starts with this key, so one change refreshes lists, counts and details. */
export const claimsKey = ['subsidy-claims'] as const;
export const claimsPath = '/subsidy-claims';

/** Claims within reach (an organiser's own; a department's region), a page at a time. */
export function useClaims(query: ListQuery) {
  return useQuery({
    queryKey: [...claimsKey, 'list', query],
    queryFn: () => api.get<SubsidyClaimPage>(claimsPath, query),
    placeholderData: keepPreviousData,
  });
}
