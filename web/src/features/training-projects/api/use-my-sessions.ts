import { useQuery } from '@tanstack/react-query';
import type { OfflineSession } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Sessions I teach (managers: all of the organisation's). */
export function useMySessions(upcoming: boolean) {
  return useQuery({ queryKey: [...projectKeys.sessions, upcoming], queryFn: () => api.get<{ items: OfflineSession[] }>('/learning/sessions', { upcoming: upcoming ? 'true' : undefined }) });
}
