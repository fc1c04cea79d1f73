import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competency, Learner, RoleProfile } from '@fulcrum/shared';
import { learnerProfiles, roleProfiles } from '../../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { expectStatus, issuePaths, type ErrorBody } from '../../training-centres/test-support.ts';
import { API, auditOf, catalogueWorld, createPoint, employees, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;
let maintenance: Competency;
let safety: Competency;
let template: RoleProfile;

beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
  const seals = await createPoint(w.officer, '密封件检查', { visibility: 'district' });
  const pressure = await createPoint(w.officer, '系统压力调定', { visibility: 'district' });
  maintenance = await expectStatus<Competency>(
    w.officer.post(`${API}/competencies`, { code: 'HYD-MAINT', name: '液压设备维护', maxLevel: 4, visibility: 'district', knowledgePoints: [{ knowledgePointId: seals.id, level: 1 }, { knowledgePointId: pressure.id, level: 3 }] }),
    201,
  );
  safety = await expectStatus<Competency>(w.officer.post(`${API}/competencies`, { code: 'SAFE', name: '安全生产', maxLevel: 3, visibility: 'district' }), 201);
});
afterAll(() => t.close());

const profileCount = async () => Number((await t.db.select({ n: count() }).from(roleProfiles))[0]!.n);

describe('competencies', () => {
  it('have levels 1..maxLevel with the knowledge points each level needs', async () => {
    expect(maintenance.knowledgePoints.map((p) => [p.name, p.level])).toEqual([['密封件检查', 1], ['系统压力调定', 3]]);
    const listed = await expectStatus<{ items: Competency[] }>(w.employeeA.get(`${API}/competencies`), 200);
    expect(listed.items.map((c) => c.code)).toEqual(expect.arrayContaining(['HYD-MAINT', 'SAFE']));
  });

  it('refuse a level above maxLevel and an unknown knowledge point, at the field', async () => {
    const point = await createPoint(w.trainerA, '泄漏判断');
    const body = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/competencies`, { code: 'X', name: '故障诊断', maxLevel: 2, knowledgePoints: [{ knowledgePointId: point.id, level: 3 }] }), 400);
    expect(issuePaths(body)).toEqual(['knowledgePoints.0.level']);
    const unknown = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/competencies`, { code: 'Y', name: '故障诊断', knowledgePoints: [{ knowledgePointId: crypto.randomUUID(), level: 1 }] }), 400);
    expect(issuePaths(unknown)).toEqual(['knowledgePoints.0']);
    const lowered = await expectStatus<ErrorBody>(w.officer.patch(`${API}/competencies/${maintenance.id}`, { maxLevel: 2 }), 400);
    expect(issuePaths(lowered)).toEqual(['knowledgePoints.1.level']);
  });
});

describe('role profiles and district templates', () => {
  it('are district templates when the HRSS bureau writes them; weights must add up to 100', async () => {
    const before = await profileCount();
    const bad = await expectStatus<ErrorBody>(
      w.officer.post(`${API}/role-profiles`, { name: '液压维修工', requirements: [{ competencyId: maintenance.id, requiredLevel: 3, weight: 70 }, { competencyId: safety.id, requiredLevel: 2, weight: 20 }] }),
      400,
    );
    expect(bad.error.details?.issues).toEqual([expect.objectContaining({ path: 'requirements', code: 'WEIGHTS_NOT_100' })]);
    const tooHigh = await expectStatus<ErrorBody>(w.officer.post(`${API}/role-profiles`, { name: '液压维修工', requirements: [{ competencyId: safety.id, requiredLevel: 4, weight: 100 }] }), 400);
    expect(issuePaths(tooHigh)).toEqual(['requirements.0.requiredLevel']);
    expect(await profileCount()).toBe(before);
    template = await expectStatus<RoleProfile>(
      w.officer.post(`${API}/role-profiles`, { name: '液压维修工', description: '区人社局岗位能力模板', requirements: [{ competencyId: maintenance.id, requiredLevel: 3, weight: 70 }, { competencyId: safety.id, requiredLevel: 2, weight: 30 }] }),
      201,
    );
    expect(template).toMatchObject({ isTemplate: true, copiedFromId: null });
    expect(template.requirements.map((r) => [r.competencyName, r.requiredLevel, r.weight])).toEqual([['液压设备维护', 3, 70], ['安全生产', 2, 30]]);
  });

  it('an enterprise copies a template into its own profile, then edits its copy; the template stays', async () => {
    const templates = await expectStatus<{ items: RoleProfile[] }>(w.adminA.get(`${API}/role-profiles?templates=true`), 200);
    expect(templates.items.map((p) => p.id)).toEqual([template.id]);
    const copy = await expectStatus<RoleProfile>(w.adminA.post(`${API}/role-profiles/${template.id}/copy`, {}), 201);
    expect(copy).toMatchObject({ organisationId: w.entA.id, isTemplate: false, copiedFromId: template.id, name: '液压维修工' });
    const edited = await expectStatus<RoleProfile>(
      w.trainerA.put(`${API}/role-profiles/${copy.id}`, { name: '液压维修工（本厂）', description: '', requirements: [{ competencyId: maintenance.id, requiredLevel: 4, weight: 60 }, { competencyId: safety.id, requiredLevel: 3, weight: 40 }] }),
      200,
    );
    expect(edited.requirements.map((r) => r.weight)).toEqual([60, 40]);
    const original = await expectStatus<RoleProfile>(w.adminB.get(`${API}/role-profiles/${template.id}`), 200);
    expect(original.requirements.map((r) => r.weight)).toEqual([70, 30]);
    expect((await auditOf(t, 'role_profile', copy.id)).map((a) => a.action)).toEqual(['copy', 'update']);
    // Enterprise B sees the template but not A's copy; copying a non-template is refused.
    expect((await w.adminB.get(`${API}/role-profiles/${copy.id}`)).statusCode).toBe(404);
    const notTemplate = await expectStatus<ErrorBody>(w.adminA.post(`${API}/role-profiles/${copy.id}/copy`, { name: '再复制' }), 400);
    expect(notTemplate.error.details?.issues?.[0]?.code).toBe('NOT_A_TEMPLATE');
    // The bureau's templates cannot be edited by an enterprise.
    expect((await w.adminA.put(`${API}/role-profiles/${template.id}`, { name: 'x', requirements: [{ competencyId: safety.id, requiredLevel: 1, weight: 100 }] })).statusCode).toBe(404);
  });
});

