import { describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { auditLog, courses, projectEnrolments, stageProgress } from '../../../db/schema/index.ts';
import { TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { catchUpProjection, rebuildProjection } from '../../xapi/projector.ts';
import { recordLearning } from '../record.ts';
import { activate, API, createProjectWith, enrolByHand, offlineStage, seedLearner, useProjectWorld, type ProjectWorld } from './test-support.ts';

/*
 * Online stages follow the projector: a course completion completes the stage when it is projected (no read needed),
 * reads write nothing, a rebuild of the projection leaves stage progress as it was, and a new enrolment starts from
 * what the person has already learnt.
 */

let t: TestApp;
let world: ProjectWorld;
useProjectWorld('2026-03-02T09:00:00+08:00', (app, w) => {
  t = app;
  world = w;
});

const progressOf = (projectId: string) =>
  t.db.select().from(stageProgress).where(eq(stageProgress.projectId, projectId)).orderBy(asc(stageProgress.personId), asc(stageProgress.stageId));
const enrolmentsOf = (projectId: string) => t.db.select().from(projectEnrolments).where(eq(projectEnrolments.projectId, projectId)).orderBy(asc(projectEnrolments.personId));
const auditCount = async () => (await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditLog))[0]!.n;

async function complete(personId: string, course: { id: string; title: string }, verb: 'completed' | 'progressed' = 'completed') {
  await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL, scheduleProjection: false }, world.org.id, [
    { personId, verb, activity: { kind: 'course', id: course.id, name: course.title }, result: verb === 'completed' ? { completion: true } : { completion: false } },
  ]);
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
}

describe('online stages and the projector', () => {
  it('completes the stage (and the project) when the completion is projected; reads and rebuilds change nothing', async () => {
    const { org, manager } = world;
    const [course] = await t.db.insert(courses).values({ organisationId: org.id, title: '电气安全基础', status: 'published' }).returning();
    const project = await createProjectWith(manager, [{ kind: 'online', title: '线上：电气安全基础', courseId: course!.id, dueDays: 7 }], '电工安全');
    await activate(manager, project.id);
    const learner = await seedLearner(t, org.id, { name: '刘一' });
    const other = await seedLearner(t, org.id, { name: '陈二' });
    await enrolByHand(manager, project.id, [learner.person.id, other.person.id]);

    await complete(other.person.id, course!, 'progressed');
    await complete(learner.person.id, course!);
    const progress = await progressOf(project.id);
    expect(progress.map((p) => [p.personId, p.status])).toEqual(
      [[learner.person.id, 'completed'], [other.person.id, 'in_progress']].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    const enrolments = await enrolmentsOf(project.id);
    expect(enrolments.find((e) => e.personId === learner.person.id)).toMatchObject({ status: 'completed' });
    const completions = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, `${project.id}:${learner.person.id}`), eq(auditLog.action, 'complete')));
    expect(completions).toHaveLength(1);
    expect(completions[0]!.actorUserId).toBeNull();

    // Reads write nothing.
    const audit = await auditCount();
    const mine = (await learner.client.get(`${API}/my/projects`)).json().items;
    expect(mine).toMatchObject([{ id: project.id, status: 'completed', completedStages: 1, totalStages: 1 }]);
    expect((await other.client.get(`${API}/my/projects/${project.id}`)).json().stages[0].standing.status).toBe('in_progress');
    expect((await manager.get(`${API}/projects/${project.id}/enrolments`)).json().items).toHaveLength(2);
    expect(await progressOf(project.id)).toEqual(progress);
    expect(await enrolmentsOf(project.id)).toEqual(enrolments);
    expect(await auditCount()).toBe(audit);

    // Replaying every statement gives the same stage progress, enrolments and audit trail.
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await progressOf(project.id)).toEqual(progress);
    expect(await enrolmentsOf(project.id)).toEqual(enrolments);
    expect(await auditCount()).toBe(audit);
  });

  it('starts a new enrolment from what the person has already learnt', async () => {
    const { org, manager } = world;
    const [course] = await t.db.insert(courses).values({ organisationId: org.id, title: '消防器材使用', status: 'published' }).returning();
    const learner = await seedLearner(t, org.id, { name: '张三丰' });
    await complete(learner.person.id, course!);
    const project = await createProjectWith(manager, [{ kind: 'online', title: '线上：消防器材使用', courseId: course!.id, dueDays: 7 }, offlineStage()], '消防安全');
    await activate(manager, project.id);
    await enrolByHand(manager, project.id, [learner.person.id]);
    const progress = await progressOf(project.id);
    expect(progress.map((p) => p.status).sort()).toEqual(['completed', 'not_started']);
    expect(await enrolmentsOf(project.id)).toMatchObject([{ status: 'active' }]);
  });
});
