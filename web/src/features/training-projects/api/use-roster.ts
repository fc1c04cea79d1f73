import { useQuery } from '@tanstack/react-query';
import type { SessionRoster } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** A session's live roster, refreshed every few seconds while the page is open. */
export function useRoster(sessionId: string) {
  return useQuery({ queryKey: projectKeys.roster(sessionId), queryFn: () => api.get<SessionRoster>(`/learning/sessions/${sessionId}`), refetchInterval: 5_000 });
}
