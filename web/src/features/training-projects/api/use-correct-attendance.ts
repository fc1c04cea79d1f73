import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CorrectAttendanceRequest, SessionRoster } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { projectKeys } from './keys.ts';

/** Corrects one person's attendance with a note. */
export function useCorrectAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: CorrectAttendanceRequest & { personId: string }) => api.post<SessionRoster>(`/learning/sessions/${sessionId}/attendance/${personId}`, body),
    onSuccess: (roster) => client.setQueryData(projectKeys.roster(sessionId), roster),
  });
}
