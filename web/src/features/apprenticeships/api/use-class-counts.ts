import { useQuery } from '@tanstack/react-query';
import type { ApprenticeshipClassCounts } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** How many classes within reach are in each status and how many are overdue: the queue's tabs. */
export function useClassCounts() {
  return useQuery({ queryKey: [...classesKey, 'counts'], queryFn: () => api.get<ApprenticeshipClassCounts>(`${classesPath}/counts`) });
}
