import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COACH_DEFAULT_SNOOZE_DAYS, type CoachPush, type MyCoach } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

export type PushAction = 'open' | 'snooze' | 'dismiss';

/** How the card looks once the server accepts the action: snoozed and dismissed pushes leave today's list. */
function applied(coach: MyCoach, id: string, action: PushAction): MyCoach {
  if (action === 'open') return { ...coach, pushes: coach.pushes.map((p) => (p.id === id ? { ...p, status: 'opened' as const } : p)) };
  return { ...coach, pushes: coach.pushes.filter((p) => p.id !== id) };
}

/**
 * Opens, snoozes (one day) or dismisses a push. The card changes at once (optimistic) and goes back to how it was
 * if the server refuses; either way the coach is read again afterwards.
 */
export function usePushAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: PushAction }) =>
      api.post<CoachPush>(`/coach/pushes/${id}/${action}`, action === 'snooze' ? { days: COACH_DEFAULT_SNOOZE_DAYS } : undefined),
    onMutate: async ({ id, action }) => {
      await client.cancelQueries({ queryKey: coachKeys.me });
      const before = client.getQueryData<MyCoach>(coachKeys.me);
      if (before) client.setQueryData(coachKeys.me, applied(before, id, action));
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(coachKeys.me, context.before);
    },
    onSettled: () => void client.invalidateQueries({ queryKey: coachKeys.me }),
  });
}
