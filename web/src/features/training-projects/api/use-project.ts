import { useQuery } from '@tanstack/react-query';
import type { ProjectDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** One project with its stages, sessions and rules. */
export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.project(id), queryFn: () => api.get<ProjectDetail>(`/learning/projects/${id}`) });
}
