import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertifySelectionBatchResult, PublishBatchNoticeRequest, SelectionBatchDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { applicationsKey } from './use-applications.ts';
import { batchKey } from './use-batch.ts';
import { batchesKey, batchesPath } from './use-batches.ts';
import { centresKey } from './use-centres.ts';

function useAfterBatchChange(id: string) {
  const client = useQueryClient();
  return {
    onSuccess: (batch: SelectionBatchDetail) => {
      client.setQueryData(batchKey(id), batch);
      void client.invalidateQueries({ queryKey: batchesKey });
      void client.invalidateQueries({ queryKey: applicationsKey });
      void client.invalidateQueries({ queryKey: centresKey });
    },
    onError: () => void client.invalidateQueries({ queryKey: batchKey(id) }),
  };
}

/** Publishes the batch's list as a public notice (at least 5 working days); the batch is then in notice. */
export function usePublishBatchNotice(id: string) {
  const after = useAfterBatchChange(id);
  return useMutation({
    mutationFn: (input: PublishBatchNoticeRequest) => api.post<SelectionBatchDetail>(`${batchesPath}/${id}/publish-notice`, input),
    ...after,
  });
}

/**
 * Certifies the batch once its notice has ended with every objection handled (409 NOTICE_NOT_ENDED /
 * OBJECTIONS_UNHANDLED otherwise): its applications become certified centres, those with an upheld objection are excluded.
 */
export function useCertifyBatch(id: string) {
  const after = useAfterBatchChange(id);
  return useMutation({
    mutationFn: () => api.post<CertifySelectionBatchResult>(`${batchesPath}/${id}/certify`),
    ...after,
  });
}
