import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassProgress, ClassSession } from '@fulcrum/shared';
import { apprentices, auditLog, classSessions, sessionAttendance } from '../../db/schema/index.ts';
import { buildTestApp, type Client, type TestApp } from '../../test/app.ts';
import { department, enterprise, expectStatus, issuePaths, member, type ErrorBody } from '../training-centres/test-support.ts';
import { seedApprentices, seedClass, seedPolicy, seedSession } from './test-support.ts';

const CLASSES = '/api/v1/apprenticeship-classes';

let t: TestApp;
let officer: Client;
let ficOfficer: Client;
let entA: { id: string };
let adminA: Client;
let instructorA: Client;
let adminB: Client;

const sessionsUrl = (classId: string) => `${CLASSES}/${classId}/sessions`;
const session = (attendeeIds: string[], overrides: Record<string, unknown> = {}) => ({
  date: '2026-03-02',
  kind: 'centralised',
  startTime: '08:30',
  endTime: '12:00',
  location: '宝坻职业技术学院实训楼 201',
  topic: '焊接工艺评定',
  videoRecorded: true,
  attendeeIds,
  ...overrides,
});
const sessionCount = async (classId: string) => Number((await t.db.select({ n: count() }).from(classSessions).where(eq(classSessions.classId, classId)))[0]!.n);

/** A registered class of enterprise A that started on 2026-02-01, with n apprentices in training. */
async function registeredWith(n: number, options: Parameters<typeof seedClass>[2] = {}) {
  const cls = await seedClass(t, entA.id, { status: 'registered', startsOn: '2026-02-01', ...options });
  return { cls, roster: await seedApprentices(t, cls, n) };
}

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  officer = await member(t, hrss.id, 'department_officer');
  ficOfficer = await member(t, (await department(t, 'baodi', 'fic')).id, 'department_officer');
  entA = await enterprise(t);
  adminA = await member(t, entA.id, 'enterprise_admin');
  instructorA = await member(t, entA.id, 'instructor');
  adminB = await member(t, (await enterprise(t)).id, 'enterprise_admin');
  await seedPolicy(t, 'baodi');
});
afterAll(() => t.close());

