import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTrainingNeedRequest, TrainingNeed } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** Posts a training need of the user's enterprise. */
export function useCreateNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTrainingNeedRequest) => api.post<TrainingNeed>('/training-needs', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: matchingKey }),
  });
}
