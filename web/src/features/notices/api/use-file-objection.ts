import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileObjectionRequest, FileObjectionResponse } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { publicNoticeKey } from './use-public-notice.ts';

/** Files a real-name objection to an open notice; the answer holds the reference code. */
export function useFileObjection(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FileObjectionRequest) => api.post<FileObjectionResponse>(`/public/notices/${noticeId}/objections`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: publicNoticeKey(noticeId) }),
  });
}
