import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExamResultPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const examResultsPath = (id: string) => `/learning/exams/${id}/results`;

export function useExamResults(id: string, query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['exam-results', id, query], queryFn: () => api.get<ExamResultPage>(examResultsPath(id), query), placeholderData: keepPreviousData });
}
