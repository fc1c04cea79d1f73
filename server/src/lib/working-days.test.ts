import { describe, expect, it } from 'vitest';
import { isWorkday as packageIsWorkday } from 'chinese-days';
import {
  addCalendarDays,
  endOfShanghaiDay,
  isCoveredByPackage,
  packageCoverage,
  shanghaiDateOf,
  WorkingDayCalendar,
  type CalendarOverrideEntry,
} from './working-days.ts';

const calendar = new WorkingDayCalendar();

/** Every date from `from` to `to`, both included. */
function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}
const workingIn = (cal: WorkingDayCalendar, from: string, to: string) => datesFrom(from, to).filter((d) => cal.isWorkingDay(d));

describe('the package data', () => {
  it('covers 2004 to 2026 in chinese-days 1.5.x, and says so', () => {
    expect(packageCoverage.first).toBe(2004);
    expect(packageCoverage.last).toBeGreaterThanOrEqual(2026);
    expect(isCoveredByPackage(2025)).toBe(true);
    expect(isCoveredByPackage(2026)).toBe(true);
    expect(isCoveredByPackage(2003)).toBe(false);
    expect(isCoveredByPackage(packageCoverage.last + 1)).toBe(false);
  });

  // The package builds its own lookup tables in the process's local time, which shifts them a day west of UTC
  // (seen with TZ=America/New_York); that is why working-days.ts reads its JSON instead. East of UTC and in
  // UTC (China, CI) its functions are right, and our reading of the JSON must agree with them.
  const westOfUtc = new Date(2025, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)("agrees with the package's own isWorkday on every date it covers", () => {
    // Local-noon Date objects: the package formats dates in the process's local time zone.
    const differing = datesFrom(`${packageCoverage.first}-01-01`, `${packageCoverage.last}-12-31`).filter((d) => {
      const [y, m, day] = d.split('-').map(Number);
      return packageIsWorkday(new Date(y!, m! - 1, day!, 12)) !== calendar.isWorkingDay(d);
    });
    expect(differing).toEqual([]);
  });
});

describe('Spring Festival 2025 (Jan 28 – Feb 4 off; Sunday Jan 26 and Saturday Feb 8 worked)', () => {
  it('marks the holiday week and both make-up weekend days', () => {
    expect(workingIn(calendar, '2025-01-24', '2025-02-09')).toEqual([
      '2025-01-24', // Friday
      '2025-01-26', // Sunday, worked
      '2025-01-27',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
      '2025-02-08', // Saturday, worked
    ]);
    expect(calendar.statusOf('2025-01-29')).toEqual({ date: '2025-01-29', isWorkingDay: false, source: 'package', name: '春节' });
    expect(calendar.statusOf('2025-01-26')).toEqual({ date: '2025-01-26', isWorkingDay: true, source: 'package', name: '春节' });
    expect(calendar.statusOf('2025-02-09')).toEqual({ date: '2025-02-09', isWorkingDay: false, source: 'week_rule', name: null });
  });

  it('steps over the holiday', () => {
    expect(calendar.nextWorkingDay('2025-01-25')).toBe('2025-01-26');
    expect(calendar.nextWorkingDay('2025-01-27')).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-01-27', 4)).toBe('2025-02-08');
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-09')).toBe(6);
    expect(calendar.workingDaysBetween('2025-01-27', '2025-02-04')).toBe(0);
  });

  it('ends a 5-working-day notice published the Friday before it on Feb 7', () => {
    // Jan 24 not counted; Jan 26 (Sun, worked), Jan 27, Feb 5, 6, 7.
    expect(calendar.noticeEnd('2025-01-24', 5)).toBe('2025-02-07');
  });
});

