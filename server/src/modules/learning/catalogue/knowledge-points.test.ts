import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgePointGraph } from '@fulcrum/shared';
import { knowledgePointPrerequisites } from '../../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { expectStatus, issuePaths, type ErrorBody } from '../../training-centres/test-support.ts';
import { addLesson, API, auditOf, catalogueWorld, createCourse, createPoint, del, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;
beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
});
afterAll(() => t.close());

const edgeCount = async () => Number((await t.db.select({ n: count() }).from(knowledgePointPrerequisites))[0]!.n);
const link = (id: string, prerequisiteId: string) => w.trainerA.post(`${API}/knowledge-points/${id}/prerequisites`, { prerequisiteId });

describe('knowledge points', () => {
  it('creates, lists, changes and deletes a point, each step audited', async () => {
    const point = await createPoint(w.trainerA, '液压油污染控制', { description: '油液清洁度等级与滤芯更换', trade: 'hydraulics' });
    expect(point).toMatchObject({ name: '液压油污染控制', trade: 'hydraulics', visibility: 'organisation', prerequisites: [], dependents: [] });
    const list = await expectStatus<{ items: { id: string }[]; total: number }>(w.adminA.get(`${API}/knowledge-points?q=污染&trade=hydraulics`), 200);
    expect(list.items.map((i) => i.id)).toEqual([point.id]);
    const changed = await expectStatus<KnowledgePointGraph>(w.trainerA.patch(`${API}/knowledge-points/${point.id}`, { name: '液压油清洁度控制' }), 200);
    expect(changed.name).toBe('液压油清洁度控制');
    expect((await del(w.trainerA, `${API}/knowledge-points/${point.id}`)).statusCode).toBe(204);
    expect((await w.trainerA.get(`${API}/knowledge-points/${point.id}`)).statusCode).toBe(404);
    expect((await auditOf(t, 'knowledge_point', point.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a bad code and a duplicate code, changing nothing', async () => {
    const bad = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/knowledge-points`, { code: '带 空格', name: '某点' }), 400);
    expect(issuePaths(bad)).toContain('body.code');
    await createPoint(w.trainerA, '首件检验', { code: 'CNC-FAI' });
    const dup = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/knowledge-points`, { code: 'CNC-FAI', name: '另一个' }), 409);
    expect(dup.error.code).toBe('CONFLICT');
  });

  it('keeps a point that a lesson uses (409) ', async () => {
    const point = await createPoint(w.trainerA, '刀具补偿');
    const course = await createCourse(w.trainerA, '数控车床编程');
    await addLesson(w.trainerA, course.id, { title: '刀补设置', kind: 'micro_course', durationSeconds: 300, knowledgePointIds: [point.id] });
    const body = await expectStatus<ErrorBody & { error: { details: { reason: string; lessons: number } } }>(del(w.trainerA, `${API}/knowledge-points/${point.id}`), 409);
    expect(body.error.details).toMatchObject({ reason: 'KNOWLEDGE_POINT_IN_USE', lessons: 1 });
  });
});

describe('the prerequisite graph', () => {
  it('reads a point with its prerequisites, dependents and every point before it', async () => {
    const basics = await createPoint(w.trainerA, '液压传动原理');
    const pump = await createPoint(w.trainerA, '液压泵结构');
    const pressure = await createPoint(w.trainerA, '系统压力调定');
    await expectStatus(link(pump.id, basics.id), 200);
    const graph = await expectStatus<KnowledgePointGraph>(link(pressure.id, pump.id), 200);
    expect(graph.prerequisites).toEqual([{ id: pump.id, name: '液压泵结构' }]);
    expect(graph.allPrerequisites).toEqual([
      { id: pump.id, name: '液压泵结构', depth: 1 },
      { id: basics.id, name: '液压传动原理', depth: 2 },
    ]);
    const base = await expectStatus<KnowledgePointGraph>(w.employeeA.get(`${API}/knowledge-points/${basics.id}`), 200);
    expect(base.dependents).toEqual([{ id: pump.id, name: '液压泵结构' }]);
    expect(base.dependentCount).toBe(1);
    expect((await auditOf(t, 'knowledge_point', pressure.id)).map((a) => a.action)).toContain('add_prerequisite');
  });

  it('refuses an edge that closes a loop with PREREQUISITE_CYCLE naming the path, and a point as its own prerequisite', async () => {
    const a = await createPoint(w.trainerA, '电工基础');
    const b = await createPoint(w.trainerA, '低压配电');
    const c = await createPoint(w.trainerA, '停电挂牌上锁');
    await expectStatus(link(b.id, a.id), 200);
    await expectStatus(link(c.id, b.id), 200);
    const before = await edgeCount();
    const body = await expectStatus<ErrorBody & { error: { details: { reason: string; cycle: { name: string }[] } } }>(link(a.id, c.id), 400);
    expect(body.error.details.issues).toEqual([expect.objectContaining({ path: 'prerequisiteId', code: 'PREREQUISITE_CYCLE' })]);
    expect(body.error.details.cycle.map((p) => p.name)).toEqual(['电工基础', '停电挂牌上锁', '低压配电', '电工基础']);
    expect(body.error.message).toContain('电工基础 → 停电挂牌上锁 → 低压配电 → 电工基础');
    const self = await expectStatus<ErrorBody>(link(a.id, a.id), 400);
    expect(self.error.details?.issues?.[0]?.code).toBe('PREREQUISITE_CYCLE');
    expect(await edgeCount()).toBe(before);
  });

  it('removes an edge, after which the reverse edge is allowed', async () => {
    const a = await createPoint(w.trainerA, '量具使用');
    const b = await createPoint(w.trainerA, '尺寸检验');
    await expectStatus(link(b.id, a.id), 200);
    const removed = await expectStatus<KnowledgePointGraph>(del(w.trainerA, `${API}/knowledge-points/${b.id}/prerequisites/${a.id}`), 200);
    expect(removed.prerequisites).toEqual([]);
    await expectStatus(link(a.id, b.id), 200);
    expect((await del(w.trainerA, `${API}/knowledge-points/${b.id}/prerequisites/${a.id}`)).statusCode).toBe(404);
  });

  it('links to the district’s points but not to another enterprise’s own', async () => {
    const district = await createPoint(w.officer, '劳动合同订立', { visibility: 'district' });
    const foreign = await createPoint(w.adminB, 'B企业内部工艺');
    const mine = await createPoint(w.trainerA, '入职须知');
    await expectStatus(link(mine.id, district.id), 200);
    const body = await expectStatus<ErrorBody>(link(mine.id, foreign.id), 400);
    expect(issuePaths(body)).toEqual(['prerequisiteId']);
  });
});
