import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnnualReview, DecideAnnualReviewRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { reviewsKey } from './use-centre-reviews.ts';

/** Decides an annual review; the centre's status changes at once on the server. */
export function useDecideReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideAnnualReviewRequest) => api.post<AnnualReview>(`/annual-reviews/${id}/decide`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewsKey }),
  });
}