describe('National Day 2025 (Oct 1–8 off; Sunday Sep 28 and Saturday Oct 11 worked)', () => {
  it('marks the holiday week and both make-up weekend days', () => {
    expect(workingIn(calendar, '2025-09-26', '2025-10-12')).toEqual([
      '2025-09-26',
      '2025-09-28', // Sunday, worked
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11', // Saturday, worked
    ]);
    expect(calendar.statusOf('2025-10-06').name).toBe('中秋'); // the package names Oct 6 for the Mid-autumn Festival
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
  });

  it('ends a 5-working-day notice that starts right before the holiday a fortnight later', () => {
    // Published Tuesday Sep 30: Oct 9, 10, 11 (Sat, worked), 13, 14 — not Oct 7 by plain weekdays.
    expect(calendar.noticeEnd('2025-09-30', 5)).toBe('2025-10-14');
    // Published Monday Sep 29: Sep 30, Oct 9, 10, 11, 13.
    expect(calendar.noticeEnd('2025-09-29', 5)).toBe('2025-10-13');
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-13')).toBe(4);
  });

  it('gives a mediation body 3 working days from a request received on the last day before it', () => {
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
  });
});

describe('a weekend that is a working day', () => {
  it('Sunday 2025-04-27, worked for Labour Day', () => {
    expect(new Date('2025-04-27T00:00:00Z').getUTCDay()).toBe(0);
    expect(calendar.isWorkingDay('2025-04-27')).toBe(true);
    expect(calendar.statusOf('2025-04-27')).toMatchObject({ source: 'package', name: '劳动节' });
    expect(calendar.nextWorkingDay('2025-04-25')).toBe('2025-04-27');
    expect(calendar.workingDaysBetween('2025-04-25', '2025-04-28')).toBe(2);
  });
});

describe('2026, as the package has it', () => {
  it('lists the exceptions to Monday–Friday', () => {
    const exceptions = calendar
      .namedDaysOf(2026)
      .filter((d) => d.differsFromWeekRule)
      .map((d) => `${d.date} ${d.kind} ${d.name}`);
    expect(exceptions).toEqual([
      '2026-01-01 holiday 元旦',
      '2026-01-02 holiday 元旦',
      '2026-01-04 workday 元旦', // Sunday
      '2026-02-14 workday 春节', // Saturday
      '2026-02-16 holiday 春节',
      '2026-02-17 holiday 春节',
      '2026-02-18 holiday 春节',
      '2026-02-19 holiday 春节',
      '2026-02-20 holiday 春节',
      '2026-02-23 holiday 春节',
      '2026-02-28 workday 春节', // Saturday
      '2026-04-06 holiday 清明',
      '2026-05-01 holiday 劳动节',
      '2026-05-04 holiday 劳动节',
      '2026-05-05 holiday 劳动节',
      '2026-05-09 workday 劳动节', // Saturday
      '2026-06-19 holiday 端午',
      '2026-09-20 workday 国庆节', // Sunday
      '2026-09-25 holiday 中秋',
      '2026-10-01 holiday 国庆节',
      '2026-10-02 holiday 国庆节',
      '2026-10-05 holiday 国庆节',
      '2026-10-06 holiday 国庆节',
      '2026-10-07 holiday 国庆节',
      '2026-10-10 workday 国庆节', // Saturday
    ]);
  });

  it('names the whole Spring Festival span Feb 15–23, weekends included', () => {
    const spring = calendar.namedDaysOf(2026).filter((d) => d.kind === 'holiday' && d.name === '春节');
    expect(spring.map((d) => d.date)).toEqual(datesFrom('2026-02-15', '2026-02-23'));
    expect(spring.filter((d) => !d.differsFromWeekRule).map((d) => d.weekday)).toEqual([7, 6, 7]);
  });

  it('counts 248 working days in 2025 and in 2026', () => {
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('runs a notice published on Friday 2026-02-13 over the Saturday make-up day and past the holiday', () => {
    // Feb 14 (Sat, worked), then Feb 24, 25, 26, 27.
    expect(calendar.noticeEnd('2026-02-13', 5)).toBe('2026-02-27');
    expect(calendar.noticeEnd('2026-02-13', 3)).toBe('2026-02-25');
  });
});

describe('conventions', () => {
  it('does not count the start day; 0 working days is the date itself', () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toBe('2025-03-04'); // Monday → Tuesday
    expect(calendar.addWorkingDays('2025-03-03', 0)).toBe('2025-03-03');
    expect(calendar.addWorkingDays('2025-03-01', 0)).toBe('2025-03-01'); // a Saturday stays put
    expect(calendar.addWorkingDays('2025-03-01', 1)).toBe('2025-03-03');
    expect(calendar.noticeEnd('2025-03-03', 5)).toBe('2025-03-10');
  });

  it('counts from exclusive, to inclusive; reversed ranges are negative', () => {
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-04')).toBe(1);
    expect(calendar.workingDaysBetween('2025-03-02', '2025-03-07')).toBe(5);
    expect(calendar.workingDaysBetween('2025-03-07', '2025-03-02')).toBe(-5);
  });

  it('matches a day-by-day count and inverts addWorkingDays across years with and without package data', () => {
    const cal = new WorkingDayCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '测试休息', note: null },
      { date: '2027-01-09', kind: 'workday', name: '测试上班', note: null },
    ]);
    const days = datesFrom('2024-12-20', '2027-01-20');
    const working = days.map((d) => cal.isWorkingDay(d));
    for (let i = 0; i < days.length; i += 11) {
      for (let j = i; j < days.length; j += 13) {
        const brute = working.slice(i + 1, j + 1).filter(Boolean).length;
        expect(cal.workingDaysBetween(days[i]!, days[j]!), `${days[i]} → ${days[j]}`).toBe(brute);
      }
    }
    for (const start of ['2025-01-24', '2025-09-30', '2026-02-13', '2026-12-25']) {
      for (const n of [0, 1, 3, 5, 15, 40]) expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
    }
  });

  it('refuses malformed dates and counts', () => {
    expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-1-1')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-03-03', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
    expect(() => calendar.noticeEnd('2025-03-03', 0)).toThrow(RangeError);
  });
});

