import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingMatch } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { matchingKey } from './use-training-needs.ts';

/** The requesting enterprise withdraws a request the centre has not answered yet. */
export function useWithdrawMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TrainingMatch>(`/training-matches/${id}/cancel`, {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: matchingKey }),
  });
}
