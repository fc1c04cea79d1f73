import { useQuery } from '@tanstack/react-query';
import type { TrainingCentreApplication } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationsKey, applicationsPath } from './use-applications.ts';

export const applicationKey = (id: string) => [...applicationsKey, 'one', id] as const;

/** One application with the transitions the signed-in user may take on it; a 404 when out of reach. */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKey(id ?? ''),
    queryFn: () => api.get<TrainingCentreApplication>(`${applicationsPath}/${id}`),
    enabled: Boolean(id),
  });
}
