import { useQuery } from '@tanstack/react-query';
import type { TrainingCentre } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { centresKey, centresPath } from './use-centres.ts';

/** One certified centre; a 404 when out of reach. */
export function useCentre(id: string) {
  return useQuery({ queryKey: [...centresKey, 'one', id], queryFn: () => api.get<TrainingCentre>(`${centresPath}/${id}`) });
}
