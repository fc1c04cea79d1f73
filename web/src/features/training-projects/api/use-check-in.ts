import { useMutation } from '@tanstack/react-query';
import type { CheckInResult } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Posts a scanned check-in token. */
export function useCheckIn() {
  return useMutation({ mutationFn: (token: string) => api.post<CheckInResult>('/learning/check-in', { token }) });
}
