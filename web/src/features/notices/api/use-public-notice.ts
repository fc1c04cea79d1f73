import { useQuery } from '@tanstack/react-query';
import type { PublicNotice } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const publicNoticeKey = (id: string) => ['public-notice', id] as const;

/** A published notice as the public sees it (masked entries, no objector data). */
export function usePublicNotice(id: string) {
  return useQuery({ queryKey: publicNoticeKey(id), queryFn: () => api.get<PublicNotice>(`/public/notices/${id}`) });
}
