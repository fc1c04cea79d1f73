import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LedgerPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const ledgerKey = ['subsidy-ledger'] as const;
export const ledgerPath = '/subsidy-ledger';

export type LedgerQuery = Record<string, string | number | undefined>;

/** One page of ledger entries in reach with the list's filters, and the totals of every entry the filters match. */
export function useLedger(query: LedgerQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...ledgerKey, 'list', query],
    queryFn: () => api.get<LedgerPage>(ledgerPath, query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
