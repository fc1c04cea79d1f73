import { z } from 'zod';
import { isoDate } from '../common/pagination.ts';

/** What a date is made: a rest day ('holiday') or a working day ('workday'). */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** Where a date's status comes from: the chinese-days package, an admin override, or the plain Monday–Friday rule. */
export const calendarSources = ['package', 'override', 'week_rule'] as const;
export type CalendarSource = (typeof calendarSources)[number];

/** The years the calendar computes with; beyond them a date is refused rather than guessed. */
export const CALENDAR_FIRST_YEAR = 1900;
export const CALENDAR_LAST_YEAR = 2099;
/** The most working days one `add` request may step (about four years). */
export const MAX_ADD_WORKING_DAYS = 1000;

/** A calendar date `YYYY-MM-DD` (a real date, Asia/Shanghai calendar) within the years the calendar computes with. */
export const calendarDate = isoDate.refine(
  (v) => Number(v.slice(0, 4)) >= CALENDAR_FIRST_YEAR && Number(v.slice(0, 4)) <= CALENDAR_LAST_YEAR,
  { message: `a date from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`, params: { code: 'DATE_OUT_OF_RANGE' } },
);

export const calendarYearQuery = z.strictObject({
  year: z.coerce.number().int().min(CALENDAR_FIRST_YEAR).max(CALENDAR_LAST_YEAR),
});

/** A date the package or an override names (a statutory holiday, an adjusted working day, an admin's correction). */
export const calendarDay = z.object({
  date: isoDate,
  weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
  kind: z.enum(calendarDayKinds).describe('holiday: a rest day; workday: a working day'),
  differsFromWeekRule: z.boolean().describe('true when the date is a working Saturday/Sunday or a weekday off'),
  source: z.enum(['package', 'override']),
  name: z.string().describe('Chinese name, e.g. 春节 (for an adjusted working day: the holiday it makes up for)'),
  nameEn: z.string().nullable().describe('English name from the package; null for overrides'),
  note: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarYear = z.object({
  year: z.number().int(),
  coveredByPackage: z.boolean().describe('false: outside the package years only weekends are rest days, unless overridden'),
  packageYears: z.object({ first: z.number().int(), last: z.number().int() }),
  packageVersion: z.string(),
  days: z.array(calendarDay).describe('named dates in order; filter differsFromWeekRule for the exceptions to Monday–Friday'),
});
export type CalendarYear = z.infer<typeof calendarYear>;

/** Working days from `from` (not counted) to `to` (counted): the count addWorkingDays(from, n) walks. */
export const workingDaysQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from', params: { code: 'TO_BEFORE_FROM' } });
export const workingDaysResult = z.object({
  from: isoDate,
  to: isoDate,
  workingDays: z.number().int().describe('working days d with from < d ≤ to'),
});
export type WorkingDaysResult = z.infer<typeof workingDaysResult>;

export const addWorkingDaysQuery = z.strictObject({
  date: calendarDate,
  days: z.coerce.number().int().min(0).max(MAX_ADD_WORKING_DAYS),
});
export const addWorkingDaysResult = z.object({
  date: isoDate,
  days: z.number().int(),
  result: isoDate.describe('the days-th working day after date (date itself not counted); date itself when days is 0'),
});
export type AddWorkingDaysResult = z.infer<typeof addWorkingDaysResult>;

export const calendarDateParam = z.strictObject({ date: calendarDate });

export const setCalendarOverrideRequest = z.strictObject({
  kind: z.enum(calendarDayKinds),
  name: z.string().trim().min(1).max(50),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SetCalendarOverrideRequest = z.infer<typeof setCalendarOverrideRequest>;

export const calendarOverride = z.object({
  date: isoDate,
  kind: z.enum(calendarDayKinds),
  name: z.string(),
  note: z.string().nullable(),
  updatedBy: z.uuid().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type CalendarOverride = z.infer<typeof calendarOverride>;

/** One date's status as the calendar now computes it. */
export const calendarDayStatus = z.object({
  date: isoDate,
  isWorkingDay: z.boolean(),
  source: z.enum(calendarSources),
  name: z.string().nullable(),
});
export type CalendarDayStatus = z.infer<typeof calendarDayStatus>;
