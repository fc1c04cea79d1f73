import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, noticeObjections, publicNotices, trainingCentreApplications, trainingCentres, trainingCentreScopes } from '../../db/schema/index.ts';
import { addCalendarDays } from '../../lib/working-days.ts';
import { buildTestApp, Client, type TestApp } from '../../test/app.ts';
import { validUntilOf } from './batches.ts';
import { applicationBody, attachment, department, enterprise, expectStatus, issuePaths, member, trailOf, type Application, type ErrorBody } from './test-support.ts';

const V1 = '/api/v1';
const APPS = `${V1}/training-centre-applications`;
const BATCHES = `${V1}/selection-batches`;
const CENTRES = `${V1}/training-centres`;

interface Batch {
  id: string;
  status: string;
  quota: number;
  noticeId: string | null;
  notice: { startsOn: string; endsOn: string } | null;
  applicationCount: number;
  availableTransitions: string[];
  applications: { id: string; organisationName: string; status: string; uscc: string | null }[];
  counts?: { certified: number; excluded: number };
}
interface Centre {
  id: string;
  organisationId: string;
  certificateNo: string;
  status: string;
  effectiveStatus: string;
  certifiedOn: string;
  validUntil: string;
  annualCapacity: number;
  scope: { occupation: string; levels: number[] }[];
  batchId: string | null;
  applicationId: string | null;
}

let t: TestApp;
let hrssId: string;
let officer: Client;
let reviewer: Client;
let ficOfficer: Client;
let farOfficer: Client;
let enterpriseAdmins: Client[];
let enterpriseIds: string[];
let lonelyAdmin: Client;
let lonelyId: string;
let ficId: string;
let farId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  hrssId = hrss.id;
  const fic = await department(t, 'baodi', 'fic');
  const far = await department(t, 'tangshan');
  officer = await member(t, hrss.id, 'department_officer');
  reviewer = await member(t, hrss.id, 'department_reviewer');
  ficOfficer = await member(t, fic.id, 'department_officer');
  farOfficer = await member(t, far.id, 'department_officer');
  enterpriseAdmins = [];
  enterpriseIds = [];
  for (let i = 0; i < 5; i++) {
    const org = await enterprise(t, 'baodi', `宝坻测试${'甲乙丙丁戊'[i]}机械有限公司`);
    enterpriseIds.push(org.id);
    enterpriseAdmins.push(await member(t, org.id, 'enterprise_admin'));
  }
  lonelyId = (await enterprise(t)).id;
  lonelyAdmin = await member(t, lonelyId, 'enterprise_admin');
  ficId = fic.id;
  farId = far.id;
});
afterAll(() => t.close());

/** Signs the standing clients in again (after the clock moved past their sessions' lifetime). */
async function signInAgain() {
  officer = await member(t, hrssId, 'department_officer');
  reviewer = await member(t, hrssId, 'department_reviewer');
  enterpriseAdmins = await Promise.all(enterpriseIds.map((id) => member(t, id, 'enterprise_admin')));
  lonelyAdmin = await member(t, lonelyId, 'enterprise_admin');
  ficOfficer = await member(t, ficId, 'department_officer');
  farOfficer = await member(t, farId, 'department_officer');
}

