import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StudyFlagPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const studyFlagsPath = '/learning/study/flags';
export const studyFlagsKey = ['study-flags'];

/** The organisation's study-time flags, one page with the filters in the URL. */
export function useStudyFlags(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...studyFlagsKey, query], queryFn: () => api.get<StudyFlagPage>(studyFlagsPath, query), placeholderData: keepPreviousData });
}
