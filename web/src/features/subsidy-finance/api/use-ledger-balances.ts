import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LedgerBalanceList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { ledgerKey, ledgerPath } from './use-ledger.ts';

/** What each claimant (or each class) has received net, by kind, largest balance first. */
export function useLedgerBalances(query: { groupBy: 'organisation' | 'class'; year?: string }) {
  return useQuery({
    queryKey: [...ledgerKey, 'balances', query],
    queryFn: () => api.get<LedgerBalanceList>(`${ledgerPath}/balances`, query),
    placeholderData: keepPreviousData,
  });
}
