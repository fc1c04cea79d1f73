import { useQuery } from '@tanstack/react-query';
import type { ProjectOptions } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Instructors, courses, micro-courses, departments and role profiles the editor picks from. */
export function useProjectOptions(enabled: boolean) {
  return useQuery({ queryKey: ['training-projects', 'options'], queryFn: () => api.get<ProjectOptions>('/learning/projects/options'), enabled, staleTime: 60_000 });
}
