import { useQuery } from '@tanstack/react-query';
import type { MyProjectDetail } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** One of my projects, stage by stage. */
export function useMyProject(id: string) {
  return useQuery({ queryKey: [...projectKeys.mine, id], queryFn: () => api.get<MyProjectDetail>(`/learning/my/projects/${id}`) });
}
