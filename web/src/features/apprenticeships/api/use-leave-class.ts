import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Apprentice, LeaveClassRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { classesKey } from './use-classes.ts';

/** Records that an apprentice left a registered class (date and reason). */
export function useLeaveClass() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ apprenticeId, input }: { apprenticeId: string; input: LeaveClassRequest }) => api.post<Apprentice>(`/apprentices/${apprenticeId}/leave`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: classesKey }),
  });
}
