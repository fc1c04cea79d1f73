import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LrsClientPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const lrsClientsKey = ['lrs-clients'] as const;
export const lrsClientsPath = '/lrs/clients';

export type ListQuery = Record<string, string | number | undefined>;

/** The organisation's LRS keys, a page at a time, each with the number of records it stored. */
export function useLrsClients(query: ListQuery) {
  return useQuery({ queryKey: [...lrsClientsKey, query], queryFn: () => api.get<LrsClientPage>(lrsClientsPath, query), placeholderData: keepPreviousData });
}
