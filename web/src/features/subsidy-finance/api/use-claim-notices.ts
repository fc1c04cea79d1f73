import { useQuery } from '@tanstack/react-query';
import type { NoticePage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The subject type the claims module publishes its notices under (one notice per batch of claims). */
export const CLAIMS_SUBJECT_TYPE = 'subsidy_claims';

/** The public notices of subsidy claims in reach, newest first: the batches a statistic can be narrowed to. */
export function useClaimNotices(enabled = true) {
  return useQuery({
    queryKey: ['notices', 'list', { subjectType: CLAIMS_SUBJECT_TYPE, options: true }],
    queryFn: () => api.get<NoticePage>('/notices', { subjectType: CLAIMS_SUBJECT_TYPE, sort: '-publishedAt', pageSize: 100 }),
    enabled,
    staleTime: 60_000,
  });
}
