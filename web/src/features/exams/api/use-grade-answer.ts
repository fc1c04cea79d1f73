import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GradeAnswerRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Grades one short answer; the queue, results and statistics refresh. */
export function useGradeAnswer(examId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, questionId, input }: { attemptId: string; questionId: string; input: GradeAnswerRequest }) =>
      api.put<{ attemptStatus: string; score: number | null }>(`/learning/attempts/${attemptId}/answers/${questionId}/grade`, input),
    onSuccess: () => {
      for (const key of ['exam-grading', 'exam-results', 'exam-statistics']) void client.invalidateQueries({ queryKey: [key, examId] });
    },
  });
}
