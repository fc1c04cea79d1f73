import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LedgerEntry, RecordLedgerEntryRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { ledgerKey, ledgerPath } from './use-ledger.ts';

/** Books a refund received or a correction: a new entry, never a change to one already booked. */
export function useRecordEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordLedgerEntryRequest) => api.post<LedgerEntry>(`${ledgerPath}/entries`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ledgerKey }),
  });
}
