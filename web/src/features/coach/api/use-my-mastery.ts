import { useQuery } from '@tanstack/react-query';
import type { MyMastery } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { coachKeys } from './keys.ts';

/** The employee's mastery of every knowledge point they have answered on, with the next review date. */
export function useMyMastery() {
  return useQuery({ queryKey: coachKeys.mastery, queryFn: () => api.get<MyMastery>('/coach/me/mastery') });
}
