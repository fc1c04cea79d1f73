import { useQuery } from '@tanstack/react-query';
import type { CourseDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { catalogueKey } from './keys.ts';

/** A course with its sections and lessons. */
export function useCourse(id: string | undefined) {
  return useQuery({ queryKey: [...catalogueKey, 'course', id], queryFn: () => api.get<CourseDetail>(`/learning/courses/${id}`), enabled: Boolean(id) });
}
