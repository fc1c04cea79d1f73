import { useQuery } from '@tanstack/react-query';
import type { NoticeDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { noticesKey } from './use-notices.ts';

export const noticeKey = (id: string) => [...noticesKey, 'detail', id] as const;

/** One notice with its entries and objections (officers). */
export function useNotice(id: string) {
  return useQuery({ queryKey: noticeKey(id), queryFn: () => api.get<NoticeDetail>(`/notices/${id}`) });
}
