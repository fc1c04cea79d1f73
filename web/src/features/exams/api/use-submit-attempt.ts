import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Attempt } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { attemptKey } from './use-attempt.ts';
import { myExamsKey } from './use-my-exams.ts';

/** Submits the attempt; objective answers are graded at once. */
export function useSubmitAttempt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attemptId: string) => api.post<Attempt>(`/learning/attempts/${attemptId}/submit`),
    onSuccess: (attempt) => {
      client.setQueryData(attemptKey(attempt.id), attempt);
      void client.invalidateQueries({ queryKey: myExamsKey });
    },
  });
}
