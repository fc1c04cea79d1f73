import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClassSessionPage } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath, type ListQuery } from './use-classes.ts';

/** The class's teaching sessions, newest first, a page at a time. */
export function useSessions(classId: string, query: ListQuery) {
  return useQuery({
    queryKey: [...classesKey, 'sessions', classId, query],
    queryFn: () => api.get<ClassSessionPage>(`${classesPath}/${classId}/sessions`, query),
    placeholderData: keepPreviousData,
  });
}
