import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, User } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { usersKey } from './use-users.ts';

/** Creates an account with its first password and memberships. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api.post<User>('/users', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
