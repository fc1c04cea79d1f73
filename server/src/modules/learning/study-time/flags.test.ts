import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, studyDays, studyFlags, studySessions, watchedRanges, xapiStatements } from '../../../db/schema/index.ts';
import { buildTestApp, signIn, type Client, type TestApp } from '../../../test/app.ts';
import { REGULAR_BEATS } from './rules.ts';
import { projectedSeconds, seedCourse, seedLesson, signInLearner } from './test-support.ts';

let t: TestApp;
let course: Awaited<ReturnType<typeof seedCourse>>['course'];
let manager: Client;
beforeAll(async () => {
  t = await buildTestApp();
  ({ course } = await seedCourse(t));
  manager = await signIn(t, course.organisationId, 'training_manager');
});
afterAll(() => t.close());

const learner = () => signInLearner(t, course.organisationId);
const flagsOf = (personId: string) => t.db.select().from(studyFlags).where(eq(studyFlags.personId, personId));
/** Beat intervals a person's tab has: 15 s give or take a few seconds. */
const humanMs = (i: number) => 15_000 + ((i * 7919) % 3000) - 1500;

describe('flags', () => {
  it('flags parallel sessions: two clients of one learner beating within the same minute, once a day', async () => {
    const { player, person } = await learner();
    const video = await seedLesson(t, course);
    const phone = await player.open(video.id, 'phone-0001');
    const laptop = await player.open(video.id, 'laptop-0001');
    await player.beat(phone, {}, 5_000);
    await player.beat(laptop, {}, 5_000);
    await player.beat(phone, {}, 5_000);
    const flags = await flagsOf(person.id);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'parallel_sessions', status: 'open', sessionId: phone });
    expect((flags[0]!.detail as { clientKeys: string[] }).clientKeys.sort()).toEqual(['laptop-0001', 'phone-0001']);
  });

  it('does not flag one tab, nor a tab that took over from a session which ended', async () => {
    const { player, person } = await learner();
    const video = await seedLesson(t, course);
    const first = await player.open(video.id, 'phone-0002');
    await player.beat(first);
    await player.end(first);
    const second = await player.open(video.id, 'laptop-0002');
    for (let i = 0; i < 5; i++) await player.beat(second, {}, humanMs(i));
    expect(await flagsOf(person.id)).toEqual([]);
  });

  it('flags heartbeats with near-zero variance over 20 beats (a script), not a human tab', async () => {
    const human = await learner();
    const video = await seedLesson(t, course, { durationSeconds: 3600 });
    const tab = await human.player.open(video.id, 'human-tab-1');
    for (let i = 0; i < REGULAR_BEATS + 2; i++) await human.player.beat(tab, {}, humanMs(i));
    expect(await flagsOf(human.person.id)).toEqual([]);

    const bot = await learner();
    const script = await bot.player.open(video.id, 'script-tab-1');
    for (let i = 0; i < REGULAR_BEATS - 1; i++) await bot.player.beat(script, {}, 15_000);
    expect(await flagsOf(bot.person.id)).toEqual([]);
    await bot.player.beat(script, {}, 15_000);
    expect((await flagsOf(bot.person.id)).map((f) => f.kind)).toEqual(['regular_heartbeats']);
  });

  it('flags claimed play beyond what the day allows so far', async () => {
    const { player, person } = await learner();
    const video = await seedLesson(t, course, { durationSeconds: 86_000 });
    // 09:00 in Beijing: 32,400 seconds of the day have passed, so at most 64,800 seconds of play at 2×.
    const id = await player.open(video.id);
    const claimed = await player.beat(id, { segments: [[0, 70_000]] });
    expect(claimed.lesson.watchedSeconds).toBe(30);
    const [flag] = await flagsOf(person.id);
    expect(flag).toMatchObject({ kind: 'impossible_total', detail: { claimedSeconds: 70_000 } });
  });

  it('flags a lesson credited more than ten times its duration in a day', async () => {
    const { player, person } = await learner();
    const short = await seedLesson(t, course, { kind: 'rich_text', durationSeconds: 20 });
    const id = await player.open(short.id);
    for (let i = 0; i < 13; i++) await player.beat(id, { playing: false });
    expect(await flagsOf(person.id)).toEqual([]);
    await player.beat(id, { playing: false });
    const [flag] = await flagsOf(person.id);
    expect(flag).toMatchObject({ kind: 'impossible_total', detail: { lessonId: short.id, durationSeconds: 20 } });
  });
});

