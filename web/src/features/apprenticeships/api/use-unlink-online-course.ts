import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Unlinks a platform course from a class: its study time no longer counts. */
export function useUnlinkOnlineCourse(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => request<void>('DELETE', `${classesPath}/${classId}/online-courses/${courseId}`),
    onSettled: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
