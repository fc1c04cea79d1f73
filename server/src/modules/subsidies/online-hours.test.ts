import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClassOnlineCourse, ClassProgress } from '@fulcrum/shared';
import { apprenticeshipClassCourses, apprenticeshipClasses, apprentices, auditLog, courses, employments, studyFlags } from '../../db/schema/index.ts';
import { buildTestApp, Client, createUser, type TestApp } from '../../test/app.ts';
import { seedCourse, seedLesson, signInLearner } from '../learning/study-time/test-support.ts';
import { department, enterprise, expectStatus, issuePaths, type ErrorBody } from '../training-centres/test-support.ts';
import { seedApprentices, seedAssessment, seedClass, seedPolicy, seedSession } from './test-support.ts';

const CLASSES = '/api/v1/apprenticeship-classes';
const coursesUrl = (classId: string) => `${CLASSES}/${classId}/online-courses`;

let t: TestApp;
let entA: { id: string };
let adminA: Client;
let instructorA: Client;
let managerA: Client;
let officer: Client;
let adminB: Client;
let course: Awaited<ReturnType<typeof seedCourse>>['course'];

/** Staff sign-ins, renewed before each test: study time moves the clock past the 30 idle minutes of a sign-in. */
const usernames = new Map<Client, string>();
async function member(t: TestApp, organisationId: string, role: Parameters<typeof createUser>[2]) {
  const { user } = await createUser(t.db, organisationId, role);
  const client = await new Client(t.app).login(user.username);
  usernames.set(client, user.username);
  return client;
}
const signInStaff = () => Promise.all([...usernames].map(([client, username]) => client.login(username)));

beforeAll(async () => {
  t = await buildTestApp();
  officer = await member(t, (await department(t, 'baodi')).id, 'department_officer');
  entA = await enterprise(t);
  adminA = await member(t, entA.id, 'enterprise_admin');
  instructorA = await member(t, entA.id, 'instructor');
  managerA = await member(t, entA.id, 'training_manager');
  adminB = await member(t, (await enterprise(t)).id, 'enterprise_admin');
  ({ course } = await seedCourse(t, entA.id));
  await seedPolicy(t, 'baodi');
});
afterAll(() => t.close());
beforeEach(signInStaff);

/** A registered class of enterprise A (2026-02-01 for two years unless given). */
const classOfA = (options: Parameters<typeof seedClass>[2] = {}) => seedClass(t, entA.id, { status: 'registered', startsOn: '2026-02-01', ...options });

/** A learner of enterprise A with a player, on the class's roster. */
async function apprenticeLearner(classId: string) {
  const learner = await signInLearner(t, entA.id);
  const [employment] = await t.db.select().from(employments).where(eq(employments.personId, learner.person.id));
  const [apprentice] = await t.db
    .insert(apprentices)
    .values({ classId, personId: learner.person.id, employerOrganisationId: entA.id, employmentId: employment!.id, joinedOn: '2026-02-01', status: 'active' })
    .returning();
  return { ...learner, apprentice: apprentice! };
}

/** Studies a lesson in one tab for `beats` beats of 15 seconds (15 credited seconds each) and ends the session. */
async function study(player: Awaited<ReturnType<typeof signInLearner>>['player'], lessonId: string, beats: number, clientKey = 'tab-aaaa-1') {
  const id = await player.open(lessonId, clientKey);
  for (let i = 0; i < beats; i++) await player.beat(id);
  await player.end(id);
  return id;
}

const link = (client: Client, classId: string, courseId: string) => client.post(coursesUrl(classId), { courseId });
const unlink = (client: Client, url: string) => client.request({ method: 'DELETE', url });
const linked = async (classId: string) => Number((await t.db.select({ n: count() }).from(apprenticeshipClassCourses).where(eq(apprenticeshipClassCourses.classId, classId)))[0]!.n);
const hoursOf = async (classId: string, apprenticeId: string) => {
  const progress = await expectStatus<ClassProgress>(adminA.get(`${CLASSES}/${classId}/progress`), 200);
  return progress.apprentices.find((a) => a.apprenticeId === apprenticeId)!.hours;
};

