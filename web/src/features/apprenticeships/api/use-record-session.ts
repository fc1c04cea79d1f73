import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClassSession, RecordClassSessionRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Records one session and who attended it; hours and progress follow from it. */
export function useRecordSession(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordClassSessionRequest) => api.post<ClassSession>(`${classesPath}/${classId}/sessions`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
