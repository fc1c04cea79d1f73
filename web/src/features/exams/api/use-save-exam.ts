import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Exam, ExamInput } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { examsKey } from './use-exams.ts';

/** Creates a draft exam. */
export function useCreateExam() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: ExamInput) => api.post<Exam>('/learning/exams', input), onSuccess: () => void client.invalidateQueries({ queryKey: examsKey }) });
}
