import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClassOnlineCourse, LinkOnlineCourseRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Links a platform course to a class: its apprentices' study time on it counts as online hours (progress refreshes too). */
export function useLinkOnlineCourse(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LinkOnlineCourseRequest) => api.post<ClassOnlineCourse>(`${classesPath}/${classId}/online-courses`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
