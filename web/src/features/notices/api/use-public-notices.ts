import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicNoticePage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Published notices, for anyone (no sign-in). */
export function usePublicNotices(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['public-notices', query], queryFn: () => api.get<PublicNoticePage>('/public/notices', query), placeholderData: keepPreviousData });
}
