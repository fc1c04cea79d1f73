import { useQuery } from '@tanstack/react-query';
import type { Person } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const personKey = (id: string) => ['person', id] as const;

/** One person with the employments the user may see; a 404 when out of reach. */
export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => api.get<Person>(`/people/${id}`) });
}
