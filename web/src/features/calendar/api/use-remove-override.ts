import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayStatus } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { calendarKey } from './use-calendar-year.ts';

/** Removes a date's correction, so the package decides it again (system admin; audited). */
export function useRemoveOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.post<CalendarDayStatus>(`/calendar/overrides/${date}/remove`),
    onSuccess: () => void client.invalidateQueries({ queryKey: calendarKey }),
  });
}
