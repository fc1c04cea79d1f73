import { useMutation } from '@tanstack/react-query';
import type { ReminderRunResult } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

/** Writes the due-soon and overdue reminders now (never twice). */
export function useRunReminders() {
  return useMutation({ mutationFn: () => api.post<ReminderRunResult>('/learning/projects/reminders/run') });
}
