import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddApprenticeRequest, Apprentice } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Adds one employee to the roster; the server checks the labour contract and other open classes. */
export function useAddApprentice(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddApprenticeRequest) => api.post<Apprentice>(`${classesPath}/${classId}/apprentices`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
