import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { usersKey } from './use-users.ts';

/** Revokes one membership; sessions acting through it end at their next request. */
export function useRevokeMembership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => api.post<{ ok: true }>(`/memberships/${membershipId}/revoke`),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
