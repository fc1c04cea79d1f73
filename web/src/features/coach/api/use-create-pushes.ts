import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyCoach } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

/** Asks the coach for today's pushes (idempotent within the daily cap); the answer replaces the card's data. */
export function useCreatePushes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MyCoach>('/coach/me/pushes'),
    onSuccess: (coach) => client.setQueryData(coachKeys.me, coach),
  });
}
