import { useQuery } from '@tanstack/react-query';
import type { TrainingCentre } from '@fulcrum/shared';
import { api, ApiError } from '../../../lib/api.ts';

export const myCentreKey = ['centre-ops', 'mine'] as const;

/** The certified centre of the organisation the user acts for; `null` when it has none (the API's 404). */
export function useMyCentre() {
  return useQuery({
    queryKey: myCentreKey,
    queryFn: async () => {
      try {
        return await api.get<TrainingCentre>('/training-centres/mine');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
