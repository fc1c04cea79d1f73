import { useQuery } from '@tanstack/react-query';
import type { MyCoach } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

/** The employee's coach: role, gaps, today's live pushes and the recommendations not yet pushed (a pure read). */
export function useMyCoach() {
  return useQuery({ queryKey: coachKeys.me, queryFn: () => api.get<MyCoach>('/coach/me') });
}
