import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { fulcrumVerbIri, learningActivityIri } from '@fulcrum/shared';
import { auditLog, offlineSessions, sessionCheckIns, stageProgress, xapiStatements } from '../../../db/schema/index.ts';
import { Client, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { GRACE_SECONDS, STEP_SECONDS } from './check-in-token.ts';
import { activate, type ProjectWorld, API, createProjectWith, enrolByHand, offlineStage, useProjectWorld, scheduleSession, seedLearner } from './test-support.ts';

/*
 * The session runs 10:00–12:00 (Beijing) on 2026-03-02: check-in opens at 09:30, counts as full until 10:15, closes
 * at 12:00. Accounts sign in again after each jump of the clock (sessions idle out after 30 minutes).
 */

let t: TestApp;
let world: ProjectWorld;
const at = (time: string) => new Date(`2026-03-02T${time}+08:00`);
useProjectWorld('2026-03-02T09:00:00+08:00', (app, w) => {
  t = app;
  world = w;
});

const login = (user: { username: string }) => new Client(t.app).login(user.username);

async function sessionWithLearners(registered: number, capacity = registered) {
  const { org, manager, instructorUser } = world;
  const project = await createProjectWith(manager, [offlineStage()]);
  const sessionId = await scheduleSession(manager, project.id, {
    stageId: project.stages[0]!.id,
    startsAt: at('10:00:00').toISOString(),
    endsAt: at('12:00:00').toISOString(),
    capacity,
    instructorUserId: instructorUser.id,
  });
  await activate(manager, project.id);
  const people = [];
  for (let i = 0; i < registered; i++) people.push(await seedLearner(t, org.id));
  await enrolByHand(manager, project.id, people.map((p) => p.person.id));
  for (const p of people) await p.client.post(`${API}/sessions/${sessionId}/register`);
  return { project, sessionId, people };
}

async function tokenAt(sessionId: string, when: Date) {
  t.clock.set(when);
  const response = await (await login(world.instructorUser)).get(`${API}/sessions/${sessionId}/check-in-token`);
  expect(response.statusCode).toBe(200);
  return response.json() as { token: string; url: string; issuedAt: string; expiresAt: string };
}

async function scan(user: { username: string }, token: string) {
  return (await login(user)).post(`${API}/check-in`, { token });
}

describe('the rotating token', () => {
  it('changes every step, is signed, and expires after its step plus the grace', async () => {
    const { sessionId, people } = await sessionWithLearners(1);
    const first = await tokenAt(sessionId, at('10:00:01'));
    expect(first.url).toBe(`${TEST_PUBLIC_URL}/m/check-in?t=${encodeURIComponent(first.token)}`);
    expect(new Date(first.expiresAt).getTime() - new Date(first.issuedAt).getTime()).toBe(STEP_SECONDS * 1000);
    const next = await tokenAt(sessionId, new Date(new Date(first.expiresAt).getTime() + 1000));
    expect(next.token).not.toBe(first.token);
    const [{ checkInSecret }] = await t.db.select({ checkInSecret: offlineSessions.checkInSecret }).from(offlineSessions).where(eq(offlineSessions.id, sessionId)) as [{ checkInSecret: string }];
    const roster = await (await login(world.instructorUser)).get(`${API}/sessions/${sessionId}`);
    expect(`${first.token} ${roster.body}`).not.toContain(checkInSecret);

    t.clock.set(new Date(new Date(first.expiresAt).getTime() + (GRACE_SECONDS + 1) * 1000));
    const expired = await scan(people[0]!.user, first.token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.details).toMatchObject({ reason: 'TOKEN_EXPIRED', issues: [{ path: 'body.token', code: 'TOKEN_EXPIRED' }] });

    const [id, step, signature] = next.token.split('.');
    const forged = `${id}.${Number(step) + 1}.${signature}`;
    const refused = await scan(people[0]!.user, forged);
    expect(refused.json().error.details.reason).toBe('TOKEN_INVALID');
    expect(await t.db.select().from(sessionCheckIns).where(eq(sessionCheckIns.sessionId, sessionId))).toEqual([]);

    // Scanned just before the code changed, posted within the grace: accepted.
    const last = await tokenAt(sessionId, at('10:01:10'));
    t.clock.set(new Date(new Date(last.expiresAt).getTime() + (GRACE_SECONDS - 2) * 1000));
    expect((await scan(people[0]!.user, last.token)).statusCode).toBe(200);
  });
});

describe('who may check in, and when', () => {
  it('is refused before the window opens and after the session ends', async () => {
    const { sessionId, people } = await sessionWithLearners(1);
    const early = await tokenAt(sessionId, at('09:29:00'));
    const tooEarly = await scan(people[0]!.user, early.token);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.details).toMatchObject({ reason: 'NOT_OPEN_YET', opensAt: at('09:30:00').toISOString() });
    const opening = await tokenAt(sessionId, at('09:30:00'));
    expect((await scan(people[0]!.user, opening.token)).json().state).toBe('full');

    const other = await sessionWithLearners(1);
    const late = await tokenAt(other.sessionId, at('12:00:05'));
    const tooLate = await scan(other.people[0]!.user, late.token);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error.details.reason).toBe('ALREADY_ENDED');
  });

  it('refuses people not enrolled, not registered, or waitlisted', async () => {
    const { sessionId, project } = await sessionWithLearners(1, 1);
    const waitlisted = await seedLearner(t, world.org.id);
    const unregistered = await seedLearner(t, world.org.id);
    const outsider = await seedLearner(t, world.org.id);
    await enrolByHand(world.manager, project.id, [waitlisted.person.id, unregistered.person.id]);
    expect((await waitlisted.client.post(`${API}/sessions/${sessionId}/register`)).json().status).toBe('waitlisted');
    const { token } = await tokenAt(sessionId, at('10:00:00'));
    const reasons = [];
    for (const user of [waitlisted.user, unregistered.user, outsider.user]) {
      const response = await scan(user, token);
      expect(response.statusCode).toBe(403);
      reasons.push(response.json().error.details.reason);
    }
    expect(reasons).toEqual(['WAITLISTED', 'NOT_REGISTERED', 'NOT_ENROLLED']);
  });
});

