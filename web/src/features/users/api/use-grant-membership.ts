import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { usersKey } from './use-users.ts';

/** Gives an existing account a role in an organisation. */
export function useGrantMembership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, organisationId, role }: { userId: string; organisationId: string; role: Role }) =>
      api.post<User>(`/users/${userId}/memberships`, { organisationId, role }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
