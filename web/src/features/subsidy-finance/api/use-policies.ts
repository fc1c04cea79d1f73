import { useQuery } from '@tanstack/react-query';
import type { SubsidyPolicyList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const policiesKey = ['subsidy-policies'] as const;
export const policiesPath = '/subsidy-policies';

/** Every version of the policies in reach (the region's; a system admin's all), newest year and version first. */
export function usePolicies(query: { regionId?: string; year?: number; latestOnly?: 'true' | 'false' } = {}) {
  return useQuery({ queryKey: [...policiesKey, 'list', query], queryFn: () => api.get<SubsidyPolicyList>(policiesPath, query) });
}
