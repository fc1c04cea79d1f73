import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api.ts';
import { classesKey } from './use-classes.ts';

/** Takes an apprentice off a roster that is still being prepared. */
export function useRemoveApprentice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (apprenticeId: string) => request<void>('DELETE', `/apprentices/${apprenticeId}`),
    onSettled: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
