import { useQuery } from '@tanstack/react-query';
import type { AnnualReview } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const reviewsKey = ['centre-ops', 'annual-reviews'] as const;

/** The annual reports a centre has filed, with the decisions on them. */
export function useCentreReviews(centreId: string) {
  return useQuery({
    queryKey: [...reviewsKey, 'centre', centreId],
    queryFn: () => api.get<AnnualReview[]>(`/training-centres/${centreId}/annual-reviews`),
  });
}
