import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { skillAssessmentPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export type SkillAssessmentPage = z.infer<typeof skillAssessmentPage>;
export type ListQuery = Record<string, string | number | undefined>;

export const assessmentsKey = ['centre-ops', 'assessments'] as const;
export const assessmentsPath = (centreId: string) => `/training-centres/${centreId}/assessments`;

/** A centre's recorded skill assessments, a page at a time (resident IDs masked by the server). */
export function useAssessments(centreId: string, query: ListQuery) {
  return useQuery({
    queryKey: [...assessmentsKey, centreId, query],
    queryFn: () => api.get<SkillAssessmentPage>(assessmentsPath(centreId), query),
    placeholderData: keepPreviousData,
  });
}
