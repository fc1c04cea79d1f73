import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** The number of records a list endpoint holds for these filters (one row fetched, the total read). */
export function useTotal(path: string, query: Record<string, string | boolean> = {}, enabled = true) {
  return useQuery({
    queryKey: ['total', path, query],
    queryFn: async () => (await api.get<{ total: number }>(path, { ...query, pageSize: 1 })).total,
    enabled,
  });
}
