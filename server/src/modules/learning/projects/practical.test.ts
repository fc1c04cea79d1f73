import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, courses, projectEnrolments } from '../../../db/schema/index.ts';
import { buildTestApp, signIn, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { recordLearning } from '../record.ts';
import { activate, API, createProjectWith, enrolByHand, practicalStage, projectWorld, scheduleSession, seedLearner } from './test-support.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof projectWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  world = await projectWorld(t);
});
afterAll(() => t.close());

describe('practical tasks and project completion', () => {
  it('grades hand-ins against the pass score; the last stage completes the project; progress exports', async () => {
    const { org, manager, instructor, instructorUser } = world;
    const [course] = await t.db.insert(courses).values({ organisationId: org.id, title: '液压系统原理', status: 'published' }).returning();
    const project = await createProjectWith(manager, [{ kind: 'online', title: '线上：液压系统原理', courseId: course!.id, dueDays: 7 }, practicalStage(70)], '液压维修技能提升');
    const offline = await manager.post(`${API}/projects/${project.id}/stages`, { kind: 'offline', title: '线下实操' });
    const offlineStageId = offline.json().stages[2].id;
    await scheduleSession(manager, project.id, { stageId: offlineStageId, startsAt: '2026-03-10T09:00:00+08:00', endsAt: '2026-03-10T11:00:00+08:00', capacity: 10, instructorUserId: instructorUser.id });
    await manager.request({ method: 'DELETE', url: `${API}/projects/${project.id}/stages/${offlineStageId}` });
    await activate(manager, project.id);
    const learner = await seedLearner(t, org.id, { name: '王建国' });
    await enrolByHand(manager, project.id, [learner.person.id]);
    const practicalId = project.stages[1]!.id;

    // Nothing to grade before a hand-in; an instructor who teaches nothing in the project does not see it.
    expect((await instructor.get(`${API}/projects/${project.id}/submissions`)).statusCode).toBe(404);
    const early = await manager.post(`${API}/projects/${project.id}/stages/${practicalId}/grades/${learner.person.id}`, { score: 90 });
    expect(early.statusCode).toBe(409);

    const handIn = await learner.client.post(`${API}/my/projects/${project.id}/stages/${practicalId}/submission`, { text: '拆装步骤与检测记录……' });
    expect(handIn.json().status).toBe('submitted');
    const pending = (await manager.get(`${API}/projects/${project.id}/submissions?pending=true`)).json().items;
    expect(pending).toMatchObject([{ personId: learner.person.id, name: '王建国', status: 'submitted', passScore: 70 }]);

    const outOfRange = await manager.post(`${API}/projects/${project.id}/stages/${practicalId}/grades/${learner.person.id}`, { score: 101 });
    expect(outOfRange.statusCode).toBe(400);
    const failed = await manager.post(`${API}/projects/${project.id}/stages/${practicalId}/grades/${learner.person.id}`, { score: 65, feedback: '密封件安装顺序有误' });
    expect(failed.json()).toMatchObject({ status: 'failed', score: 65, feedback: '密封件安装顺序有误' });
    await learner.client.post(`${API}/my/projects/${project.id}/stages/${practicalId}/submission`, { text: '第二次提交' });
    const passed = await manager.post(`${API}/projects/${project.id}/stages/${practicalId}/grades/${learner.person.id}`, { score: 88 });
    expect(passed.json()).toMatchObject({ status: 'completed', score: 88 });
    expect((await learner.client.post(`${API}/my/projects/${project.id}/stages/${practicalId}/submission`, { text: '再交' })).statusCode).toBe(409);

    // The online stage is still open: the project is not complete.
    let mine = (await learner.client.get(`${API}/my/projects/${project.id}`)).json();
    expect(mine.status).toBe('active');
    expect(mine.stages.map((s: { standing: { status: string } }) => s.standing.status)).toEqual(['not_started', 'completed']);

    await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL, scheduleProjection: false }, org.id, [
      { personId: learner.person.id, verb: 'completed', activity: { kind: 'course', id: course!.id, name: course!.title }, result: { completion: true } },
    ]);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    mine = (await learner.client.get(`${API}/my/projects/${project.id}`)).json();
    expect(mine.status).toBe('completed');
    expect(mine.completedStages).toBe(2);
    const [enrolment] = await t.db.select().from(projectEnrolments).where(and(eq(projectEnrolments.projectId, project.id), eq(projectEnrolments.personId, learner.person.id)));
    expect(enrolment).toMatchObject({ status: 'completed' });
    expect(enrolment!.completedAt).not.toBeNull();
    const completion = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, `${project.id}:${learner.person.id}`), eq(auditLog.action, 'complete')));
    expect(completion).toHaveLength(1);
    const grades = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'practical_submission'), eq(auditLog.action, 'grade')));
    expect(grades.map((g) => (g.after as { score: number }).score)).toEqual([65, 88]);

    const exported = await manager.request({ method: 'GET', url: `${API}/projects/${project.id}/enrolments?format=xlsx` });
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(9).value).toBe('1. 线上：液压系统原理');
    expect(sheet.getRow(2).getCell(1).value).toBe('王建国');
    expect(sheet.getRow(2).getCell(4).value).toBe('已完成');
    expect(sheet.getRow(2).getCell(10).value).toContain('(88)');
  });

  it('lets an instructor who teaches in the project grade it', async () => {
    const { org, manager, instructorUser } = world;
    const project = await createProjectWith(manager, [{ kind: 'offline', title: '线下' }, practicalStage(60)], '讲师评分');
    await scheduleSession(manager, project.id, { stageId: project.stages[0]!.id, startsAt: '2026-03-10T09:00:00+08:00', endsAt: '2026-03-10T11:00:00+08:00', capacity: 10, instructorUserId: instructorUser.id });
    await activate(manager, project.id);
    const learner = await seedLearner(t, org.id);
    await enrolByHand(manager, project.id, [learner.person.id]);
    await learner.client.post(`${API}/my/projects/${project.id}/stages/${project.stages[1]!.id}/submission`, { text: '实操报告' });
    const graded = await world.instructor.post(`${API}/projects/${project.id}/stages/${project.stages[1]!.id}/grades/${learner.person.id}`, { score: 60 });
    expect(graded.json()).toMatchObject({ status: 'completed', gradedByName: instructorUser.displayName });
    const employee = await signIn(t, org.id, 'employee');
    expect((await employee.get(`${API}/projects/${project.id}/submissions`)).statusCode).toBe(403);
  });
});
