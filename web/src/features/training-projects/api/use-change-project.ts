import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectDetail } from '@fulcrum/shared';
import { request } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** A change to a project that answers the project: details, start/close, stages and their order, sessions, rules. */
export interface ProjectChange {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Below /learning/projects/:id, e.g. '/activate' or '/stages/<id>'. */
  path: string;
  body?: unknown;
}

export function useChangeProject(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ProjectChange) => request<ProjectDetail>(change.method, `/learning/projects/${projectId}${change.path}`, { body: change.body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
