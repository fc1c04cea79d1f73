import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApprenticeshipClass, ClassTransition, TransitionRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classKey } from './use-class.ts';
import { classesKey, classesPath } from './use-classes.ts';

/** Takes one registration step (POST …/:id/<step>); the answer is the class in its new state. */
export function useClassTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: ClassTransition; body: TransitionRequest }) =>
      api.post<ApprenticeshipClass>(`${classesPath}/${id}/${action}`, body),
    onSuccess: (saved) => {
      client.setQueryData(classKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: classesKey });
    },
    // A refused step may mean the page shows an old state: reload it.
    onError: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
