import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingNeed } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** Cancels an open need. */
export function useCancelNeed(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TrainingNeed>(`/training-needs/${id}/cancel`, {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: matchingKey }),
  });
}
