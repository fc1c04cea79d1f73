import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApprenticeshipClassPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export type ListQuery = Record<string, string | number | undefined>;

/** Every query about classes starts with this key, so one change refreshes lists, counts, details and rosters. */
export const classesKey = ['apprenticeship-classes'] as const;
export const classesPath = '/apprenticeship-classes';

/** Classes within reach (the organiser's own; a department's region, drafts excepted), a page at a time. */
export function useClasses(query: ListQuery) {
  return useQuery({
    queryKey: [...classesKey, 'list', query],
    queryFn: () => api.get<ApprenticeshipClassPage>(classesPath, query),
    placeholderData: keepPreviousData,
  });
}
