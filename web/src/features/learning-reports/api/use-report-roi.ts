import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RoiReport } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const roiPath = '/learning/reports/roi';

/** Training input beside output over a period; the hourly cost is optional. */
export function useReportRoi(query: { from?: string | undefined; to?: string | undefined; hourlyCostFen?: number | undefined }) {
  return useQuery({ queryKey: ['learning-reports', 'roi', query], queryFn: () => api.get<RoiReport>(roiPath, { ...query }), placeholderData: keepPreviousData });
}
