import { useQuery } from '@tanstack/react-query';
import type { LearningProgressList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The signed-in learner's own standing on each activity (a 404 when the account is not a person's). */
export function useMyProgress() {
  return useQuery({ queryKey: ['lrs-my-progress'], queryFn: () => api.get<LearningProgressList>('/lrs/my-progress'), retry: false });
}
