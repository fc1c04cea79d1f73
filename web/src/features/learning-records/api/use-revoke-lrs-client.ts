import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LrsClient } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { lrsClientsKey, lrsClientsPath } from './use-lrs-clients.ts';

/** Revokes a key: the courseware using it is refused from the next request on. */
export function useRevokeLrsClient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<LrsClient>(`${lrsClientsPath}/${id}/revoke`),
    onSuccess: () => void client.invalidateQueries({ queryKey: lrsClientsKey }),
  });
}
