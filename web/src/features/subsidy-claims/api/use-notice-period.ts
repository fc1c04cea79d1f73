import { useQuery } from '@tanstack/react-query';
import type { PublicNotice } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The period of a claim's notice as the public sees it (start, end, working days), readable by everyone who sees the claim. */
export function useNoticePeriod(noticeId: string | null) {
  return useQuery({
    queryKey: ['public-notices', 'one', noticeId],
    queryFn: () => api.get<PublicNotice>(`/public/notices/${noticeId}`),
    enabled: Boolean(noticeId),
    staleTime: 60_000,
  });
}
