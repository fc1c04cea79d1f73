import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnnualReview, FileAnnualReviewRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { reviewsKey } from './use-centre-reviews.ts';

/** Files a year's annual report; the server stores the year's figures as computed at that moment. */
export function useFileReview(centreId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FileAnnualReviewRequest) => api.post<AnnualReview>(`/training-centres/${centreId}/annual-reviews`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewsKey }),
  });
}
