import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedLrsClient, CreateLrsClientRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { lrsClientsKey, lrsClientsPath } from './use-lrs-clients.ts';

/** Creates a key pair; the answer carries the secret, which the server never shows again. */
export function useCreateLrsClient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLrsClientRequest) => api.post<CreatedLrsClient>(lrsClientsPath, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: lrsClientsKey }),
  });
}
