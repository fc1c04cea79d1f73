import { useQuery } from '@tanstack/react-query';
import type { ApprenticeshipClass, ApprenticeshipClassPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Classes in reach whose name or organiser matches what was typed, for a picker. */
export function useClassOptions(search: string, enabled = true) {
  return useQuery({
    queryKey: ['apprenticeship-classes', 'options', search],
    queryFn: () => api.get<ApprenticeshipClassPage>('/apprenticeship-classes', { q: search || undefined, pageSize: 20, sort: '-startsOn' }),
    enabled,
    staleTime: 30_000,
  });
}

/** One class (its name for a picker that was opened with it chosen, or a printed filter). */
export function useClass(id: string | undefined) {
  return useQuery({
    queryKey: ['apprenticeship-classes', 'one', id],
    queryFn: () => api.get<ApprenticeshipClass>(`/apprenticeship-classes/${id}`),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