/** Enterprise i's application taken through the review to approved. */
async function approved(i: number): Promise<Application> {
  await t.db.update(trainingCentreApplications).set({ status: 'withdrawn', batchId: null }).where(and(eq(trainingCentreApplications.organisationId, enterpriseIds[i]!), eq(trainingCentreApplications.status, 'approved')));
  const client = enterpriseAdmins[i]!;
  const app = await expectStatus<Application>(client.post(APPS, applicationBody([await attachment(t, enterpriseIds[i]!)])), 201);
  await expectStatus(client.post(`${APPS}/${app.id}/submit`), 200);
  await expectStatus(officer.post(`${APPS}/${app.id}/check-documents`), 200);
  await expectStatus(officer.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-02', findings: '符合条件', passed: true }), 200);
  return expectStatus<Application>(reviewer.post(`${APPS}/${app.id}/approve`), 200);
}

const newBatch = (overrides: Record<string, unknown> = {}) =>
  expectStatus<Batch>(officer.post(BATCHES, { name: '2026年第一批企业培训中心遴选', year: 2026, quota: 2, opensOn: '2026-03-01', closesOn: '2026-04-30', ...overrides }), 201);

/** Moves the clock to the day after the notice ends and signs everyone in again. */
async function pastNotice(batch: Batch) {
  const target = new Date(`${addCalendarDays(batch.notice!.endsOn, 1)}T09:00:00+08:00`);
  t.clock.set(target);
  await signInAgain();
}

describe('opening a batch', () => {
  it('is the HRSS officer’s: others are refused, bad input names the field', async () => {
    const batch = await newBatch();
    expect(batch).toMatchObject({ status: 'open', quota: 2, applicationCount: 0, notice: null, noticeId: null, applications: [] });
    expect(batch.availableTransitions.sort()).toEqual(['cancel', 'publish_notice']);
    expect((await trailOf(t, 'selection_batch', batch.id)).events.map((e) => e.transition)).toEqual(['create']);
    for (const client of [reviewer, ficOfficer, enterpriseAdmins[0]!]) {
      const res = await client.post(BATCHES, { name: '不该有的批次', year: 2026, quota: 2, opensOn: '2026-03-01', closesOn: '2026-04-30' });
      expect(res.statusCode, res.body).toBe(403);
    }
    const bad = await officer.post(BATCHES, { name: '坏批次', year: 2026, quota: 0, opensOn: '2026-05-01', closesOn: '2026-04-30', validityYears: 11 });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad.json<ErrorBody>()).sort()).toEqual(['body.closesOn', 'body.quota', 'body.validityYears']);
    expect((await enterpriseAdmins[0]!.get(`${BATCHES}/${batch.id}`)).statusCode).toBe(403);
    expect((await farOfficer.get(`${BATCHES}/${batch.id}`)).statusCode).toBe(404);
    expect((await farOfficer.get(BATCHES)).json<{ total: number }>().total).toBe(0);
    expect((await ficOfficer.get(`${BATCHES}/${batch.id}`)).statusCode).toBe(200);
  });

  it('cancels only an empty open batch, with a comment', async () => {
    const batch = await newBatch();
    const bare = await officer.post(`${BATCHES}/${batch.id}/cancel`);
    expect(issuePaths(bare.json<ErrorBody>())).toEqual(['body.comment']);
    const app = await approved(0);
    await expectStatus(officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: app.id }), 200);
    const full = await officer.post(`${BATCHES}/${batch.id}/cancel`, { comment: '合并批次' });
    expect(full.statusCode).toBe(409);
    expect(full.json<ErrorBody>().error.code).toBe('CONFLICT');
    await expectStatus(officer.post(`${BATCHES}/${batch.id}/applications/${app.id}/remove`), 200);
    const ficCancel = await ficOfficer.post(`${BATCHES}/${batch.id}/cancel`, { comment: '合并批次' });
    expect(ficCancel.statusCode).toBe(403);
    const cancelled = await expectStatus<Batch>(officer.post(`${BATCHES}/${batch.id}/cancel`, { comment: '合并批次' }), 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', availableTransitions: [] });
    const late = await officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: app.id });
    expect(late.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'cancelled' } });
  });
});

describe('filling a batch', () => {
  it('takes approved applications up to its quota, and lets them out again while open', async () => {
    const batch = await newBatch({ quota: 2 });
    const [a, b, c] = [await approved(0), await approved(1), await approved(2)];
    const one = await expectStatus<Batch>(officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: a.id }), 200);
    expect(one.applications.map((x) => [x.id, x.status])).toEqual([[a.id, 'in_batch']]);
    const inBatch = await expectStatus<Application>(officer.get(`${APPS}/${a.id}`), 200);
    expect(inBatch).toMatchObject({ status: 'in_batch', batchId: batch.id, batchName: '2026年第一批企业培训中心遴选' });
    expect(inBatch.availableTransitions).toContain('remove_from_batch');
    await expectStatus(officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: b.id }), 200);
    const full = await officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: c.id });
    expect(full.statusCode).toBe(409);
    expect(full.json<ErrorBody>().error.code).toBe('QUOTA_FULL');
    expect((await expectStatus<Application>(officer.get(`${APPS}/${c.id}`), 200)).status).toBe('approved');
    const twice = await officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: a.id });
    expect(twice.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'in_batch' } });
    const out = await expectStatus<Batch>(officer.post(`${BATCHES}/${batch.id}/applications/${b.id}/remove`), 200);
    expect(out.applicationCount).toBe(1);
    expect((await expectStatus<Application>(officer.get(`${APPS}/${b.id}`), 200))).toMatchObject({ status: 'approved', batchId: null });
    const again = await officer.post(`${BATCHES}/${batch.id}/applications/${b.id}/remove`);
    expect(again.statusCode).toBe(404);
    const { events } = await trailOf(t, 'training_centre_application', b.id);
    expect(events.slice(-2).map((e) => `${e.transition}:${e.toState}`)).toEqual(['add_to_batch:in_batch', 'remove_from_batch:approved']);
    // The reviewer and the FIC cannot fill batches; another region's officer does not see the batch.
    expect((await reviewer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: b.id })).statusCode).toBe(403);
    expect((await ficOfficer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: b.id })).statusCode).toBe(403);
    expect((await farOfficer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: b.id })).statusCode).toBe(404);
    // Only approved applications go in.
    const draft = await expectStatus<Application>(lonelyAdmin.post(APPS, applicationBody([])), 201);
    expect((await officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: draft.id })).statusCode).toBe(404);
    await expectStatus(officer.post(`${BATCHES}/${batch.id}/applications/${a.id}/remove`), 200);
  });

  it('refuses to publish an empty batch', async () => {
    const batch = await newBatch();
    const res = await officer.post(`${BATCHES}/${batch.id}/publish-notice`);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('CONFLICT');
    expect((await expectStatus<Batch>(officer.get(`${BATCHES}/${batch.id}`), 200)).status).toBe('open');
    expect(await t.db.select().from(publicNotices).where(eq(publicNotices.subjectId, batch.id))).toEqual([]);
  });
});

