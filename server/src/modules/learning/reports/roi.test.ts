import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, subsidyLedgerEntries, trainingCosts } from '../../../db/schema/index.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { recordLearning } from '../record.ts';
import { seedClass } from '../../subsidies/test-support.ts';
import { buildTestApp, TEST_PUBLIC_URL, type Client, type TestApp } from '../../../test/app.ts';
import { addLearner, answer, buildWorld, member, type ReportWorld } from './test-support.ts';

/* Training costs (CRUD, validation, audit) and the ROI page's inputs beside its outputs. */

const COSTS = '/api/v1/learning/training-costs';
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
let t: TestApp;
let world: ReportWorld;
let manager: Client;

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
  manager = await member(t, world, 'training_manager');
});
afterAll(() => t.close());

describe('training costs', () => {
  it('are recorded, corrected and removed with an audit entry each', async () => {
    const created = await manager.post(COSTS, { spentOn: '2026-02-10', amountFen: 1_250_000, description: '外聘讲师课酬' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const updated = await manager.put(`${COSTS}/${id}`, { spentOn: '2026-02-11', amountFen: 1_300_000, description: '外聘讲师课酬（含差旅）' });
    expect(updated.json()).toMatchObject({ spentOn: '2026-02-11', amountFen: 1_300_000 });
    const list = (await manager.get(`${COSTS}?from=2026-02-01&to=2026-02-28`)).json();
    expect(list).toMatchObject({ total: 1, totalFen: 1_300_000 });
    expect((await manager.request({ method: 'DELETE', url: `${COSTS}/${id}` })).statusCode).toBe(204);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_cost'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(audit.find((a) => a.action === 'update')?.before).toMatchObject({ amountFen: 1_250_000 });
  });

  it('refuse bad input naming the field, and change nothing', async () => {
    const cases: [unknown, string, string][] = [
      [{ spentOn: '2026-02-10', amountFen: 0, description: '教材' }, 'body.amountFen', 'TOO_SMALL'],
      [{ spentOn: '2026-02-10', amountFen: 12.5, description: '教材' }, 'body.amountFen', 'INVALID_TYPE'],
      [{ spentOn: '2026-02-10', amountFen: 100, description: ' ' }, 'body.description', 'TOO_SMALL'],
      [{ spentOn: '2026-12-31', amountFen: 100, description: '教材' }, 'body.spentOn', 'DATE_IN_FUTURE'],
      [{ spentOn: '2026-02-10', amountFen: 100, description: '教材', projectId: crypto.randomUUID() }, 'body.projectId', 'PROJECT_NOT_FOUND'],
    ];
    for (const [body, path, code] of cases) {
      const response = await manager.post(COSTS, body);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.details.issues[0], path).toMatchObject({ path, code });
    }
    expect(await t.db.select().from(trainingCosts).where(eq(trainingCosts.organisationId, world.organisationId))).toEqual([]);
  });

  it("of another organisation are not found", async () => {
    const other = await buildWorld(t);
    const otherManager = await member(t, other, 'enterprise_admin');
    const id = (await otherManager.post(COSTS, { spentOn: '2026-02-10', amountFen: 100, description: '场地' })).json().id;
    expect((await manager.put(`${COSTS}/${id}`, { spentOn: '2026-02-10', amountFen: 1, description: '改' })).statusCode).toBe(404);
    expect((await manager.request({ method: 'DELETE', url: `${COSTS}/${id}` })).statusCode).toBe(404);
    expect((await manager.get(COSTS)).json().items).toEqual([]);
  });
});

describe('ROI', () => {
  it('puts hours, their cost, recorded costs and subsidy received beside attainment change, certificates and passes', async () => {
    const person = await addLearner(t, world);
    await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL }, world.organisationId, [
      { personId: person, verb: 'experienced', activity: { kind: 'micro-course', id: 'm1', name: '微课' }, result: { duration: 'PT7200S' }, timestamp: at('2026-02-05') },
    ]);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    await answer(t, world, person, world.pointA, [true, true, true], at('2026-02-06'));
    await answer(t, world, person, world.pointB, [true, true, true], at('2026-02-07'));
    await manager.post(COSTS, { spentOn: '2026-02-03', amountFen: 500_000, description: '培训场地' });
    await manager.post(COSTS, { spentOn: '2026-01-03', amountFen: 999_999, description: '上期费用' });
    const cls = await seedClass(t, world.organisationId);
    const entry = { organisationId: world.organisationId, regionId: 'baodi', classId: cls.id, kind: 'disbursement' };
    await t.db.insert(subsidyLedgerEntries).values([
      { ...entry, amountFen: 300_000, bookedOn: '2026-02-20' },
      { ...entry, amountFen: -50_000, bookedOn: '2026-02-25', kind: 'refund' },
      { ...entry, amountFen: 777_000, bookedOn: '2025-12-20' },
    ]);

    const response = await manager.get('/api/v1/learning/reports/roi?from=2026-02-01&to=2026-02-28&hourlyCostFen=5000');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      inputs: { studySeconds: 7200, hourlyCostFen: 5000, studyCostFen: 10_000, trainingCostsFen: 500_000, subsidyReceivedFen: 250_000, netCostFen: 260_000 },
      outputs: { attainment: { compareTo: { learners: 1, attained: 0 }, asOf: { learners: 1, attained: 1 }, changePoints: 100 }, certificates: 0, examPasses: 0 },
      costPerAttainedFen: 260_000,
    });
    const withoutRate = (await manager.get('/api/v1/learning/reports/roi?from=2026-02-01&to=2026-02-28')).json();
    expect(withoutRate.inputs).toMatchObject({ studyCostFen: null, netCostFen: 250_000 });
    const sheet = await manager.get('/api/v1/learning/reports/roi?from=2026-02-01&to=2026-02-28&format=xlsx');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-disposition']).toContain('xlsx');
  });
});
