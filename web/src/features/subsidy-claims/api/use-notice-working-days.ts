import { useQueries } from '@tanstack/react-query';
import type { SubsidyPolicy } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/**
 * The notice period the server will use when none is typed: the longest `noticeWorkingDays` of the claims' policy
 * versions, never under the 5 working days of a public notice. Undefined while the versions load.
 */
export function useNoticeWorkingDays(policyIds: readonly string[]): number | undefined {
  const distinct = [...new Set(policyIds)];
  const policies = useQueries({
    queries: distinct.map((id) => ({
      queryKey: ['subsidy-policies', 'one', id],
      queryFn: () => api.get<SubsidyPolicy>(`/subsidy-policies/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  if (policies.some((p) => p.isPending)) return undefined;
  return Math.max(5, ...policies.map((p) => p.data?.noticeWorkingDays ?? 5));
}
