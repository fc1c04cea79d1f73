import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingCostPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const trainingCostsPath = '/learning/training-costs';
export const trainingCostsKey = ['learning-reports', 'costs'] as const;

/** The enterprise's recorded training costs in a period, latest first, with their total. */
export function useTrainingCosts(query: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number }) {
  return useQuery({ queryKey: [...trainingCostsKey, query], queryFn: () => api.get<TrainingCostPage>(trainingCostsPath, { ...query }), placeholderData: keepPreviousData });
}
