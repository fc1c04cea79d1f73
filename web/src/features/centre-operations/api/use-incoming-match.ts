import { useQuery } from '@tanstack/react-query';
import type { TrainingMatchDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { incomingMatchesKey } from './use-incoming-matches.ts';

/** One match with its trainees' results (the assessments recorded with it). */
export function useIncomingMatch(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...incomingMatchesKey, 'one', id],
    queryFn: () => api.get<TrainingMatchDetail>(`/training-matches/${id}`),
    enabled,
  });
}
