import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { centreTrainingPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import type { ListQuery } from './use-assessments.ts';

export type CentreTrainingPage = z.infer<typeof centreTrainingPage>;

export const trainingsKey = ['centre-ops', 'trainings'] as const;
export const trainingsPath = (centreId: string) => `/training-centres/${centreId}/trainings`;

/** The trainings a centre recorded, a page at a time. */
export function useTrainings(centreId: string, query: ListQuery) {
  return useQuery({
    queryKey: [...trainingsKey, centreId, query],
    queryFn: () => api.get<CentreTrainingPage>(trainingsPath(centreId), query),
    placeholderData: keepPreviousData,
  });
}
