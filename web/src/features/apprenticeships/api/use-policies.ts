import { useQuery } from '@tanstack/react-query';
import type { SubsidyPolicyList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The latest policy versions of a cohort year in the user's region: the duration limits the form shows. */
export function usePolicies(year: number | undefined) {
  return useQuery({
    queryKey: ['subsidy-policies', 'list', { year, latestOnly: true }],
    queryFn: () => api.get<SubsidyPolicyList>('/subsidy-policies', { year, latestOnly: 'true' }),
    enabled: year !== undefined,
    retry: false,
  });
}
