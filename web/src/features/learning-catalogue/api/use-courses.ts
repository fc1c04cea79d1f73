import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CourseSummary } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

export interface CourseQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  status?: string;
  trade?: string;
}

/** The courses the signed-in user may open. */
export function useCourses(query: CourseQuery) {
  return useQuery({
    queryKey: [...catalogueKey, 'courses', query],
    queryFn: () => api.get<{ items: CourseSummary[]; total: number; page: number; pageSize: number }>('/learning/courses', { ...query }),
    placeholderData: keepPreviousData,
  });
}
