import { useQuery } from '@tanstack/react-query';
import type { TrainingMatchDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** One match with its history and its trainees' results. */
export function useMatch(id: string | null) {
  return useQuery({
    queryKey: [...matchingKey, 'match', id],
    queryFn: () => api.get<TrainingMatchDetail>(`/training-matches/${id}`),
    enabled: Boolean(id),
  });
}
