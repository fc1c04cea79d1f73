import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticePage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const noticesKey = ['notices'] as const;

/** Notices of the officer's region, with state and objection counts. */
export function useNotices(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...noticesKey, 'list', query], queryFn: () => api.get<NoticePage>('/notices', query), placeholderData: keepPreviousData });
}
