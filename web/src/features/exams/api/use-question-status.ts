import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Question } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { questionsKey } from './use-questions.ts';

/** Retires a question or makes it active again. */
export function useQuestionStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retire' | 'reactivate' }) => api.post<Question>(`/learning/questions/${id}/${action}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: questionsKey }),
  });
}
