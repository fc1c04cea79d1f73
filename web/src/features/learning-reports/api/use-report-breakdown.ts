import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BreakdownReport, ReportDimension } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ReportDatesQuery } from './use-report-summary.ts';

export const breakdownPath = '/learning/reports/breakdown';

/** The report's figures grouped by one dimension. */
export function useReportBreakdown(query: ReportDatesQuery & { dimension: ReportDimension }) {
  return useQuery({ queryKey: ['learning-reports', 'breakdown', query], queryFn: () => api.get<BreakdownReport>(breakdownPath, { ...query }), placeholderData: keepPreviousData });
}