/** A learner with a flagged, ended session on a completed micro-course. */
async function flaggedSession() {
  const { player, person } = await learner();
  const micro = await seedLesson(t, course, { kind: 'micro_course', durationSeconds: 30 });
  await player.open(micro.id, 'laptop-0003');
  const phone = await player.open(micro.id, 'phone-0003');
  await player.beat(phone, { segments: [[0, 15]] });
  await player.beat(phone, { segments: [[15, 30]] });
  await player.end(phone);
  const [flag] = await flagsOf(person.id);
  return { person, micro, session: phone, flag: flag! };
}

describe('review', () => {
  it('clears a flag: the time stands, audited', async () => {
    const { person, micro, flag } = await flaggedSession();
    const response = await manager.post(`/api/v1/learning/study/flags/${flag.id}/review`, { decision: 'cleared', note: '同一人更换设备' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'cleared', reviewNote: '同一人更换设备', sessionCreditedSeconds: 30 });
    expect(await projectedSeconds(t, person.id, micro.id, 'micro-course')).toBe(30);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, flag.id), eq(auditLog.action, 'clear')));
    expect(audit).toBeTruthy();
    const again = await manager.post(`/api/v1/learning/study/flags/${flag.id}/review`, { decision: 'confirmed', note: '再次复核' });
    expect(again.statusCode).toBe(409);
  });

  it('confirms a flag: the session’s seconds leave study_days, its statements are voided and the completion is undone', async () => {
    const { person, micro, session, flag } = await flaggedSession();
    expect(await projectedSeconds(t, person.id, micro.id, 'micro-course')).toBe(30);
    const response = await manager.post(`/api/v1/learning/study/flags/${flag.id}/review`, { decision: 'confirmed', note: '两台设备同时刷课' });
    expect(response.statusCode, response.body).toBe(200);
    const [day] = await t.db.select().from(studyDays).where(eq(studyDays.personId, person.id));
    expect(day!.creditedSeconds).toBe(0);
    const [row] = await t.db.select().from(studySessions).where(eq(studySessions.id, session));
    expect(row!.withdrawnAt).not.toBeNull();
    const statements = await t.db.select({ voided: xapiStatements.voided }).from(xapiStatements).where(eq(xapiStatements.registration, session));
    expect(statements.length).toBe(2);
    expect(statements.every((s) => s.voided)).toBe(true);
    expect(await projectedSeconds(t, person.id, micro.id, 'micro-course')).toBe(0);
    const [ranges] = await t.db.select().from(watchedRanges).where(eq(watchedRanges.personId, person.id));
    expect(ranges).toMatchObject({ ranges: [], completedAt: null });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, flag.id), eq(auditLog.action, 'confirm')));
    expect(audit!.after).toMatchObject({ withdrawnSeconds: 30 });
  });

  it('lists flags with filters and exports them', async () => {
    const { flag } = await flaggedSession();
    const open = await manager.get('/api/v1/learning/study/flags?status=open&kind=parallel_sessions');
    expect(open.statusCode).toBe(200);
    expect(open.json().items.map((f: { id: string }) => f.id)).toContain(flag.id);
    const regular = (await manager.get('/api/v1/learning/study/flags?kind=regular_heartbeats')).json().items;
    expect(regular.every((f: { kind: string }) => f.kind === 'regular_heartbeats')).toBe(true);
    const xlsx = await manager.get('/api/v1/learning/study/flags?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const bad = await manager.post(`/api/v1/learning/study/flags/${flag.id}/review`, { decision: 'maybe', note: '' });
    expect(bad.statusCode).toBe(400);
  });
});
