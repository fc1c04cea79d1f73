import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SelectionBatchDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationsKey } from './use-applications.ts';
import { batchKey } from './use-batch.ts';
import { batchesKey, batchesPath } from './use-batches.ts';

/** After a batch changes, its list entry and the applications it took or gave back change too. */
function useRefreshBatch(id: string) {
  const client = useQueryClient();
  return (batch?: SelectionBatchDetail) => {
    if (batch) client.setQueryData(batchKey(id), batch);
    void client.invalidateQueries({ queryKey: batchesKey });
    void client.invalidateQueries({ queryKey: applicationsKey });
  };
}

/** Puts an approved application of the region into an open batch (409 QUOTA_FULL when the quota is used up). */
export function useAddBatchApplication(id: string) {
  const refresh = useRefreshBatch(id);
  return useMutation({
    mutationFn: (applicationId: string) => api.post<SelectionBatchDetail>(`${batchesPath}/${id}/applications`, { applicationId }),
    onSuccess: refresh,
    onError: () => refresh(),
  });
}

/** Takes an application back out of an open batch (it is approved again, free for another batch). */
export function useRemoveBatchApplication(id: string) {
  const refresh = useRefreshBatch(id);
  return useMutation({
    mutationFn: (applicationId: string) => api.post<SelectionBatchDetail>(`${batchesPath}/${id}/applications/${applicationId}/remove`),
    onSuccess: refresh,
    onError: () => refresh(),
  });
}
