import { useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type LedgerEntry, type LedgerPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { ledgerKey, ledgerPath, type LedgerQuery } from './use-ledger.ts';

/** A printed ledger is cut at this many lines (the export has them all); the page says so when it is. */
export const PRINT_MAX_ENTRIES = 2_000;

export interface AllLedgerEntries {
  items: LedgerEntry[];
  total: number;
  totals: LedgerPage['totals'];
}

/** Every entry the filters match, page after page, in posting order (for print). */
export function useAllLedgerEntries(filters: LedgerQuery) {
  return useQuery({
    queryKey: [...ledgerKey, 'all', filters],
    queryFn: async (): Promise<AllLedgerEntries> => {
      const first = await api.get<LedgerPage>(ledgerPath, { ...filters, sort: 'seq', page: 1, pageSize: MAX_PAGE_SIZE });
      const items = [...first.items];
      for (let page = 2; items.length < Math.min(first.total, PRINT_MAX_ENTRIES); page += 1) {
        const next = await api.get<LedgerPage>(ledgerPath, { ...filters, sort: 'seq', page, pageSize: MAX_PAGE_SIZE });
        if (!next.items.length) break;
        items.push(...next.items);
      }
      return { items: items.slice(0, PRINT_MAX_ENTRIES), total: first.total, totals: first.totals };
    },
  });
}
