import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApprenticeshipClass, CreateApprenticeshipClassRequest, UpdateApprenticeshipClassRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classKey } from './use-class.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Saves the registration form: creates the draft the first time, then edits it (draft or returned only). */
export function useSaveClass() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CreateApprenticeshipClassRequest | UpdateApprenticeshipClassRequest }) =>
      id ? api.patch<ApprenticeshipClass>(`${classesPath}/${id}`, input) : api.post<ApprenticeshipClass>(classesPath, input),
    onSuccess: (saved) => {
      client.setQueryData(classKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: classesKey });
    },
  });
}
