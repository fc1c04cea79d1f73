import { useQuery } from '@tanstack/react-query';
import type { MyProject } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** My projects with progress and the next due date. */
export function useMyProjects() {
  return useQuery({ queryKey: projectKeys.mine, queryFn: () => api.get<{ items: MyProject[] }>('/learning/my/projects') });
}
