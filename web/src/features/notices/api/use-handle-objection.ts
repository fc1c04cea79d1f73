import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HandleObjectionRequest, NoticeDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { noticeKey } from './use-notice.ts';
import { noticesKey } from './use-notices.ts';

/** Records an objection's outcome; the answer is the notice as it now stands. */
export function useHandleObjection(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ objectionId, ...body }: HandleObjectionRequest & { objectionId: string }) =>
      api.post<NoticeDetail>(`/notices/${noticeId}/objections/${objectionId}/handle`, body),
    onSuccess: (notice) => {
      client.setQueryData(noticeKey(noticeId), notice);
      void client.invalidateQueries({ queryKey: [...noticesKey, 'list'] });
    },
  });
}
