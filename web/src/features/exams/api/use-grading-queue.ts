import { useQuery } from '@tanstack/react-query';
import type { GradingQueue } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const gradingKey = (id: string) => ['exam-grading', id] as const;

export function useGradingQueue(id: string) {
  return useQuery({ queryKey: gradingKey(id), queryFn: () => api.get<GradingQueue>(`/learning/exams/${id}/grading`) });
}
