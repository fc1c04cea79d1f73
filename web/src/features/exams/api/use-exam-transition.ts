import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Exam } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { examsKey } from './use-exams.ts';

/** Publishes or closes an exam. */
export function useExamTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'close' }) => api.post<Exam>(`/learning/exams/${id}/${action}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: examsKey }),
  });
}
