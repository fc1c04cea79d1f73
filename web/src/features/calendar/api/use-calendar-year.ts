import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CalendarYear } from '@fulcrum/shared';
import { api } from '../../../lib/api.ts';

export const calendarKey = ['calendar'] as const;

/** A year's holidays, adjusted working days and corrections, and whether the package covers the year. */
export function useCalendarYear(year: number) {
  return useQuery({ queryKey: [...calendarKey, year], queryFn: () => api.get<CalendarYear>('/calendar', { year }), placeholderData: keepPreviousData });
}
