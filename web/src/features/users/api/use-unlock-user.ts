import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { usersKey } from './use-users.ts';

/** Lifts the lock that failed sign-ins put on an account. */
export function useUnlockUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<User>(`/users/${userId}/unlock`),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
