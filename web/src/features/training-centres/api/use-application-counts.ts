import { useQuery } from '@tanstack/react-query';
import type { TrainingCentreApplicationCounts } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationsKey, applicationsPath } from './use-applications.ts';

/** How many applications within reach are in each status, and how many are overdue: the review queue's tabs. */
export function useApplicationCounts() {
  return useQuery({
    queryKey: [...applicationsKey, 'counts'],
    queryFn: () => api.get<TrainingCentreApplicationCounts>(`${applicationsPath}/counts`),
  });
}
