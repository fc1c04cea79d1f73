import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export interface AuditPage {
  items: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

/** The audit trail within the user's reach, newest first unless sorted otherwise. */
export function useAudit(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['audit', query], queryFn: () => api.get<AuditPage>('/audit', query), placeholderData: keepPreviousData });
}
