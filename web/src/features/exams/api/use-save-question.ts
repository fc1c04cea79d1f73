import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Question, QuestionInput } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { questionsKey } from './use-questions.ts';

/** Adds a question, or rewrites one not yet used. */
export function useSaveQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: QuestionInput }) => (id ? api.put<Question>(`/learning/questions/${id}`, input) : api.post<Question>('/learning/questions', input)),
    onSuccess: () => void client.invalidateQueries({ queryKey: questionsKey }),
  });
}
