import { useQuery } from '@tanstack/react-query';
import type { MyExamList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const myExamsKey = ['my-exams'] as const;

/** The learner's exams with attempts left, best score and status. */
export function useMyExams() {
  return useQuery({ queryKey: myExamsKey, queryFn: () => api.get<MyExamList>('/learning/my/exams') });
}
