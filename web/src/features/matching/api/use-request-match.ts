import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingMatchRequest, TrainingMatch } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** Sends a need's request to one of its proposed centres. */
export function useRequestMatch(needId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTrainingMatchRequest) => api.post<TrainingMatch>(`/training-needs/${needId}/matches`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: matchingKey }),
  });
}