describe('Asia/Shanghai dates', () => {
  it('takes the date of an instant in Beijing, not on the server', () => {
    expect(shanghaiDateOf(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01'); // 00:30 in Beijing
    expect(shanghaiDateOf(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });

  it('ends a day at 24:00 Beijing time', () => {
    expect(endOfShanghaiDay('2025-10-14').toISOString()).toBe('2025-10-14T16:00:00.000Z');
  });
});

describe('overrides', () => {
  const overrides: CalendarOverrideEntry[] = [
    { date: '2025-10-08', kind: 'workday', name: '国庆节调整', note: 'test: the district works on Oct 8' },
    { date: '2025-10-10', kind: 'holiday', name: '区内停工', note: null },
    { date: '2027-01-01', kind: 'holiday', name: '元旦', note: 'the package lacks 2027' },
  ];
  const cal = new WorkingDayCalendar(overrides);

  it('win over the package both ways', () => {
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2025-10-08')).toBe(true);
    expect(cal.isWorkingDay('2025-10-10')).toBe(false);
    expect(cal.statusOf('2025-10-08')).toEqual({ date: '2025-10-08', isWorkingDay: true, source: 'override', name: '国庆节调整' });
    // Published Sep 30: Oct 8, 9, 11, 13, 14 — Oct 10 now off.
    expect(cal.noticeEnd('2025-09-30', 5)).toBe('2025-10-14');
    expect(cal.noticeEnd('2025-09-30', 2)).toBe('2025-10-09');
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-12')).toBe(3);
  });

  it('are the only exceptions in a year the package lacks', () => {
    expect(isCoveredByPackage(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // Friday by the week rule
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.namedDaysOf(2027)).toEqual([
      { date: '2027-01-01', weekday: 5, kind: 'holiday', differsFromWeekRule: true, source: 'override', name: '元旦', nameEn: null, note: 'the package lacks 2027' },
    ]);
    expect(calendar.namedDaysOf(2027)).toEqual([]);
    expect(cal.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });
});
