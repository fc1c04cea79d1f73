import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublishClaimsNoticeRequest, PublishClaimsNoticeResult } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { claimsKey } from './use-claims.ts';

/** Publishes approved claims as one public notice (公示); every claim in it moves into notice. */
export function usePublishClaimsNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishClaimsNoticeRequest) => api.post<PublishClaimsNoticeResult>('/subsidy-notices', body),
    onSettled: () => void client.invalidateQueries({ queryKey: claimsKey }),
  });
}
