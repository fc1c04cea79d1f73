import { useQuery } from '@tanstack/react-query';
import type { ApprenticeshipClass } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

export const classKey = (id: string) => [...classesKey, 'detail', id] as const;

/** One class with its counts and the steps the signed-in user may take; 404 when out of reach. */
export function useClass(id: string | undefined) {
  return useQuery({ queryKey: classKey(id ?? ''), queryFn: () => api.get<ApprenticeshipClass>(`${classesPath}/${id}`), enabled: Boolean(id) });
}
