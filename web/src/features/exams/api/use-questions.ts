import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QuestionPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const questionsKey = ['exam-questions'] as const;
export type QuestionQuery = Record<string, string | number | undefined>;

/** The question bank, a page at a time, filtered. */
export function useQuestions(query: QuestionQuery) {
  return useQuery({ queryKey: [...questionsKey, query], queryFn: () => api.get<QuestionPage>('/learning/questions', query), placeholderData: keepPreviousData });
}
