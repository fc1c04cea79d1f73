import { useQuery } from '@tanstack/react-query';
import type { NoticeSettings } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const noticeSettingsKey = ['notice-settings'] as const;

/** The shortest public notice period (working days). */
export function useNoticeSettings() {
  return useQuery({ queryKey: noticeSettingsKey, queryFn: () => api.get<NoticeSettings>('/notices/settings') });
}
