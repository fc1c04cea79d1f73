import { useQuery } from '@tanstack/react-query';
import type { AnnualReviewDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { reviewsKey } from './use-centre-reviews.ts';

/** One annual report with its history and what the signed-in user may do with it. */
export function useAnnualReview(id: string | null) {
  return useQuery({
    queryKey: [...reviewsKey, 'one', id],
    queryFn: () => api.get<AnnualReviewDetail>(`/annual-reviews/${id}`),
    enabled: Boolean(id),
  });
}
