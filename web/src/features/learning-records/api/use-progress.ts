import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LearningProgressPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-lrs-clients.ts';

export const progressPath = '/lrs/progress';

/** Each learner's standing on each activity of the organisation, a page at a time. */
export function useProgress(query: ListQuery) {
  return useQuery({ queryKey: ['lrs-progress', query], queryFn: () => api.get<LearningProgressPage>(progressPath, query), placeholderData: keepPreviousData });
}
