import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingCentreStats, TrainingCentreStatsQuery } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { centresKey, centresPath } from './use-centres.ts';

/** Certified centres in reach for a period: the total at its end, the new ones within it, and both per group. */
export function useCentreStats(query: Required<TrainingCentreStatsQuery>) {
  return useQuery({
    queryKey: [...centresKey, 'stats', query],
    queryFn: () => api.get<TrainingCentreStats>(`${centresPath}/stats`, query),
    placeholderData: keepPreviousData,
  });
}
