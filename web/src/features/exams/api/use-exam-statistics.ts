import { useQuery } from '@tanstack/react-query';
import type { ExamStatistics } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export function useExamStatistics(id: string) {
  return useQuery({ queryKey: ['exam-statistics', id], queryFn: () => api.get<ExamStatistics>(`/learning/exams/${id}/statistics`) });
}
