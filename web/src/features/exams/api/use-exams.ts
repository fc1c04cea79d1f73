import { useQuery } from '@tanstack/react-query';
import type { Exam, ExamList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const examsKey = ['exams'] as const;

export function useExams() {
  return useQuery({ queryKey: examsKey, queryFn: () => api.get<ExamList>('/learning/exams') });
}

export function useExam(id: string) {
  return useQuery({ queryKey: [...examsKey, id], queryFn: () => api.get<Exam>(`/learning/exams/${id}`) });
}