describe('recording a session', () => {
  it('records who attended: one attendance row per apprentice in training, present or absent, with the person', async () => {
    const { cls, roster } = await registeredWith(3);
    const [a, b, c] = roster;
    await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-02-20' }).where(eq(apprentices.id, c!.id));
    const recorded = await expectStatus<ClassSession>(instructorA.post(sessionsUrl(cls.id), session([a!.id])), 201);
    expect(recorded).toMatchObject({ classId: cls.id, date: '2026-03-02', kind: 'centralised', minutes: 210, videoRecorded: true, attendedCount: 1, absentCount: 1 });
    expect(recorded.recordedByName).toMatch(/instructor/);
    const rows = await t.db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, recorded.id));
    expect(rows.map((r) => [r.apprenticeId, r.personId, r.present]).sort()).toEqual(
      [
        [a!.id, a!.personId, true],
        [b!.id, b!.personId, false],
      ].sort(),
    );
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'record_session')));
    expect(audit!.after).toMatchObject({ sessionId: recorded.id, minutes: 210, present: 1, absent: 1 });
  });

  it('refuses a session overlapping another of the class that day (409), and takes one that starts as the other ends', async () => {
    const { cls, roster } = await registeredWith(1);
    await expectStatus(adminA.post(sessionsUrl(cls.id), session([roster[0]!.id])), 201);
    const overlap = await expectStatus<ErrorBody & { error: { details: { startTime: string } } }>(adminA.post(sessionsUrl(cls.id), session([], { startTime: '11:30', endTime: '13:00' })), 409);
    expect(overlap.error).toMatchObject({ code: 'CONFLICT', details: { startTime: '08:30', endTime: '12:00' } });
    expect((await adminA.post(sessionsUrl(cls.id), session([], { startTime: '07:00', endTime: '13:00' }))).statusCode).toBe(409);
    await expectStatus(adminA.post(sessionsUrl(cls.id), session([], { startTime: '12:00', endTime: '13:00', kind: 'online' })), 201);
    await expectStatus(adminA.post(sessionsUrl(cls.id), session([], { date: '2026-02-27' })), 201);
    expect(await sessionCount(cls.id)).toBe(3);
  });

  it('refuses dates outside the class or after today, and times out of order, at the field, writing nothing', async () => {
    const { cls, roster } = await registeredWith(1);
    const ids = [roster[0]!.id];
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(sessionsUrl(cls.id), session(ids, { date: '2026-01-31' })), 400))).toEqual(['body.date']);
    const future = await expectStatus<ErrorBody>(adminA.post(sessionsUrl(cls.id), session(ids, { date: '2026-03-03' })), 400);
    expect(future.error.details?.issues).toEqual([expect.objectContaining({ path: 'body.date', code: 'IN_FUTURE' })]);
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(sessionsUrl(cls.id), session(ids, { startTime: '12:00', endTime: '08:00' })), 400))).toEqual(['body.endTime']);
    expect(await sessionCount(cls.id)).toBe(0);
  });

  it('refuses attendees who are not in training in the class, at body.attendeeIds.<i>', async () => {
    const { cls, roster } = await registeredWith(2);
    const other = await registeredWith(1);
    await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-02-20' }).where(eq(apprentices.id, roster[1]!.id));
    const error = await expectStatus<ErrorBody>(adminA.post(sessionsUrl(cls.id), session([roster[0]!.id, other.roster[0]!.id, roster[1]!.id])), 400);
    expect(error.error.details?.issues).toEqual([
      expect.objectContaining({ path: 'body.attendeeIds.1', code: 'UNKNOWN_APPRENTICE' }),
      expect.objectContaining({ path: 'body.attendeeIds.2', code: 'UNKNOWN_APPRENTICE' }),
    ]);
    expect(await sessionCount(cls.id)).toBe(0);
  });

  it('records only in a registered class, only the organiser’s staff: 409 for a draft, 403 for departments, 404 for others', async () => {
    const draft = await seedClass(t, entA.id, { status: 'draft', startsOn: '2026-02-01' });
    expect((await expectStatus<ErrorBody>(adminA.post(sessionsUrl(draft.id), session([])), 409)).error.code).toBe('INVALID_TRANSITION');
    const { cls } = await registeredWith(1);
    expect((await officer.post(sessionsUrl(cls.id), session([]))).statusCode).toBe(403);
    expect((await ficOfficer.post(sessionsUrl(cls.id), session([]))).statusCode).toBe(403);
    expect((await adminB.post(sessionsUrl(cls.id), session([]))).statusCode).toBe(404);
    expect(await sessionCount(cls.id)).toBe(0);
  });

  it('lists the sessions newest first, filtered by kind, for the organiser and the bureau', async () => {
    const { cls, roster } = await registeredWith(1);
    const ids = [roster[0]!.id];
    await expectStatus(adminA.post(sessionsUrl(cls.id), session(ids, { date: '2026-02-10' })), 201);
    await expectStatus(adminA.post(sessionsUrl(cls.id), session(ids, { date: '2026-02-20', kind: 'online', videoRecorded: false })), 201);
    await expectStatus(adminA.post(sessionsUrl(cls.id), session(ids, { date: '2026-02-20', startTime: '14:00', endTime: '17:00', kind: 'on_the_job' })), 201);
    const page = await expectStatus<{ items: ClassSession[]; total: number }>(officer.get(sessionsUrl(cls.id)), 200);
    expect(page.items.map((s) => `${s.date} ${s.startTime}`)).toEqual(['2026-02-20 14:00', '2026-02-20 08:30', '2026-02-10 08:30']);
    const online = await expectStatus<{ items: ClassSession[]; total: number }>(adminA.get(`${sessionsUrl(cls.id)}?kind=online`), 200);
    expect(online).toMatchObject({ total: 1, items: [{ kind: 'online', attendedCount: 1, absentCount: 0 }] });
    expect((await adminB.get(sessionsUrl(cls.id))).statusCode).toBe(404);
  });
});

