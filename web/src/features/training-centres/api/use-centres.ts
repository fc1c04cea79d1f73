import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingCentre } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-applications.ts';

export interface CentrePage {
  items: TrainingCentre[];
  page: number;
  pageSize: number;
  total: number;
}

export const centresKey = ['training-centres'] as const;
export const centresPath = '/training-centres';

/** Certified centres within reach, with the list's filters, a page at a time. */
export function useCentres(query: ListQuery) {
  return useQuery({ queryKey: [...centresKey, 'list', query], queryFn: () => api.get<CentrePage>(centresPath, query), placeholderData: keepPreviousData });
}
