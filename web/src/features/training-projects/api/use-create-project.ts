import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectRequest, ProjectDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Creates a project in draft. */
export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProjectRequest) => api.post<ProjectDetail>('/learning/projects', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
