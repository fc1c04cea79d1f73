import { useQuery } from '@tanstack/react-query';
import type { ClassProgress } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Each apprentice's hours against the policy in force: what the settlement checks will find. */
export function useProgress(classId: string) {
  return useQuery({ queryKey: [...classesKey, 'progress', classId], queryFn: () => api.get<ClassProgress>(`${classesPath}/${classId}/progress`) });
}
