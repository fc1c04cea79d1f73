import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoticeSettings, UpdateNoticeSettingsRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { noticeSettingsKey } from './use-notice-settings.ts';

/** Sets the shortest public notice period (system admin; audited). */
export function useUpdateNoticeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNoticeSettingsRequest) => api.put<NoticeSettings>('/notices/settings', body),
    onSuccess: (settings) => client.setQueryData(noticeSettingsKey, settings),
  });
}
