import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { CoachPush } from '@fulcrum/shared';
import { auditLog, coachPushes, notifications } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, signIn, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { recordLearning } from '../learning/record.ts';
import { catchUpProjection } from '../xapi/projector.ts';
import { expectStatus } from '../training-centres/test-support.ts';
import { assignProfile, coachCatalogue, coachEnterprise, coachWorld, getCoach, learnerAccount, pushCoach, type CoachCatalogue, type Learner } from './learner-test-support.ts';

const DAY = 86_400_000;
let t: TestApp;
let cat: CoachCatalogue;
let orgId: string;
let learner: Learner;
let colleague: Learner;

beforeAll(async () => {
  t = await buildTestApp();
  const world = await coachWorld(t, 2);
  ({ orgId, cat } = world);
  [learner, colleague] = world.learners as [Learner, Learner];
});
afterAll(() => t.close());

const pushesOf = (personId: string) => t.db.select().from(coachPushes).where(eq(coachPushes.personId, personId));
const notesOf = (personId: string) => t.db.select().from(notifications).where(and(eq(notifications.personId, personId), eq(notifications.kind, 'coach_push')));
const trail = (pushId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'coach_push'), eq(auditLog.entityId, pushId))).orderBy(auditLog.id);
const respond = (who: Learner, id: string, action: 'open' | 'dismiss' | 'snooze', body?: unknown) => who.client.post(`/api/v1/coach/pushes/${id}/${action}`, body);

/** Moves to the next morning and signs the learners in again. */
async function nextDay() {
  t.clock.advance(DAY);
  await learner.relogin();
  await colleague.relogin();
}

describe('POST /coach/me/pushes', () => {
  it('pushes the top recommendations up to the daily cap, each with one notification linking to the lesson', async () => {
    const coach = await pushCoach(learner.client);
    expect(coach.pushedToday).toBe(3);
    expect(coach.pushes.map((p) => p.lessonId)).toEqual([cat.lessons.hydraulicsShort, cat.lessons.safetyShort, cat.lessons.hydraulicsLong]);
    expect(coach.pushes.every((p) => p.status === 'pushed' && p.day === '2026-03-02')).toBe(true);
    expect(coach.pushes[0]!.reason['zh-CN']).toBe('‘液压原理’ 掌握度 0.30，岗位要求 0.95；本微课 10 分钟，覆盖该知识点');
    expect(coach.pushes[0]!.points[0]).toMatchObject({ name: '液压原理', mastery: expect.closeTo(0.3, 5) });
    // What is left is recommended beside them, never a lesson pushed today.
    expect(coach.recommendations.map((r) => r.lessonId)).toEqual([cat.lessons.safetyLong]);

    const notes = await notesOf(learner.personId);
    expect(notes).toHaveLength(3);
    const first = notes.find((n) => n.link === `/m/lessons/${cat.lessons.hydraulicsShort}`)!;
    expect(first.title).toEqual({ 'zh-CN': 'AI教练推荐：「液压原理速览」', 'en-US': 'Coach pick: "液压原理速览"' });
    expect(first.body).toEqual(coach.pushes[0]!.reason);
    const rows = await pushesOf(learner.personId);
    expect(rows.every((r) => r.notificationId && notes.some((n) => n.id === r.notificationId))).toBe(true);
    expect(await trail(coach.pushes[0]!.id)).toMatchObject([{ action: 'push', organisationId: orgId }]);
  });

  it('adds nothing when called again the same day', async () => {
    const again = await pushCoach(learner.client);
    expect(again.pushes).toHaveLength(3);
    expect(await pushesOf(learner.personId)).toHaveLength(3);
    expect(await notesOf(learner.personId)).toHaveLength(3);
  });

  it('the notifications reach the learner’s notification list', async () => {
    const list = await expectStatus<{ items: { kind: string; link: string }[] }>(learner.client.get('/api/v1/learning/notifications'), 200);
    expect(list.items.filter((n) => n.kind === 'coach_push').map((n) => n.link).sort()).toEqual(
      [cat.lessons.hydraulicsShort, cat.lessons.safetyShort, cat.lessons.hydraulicsLong].map((id) => `/m/lessons/${id}`).sort(),
    );
  });
});

