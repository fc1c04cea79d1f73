import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsDimension, SubsidyStatistics } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Net subsidy amounts of the region grouped by one dimension, with distinct apprentices, classes and enterprises. */
export function useStatistics(query: { dimension: StatisticsDimension; year?: number; noticeId?: string }) {
  return useQuery({
    queryKey: ['subsidy-statistics', query],
    queryFn: () => api.get<SubsidyStatistics>('/subsidy-statistics', query),
    placeholderData: keepPreviousData,
  });
}