describe('platform study time as online hours', () => {
  it('counts credited time on a linked course’s lessons as online hours, and not time on another course', async () => {
    const cls = await classOfA();
    const lesson = await seedLesson(t, course);
    const { course: other } = await seedCourse(t, entA.id);
    const otherLesson = await seedLesson(t, other);
    await expectStatus(link(adminA, cls.id, course.id), 201);
    const { player, apprentice } = await apprenticeLearner(cls.id);
    // 8 × 15 s = 120 s on the linked course; 12 × 15 s on the other one.
    await study(player, lesson.id, 4);
    await study(player, lesson.id, 4);
    await study(player, otherLesson.id, 12);
    await seedSession(t, cls.id, [{ apprenticeId: apprentice.id, personId: apprentice.personId, present: true }], { startTime: '08:30', endTime: '09:30' });

    expect(await hoursOf(cls.id, apprentice.id)).toEqual({ centralisedMinutes: 60, onlineMinutes: 2, platformMinutes: 2, onTheJobMinutes: 0, videoMinutes: 60, totalMinutes: 62, sessionsAttended: 1, sessionsMissed: 0 });
    const roster = (await expectStatus<{ items: { id: string; hours: { platformMinutes: number } }[] }>(adminA.get(`${CLASSES}/${cls.id}/apprentices`), 200)).items;
    expect(roster.find((a) => a.id === apprentice.id)!.hours.platformMinutes).toBe(2);
    const list = await expectStatus<{ items: ClassOnlineCourse[] }>(instructorA.get(coursesUrl(cls.id)), 200);
    expect(list.items).toEqual([expect.objectContaining({ courseId: course.id, title: course.title, platformMinutes: 2 })]);
    expect(list.items[0]!.lessonCount).toBeGreaterThanOrEqual(1);
  });

  it('floors to whole minutes after summing the days and sessions', async () => {
    const cls = await classOfA();
    const lesson = await seedLesson(t, course);
    await expectStatus(link(instructorA, cls.id, course.id), 201);
    const { player, apprentice } = await apprenticeLearner(cls.id);
    // 3 sessions of 45 s: 135 s → 2 minutes (each alone would floor to 0).
    for (let i = 0; i < 3; i++) await study(player, lesson.id, 3);
    expect((await hoursOf(cls.id, apprentice.id)).platformMinutes).toBe(2);
  });

  it('leaves out time outside the class’s dates', async () => {
    // The class starts tomorrow: today's study does not count, tomorrow's does.
    const today = t.clock.now();
    const tomorrow = new Date(today.getTime() + 24 * 3600_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const cls = await classOfA({ startsOn: tomorrow, durationYears: 1 });
    const lesson = await seedLesson(t, course);
    await expectStatus(link(adminA, cls.id, course.id), 201);
    const { player, apprentice } = await apprenticeLearner(cls.id);
    await study(player, lesson.id, 8);
    expect((await hoursOf(cls.id, apprentice.id)).platformMinutes).toBe(0);
    await player.later(24 * 3600_000);
    await study(player, lesson.id, 4);
    await signInStaff();
    expect((await hoursOf(cls.id, apprentice.id)).platformMinutes).toBe(1);
  });

  it('leaves out a day with an open flag until the flag is cleared, and a confirmed flag’s time for good', async () => {
    const cls = await classOfA();
    const lesson = await seedLesson(t, course);
    await expectStatus(link(adminA, cls.id, course.id), 201);
    const cleared = await apprenticeLearner(cls.id);
    const confirmed = await apprenticeLearner(cls.id);
    /** Two tabs beating at once: a parallel-sessions flag on today, 4 × 15 s credited in the second tab. */
    const flagged = async (who: typeof cleared) => {
      await who.player.open(lesson.id, 'laptop-0001');
      const phone = await who.player.open(lesson.id, 'phone-0001');
      for (let i = 0; i < 4; i++) await who.player.beat(phone);
      await who.player.end(phone);
      const [flag] = await t.db.select().from(studyFlags).where(eq(studyFlags.personId, who.person.id));
      expect(flag).toMatchObject({ status: 'open' });
      return flag!;
    };
    const first = await flagged(cleared);
    await study(cleared.player, lesson.id, 4, 'tab-other-1');
    const second = await flagged(confirmed);
    // The whole day is under review: neither the flagged session nor the other one counts yet.
    expect((await hoursOf(cls.id, cleared.apprentice.id)).platformMinutes).toBe(0);
    expect((await hoursOf(cls.id, confirmed.apprentice.id)).platformMinutes).toBe(0);

    await expectStatus(managerA.post(`/api/v1/learning/study/flags/${first.id}/review`, { decision: 'cleared', note: '同一人更换设备' }), 200);
    expect((await hoursOf(cls.id, cleared.apprentice.id)).platformMinutes).toBe(2);

    await expectStatus(managerA.post(`/api/v1/learning/study/flags/${second.id}/review`, { decision: 'confirmed', note: '两台设备同时刷课' }), 200);
    expect((await hoursOf(cls.id, confirmed.apprentice.id)).platformMinutes).toBe(0);
  });

  it('makes the settlement check flag ONLINE_SHARE_ABOVE_CAP from platform time', async () => {
    const cls = await classOfA();
    const lesson = await seedLesson(t, course);
    await expectStatus(link(adminA, cls.id, course.id), 201);
    const [steady] = await seedApprentices(t, cls, 1);
    const { player, apprentice } = await apprenticeLearner(cls.id);
    const present = [steady!, apprentice].map((a) => ({ apprenticeId: a.id, personId: a.personId, present: true }));
    // One recorded minute each; the learner adds 2 platform minutes: 2 of 3 online, above the 50 % cap.
    await seedSession(t, cls.id, present, { startTime: '08:30', endTime: '08:31' });
    await study(player, lesson.id, 8);
    await t.db.update(apprenticeshipClasses).set({ status: 'completed' }).where(eq(apprenticeshipClasses.id, cls.id));
    for (const a of [steady!, apprentice]) await seedAssessment(t, a.id, { passed: true, level: 3 });

    const preview = await expectStatus<{ findings: { code: string; apprenticeId: string; detail: Record<string, unknown> }[] }>(adminA.get(`${CLASSES}/${cls.id}/claim-preview?kind=settlement`), 200);
    const online = preview.findings.filter((f) => f.code === 'ONLINE_SHARE_ABOVE_CAP');
    expect(online.map((f) => f.apprenticeId)).toEqual([apprentice.id]);
    expect(online[0]!.detail).toMatchObject({ onlineMinutes: 2, totalMinutes: 3, shareBp: 6667, capBp: 5000 });
    const progress = await expectStatus<ClassProgress>(adminA.get(`${CLASSES}/${cls.id}/progress`), 200);
    expect(progress.apprentices.find((a) => a.apprenticeId === apprentice.id)).toMatchObject({ onlineAboveCap: true, onlineShareBp: 6666 });
  });
});

describe('linking courses to a class', () => {
  it('links and unlinks, each in the class’s audit trail', async () => {
    const cls = await classOfA({ status: 'draft' });
    const created = await expectStatus<ClassOnlineCourse>(link(instructorA, cls.id, course.id), 201);
    expect(created).toMatchObject({ courseId: course.id, title: course.title, platformMinutes: 0 });
    expect(created.addedByName).toBeTruthy();
    const removed = await unlink(instructorA, `${coursesUrl(cls.id)}/${course.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await linked(cls.id)).toBe(0);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, cls.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['link_course', 'unlink_course']);
    expect(audit[0]!.after).toMatchObject({ courseId: course.id });
    expect(audit[1]!.before).toMatchObject({ courseId: course.id });
    expect((await unlink(instructorA, `${coursesUrl(cls.id)}/${course.id}`)).statusCode).toBe(404);
  });

  it('links a published district course of the region, refuses an unknown, another organisation’s or an unpublished course with the field at fault', async () => {
    const cls = await classOfA();
    const { course: foreign } = await seedCourse(t, (await enterprise(t)).id);
    const { course: district } = await seedCourse(t, (await enterprise(t)).id);
    await t.db.update(courses).set({ visibility: 'district' }).where(eq(courses.id, district.id));
    const { course: draft } = await seedCourse(t, entA.id);
    await t.db.update(courses).set({ status: 'draft' }).where(eq(courses.id, draft.id));
    for (const [courseId, code] of [
      ['00000000-0000-4000-8000-000000000000', 'UNKNOWN_COURSE'],
      [foreign.id, 'UNKNOWN_COURSE'],
      [draft.id, 'NOT_PUBLISHED'],
    ] as const) {
      const body = await expectStatus<ErrorBody>(link(adminA, cls.id, courseId), 400);
      expect(issuePaths(body)).toEqual(['body.courseId']);
      expect(body.error.details!.issues![0]!.code).toBe(code);
    }
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(coursesUrl(cls.id), { courseId: 'nope' }), 400))).toContain('body.courseId');
    expect(await linked(cls.id)).toBe(0);
    await expectStatus(link(adminA, cls.id, district.id), 201);
    expect(await linked(cls.id)).toBe(1);
  });

  it('refuses a course linked twice (409), a class past training, another organisation’s class (404) and a non-recorder (403), changing nothing', async () => {
    const cls = await classOfA();
    await expectStatus(link(adminA, cls.id, course.id), 201);
    expect((await expectStatus<ErrorBody>(link(adminA, cls.id, course.id), 409)).error.code).toBe('CONFLICT');
    const done = await classOfA({ status: 'completed' });
    const filed = await classOfA({ status: 'filed' });
    for (const c of [done, filed]) expect((await expectStatus<ErrorBody>(link(adminA, c.id, course.id), 409)).error.code).toBe('INVALID_TRANSITION');
    expect((await unlink(adminA, `${coursesUrl(done.id)}/${course.id}`)).statusCode).toBe(409);
    expect((await link(adminB, cls.id, course.id)).statusCode).toBe(404);
    expect((await adminB.get(coursesUrl(cls.id))).statusCode).toBe(404);
    expect((await unlink(adminB, `${coursesUrl(cls.id)}/${course.id}`)).statusCode).toBe(404);
    // The HRSS officer sees the class but does not record for it.
    expect((await officer.get(coursesUrl(cls.id))).statusCode).toBe(200);
    expect((await unlink(officer, `${coursesUrl(cls.id)}/${course.id}`)).statusCode).toBe(403);
    const { course: another } = await seedCourse(t, entA.id);
    expect((await link(officer, cls.id, another.id)).statusCode).toBe(403);
    expect(await linked(cls.id)).toBe(1);
    expect(await linked(done.id)).toBe(0);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'link_course')));
    expect(audit).toHaveLength(1);
  });
});
