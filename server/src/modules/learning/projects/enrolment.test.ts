import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, roleProfiles } from '../../../db/schema/index.ts';
import { signIn, type TestApp } from '../../../test/app.ts';
import { HOUR } from '../../../lib/clock.ts';
import { activate, type ProjectWorld, API, createProjectWith, enrolByHand, offlineStage, practicalStage, useProjectWorld, seedLearner } from './test-support.ts';

let t: TestApp;
let world: ProjectWorld;
useProjectWorld('2026-03-02T09:00:00+08:00', (app, w) => {
  t = app;
  world = w;
});

const enrolledIds = async (projectId: string) => {
  const response = await world.manager.get(`${API}/projects/${projectId}/enrolments?pageSize=100`);
  expect(response.statusCode).toBe(200);
  return (response.json().items as { personId: string }[]).map((e) => e.personId).sort();
};

describe('enrolment rules', () => {
  it('enrols by organisation, department, role profile and new hires; re-running adds only newcomers', async () => {
    const { org, manager } = world;
    const [profile] = await t.db.insert(roleProfiles).values({ organisationId: org.id, name: '液压维修工' }).returning();
    const veteran = await seedLearner(t, org.id, { startDate: '2020-05-01', department: '设备部', roleProfileId: profile!.id });
    const fresh = await seedLearner(t, org.id, { startDate: '2026-02-20', department: '生产部' });
    const gone = await seedLearner(t, org.id, { startDate: '2020-01-01', endDate: '2025-12-31', department: '设备部' });

    const all = await createProjectWith(manager, [offlineStage()], '全员安全培训');
    await manager.post(`${API}/projects/${all.id}/rules`, { kind: 'organisation' });
    await activate(manager, all.id);
    const everyone = await enrolledIds(all.id);
    expect(everyone).toContain(veteran.person.id);
    expect(everyone).toContain(fresh.person.id);
    expect(everyone).not.toContain(gone.person.id);

    const byDepartment = await createProjectWith(manager, [offlineStage()], '设备部专项');
    expect((await manager.post(`${API}/projects/${byDepartment.id}/rules`, { kind: 'department', value: '设备部' })).statusCode).toBe(201);
    await activate(manager, byDepartment.id);
    expect(await enrolledIds(byDepartment.id)).toEqual([veteran.person.id]);

    const byProfile = await createProjectWith(manager, [offlineStage()], '岗位能力提升');
    await manager.post(`${API}/projects/${byProfile.id}/rules`, { kind: 'role_profile', value: profile!.id });
    await activate(manager, byProfile.id);
    expect(await enrolledIds(byProfile.id)).toEqual([veteran.person.id]);

    const newHires = await createProjectWith(manager, [offlineStage()], '新员工入职培训');
    await manager.post(`${API}/projects/${newHires.id}/rules`, { kind: 'new_hires', value: '30' });
    await activate(manager, newHires.id);
    expect(await enrolledIds(newHires.id)).toEqual([fresh.person.id]);

    const again = await manager.post(`${API}/projects/${newHires.id}/rules/apply`);
    expect(again.json()).toEqual({ enrolled: 0, personIds: [] });
    const newcomer = await seedLearner(t, org.id, { startDate: '2026-03-01' });
    const third = await manager.post(`${API}/projects/${newHires.id}/rules/apply`);
    expect(third.json()).toEqual({ enrolled: 1, personIds: [newcomer.person.id] });
    expect(await enrolledIds(newHires.id)).toEqual([fresh.person.id, newcomer.person.id].sort());
  });

  it('refuses rule values it cannot apply, naming the field', async () => {
    const project = await createProjectWith(world.manager, [offlineStage()], '规则校验');
    const days = await world.manager.post(`${API}/projects/${project.id}/rules`, { kind: 'new_hires', value: 'soon' });
    expect(days.statusCode).toBe(400);
    expect(days.json().error.details.issues[0]).toMatchObject({ path: 'body.value', code: 'INVALID_RULE_VALUE' });
    const profile = await world.manager.post(`${API}/projects/${project.id}/rules`, { kind: 'role_profile', value: crypto.randomUUID() });
    expect(profile.statusCode).toBe(400);
    expect((await world.manager.get(`${API}/projects/${project.id}`)).json().rules).toEqual([]);
  });
});

