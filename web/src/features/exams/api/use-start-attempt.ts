import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Attempt } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { attemptKey } from './use-attempt.ts';
import { myExamsKey } from './use-my-exams.ts';

/** Starts an attempt (or answers the one in progress). */
export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (examId: string) => api.post<Attempt>(`/learning/exams/${examId}/attempts`),
    onSuccess: (attempt) => {
      client.setQueryData(attemptKey(attempt.id), attempt);
      void client.invalidateQueries({ queryKey: myExamsKey });
    },
  });
}
