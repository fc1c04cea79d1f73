import { useQuery } from '@tanstack/react-query';
import type { ApprenticeList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** The class's roster (花名册) with each apprentice's hours and assessment; ID numbers come masked. */
export function useApprentices(classId: string) {
  return useQuery({ queryKey: [...classesKey, 'apprentices', classId], queryFn: () => api.get<ApprenticeList>(`${classesPath}/${classId}/apprentices`) });
}
