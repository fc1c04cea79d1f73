import { useQuery } from '@tanstack/react-query';
import type { TrainingCentre } from '@fulcrum/shared';
import { api, ApiError } from '../../../lib/api.ts';
import { centresKey, centresPath } from './use-centres.ts';

/** The signed-in user's organisation's certified centre, or null when it has none (the API's 404). */
export function useMyCentre() {
  return useQuery({
    queryKey: [...centresKey, 'mine'],
    queryFn: async () => {
      try {
        return await api.get<TrainingCentre>(`${centresPath}/mine`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
