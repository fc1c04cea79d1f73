import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import packageJson from 'chinese-days/package.json' with { type: 'json' };
import type { CalendarDay, CalendarDayKind, CalendarDayStatus } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import { calendarOverrides } from '../db/schema/index.ts';

/*
 * The working-day calendar of mainland China: statutory holidays and adjusted working weekends (调休) from the
 * `chinese-days` package, corrected by the admin-edited `calendar_overrides` table. Every deadline counted in
 * working days (public notice ≥ 5 working days; mediation accept/refuse within 3 working days) uses it.
 *
 * Dates are ISO calendar dates `YYYY-MM-DD` of the Asia/Shanghai calendar, handled as day numbers in UTC, so
 * the server's own time zone never shifts a date. Turn an instant into a date with `shanghaiDateOf`.
 *
 * Counting convention (one for every function): the day a period starts from is NOT counted, counting begins the
 * next day — Civil Code (民法典) art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算".
 * A period counted in working days therefore always ends on a working day (which also satisfies art. 203: a
 * period never ends on a statutory rest day), and that last day runs to 24:00 Beijing time (art. 203 para. 2).
 */

export type IsoDate = string;

export interface CalendarOverrideEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  note: string | null;
}

interface NamedDay {
  kind: CalendarDayKind;
  source: 'package' | 'override';
  name: string;
  nameEn: string | null;
  note: string | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`; throws a RangeError otherwise (callers validate input first). */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const n = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
    if (isoDateOf(n) === date) return n;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (day 0, 1970-01-01, was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const isWeekendDay = (day: number) => weekdayOf(day) >= 6;

/** Weekdays (Monday–Friday) among the day numbers before `day`, counted from Monday 1969-12-29 (day -3). */
function weekdaysBefore(day: number): number {
  const m = day + 3;
  const weeks = Math.floor(m / 7);
  return weeks * 5 + Math.min(m - weeks * 7, 5);
}

/** The date plus `days` calendar days. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumber(date) + days);
}

const shanghaiFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar date of an instant (e.g. the injectable clock's now), whatever the server's time zone. */
export function shanghaiDateOf(instant: Date): IsoDate {
  return shanghaiFormat.format(instant);
}

/** The instant a date ends in Beijing (24:00 +08:00): a period whose last day is `date` has run out from then on. */
export function endOfShanghaiDay(date: IsoDate): Date {
  // China Standard Time is UTC+8 all year (no daylight saving since 1991).
  return new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`);
}

// ---------------------------------------------------------------------------------------------
// The package's data: its documented JSON (the same data its functions use), read directly so that no
// Date parsing in the server's local time zone is involved. Values read "Spring Festival,春节,4"
// (English name, Chinese name, statutory days).

const packageTables = packageData as { holidays: Record<string, string>; workdays: Record<string, string> };

function parsePackage() {
  const days = new Map<number, NamedDay>();
  const years = new Set<number>();
  const add = (table: Record<string, string>, kind: CalendarDayKind) => {
    for (const [date, value] of Object.entries(table)) {
      const [nameEn, name] = value.split(',');
      days.set(dayNumber(date), { kind, source: 'package', name: name ?? nameEn ?? '', nameEn: nameEn ?? null, note: null });
      years.add(Number(date.slice(0, 4)));
    }
  };
  add(packageTables.holidays, 'holiday');
  add(packageTables.workdays, 'workday'); // an adjusted working day is never also a holiday; if it were, working wins, as in the package
  return { days, years, first: Math.min(...years), last: Math.max(...years) };
}

const fromPackage = parsePackage();

/** The years the installed chinese-days package has holiday arrangements for, and its version. */
export const packageCoverage = {
  first: fromPackage.first,
  last: fromPackage.last,
  version: (packageJson as { version: string }).version,
} as const;

/** True when the package knows the year's statutory holidays and adjusted working days. */
export const isCoveredByPackage = (year: number) => fromPackage.years.has(year);

// ---------------------------------------------------------------------------------------------

/**
 * Working days of mainland China: a date is a working day when an override says so, else when the package says so,
 * else when it is Monday–Friday. Pure and synchronous; build one with `loadCalendar(db)`.
 */
export class WorkingDayCalendar {
  /** Dates the package or an override names, overrides replacing the package's entry. */
  private readonly named: Map<number, NamedDay>;
  /** Named dates whose status differs from the Monday–Friday rule, in order, with the running correction. */
  private readonly exceptionDays: number[] = [];
  private readonly exceptionPrefix: number[] = [0];