describe('progress', () => {
  it('computes each apprentice’s hours and shares against the policy in force (hand-checked)', async () => {
    const { cls, roster } = await registeredWith(3);
    const [a, b, c] = roster;
    const at = (present: boolean[]) => roster.map((r, i) => ({ apprenticeId: r.id, personId: r.personId, present: present[i]! }));
    // centralised 240 min, video: a present, b and c absent
    await seedSession(t, cls.id, at([true, false, false]), { date: '2026-02-02', kind: 'centralised', startTime: '08:30', endTime: '12:30', videoRecorded: true });
    // online 240 min, no video: a and b present
    await seedSession(t, cls.id, at([true, true, false]), { date: '2026-02-03', kind: 'online', startTime: '08:00', endTime: '12:00', videoRecorded: false });
    // on the job 120 min, video: a present
    await seedSession(t, cls.id, at([true, false, false]), { date: '2026-02-04', kind: 'on_the_job', startTime: '14:00', endTime: '16:00', videoRecorded: true });
    const progress = await expectStatus<ClassProgress>(officer.get(`${CLASSES}/${cls.id}/progress`), 200);
    expect(progress.policy).toMatchObject({ version: 1, minCentralisedHours: 160, onlineShareCapBp: 5_000, videoShareMinBp: 2_500 });
    expect(progress.sessions).toBe(3);
    expect(progress.totals).toEqual({ centralisedMinutes: 240, onlineMinutes: 240, onTheJobMinutes: 120, videoMinutes: 360, totalMinutes: 600 });
    const byId = new Map(progress.apprentices.map((p) => [p.apprenticeId, p]));
    // a: 600 min, online 240/600 = 40 %, video 360/600 = 60 %; 240 centralised minutes < 160 h
    expect(byId.get(a!.id)).toMatchObject({
      hours: { centralisedMinutes: 240, onlineMinutes: 240, platformMinutes: 0, onTheJobMinutes: 120, videoMinutes: 360, totalMinutes: 600, sessionsAttended: 3, sessionsMissed: 0 },
      onlineShareBp: 4_000,
      videoShareBp: 6_000,
      attendanceBp: 10_000,
      belowMinimum: true,
      onlineAboveCap: false,
      videoBelowMinimum: false,
    });
    // b: only the online session: 100 % online (above the 50 % cap), no video (below 25 %), 1 of 3 sessions = 3333 bp
    expect(byId.get(b!.id)).toMatchObject({ onlineShareBp: 10_000, videoShareBp: 0, attendanceBp: 3_333, belowMinimum: true, onlineAboveCap: true, videoBelowMinimum: true });
    // c: nothing attended: no shares to judge, still below the centralised minimum
    expect(byId.get(c!.id)).toMatchObject({ hours: { totalMinutes: 0, sessionsMissed: 3 }, onlineShareBp: 0, attendanceBp: 0, belowMinimum: true, onlineAboveCap: false, videoBelowMinimum: false });
  });

  it('meets the minimum exactly at the policy’s centralised hours, and shows no policy when none is in force', async () => {
    await seedPolicy(t, 'baodi', { year: 2027, effectiveFrom: '2026-01-01', minCentralisedHours: 4 });
    const { cls, roster } = await registeredWith(1, { startsOn: '2027-02-01' });
    const [a] = roster;
    await seedSession(t, cls.id, [{ apprenticeId: a!.id, personId: a!.personId, present: true }], { date: '2027-02-02', startTime: '08:00', endTime: '12:00', videoRecorded: false });
    const progress = await expectStatus<ClassProgress>(adminA.get(`${CLASSES}/${cls.id}/progress`), 200);
    expect(progress.policy).toMatchObject({ minCentralisedHours: 4 });
    expect(progress.apprentices[0]).toMatchObject({ belowMinimum: false, videoBelowMinimum: true, onlineAboveCap: false });

    const none = await registeredWith(1, { startsOn: '2036-02-01' });
    const empty = await expectStatus<ClassProgress>(adminA.get(`${CLASSES}/${none.cls.id}/progress`), 200);
    expect(empty.policy).toBeNull();
    expect(empty.apprentices[0]).toMatchObject({ belowMinimum: false, onlineAboveCap: false, videoBelowMinimum: false });
    expect((await adminB.get(`${CLASSES}/${none.cls.id}/progress`)).statusCode).toBe(404);
  });
});
