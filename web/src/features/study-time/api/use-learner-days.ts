import { useQuery } from '@tanstack/react-query';
import type { LearnerStudyDays } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** A learner's credited time per day over the last 30 days (managers). */
export function useLearnerDays(personId: string | null) {
  return useQuery({
    queryKey: ['study-learner-days', personId],
    queryFn: () => api.get<LearnerStudyDays>(`/learning/study/learners/${personId}/days`),
    enabled: personId !== null,
  });
}