  constructor(overrides: readonly CalendarOverrideEntry[] = []) {
    this.named = new Map(fromPackage.days);
    for (const o of overrides) {
      this.named.set(dayNumber(o.date), { kind: o.kind, source: 'override', name: o.name, nameEn: null, note: o.note });
    }
    for (const day of [...this.named.keys()].sort((a, b) => a - b)) {
      const working = this.named.get(day)!.kind === 'workday';
      if (working === isWeekendDay(day)) {
        this.exceptionDays.push(day);
        this.exceptionPrefix.push(this.exceptionPrefix.at(-1)! + (working ? 1 : -1));
      }
    }
  }

  private isWorking(day: number): boolean {
    const named = this.named.get(day);
    return named ? named.kind === 'workday' : !isWeekendDay(day);
  }

  /** Whether the date is a working day (法定工作日, adjusted working weekends included). */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(dayNumber(date));
  }

  /** A date's status and where it comes from. */
  statusOf(date: IsoDate): CalendarDayStatus {
    const day = dayNumber(date);
    const named = this.named.get(day);
    return { date, isWorkingDay: this.isWorking(day), source: named?.source ?? 'week_rule', name: named?.name ?? null };
  }

  /**
   * The n-th working day after `date`; `date` itself is not counted (民法典 art. 201), so a deadline of
   * "3 working days from receipt" is addWorkingDays(receivedOn, 3). n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let day = dayNumber(date);
    for (let left = n; left > 0; ) {
      day++;
      if (this.isWorking(day)) left--;
    }
    return isoDateOf(day);
  }

  /**
   * The last day of a public notice (公示) published on `start` that must last n working days: the publication day is
   * not counted (民法典 art. 201, the Civil Code's default for periods in days), so the notice runs n whole working
   * days after it and ends at 24:00 Beijing time of the returned day (see endOfShanghaiDay). This is one day longer
   * than notices that print their publication day as day 1, and never shorter than the rule's minimum.
   */
  noticeEnd(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a notice lasts at least 1 working day: ${n}`);
    return this.addWorkingDays(start, n);
  }

  /**
   * Working days d with from < d ≤ to — `from` excluded, `to` included, the inverse of addWorkingDays:
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return -this.workingDaysBetween(to, from);
    return weekdaysBefore(b + 1) - weekdaysBefore(a + 1) + this.correctionThrough(b) - this.correctionThrough(a);
  }

  /** The first working day after `date` (the date itself is not considered). */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** Every date of a year the package or an override names, in order (the exceptions carry differsFromWeekRule). */
  namedDaysOf(year: number): CalendarDay[] {
    const first = dayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const last = dayNumber(`${String(year).padStart(4, '0')}-12-31`);
    return [...this.named]
      .filter(([day]) => day >= first && day <= last)
      .sort(([a], [b]) => a - b)
      .map(([day, n]) => ({
        date: isoDateOf(day),
        weekday: weekdayOf(day),
        kind: n.kind,
        differsFromWeekRule: (n.kind === 'workday') === isWeekendDay(day),
        source: n.source,
        name: n.name,
        nameEn: n.nameEn,
        note: n.note,
      }));
  }

  /** The sum of the corrections to the weekday count for exception days ≤ day (binary search over the prefix sums). */
  private correctionThrough(day: number): number {
    let lo = 0;
    let hi = this.exceptionDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.exceptionDays[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return this.exceptionPrefix[lo]!;
  }
}

// ---------------------------------------------------------------------------------------------
// The calendar of a database: overrides are read once and kept until an edit invalidates them. Another server
// process on the same database sees an edit after at most MAX_AGE_MS.

const MAX_AGE_MS = 60_000;
const cache = new WeakMap<Db, { loadedAt: number; calendar: Promise<WorkingDayCalendar> }>();

/** The working-day calendar of a database (package + its override rows); services call this for every deadline. */
export function loadCalendar(db: Db): Promise<WorkingDayCalendar> {
  const hit = cache.get(db);
  if (hit && performance.now() - hit.loadedAt < MAX_AGE_MS) return hit.calendar;
  const calendar = db
    .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name, note: calendarOverrides.note })
    .from(calendarOverrides)
    .then((rows) => new WorkingDayCalendar(rows.map((r) => ({ ...r, kind: r.kind as CalendarDayKind }))));
  const entry = { loadedAt: performance.now(), calendar };
  cache.set(db, entry);
  calendar.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return calendar;
}

/** Drops the cached calendar of a database; call it after an override is written. */
export function invalidateCalendar(db: Db): void {
  cache.delete(db);
}