describe('public notice and certification', () => {
  let batch: Batch;
  let apps: Application[];

  it('publishes the list as a notice of at least 5 working days and freezes the batch', async () => {
    t.clock.set(new Date('2026-03-02T09:00:00+08:00'));
    await signInAgain();
    batch = await newBatch({ name: '2026年第二批', quota: 3 });
    apps = [await approved(0), await approved(1), await approved(2)];
    for (const app of apps) await expectStatus(officer.post(`${BATCHES}/${batch.id}/applications`, { applicationId: app.id }), 200);
    expect((await officer.post(`${BATCHES}/${batch.id}/publish-notice`, { workingDays: 3 })).statusCode).toBe(400);
    expect((await reviewer.post(`${BATCHES}/${batch.id}/publish-notice`)).statusCode).toBe(403);
    batch = await expectStatus<Batch>(officer.post(`${BATCHES}/${batch.id}/publish-notice`), 200);
    expect(batch.status).toBe('in_notice');
    expect(batch.notice!.startsOn).toBe('2026-03-02');
    expect(batch.notice!.endsOn > '2026-03-06').toBe(true);
    const [notice] = await t.db.select().from(publicNotices).where(eq(publicNotices.id, batch.noticeId!));
    expect(notice).toMatchObject({ subjectType: 'selection_batch', subjectId: batch.id, title: '2026年第二批拟认定企业培训中心名单公示', workingDays: 5 });
    expect(notice!.columns.map((c) => c.zh)).toEqual(['序号', '企业名称', '统一社会信用代码', '认定职业及等级', '所在园区']);
    expect(notice!.entries.map((e) => e.ref).sort()).toEqual(apps.map((a) => a.id).sort());
    const first = notice!.entries[0]!;
    expect(first.cells.seq).toBe('1');
    expect(first.cells.scope).toBe('焊工（四级/中级工、三级/高级工）；光伏电站运维员（五级/初级工）');
    expect(first.cells.uscc).toMatch(/^[0-9A-Z]{18}$/);
    expect((await trailOf(t, 'selection_batch', batch.id)).audit.map((a) => a.action)).toEqual(['create', 'publish_notice']);
    // The list is frozen while in notice.
    const remove = await officer.post(`${BATCHES}/${batch.id}/applications/${apps[0]!.id}/remove`);
    expect(remove.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'in_notice' } });
    const twice = await officer.post(`${BATCHES}/${batch.id}/publish-notice`);
    expect(twice.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'in_notice' } });
  });

  it('refuses to certify before the notice ends, by the wrong role, or with an objection unhandled', async () => {
    const early = await reviewer.post(`${BATCHES}/${batch.id}/certify`);
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('NOTICE_NOT_ENDED');
    expect((await officer.post(`${BATCHES}/${batch.id}/certify`)).statusCode).toBe(403);
    // On the last day of the notice it is still running.
    t.clock.set(new Date(`${batch.notice!.endsOn}T20:00:00+08:00`));
    await signInAgain();
    expect((await reviewer.post(`${BATCHES}/${batch.id}/certify`)).json<ErrorBody>().error.code).toBe('NOTICE_NOT_ENDED');
    await t.db.insert(noticeObjections).values({
      noticeId: batch.noticeId!,
      entryRef: apps[1]!.id,
      referenceCode: 'YY-0001',
      objectorName: '王五',
      objectorResidentId: '120224199001011234',
      objectorPhone: '13800000000',
      content: '该企业实训场地与申报不符',
      filedAt: t.clock.now(),
    });
    await pastNotice(batch);
    const open = await reviewer.post(`${BATCHES}/${batch.id}/certify`);
    expect(open.statusCode).toBe(409);
    expect(open.json<ErrorBody>().error.code).toBe('OBJECTIONS_UNHANDLED');
    expect(await t.db.select().from(trainingCentres)).toEqual([]);
    expect((await trailOf(t, 'selection_batch', batch.id)).events.map((e) => e.transition)).toEqual(['create', 'publish_notice']);
  });

  it('excludes the application with an upheld objection and certifies the others with sequential numbers', async () => {
    await t.db.update(noticeObjections).set({ status: 'handled', outcome: 'upheld', handlingNote: '经核实属实' }).where(eq(noticeObjections.noticeId, batch.noticeId!));
    const today = addCalendarDays(batch.notice!.endsOn, 1);
    const result = await expectStatus<Batch>(reviewer.post(`${BATCHES}/${batch.id}/certify`, { comment: '公示期满' }), 200);
    expect(result).toMatchObject({ status: 'certified', counts: { certified: 2, excluded: 1 }, availableTransitions: [] });
    expect(Object.fromEntries(result.applications.map((a) => [a.id, a.status]))).toEqual({ [apps[0]!.id]: 'certified', [apps[1]!.id]: 'rejected', [apps[2]!.id]: 'certified' });
    const excluded = await trailOf(t, 'training_centre_application', apps[1]!.id);
    expect(excluded.events.at(-1)).toMatchObject({ transition: 'exclude', toState: 'rejected' });
    expect(excluded.events.at(-1)!.comment).toContain('YY-0001');

    const centres = (await expectStatus<{ items: Centre[] }>(officer.get(`${CENTRES}?sort=certifiedOn`), 200)).items;
    expect(centres.map((c) => c.applicationId).sort()).toEqual([apps[0]!.id, apps[2]!.id].sort());
    const year = today.slice(0, 4);
    expect(centres.map((c) => c.certificateNo).sort()).toEqual([`TC120115-${year}-001`, `TC120115-${year}-002`]);
    // Numbered in the order of the published list.
    const [notice] = await t.db.select().from(publicNotices).where(eq(publicNotices.id, batch.noticeId!));
    const numberOf = new Map(centres.map((c) => [c.applicationId, c.certificateNo]));
    expect(notice!.entries.filter((e) => e.ref !== apps[1]!.id).map((e) => numberOf.get(e.ref))).toEqual([`TC120115-${year}-001`, `TC120115-${year}-002`]);
    for (const centre of centres) {
      expect(centre).toMatchObject({ status: 'active', effectiveStatus: 'active', certifiedOn: today, validUntil: validUntilOf(today, 3), annualCapacity: 800, batchId: batch.id });
      expect(centre.scope).toEqual([
        { occupation: 'welder', levels: [4, 3] },
        { occupation: 'pv_installer', levels: [5] },
      ]);
      const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'training_centre'), eq(auditLog.entityId, centre.id)));
      expect(audit).toMatchObject({ action: 'certify', organisationId: centre.organisationId });
    }
    expect(await t.db.select().from(trainingCentreScopes)).toHaveLength(6);
    const certifiedTrail = await trailOf(t, 'training_centre_application', apps[0]!.id);
    expect(certifiedTrail.audit.at(-1)!.action).toBe('certify');
    expect((await trailOf(t, 'selection_batch', batch.id)).events.map((e) => e.transition)).toEqual(['create', 'publish_notice', 'certify']);
    const again = await reviewer.post(`${BATCHES}/${batch.id}/certify`);
    expect(again.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'certified' } });
  });

  it('continues the region’s numbering in a later batch, and renews a revoked centre in place', async () => {
    const [first] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.applicationId, apps[0]!.id));
    await t.db.update(trainingCentres).set({ status: 'revoked', statusReason: '年度评估不合格' }).where(eq(trainingCentres.id, first!.id));
    const later = await newBatch({ name: '2026年第三批', quota: 5, validityYears: 2 });
    const renewed = await approved(0);
    const fresh = await approved(3);
    for (const app of [renewed, fresh]) await expectStatus(officer.post(`${BATCHES}/${later.id}/applications`, { applicationId: app.id }), 200);
    const published = await expectStatus<Batch>(officer.post(`${BATCHES}/${later.id}/publish-notice`, { title: '第三批公示', workingDays: 6 }), 200);
    await pastNotice(published);
    const today = addCalendarDays(published.notice!.endsOn, 1);
    const result = await expectStatus<Batch>(reviewer.post(`${BATCHES}/${later.id}/certify`), 200);
    expect(result.counts).toEqual({ certified: 2, excluded: 0 });
    const rows = await t.db.select().from(trainingCentres).where(eq(trainingCentres.batchId, later.id));
    const year = today.slice(0, 4);
    expect(rows.map((r) => r.certificateNo).sort()).toEqual([`TC120115-${year}-003`, `TC120115-${year}-004`]);
    const again = rows.find((r) => r.organisationId === enterpriseIds[0])!;
    expect(again).toMatchObject({ id: first!.id, status: 'active', statusReason: null, validUntil: validUntilOf(today, 2), applicationId: renewed.id });
  });

  it('verifies a certificate publicly, without signing in', async () => {
    const [centre] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.applicationId, apps[2]!.id));
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`${V1}/public/training-centres/${encodeURIComponent(`  ${centre!.certificateNo.toLowerCase()} `)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Record<string, unknown> & { scope: unknown[] }>();
    expect(body).toMatchObject({
      certificateNo: centre!.certificateNo,
      organisationName: '宝坻测试丙机械有限公司',
      regionName: '天津市宝坻区',
      effectiveStatus: 'active',
      statusLabelZh: '有效',
      statusReason: null,
      validUntil: centre!.validUntil,
    });
    expect(body.scope).toEqual([
      { occupation: 'welder', occupationZh: '焊工', occupationEn: 'Welder', level: 4, levelZh: '四级/中级工', levelEn: 'Level 4 / Intermediate' },
      { occupation: 'welder', occupationZh: '焊工', occupationEn: 'Welder', level: 3, levelZh: '三级/高级工', levelEn: 'Level 3 / Senior' },
      { occupation: 'pv_installer', occupationZh: '光伏电站运维员', occupationEn: 'PV power station operator', level: 5, levelZh: '五级/初级工', levelEn: 'Level 5 / Junior' },
    ]);
    expect(JSON.stringify(body)).not.toContain('张三'); // no instructor (a private person) is shown
    await t.db.update(trainingCentres).set({ status: 'suspended', statusReason: '限期整改中' }).where(eq(trainingCentres.id, centre!.id));
    expect((await anonymous.get(`${V1}/public/training-centres/${centre!.certificateNo}`)).json()).toMatchObject({ effectiveStatus: 'suspended', statusLabelZh: '暂停', statusReason: '限期整改中' });
    await t.db.update(trainingCentres).set({ status: 'active', statusReason: null }).where(eq(trainingCentres.id, centre!.id));
    const unknown = await anonymous.get(`${V1}/public/training-centres/TC120115-1999-999`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('NOT_FOUND');
  });
});

describe('certified centres', () => {
  it('shows each enterprise its own centre, departments their region’s, with filters', async () => {
    const mine = await expectStatus<Centre>(enterpriseAdmins[2]!.get(`${CENTRES}/mine`), 200);
    expect(mine.organisationId).toBe(enterpriseIds[2]);
    expect((await lonelyAdmin.get(`${CENTRES}/mine`)).statusCode).toBe(404);
    expect((await officer.get(`${CENTRES}/mine`)).statusCode).toBe(403);
    expect((await enterpriseAdmins[0]!.get(`${CENTRES}/${mine.id}`)).statusCode).toBe(404);
    expect((await farOfficer.get(`${CENTRES}/${mine.id}`)).statusCode).toBe(404);
    expect((await farOfficer.get(CENTRES)).json<{ total: number }>().total).toBe(0);
    expect((await enterpriseAdmins[2]!.get(CENTRES)).json<{ items: Centre[] }>().items.map((c) => c.id)).toEqual([mine.id]);
    // Enterprises 0 (renewed in place), 2 and 3 hold centres.
    const all = (await officer.get(CENTRES)).json<{ total: number }>().total;
    expect(all).toBe(3);
    const pv = (await officer.get(`${CENTRES}?field=new_energy&level=5`)).json<{ total: number }>().total;
    expect(pv).toBe(3);
    expect((await officer.get(`${CENTRES}?occupation=welder&level=1`)).json<{ total: number }>().total).toBe(0);
    expect((await officer.get(`${CENTRES}?field=modern_services`)).json<{ total: number }>().total).toBe(0);
    expect((await officer.get(`${CENTRES}?q=${encodeURIComponent(mine.certificateNo.slice(-3))}`)).json<{ items: Centre[] }>().items.map((c) => c.id)).toContain(mine.id);
    await t.db.update(trainingCentres).set({ validUntil: '2026-01-01' }).where(eq(trainingCentres.id, mine.id));
    const expired = (await officer.get(`${CENTRES}?effectiveStatus=expired`)).json<{ items: Centre[] }>().items;
    expect(expired.map((c) => [c.id, c.status, c.effectiveStatus])).toEqual([[mine.id, 'active', 'expired']]);
    expect((await officer.get(`${CENTRES}?effectiveStatus=active`)).json<{ total: number }>().total).toBe(2);
    await t.db.update(trainingCentres).set({ validUntil: mine.validUntil }).where(eq(trainingCentres.id, mine.id));
    const xlsx = await officer.get(`${CENTRES}?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('counts the total and the new centres of a period (e.g. January–April), by region and by field', async () => {
    // An older centre, one revoked, one certified after the period: only the first counts toward the total.
    const extra = await Promise.all([enterprise(t), enterprise(t), enterprise(t)]);
    await t.db.insert(trainingCentres).values([
      { organisationId: extra[0]!.id, regionId: 'baodi', certificateNo: 'TC120115-2025-101', status: 'active', certifiedOn: '2025-06-01', validUntil: '2028-05-31', annualCapacity: 100 },
      { organisationId: extra[1]!.id, regionId: 'baodi', certificateNo: 'TC120115-2025-102', status: 'revoked', certifiedOn: '2025-07-01', validUntil: '2028-06-30', annualCapacity: 100 },
      { organisationId: extra[2]!.id, regionId: 'baodi', certificateNo: 'TC120115-2026-901', status: 'active', certifiedOn: '2026-05-10', validUntil: '2029-05-09', annualCapacity: 100 },
    ]);
    const certifiedThisYear = (await t.db.select().from(trainingCentres)).filter((c) => c.certifiedOn >= '2026-01-01' && c.certifiedOn <= '2026-04-30' && c.status !== 'revoked');
    expect(certifiedThisYear.length).toBe(3);
    const stats = await expectStatus<{ total: number; newInPeriod: number; groups: { key: string; labelZh: string; total: number; newInPeriod: number }[] }>(
      officer.get(`${CENTRES}/stats?from=2026-01-01&to=2026-04-30&groupBy=region`),
      200,
    );
    expect(stats).toMatchObject({ total: 4, newInPeriod: 3 });
    expect(stats.groups).toEqual([{ key: 'baodi', labelZh: '天津市宝坻区', labelEn: 'Baodi District, Tianjin', total: 4, newInPeriod: 3 }]);
    const byField = (await officer.get(`${CENTRES}/stats?from=2026-01-01&to=2026-04-30&groupBy=field`)).json<typeof stats>();
    expect(byField.groups.map((g) => [g.key, g.total, g.newInPeriod])).toEqual([
      ['manufacturing', 3, 3],
      ['new_energy', 3, 3],
    ]);
    const byIndustry = (await officer.get(`${CENTRES}/stats?from=2026-01-01&to=2026-04-30&groupBy=industry`)).json<typeof stats>();
    expect(byIndustry.groups).toEqual([expect.objectContaining({ key: 'C', labelZh: '制造业', total: 4, newInPeriod: 3 })]);
    expect((await farOfficer.get(`${CENTRES}/stats?from=2026-01-01&to=2026-04-30`)).json<typeof stats>()).toMatchObject({ total: 0, newInPeriod: 0, groups: [] });
    expect(issuePaths((await officer.get(`${CENTRES}/stats?from=2026-05-01&to=2026-04-30`)).json<ErrorBody>())).toEqual(['query.to']);
    expect(issuePaths((await officer.get(`${CENTRES}/stats?from=2026-01-01&to=2026-04-30&groupBy=park`)).json<ErrorBody>())).toEqual(['query.groupBy']);
  });
});

describe('validity', () => {
  it('runs whole years from the certification day, that day counted', () => {
    expect(validUntilOf('2026-03-10', 3)).toBe('2029-03-09');
    expect(validUntilOf('2028-02-29', 1)).toBe('2029-02-28');
    expect(validUntilOf('2026-01-01', 1)).toBe('2026-12-31');
  });
});

