import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** Asks for a person's full resident ID; the server records every reveal in the audit trail. Never cached. */
export function useRevealResidentId(id: string) {
  return useMutation({ mutationFn: () => api.post<{ residentId: string }>(`/people/${id}/reveal-resident-id`) });
}
