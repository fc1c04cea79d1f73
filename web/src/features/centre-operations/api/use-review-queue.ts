import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { annualReviewPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-assessments.ts';
import { reviewsKey } from './use-centre-reviews.ts';

export type AnnualReviewPage = z.infer<typeof annualReviewPage>;

/** The HRSS queue of annual reports of the region (all regions for a system administrator). */
export function useReviewQueue(query: ListQuery) {
  return useQuery({
    queryKey: [...reviewsKey, 'queue', query],
    queryFn: () => api.get<AnnualReviewPage>('/annual-reviews', query),
    placeholderData: keepPreviousData,
  });
}
