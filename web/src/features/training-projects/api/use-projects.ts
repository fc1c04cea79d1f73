import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TrainingProject } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

export const projectsPath = '/learning/projects';
type Page = { items: TrainingProject[]; page: number; pageSize: number; total: number };

/** The organisation's projects, a page at a time. */
export function useProjects(query: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: [...projectKeys.all, 'list', query], queryFn: () => api.get<Page>(projectsPath, query), placeholderData: keepPreviousData });
}
