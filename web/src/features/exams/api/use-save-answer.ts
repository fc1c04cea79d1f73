import { useMutation } from '@tanstack/react-query';
import type { AnswerResponse } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Saves one answer as the learner goes. */
export function useSaveAnswer(attemptId: string) {
  return useMutation({
    mutationFn: ({ questionId, response }: { questionId: string; response: AnswerResponse }) => api.put<{ saved: true }>(`/learning/attempts/${attemptId}/answers/${questionId}`, { response }),
  });
}
