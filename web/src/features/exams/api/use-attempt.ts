import { useQuery } from '@tanstack/react-query';
import type { Attempt } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const attemptKey = (id: string) => ['exam-attempt', id] as const;

/** One attempt (with answers and explanations once it is graded). */
export function useAttempt(id: string | null) {
  return useQuery({ queryKey: attemptKey(id ?? ''), queryFn: () => api.get<Attempt>(`/learning/attempts/${id}`), enabled: Boolean(id) });
}
