import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSelectionBatchRequest, SelectionBatch } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { batchesKey, batchesPath } from './use-batches.ts';

/** Opens a selection batch in the officer's region. */
export function useCreateBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSelectionBatchRequest) => api.post<SelectionBatch>(batchesPath, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: batchesKey }),
  });
}
