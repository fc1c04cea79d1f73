import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportSummary } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The dates every report takes (empty ones get the server's defaults). */
export interface ReportDatesQuery {
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  compareTo?: string | undefined;
}

export const summaryPath = '/learning/reports/summary';

/** Attainment at two dates, activity over the period, project completion and daily figures of everything in reach. */
export function useReportSummary(query: ReportDatesQuery) {
  return useQuery({ queryKey: ['learning-reports', 'summary', query], queryFn: () => api.get<ReportSummary>(summaryPath, { ...query }), placeholderData: keepPreviousData });
}
