import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SelectionBatch } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-applications.ts';

export interface BatchPage {
  items: SelectionBatch[];
  page: number;
  pageSize: number;
  total: number;
}

export const batchesKey = ['selection-batches'] as const;
export const batchesPath = '/selection-batches';

/** The selection batches of the department's region (all for a system administrator), a page at a time. */
export function useBatches(query: ListQuery) {
  return useQuery({ queryKey: [...batchesKey, 'list', query], queryFn: () => api.get<BatchPage>(batchesPath, query), placeholderData: keepPreviousData });
}
