import { useQuery } from '@tanstack/react-query';
import type { ClassOnlineCourseList } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** The platform courses linked to a class, with the credited study minutes of its apprentices on each. */
export function useOnlineCourses(classId: string) {
  return useQuery({ queryKey: [...classesKey, 'online-courses', classId], queryFn: () => api.get<ClassOnlineCourseList>(`${classesPath}/${classId}/online-courses`) });
}