describe('attendance', () => {
  it('checks in once per person, full by start + 15 min, partial later, absent after the end; writes a statement', async () => {
    const { sessionId, people, project } = await sessionWithLearners(3);
    const [early, late, missing] = people;
    const first = await tokenAt(sessionId, at('10:15:00'));
    const ok = await scan(early!.user, first.token);
    expect(ok.json()).toMatchObject({ state: 'full', alreadyCheckedIn: false, sessionId, projectId: project.id, checkedInAt: at('10:15:00').toISOString() });
    const again = await tokenAt(sessionId, at('10:20:00'));
    const twice = await scan(early!.user, again.token);
    expect(twice.json()).toMatchObject({ state: 'full', alreadyCheckedIn: true, checkedInAt: at('10:15:00').toISOString() });
    expect((await scan(late!.user, again.token)).json().state).toBe('partial');

    const before = (await (await login(world.instructorUser)).get(`${API}/sessions/${sessionId}`)).json();
    expect(before.ended).toBe(false);
    expect(before.entries.find((e: { personId: string }) => e.personId === missing!.person.id).state).toBeNull();

    t.clock.set(at('12:00:01'));
    const roster = (await (await login(world.instructorUser)).get(`${API}/sessions/${sessionId}`)).json();
    const states = Object.fromEntries(roster.entries.map((e: { personId: string; state: string }) => [e.personId, e.state]));
    expect(states).toEqual({ [early!.person.id]: 'full', [late!.person.id]: 'partial', [missing!.person.id]: 'absent' });
    expect(roster.counts).toMatchObject({ full: 1, partial: 1, absent: 1 });

    const rows = await t.db.select().from(sessionCheckIns).where(eq(sessionCheckIns.sessionId, sessionId));
    expect(rows).toHaveLength(2);
    const statements = await t.db.select().from(xapiStatements).where(eq(xapiStatements.activityId, learningActivityIri(TEST_PUBLIC_URL, 'check-in', sessionId)));
    expect(statements).toHaveLength(2);
    expect(statements.every((s) => s.verbId === fulcrumVerbIri(TEST_PUBLIC_URL, 'checked-in'))).toBe(true);

    const stage = project.stages[0]!.id;
    const standing = await t.db.select().from(stageProgress).where(eq(stageProgress.stageId, stage));
    const byPerson = Object.fromEntries(standing.map((s) => [s.personId, s.status]));
    expect(byPerson).toEqual({ [early!.person.id]: 'completed', [late!.person.id]: 'in_progress', [missing!.person.id]: 'not_started' });
  });

  it('takes an instructor’s correction with a note, audited, and completes the stage', async () => {
    const { sessionId, people, project } = await sessionWithLearners(2);
    const [learner, other] = people;
    t.clock.set(at('12:30:00'));
    const instructor = await login(world.instructorUser);
    const noNote = await instructor.post(`${API}/sessions/${sessionId}/attendance/${learner!.person.id}`, { state: 'full' });
    expect(noNote.statusCode).toBe(400);
    const corrected = await instructor.post(`${API}/sessions/${sessionId}/attendance/${learner!.person.id}`, { state: 'full', note: '扫码失败，现场签到表为证' });
    expect(corrected.statusCode).toBe(200);
    const entry = corrected.json().entries.find((e: { personId: string }) => e.personId === learner!.person.id);
    expect(entry).toMatchObject({ state: 'full', method: 'manual', note: '扫码失败，现场签到表为证' });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'session_check_in'), eq(auditLog.entityId, `${sessionId}:${learner!.person.id}`)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'correct_attendance', before: { state: null }, after: { state: 'full', method: 'manual' } });
    const me = (await (await login(learner!.user)).get(`${API}/my/projects/${project.id}`)).json();
    expect(me.status).toBe('completed');
    expect(me.completedAt).toBe(at('12:30:00').toISOString());

    const otherInstructor = await seedLearner(t, world.org.id);
    expect((await otherInstructor.client.post(`${API}/sessions/${sessionId}/attendance/${other!.person.id}`, { state: 'full', note: 'x' })).statusCode).toBe(403);
  });
});