describe('responses to a push', () => {
  let pushes: CoachPush[];
  beforeAll(async () => {
    pushes = (await getCoach(learner.client)).pushes;
  });

  it('opens a push (audited)', async () => {
    const opened = await expectStatus<CoachPush>(respond(learner, pushes[2]!.id, 'open'), 200);
    expect(opened.status).toBe('opened');
    expect((await trail(opened.id)).map((a) => [a.action, (a.after as { status: string }).status])).toEqual([['push', undefined], ['open', 'opened']]);
  });

  it('dismisses a push: gone from today’s pushes, and a dismissed push cannot be snoozed', async () => {
    const dismissed = await expectStatus<CoachPush>(respond(learner, pushes[0]!.id, 'dismiss'), 200);
    expect(dismissed.status).toBe('dismissed');
    expect((await trail(dismissed.id)).at(-1)).toMatchObject({ action: 'dismiss', before: { status: 'pushed' }, after: { status: 'dismissed' } });
    expect((await getCoach(learner.client)).pushes.map((p) => p.id)).not.toContain(dismissed.id);

    const refused = await respond(learner, dismissed.id, 'snooze', { days: 2 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'dismissed', allowed: [] } });
    expect((await trail(dismissed.id)).at(-1)!.action).toBe('dismiss');
  });

  it('snoozes a push for the days asked (bad days: 400 naming the field, nothing changed)', async () => {
    const bad = await respond(learner, pushes[1]!.id, 'snooze', { days: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('days');
    expect((await pushesOf(learner.personId)).find((p) => p.id === pushes[1]!.id)!.status).toBe('pushed');

    const snoozed = await expectStatus<CoachPush>(respond(learner, pushes[1]!.id, 'snooze', { days: 3 }), 200);
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.snoozedUntil).toBe(new Date(t.clock.now().getTime() + 3 * DAY).toISOString());
    expect((await trail(snoozed.id)).at(-1)).toMatchObject({ action: 'snooze', after: { status: 'snoozed' } });
  });

  it('a snooze without a body lasts one day', async () => {
    const [other] = (await pushCoach(colleague.client)).pushes;
    const snoozed = await expectStatus<CoachPush>(respond(colleague, other!.id, 'snooze'), 200);
    expect(snoozed.snoozedUntil).toBe(new Date(t.clock.now().getTime() + DAY).toISOString());
  });

  it('another person’s push is a 404 and stays as it was', async () => {
    const res = await respond(colleague, pushes[2]!.id, 'dismiss');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await pushesOf(learner.personId)).find((p) => p.id === pushes[2]!.id)!.status).toBe('opened');
    const strangerOrg = await coachEnterprise(t);
    const stranger = await learnerAccount(t, strangerOrg.id);
    expect((await respond(stranger, pushes[2]!.id, 'open')).statusCode).toBe(404);
  });

  it('the next day, the dismissed lesson rests and the snoozed one waits: neither is pushed or recommended', async () => {
    await nextDay();
    const coach = await pushCoach(learner.client);
    const seen = [...coach.pushes, ...coach.recommendations].map((p) => p.lessonId);
    expect(seen).not.toContain(cat.lessons.hydraulicsShort);
    expect(seen).not.toContain(cat.lessons.safetyShort);
    expect(coach.pushes.map((p) => p.lessonId)).toEqual([cat.lessons.hydraulicsLong, cat.lessons.safetyLong]);
    expect(coach.pushes.every((p) => p.day === '2026-03-03')).toBe(true);
    // Three days on, the snooze is over and the short safety lesson comes back; the dismissed one still rests.
    await nextDay();
    await nextDay();
    const later = await getCoach(learner.client);
    const ids = later.recommendations.map((r) => r.lessonId);
    expect(ids).toContain(cat.lessons.safetyShort);
    expect(ids).not.toContain(cat.lessons.hydraulicsShort);
  });
});

describe('a completed lesson', () => {
  it('marks its open pushes done when the completion is projected (audited), and a replay changes nothing', async () => {
    const [open] = (await pushCoach(learner.client)).pushes.filter((p) => p.status === 'pushed');
    const completed = { personId: learner.personId, verb: 'completed' as const, activity: { kind: 'lesson' as const, id: open!.lessonId, name: open!.title }, result: { completion: true }, timestamp: t.clock.now() };
    await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL, scheduleProjection: false }, orgId, [completed]);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    const row = (await pushesOf(learner.personId)).find((p) => p.id === open!.id)!;
    expect(row.status).toBe('done');
    expect((await trail(open!.id)).at(-1)).toMatchObject({ action: 'done', actorUserId: null, after: { status: 'done' } });
    // Done pushes stay on today's list; a second completion finds nothing open.
    expect((await getCoach(learner.client)).pushes.find((p) => p.id === open!.id)?.status).toBe('done');
    const audits = (await trail(open!.id)).length;
    await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL, scheduleProjection: false }, orgId, [{ ...completed, timestamp: t.clock.now() }]);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    expect(await trail(open!.id)).toHaveLength(audits);
  });
});

describe('the coach.push job', () => {
  it('pushes for every learner with a role profile through POST /system/jobs/coach.push/run, and a rerun adds nothing', async () => {
    const other = await coachEnterprise(t);
    const otherCat = await coachCatalogue(other.trainer);
    const far = await learnerAccount(t, other.id);
    await assignProfile(t, other.id, far.personId, otherCat.roleProfileId);
    const loose = await learnerAccount(t, orgId);
    await assignProfile(t, orgId, loose.personId, null);

    const gov = await createOrganisation(t.db, { type: 'government_department' });
    const admin = await signIn(t, gov.id, 'system_admin');
    const run = await expectStatus<{ ok: boolean; summary: Record<string, number> }>(admin.post('/api/v1/system/jobs/coach.push/run'), 200);
    expect(run.ok).toBe(true);
    expect(run.summary.learners).toBe(3);
    expect(run.summary.pushes).toBeGreaterThanOrEqual(3);
    expect(run.summary.notifications).toBe(run.summary.pushes);
    expect(await pushesOf(loose.personId)).toHaveLength(0);
    const farPushes = await pushesOf(far.personId);
    expect(farPushes.map((p) => p.organisationId)).toEqual([other.id, other.id, other.id]);
    // Only the enterprise's own lessons for its own learner.
    expect(farPushes.every((p) => Object.values(otherCat.lessons).includes(p.lessonId))).toBe(true);

    const rerun = await expectStatus<{ summary: Record<string, number> }>(admin.post('/api/v1/system/jobs/coach.push/run'), 200);
    expect(rerun.summary).toEqual({ learners: 3, pushes: 0, notifications: 0 });

    const listed = await expectStatus<{ items: { name: string }[] }>(admin.get('/api/v1/system/jobs'), 200);
    expect(listed.items.map((j) => j.name)).toContain('coach.push');
  });
});
