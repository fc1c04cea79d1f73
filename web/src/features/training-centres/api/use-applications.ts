import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingCentreApplication } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export interface ApplicationPage {
  items: TrainingCentreApplication[];
  page: number;
  pageSize: number;
  total: number;
}
export type ListQuery = Record<string, string | number | undefined>;

/** Every query about applications starts with this key, so one change refreshes lists, counts and details. */
export const applicationsKey = ['training-centre-applications'] as const;
export const applicationsPath = '/training-centre-applications';

/** Applications within reach (an enterprise's own; a department's region, drafts excepted), a page at a time. */
export function useApplications(query: ListQuery, enabled = true) {
  return useQuery({
    queryKey: [...applicationsKey, 'list', query],
    queryFn: () => api.get<ApplicationPage>(applicationsPath, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
