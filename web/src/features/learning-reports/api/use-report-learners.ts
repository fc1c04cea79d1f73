import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LearnerReportPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ReportDatesQuery } from './use-report-summary.ts';

export const learnersPath = '/learning/reports/learners';

export interface LearnersFilter extends ReportDatesQuery {
  page: number;
  pageSize: number;
  department?: string | undefined;
  roleProfileId?: string | undefined;
  attained?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

/** The enterprise's learners with a role profile, their gaps and activity, a page at a time. */
export function useReportLearners(query: LearnersFilter) {
  return useQuery({ queryKey: ['learning-reports', 'learners', query], queryFn: () => api.get<LearnerReportPage>(learnersPath, { ...query }), placeholderData: keepPreviousData });
}
