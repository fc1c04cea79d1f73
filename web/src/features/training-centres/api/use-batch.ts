import { useQuery } from '@tanstack/react-query';
import type { SelectionBatchDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { batchesKey, batchesPath } from './use-batches.ts';

export const batchKey = (id: string) => [...batchesKey, 'one', id] as const;

/** One batch with its applications and the transitions the signed-in user may take on it. */
export function useBatch(id: string) {
  return useQuery({ queryKey: batchKey(id), queryFn: () => api.get<SelectionBatchDetail>(`${batchesPath}/${id}`) });
}
