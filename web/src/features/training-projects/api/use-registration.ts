import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationResult } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Registers for a session (a seat or the waitlist), or gives the place up. */
export function useRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, cancel }: { sessionId: string; cancel: boolean }) =>
      api.post<RegistrationResult>(`/learning/sessions/${sessionId}/${cancel ? 'cancel-registration' : 'register'}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.mine }),
  });
}
