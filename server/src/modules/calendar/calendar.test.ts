import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOverrides } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, signIn, type TestApp } from '../../test/app.ts';

let t: TestApp;
let admin: Client;
let officer: Client;
let employee: Client;

interface Issue { path: string; code: string }
interface Day { date: string; weekday: number; kind: string; differsFromWeekRule: boolean; source: string; name: string; nameEn: string | null; note: string | null }
interface Year { year: number; coveredByPackage: boolean; packageYears: { first: number; last: number }; packageVersion: string; days: Day[] }
interface AuditRow { action: string; entityType: string; entityId: string; before: unknown; after: unknown; actorRole: string | null }

const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;
const overrideRows = () => t.db.select().from(calendarOverrides).orderBy(calendarOverrides.date);
const auditOf = async (date: string): Promise<AuditRow[]> => {
  const response = await admin.get(`/api/v1/audit?entityType=calendar_override&entityId=${date}&sort=at`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
};
const add = async (client: Client, date: string, days: number) => {
  const response = await client.get(`/api/v1/calendar/add?date=${date}&days=${days}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().result as string;
};

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const enterprise = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  admin = await signIn(t, platform.id, 'system_admin');
  officer = await signIn(t, platform.id, 'department_officer');
  employee = await signIn(t, enterprise.id, 'employee');
});
afterAll(() => t.close());

describe('reading the calendar', () => {
  it("lists a covered year's holidays and adjusted working days with their source", async () => {
    const response = await employee.get('/api/v1/calendar?year=2025');
    expect(response.statusCode).toBe(200);
    const body = response.json<Year>();
    expect(body).toMatchObject({ year: 2025, coveredByPackage: true, packageYears: { first: 2004 } });
    expect(body.packageYears.last).toBeGreaterThanOrEqual(2026);
    expect(body.packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.days.find((d) => d.date === '2025-01-26')).toEqual({
      date: '2025-01-26', weekday: 7, kind: 'workday', differsFromWeekRule: true, source: 'package', name: '春节', nameEn: 'Spring Festival', note: null,
    });
    expect(body.days.filter((d) => d.name === '春节' && d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ]);
    expect(body.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(body.days.map((d) => d.date)).toEqual([...body.days.map((d) => d.date)].sort());
  });

  it('says when the package does not cover a year, and lists nothing it would have to guess', async () => {
    const body = (await employee.get('/api/v1/calendar?year=2035')).json<Year>();
    expect(body).toMatchObject({ year: 2035, coveredByPackage: false, days: [] });
  });

  it('counts working days from (not counted) to (counted) across National Day 2025', async () => {
    const response = await employee.get('/api/v1/calendar/working-days?from=2025-09-30&to=2025-10-14');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ from: '2025-09-30', to: '2025-10-14', workingDays: 5 });
    expect((await employee.get('/api/v1/calendar/working-days?from=2025-10-01&to=2025-10-08')).json().workingDays).toBe(0);
    expect((await employee.get('/api/v1/calendar/working-days?from=2025-10-08&to=2025-10-08')).json().workingDays).toBe(0);
  });

  it('adds working days without counting the start day', async () => {
    const response = await employee.get('/api/v1/calendar/add?date=2025-09-30&days=5');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ date: '2025-09-30', days: 5, result: '2025-10-14' });
    expect(await add(employee, '2025-01-24', 1)).toBe('2025-01-26'); // Sunday, worked for Spring Festival
    expect(await add(employee, '2025-10-04', 0)).toBe('2025-10-04');
  });

  it('refuses bad queries with 400 and the field at fault', async () => {
    const cases: [string, string, string?][] = [
      ['/api/v1/calendar?year=abc', 'query.year'],
      ['/api/v1/calendar?year=1800', 'query.year'],
      ['/api/v1/calendar', 'query.year'],
      ['/api/v1/calendar?year=2025&month=1', 'query.month', 'UNKNOWN_FIELD'],
      ['/api/v1/calendar/working-days?from=2025-02-30&to=2025-03-10', 'query.from'],
      ['/api/v1/calendar/working-days?from=2025-03-10&to=2025-03-01', 'query.to', 'TO_BEFORE_FROM'],
      ['/api/v1/calendar/working-days?from=1850-01-01&to=2025-03-01', 'query.from', 'DATE_OUT_OF_RANGE'],
      ['/api/v1/calendar/add?date=2025-03-10&days=-1', 'query.days'],
      ['/api/v1/calendar/add?date=2025-03-10&days=1.5', 'query.days'],
      ['/api/v1/calendar/add?date=2025-03-10&days=100000', 'query.days'],
      ['/api/v1/calendar/add?date=20250310&days=1', 'query.date'],
    ];
    for (const [url, path, code] of cases) {
      const response = await employee.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(issuesOf(response.body), url).toContainEqual(expect.objectContaining(code ? { path, code } : { path }));
    }
  });

  it('needs a signed-in user', async () => {
    const response = await new Client(t.app).get('/api/v1/calendar?year=2025');
    expect(response.statusCode).toBe(401);
  });
});

describe('overrides', () => {
  it('a system admin makes the package\'s make-up Saturday a rest day; deadlines see it at once; the change is audited', async () => {
    expect(await add(employee, '2025-09-30', 5)).toBe('2025-10-14');
    const response = await admin.put('/api/v1/calendar/overrides/2025-10-11', { kind: 'holiday', name: '区内停工', note: '  供电检修  ' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ date: '2025-10-11', kind: 'holiday', name: '区内停工', note: '供电检修' });
    expect(response.json().updatedAt).toBe(t.clock.now().toISOString());

    // Saturday Oct 11 is now off: Oct 9, 10, 13, 14, 15.
    expect(await add(employee, '2025-09-30', 5)).toBe('2025-10-15');
    expect((await employee.get('/api/v1/calendar/working-days?from=2025-09-30&to=2025-10-14')).json().workingDays).toBe(4);
    const year = (await employee.get('/api/v1/calendar?year=2025')).json<Year>();
    expect(year.days.find((d) => d.date === '2025-10-11')).toEqual({
      date: '2025-10-11', weekday: 6, kind: 'holiday', differsFromWeekRule: false, source: 'override', name: '区内停工', nameEn: null, note: '供电检修',
    });

    expect(await auditOf('2025-10-11')).toEqual([
      expect.objectContaining({ action: 'create', actorRole: 'system_admin', before: null, after: { kind: 'holiday', name: '区内停工', note: '供电检修' } }),
    ]);
  });

  it('updating records before and after; repeating the same values changes nothing', async () => {
    await admin.put('/api/v1/calendar/overrides/2025-10-20', { kind: 'holiday', name: '测试', note: null });
    const updated = await admin.put('/api/v1/calendar/overrides/2025-10-20', { kind: 'workday', name: '测试上班' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ kind: 'workday', name: '测试上班', note: null });
    const again = await admin.put('/api/v1/calendar/overrides/2025-10-20', { kind: 'workday', name: '测试上班' });
    expect(again.statusCode).toBe(200);
    expect((await auditOf('2025-10-20')).map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, { kind: 'holiday', name: '测试', note: null }],
      ['update', { kind: 'holiday', name: '测试', note: null }, { kind: 'workday', name: '测试上班', note: null }],
    ]);
  });

  it('a working-day override on a weekend of a year the package lacks counts, and the year lists it', async () => {
    expect(await add(employee, '2035-01-05', 1)).toBe('2035-01-08'); // Friday → Monday
    expect((await admin.put('/api/v1/calendar/overrides/2035-01-06', { kind: 'workday', name: '调休上班' })).statusCode).toBe(200);
    expect(await add(employee, '2035-01-05', 1)).toBe('2035-01-06');
    const year = (await employee.get('/api/v1/calendar?year=2035')).json<Year>();
    expect(year.coveredByPackage).toBe(false);
    expect(year.days).toEqual([
      { date: '2035-01-06', weekday: 6, kind: 'workday', differsFromWeekRule: true, source: 'override', name: '调休上班', nameEn: null, note: null },
    ]);
  });

  it('removing an override gives the date back to the package, audited; removing it again is 404', async () => {
    const response = await admin.post('/api/v1/calendar/overrides/2025-10-11/remove');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ date: '2025-10-11', isWorkingDay: true, source: 'package', name: '国庆节' });
    expect(await add(employee, '2025-09-30', 5)).toBe('2025-10-14');
    expect((await auditOf('2025-10-11')).map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, { kind: 'holiday', name: '区内停工', note: '供电检修' }],
      ['remove', { kind: 'holiday', name: '区内停工', note: '供电检修' }, null],
    ]);
    const again = await admin.post('/api/v1/calendar/overrides/2025-10-11/remove');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');
  });

  it('only a system admin may edit: others get 403 and nothing changes', async () => {
    const before = await overrideRows();
    for (const client of [officer, employee]) {
      const put = await client.put('/api/v1/calendar/overrides/2025-11-03', { kind: 'holiday', name: '不许' });
      expect(put.statusCode).toBe(403);
      expect(put.json().error.code).toBe('FORBIDDEN');
      const remove = await client.post('/api/v1/calendar/overrides/2025-10-20/remove');
      expect(remove.statusCode).toBe(403);
    }
    expect(await overrideRows()).toEqual(before);
    expect(await auditOf('2025-11-03')).toEqual([]);
  });

  it('refuses a bad date, kind or body with 400 and the field at fault, writing nothing', async () => {
    const before = await overrideRows();
    const cases: [string, unknown, string, string?][] = [
      ['/api/v1/calendar/overrides/2025-02-29', { kind: 'holiday', name: 'x' }, 'params.date'],
      ['/api/v1/calendar/overrides/tomorrow', { kind: 'holiday', name: 'x' }, 'params.date'],
      ['/api/v1/calendar/overrides/2200-01-01', { kind: 'holiday', name: 'x' }, 'params.date', 'DATE_OUT_OF_RANGE'],
      ['/api/v1/calendar/overrides/2025-11-03', { kind: 'rest', name: 'x' }, 'body.kind'],
      ['/api/v1/calendar/overrides/2025-11-03', { kind: 'holiday' }, 'body.name'],
      ['/api/v1/calendar/overrides/2025-11-03', { kind: 'holiday', name: '   ' }, 'body.name'],
      ['/api/v1/calendar/overrides/2025-11-03', { kind: 'holiday', name: 'x', source: 'package' }, 'body.source', 'UNKNOWN_FIELD'],
    ];
    for (const [url, payload, path, code] of cases) {
      const response = await admin.put(url, payload);
      expect(response.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(issuesOf(response.body)).toContainEqual(expect.objectContaining(code ? { path, code } : { path }));
    }
    const remove = await admin.post('/api/v1/calendar/overrides/2025-13-01/remove');
    expect(remove.statusCode).toBe(400);
    expect(issuesOf(remove.body)).toContainEqual(expect.objectContaining({ path: 'params.date' }));
    expect(await overrideRows()).toEqual(before);
  });
});
