import { useQuery } from '@tanstack/react-query';
import type { TrainingNeedDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** One training need with its matches. */
export function useTrainingNeed(id: string) {
  return useQuery({ queryKey: [...matchingKey, 'need', id], queryFn: () => api.get<TrainingNeedDetail>(`/training-needs/${id}`) });
}
