import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Person } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export type PersonSummary = Omit<Person, 'employments'>;
export interface PersonPage {
  items: PersonSummary[];
  page: number;
  pageSize: number;
  total: number;
}
export type ListQuery = Record<string, string | number | undefined>;

export const peopleKey = ['people'] as const;

/** People within the user's reach, a page at a time (resident IDs masked by the server). */
export function usePeople(query: ListQuery) {
  return useQuery({ queryKey: [...peopleKey, query], queryFn: () => api.get<PersonPage>('/people', query), placeholderData: keepPreviousData });
}
