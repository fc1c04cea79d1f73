import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarOverride, SetCalendarOverrideRequest } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';
import { calendarKey } from './use-calendar-year.ts';

/** Makes a date a rest day or a working day (system admin; audited). */
export function useSetOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ date, ...body }: SetCalendarOverrideRequest & { date: string }) => api.put<CalendarOverride>(`/calendar/overrides/${date}`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: calendarKey }),
  });
}
