import { useQuery } from '@tanstack/react-query';
import type { Employee, Person } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The organisation's employees (current and former) whose name matches, to pick a learner from. */
export function useLearnerOptions(organisationId: string, search: string) {
  return useQuery({
    queryKey: ['lrs-learner-options', organisationId, search],
    queryFn: () => api.get<{ items: Employee[] }>(`/organisations/${organisationId}/employees`, { q: search || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
}

/** The learner a filter names, so the picker shows a name rather than an id (a link may carry only the id). */
export function useLearner(personId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['lrs-learner', personId],
    queryFn: () => api.get<Person>(`/people/${personId}`),
    enabled: Boolean(personId) && enabled,
    staleTime: 60_000,
  });
}