describe('learner profiles', () => {
  it('assigns department and role profile to many employees at once, lists with filters, audits each', async () => {
    const staff = await employees(t, w.entA.id, ['张三', '李四', '王五']);
    const [outsider] = await employees(t, w.entB.id, ['赵六']);
    const [profile] = await t.db.select().from(roleProfiles).where(eq(roleProfiles.organisationId, w.entA.id));
    const ids = staff.map((p) => p.id);
    const refused = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/learners/assign`, { personIds: [...ids, outsider!.id], department: '维修车间' }), 400);
    expect(issuePaths(refused)).toEqual(['personIds.3']);
    const templateRefused = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/learners/assign`, { personIds: ids, roleProfileId: template.id }), 400);
    expect(issuePaths(templateRefused)).toEqual(['roleProfileId']);
    expect(Number((await t.db.select({ n: count() }).from(learnerProfiles))[0]!.n)).toBe(0);

    expect(await expectStatus(w.trainerA.post(`${API}/learners/assign`, { personIds: ids, department: '维修车间', roleProfileId: profile!.id }), 200)).toEqual({ updated: 3 });
    await expectStatus(w.trainerA.post(`${API}/learners/assign`, { personIds: [ids[2]], department: '装配车间' }), 200);
    const inWorkshop = await expectStatus<{ items: Learner[]; total: number }>(w.instructorA.get(`${API}/learners?department=${encodeURIComponent('维修车间')}`), 200);
    expect(inWorkshop.items.map((l) => l.name).sort()).toEqual(['张三', '李四']);
    expect(inWorkshop.items[0]).toMatchObject({ roleProfileId: profile!.id, roleProfileName: profile!.name });
    const moved = await expectStatus<{ items: Learner[] }>(w.trainerA.get(`${API}/learners?q=${encodeURIComponent('王')}`), 200);
    expect(moved.items).toEqual([expect.objectContaining({ name: '王五', department: '装配车间', roleProfileId: profile!.id })]);
    const without = await expectStatus<{ items: Learner[] }>(w.trainerA.get(`${API}/learners?roleProfileId=none`), 200);
    expect(without.items.map((l) => l.name)).not.toContain('张三');
    expect((await auditOf(t, 'learner_profile', ids[2]!)).map((a) => a.action)).toEqual(['assign', 'assign']);
    const counted = await expectStatus<RoleProfile>(w.trainerA.get(`${API}/role-profiles/${profile!.id}`), 200);
    expect(counted.learnerCount).toBe(3);
  });

  it('are the enterprise’s: employees may not assign, another enterprise does not see them', async () => {
    expect((await w.employeeA.post(`${API}/learners/assign`, { personIds: [crypto.randomUUID()], department: 'x' })).statusCode).toBe(403);
    const other = await expectStatus<{ items: Learner[] }>(w.adminB.get(`${API}/learners`), 200);
    expect(other.items.map((l) => l.name)).toEqual(['赵六']);
  });
});
