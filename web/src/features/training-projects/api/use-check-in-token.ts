import { useQuery } from '@tanstack/react-query';
import type { CheckInToken } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** The session's current check-in token, fetched again the moment it is replaced. */
export function useCheckInToken(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['training-projects', 'token', sessionId],
    queryFn: () => api.get<CheckInToken>(`/learning/sessions/${sessionId}/check-in-token`),
    enabled,
    refetchInterval: (query) => {
      const expiresAt = query.state.data?.expiresAt;
      return expiresAt ? Math.max(500, new Date(expiresAt).getTime() - Date.now() + 200) : 5_000;
    },
  });
}
