import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TrainingMatch, TrainingMatchTransition } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { incomingMatchesKey } from './use-incoming-matches.ts';

/** The centre's answer to a match request: accept, decline (with a comment) or mark completed. */
export function useRespondMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, transition, comment }: { id: string; transition: Exclude<TrainingMatchTransition, 'cancel'>; comment?: string }) =>
      api.post<TrainingMatch>(`/training-matches/${id}/${transition}`, { comment: comment || undefined }),
    onSuccess: () => void client.invalidateQueries({ queryKey: incomingMatchesKey }),
  });
}