describe('due dates, manual enrolment and withdrawal', () => {
  it('sets each stage due its due_days after the Asia/Shanghai enrolment date', async () => {
    const { org, manager } = world;
    const project = await createProjectWith(manager, [offlineStage(7), practicalStage(60, 14)], '到期日');
    await activate(manager, project.id);
    // 2026-03-02 23:30 in Beijing is still 2026-03-02 there (15:30 UTC).
    t.clock.set(new Date('2026-03-02T23:30:00+08:00'));
    const learner = await seedLearner(t, org.id);
    const lateManager = await signIn(t, org.id, 'training_manager');
    await enrolByHand(lateManager, project.id, [learner.person.id]);
    const [row] = (await lateManager.get(`${API}/projects/${project.id}/enrolments`)).json().items;
    expect(row.source).toBe('manual');
    expect(row.stages.map((s: { dueOn: string }) => s.dueOn)).toEqual(['2026-03-09', '2026-03-16']);
    t.clock.advance(10 * 24 * HOUR);
    const later = (await (await signIn(t, org.id, 'training_manager')).get(`${API}/projects/${project.id}/enrolments`)).json().items[0];
    expect(later.overdueStages).toBe(1);
  });

  it('enrols only current employees by hand, and withdraws (audited)', async () => {
    const { org, manager } = world;
    const project = await createProjectWith(manager, [offlineStage()], '手动报名');
    await activate(manager, project.id);
    const stranger = await seedLearner(t, org.id, { endDate: '2025-06-30' });
    const refused = await manager.post(`${API}/projects/${project.id}/enrolments`, { personIds: [stranger.person.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'body.personIds.0', code: 'NOT_AN_EMPLOYEE' });
    const learner = await seedLearner(t, org.id);
    expect((await enrolByHand(manager, project.id, [learner.person.id])).enrolled).toBe(1);
    expect((await enrolByHand(manager, project.id, [learner.person.id])).enrolled).toBe(0);
    const withdrawn = await manager.post(`${API}/projects/${project.id}/enrolments/${learner.person.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(204);
    expect((await manager.post(`${API}/projects/${project.id}/enrolments/${learner.person.id}/withdraw`)).statusCode).toBe(409);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'project_enrolment'), eq(auditLog.entityId, `${project.id}:${learner.person.id}`)));
    expect(audit.map((a) => a.action).sort()).toEqual(['enrol', 'withdraw']);
    const mine = await learner.client.get(`${API}/my/projects`);
    expect(mine.json().items).toEqual([]);
  });
});

describe('project life and stages', () => {
  it('edits and orders stages only while draft; activation is audited and needs a stage', async () => {
    const { manager } = world;
    const empty = await createProjectWith(manager, [], '空项目');
    const noStages = await manager.post(`${API}/projects/${empty.id}/activate`);
    expect(noStages.statusCode).toBe(400);
    expect(noStages.json().error.details.issues[0].code).toBe('NO_STAGES');

    const project = await createProjectWith(manager, [offlineStage(), practicalStage()], '阶段排序');
    const [first, second] = project.stages;
    const bad = await manager.put(`${API}/projects/${project.id}/stage-order`, { stageIds: [first!.id] });
    expect(bad.statusCode).toBe(400);
    const ordered = await manager.put(`${API}/projects/${project.id}/stage-order`, { stageIds: [second!.id, first!.id] });
    expect(ordered.json().stages.map((s: { id: string; position: number }) => [s.id, s.position])).toEqual([[second!.id, 1], [first!.id, 2]]);
    const due = await manager.patch(`${API}/projects/${project.id}/stages/${first!.id}`, { dueDays: 21 });
    expect(due.json().stages[1].dueDays).toBe(21);

    const noPass = await manager.post(`${API}/projects/${project.id}/stages`, { kind: 'practical', title: '无及格线' });
    expect(noPass.json().error.details.issues[0]).toMatchObject({ path: 'body.passScore', code: 'REQUIRED' });
    const noContent = await manager.post(`${API}/projects/${project.id}/stages`, { kind: 'online', title: '线上课程' });
    expect(noContent.json().error.details.issues[0]).toMatchObject({ path: 'body.courseId', code: 'ONE_CONTENT' });

    await activate(manager, project.id);
    const locked = await manager.patch(`${API}/projects/${project.id}/stages/${first!.id}`, { dueDays: 3 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('INVALID_TRANSITION');
    expect((await manager.post(`${API}/projects/${project.id}/activate`)).statusCode).toBe(409);
    const closed = await manager.post(`${API}/projects/${project.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', stageCount: 2 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_project'), eq(auditLog.entityId, project.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'reorder_stages', 'activate', 'close']);
  });
});
