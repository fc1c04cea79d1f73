import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications } from '../../../db/schema/index.ts';
import { HOUR } from '../../../lib/clock.ts';
import { Client, signIn, type TestApp } from '../../../test/app.ts';
import { runProjectReminders } from './reminders.ts';
import { activate, type ProjectWorld, API, createProjectWith, enrolByHand, offlineStage, practicalStage, useProjectWorld, scheduleSession, seedLearner } from './test-support.ts';

let t: TestApp;
let world: ProjectWorld;
useProjectWorld('2026-03-02T09:00:00+08:00', (app, w) => {
  t = app;
  world = w;
});

async function projectWithSession(capacity: number, learners: number) {
  const { org, manager, instructorUser } = world;
  const project = await createProjectWith(manager, [offlineStage()]);
  const sessionId = await scheduleSession(manager, project.id, {
    stageId: project.stages[0]!.id,
    startsAt: '2026-03-05T09:00:00+08:00',
    endsAt: '2026-03-05T12:00:00+08:00',
    capacity,
    instructorUserId: instructorUser.id,
  });
  await activate(manager, project.id);
  const people = [];
  for (let i = 0; i < learners; i++) people.push(await seedLearner(t, org.id));
  await enrolByHand(manager, project.id, people.map((p) => p.person.id));
  return { project, sessionId, people };
}

describe('registration with capacity and waitlist', () => {
  it('waitlists beyond capacity in order and promotes the first at once when a seat is given up', async () => {
    const { sessionId, people, project } = await projectWithSession(2, 4);
    const answers = [];
    for (const p of people) {
      t.clock.advance(1000);
      answers.push((await p.client.post(`${API}/sessions/${sessionId}/register`)).json());
    }
    expect(answers.map((a) => [a.status, a.waitlistPosition])).toEqual([
      ['registered', null],
      ['registered', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // Registering again answers the same place.
    expect((await people[3]!.client.post(`${API}/sessions/${sessionId}/register`)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    const cancelled = await people[0]!.client.post(`${API}/sessions/${sessionId}/cancel-registration`);
    expect(cancelled.json().status).toBe('cancelled');
    const roster = (await world.instructor.get(`${API}/sessions/${sessionId}`)).json();
    const status = Object.fromEntries(roster.entries.map((e: { personId: string; registrationStatus: string }) => [e.personId, e.registrationStatus]));
    expect(status[people[2]!.person.id]).toBe('registered');
    expect(status[people[3]!.person.id]).toBe('waitlisted');
    expect(roster.counts).toMatchObject({ registered: 2, waitlisted: 1 });

    const promoted = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'session_registration'), eq(auditLog.action, 'promote')));
    expect(promoted.map((a) => a.entityId)).toEqual([`${sessionId}:${people[2]!.person.id}`]);
    const inbox = (await people[2]!.client.get(`${API}/notifications`)).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'waitlist_promoted', link: `/m/projects/${project.id}` });

    const read = await people[2]!.client.post(`${API}/notifications/${inbox.items[0].id}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect((await people[2]!.client.get(`${API}/notifications`)).json().unread).toBe(0);
    expect((await people[3]!.client.post(`${API}/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('refuses people not enrolled, a second session of the same stage, and cancelling after the start', async () => {
    const { sessionId, people, project } = await projectWithSession(5, 1);
    const outsider = await seedLearner(t, world.org.id);
    expect((await outsider.client.post(`${API}/sessions/${sessionId}/register`)).statusCode).toBe(404);
    const second = await scheduleSession(await signIn(t, world.org.id, 'training_manager'), project.id, {
      stageId: project.stages[0]!.id,
      startsAt: '2026-03-06T09:00:00+08:00',
      endsAt: '2026-03-06T12:00:00+08:00',
      capacity: 5,
      instructorUserId: world.instructorUser.id,
    });
    const me = people[0]!.client;
    await me.post(`${API}/sessions/${sessionId}/register`);
    const other = await me.post(`${API}/sessions/${second}/register`);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.details.sessionId).toBe(sessionId);
    t.clock.set(new Date('2026-03-05T09:05:00+08:00'));
    const again = await new Client(t.app).login(people[0]!.user.username);
    const late = await again.post(`${API}/sessions/${sessionId}/cancel-registration`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('SESSION_STARTED');
  });
});

describe('reminders', () => {
  it('writes due-soon and overdue reminders once, however often the job runs', async () => {
    const { org, manager } = world;
    const project = await createProjectWith(manager, [offlineStage(2), practicalStage(60, 10)], '提醒测试');
    await activate(manager, project.id);
    const learner = await seedLearner(t, org.id);
    await enrolByHand(manager, project.id, [learner.person.id]);

    const first = await manager.post(`${API}/projects/reminders/run`);
    expect(first.json()).toEqual({ dueSoon: 1, overdue: 0 });
    expect((await manager.post(`${API}/projects/reminders/run`)).json()).toEqual({ dueSoon: 0, overdue: 0 });

    // Four days on the first stage is overdue (due 2026-03-04); the second (2026-03-12) is not yet within 3 days.
    t.clock.advance(4 * 24 * HOUR);
    expect(await runProjectReminders(t.db, t.clock, org.id)).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await runProjectReminders(t.db, t.clock, org.id)).toEqual({ dueSoon: 0, overdue: 0 });
    t.clock.advance(5 * 24 * HOUR);
    expect(await runProjectReminders(t.db, t.clock, org.id)).toEqual({ dueSoon: 1, overdue: 0 });

    const rows = await t.db.select().from(notifications).where(eq(notifications.personId, learner.person.id));
    expect(rows.map((r) => r.kind).sort()).toEqual(['stage_due_soon', 'stage_due_soon', 'stage_overdue']);
    const fresh = await signIn(t, org.id, 'training_manager');
    const employee = await signIn(t, org.id, 'employee');
    expect((await employee.post(`${API}/projects/reminders/run`)).statusCode).toBe(403);
    expect((await fresh.post(`${API}/projects/reminders/run`)).json()).toEqual({ dueSoon: 0, overdue: 0 });
  });
});
