import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingCentreApplications, trainingCentres } from '../../db/schema/index.ts';
import { HOUR } from '../../lib/clock.ts';
import { buildTestApp, type Client, type TestApp } from '../../test/app.ts';
import {
  applicationBody,
  attachment,
  department,
  enterprise,
  expectStatus,
  issuePaths,
  member,
  trailOf,
  twoHats,
  type Application,
  type ErrorBody,
} from './test-support.ts';

const V1 = '/api/v1';
const APPS = `${V1}/training-centre-applications`;
const PROCESS = 'training_centre_application';

let t: TestApp;
let officer: Client;
let reviewer: Client;
let ficOfficer: Client;
let farOfficer: Client;
let admin: Client;
/** Enterprise A (baodi): admin, training manager, employee; B another baodi enterprise; T one in tangshan. */
let hrssId: string;
let entA: { id: string };
let adminA: Client;
let trainerA: Client;
let employeeA: Client;
let adminB: Client;
let adminT: Client;
let fileA: string;
let fileB: string;

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  hrssId = hrss.id;
  const fic = await department(t, 'baodi', 'fic');
  const hrssFar = await department(t, 'tangshan');
  officer = await member(t, hrss.id, 'department_officer');
  reviewer = await member(t, hrss.id, 'department_reviewer');
  ficOfficer = await member(t, fic.id, 'department_officer');
  farOfficer = await member(t, hrssFar.id, 'department_officer');
  admin = await member(t, hrss.id, 'system_admin');
  entA = await enterprise(t);
  const entB = await enterprise(t);
  const entT = await enterprise(t, 'tangshan');
  adminA = await member(t, entA.id, 'enterprise_admin');
  trainerA = await member(t, entA.id, 'training_manager');
  employeeA = await member(t, entA.id, 'employee');
  adminB = await member(t, entB.id, 'enterprise_admin');
  adminT = await member(t, entT.id, 'enterprise_admin');
  fileA = await attachment(t, entA.id);
  fileB = await attachment(t, entB.id);
});
afterAll(() => t.close());

/** Clears enterprise A's open application, so a test can start a new one. */
async function freshStart() {
  await t.db.update(trainingCentreApplications).set({ status: 'withdrawn' }).where(eq(trainingCentreApplications.organisationId, entA.id));
}
async function draftA(attachmentIds = [fileA]) {
  await freshStart();
  return expectStatus<Application>(trainerA.post(APPS, applicationBody(attachmentIds)), 201);
}
async function submittedA() {
  const app = await draftA();
  return expectStatus<Application>(adminA.post(`${APPS}/${app.id}/submit`), 200);
}
async function onsiteCheckedA(by = officer) {
  const app = await submittedA();
  await expectStatus(officer.post(`${APPS}/${app.id}/check-documents`), 200);
  return expectStatus<Application>(by.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-02', findings: '场地设备与申报一致', passed: true }), 200);
}

describe('drafting an application', () => {
  it('saves a draft of the user’s enterprise, with its history and audit entry', async () => {
    const app = await draftA();
    expect(app).toMatchObject({ organisationId: entA.id, status: 'draft', submittedAt: null, dueOn: null, overdue: false, onsiteCheck: null, batchId: null });
    expect(app.availableTransitions.sort()).toEqual(['submit', 'withdraw']);
    const { events, audit } = await trailOf(t, PROCESS, app.id);
    expect(events.map((e) => [e.transition, e.toState])).toEqual([['create', 'draft']]);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with the fields at fault and saves nothing', async () => {
    await freshStart();
    const before = (await t.db.select().from(trainingCentreApplications)).length;
    const body = applicationBody([fileA]);
    const bad = await trainerA.post(APPS, { ...body, instructors: [{ name: '李四', occupation: 'astronaut', level: 6 }], annualCapacity: 0 });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad.json<ErrorBody>())).toEqual(expect.arrayContaining(['body.instructors.0.occupation', 'body.instructors.0.level', 'body.annualCapacity']));
    const years = await trainerA.post(APPS, { ...body, pastTraining: [{ year: 2026, trainings: 1, personTimes: 1 }, { year: 2022, trainings: 1, personTimes: 1 }] });
    expect(years.statusCode).toBe(400);
    expect(issuePaths(years.json<ErrorBody>())).toEqual(['body.pastTraining.0.year', 'body.pastTraining.1.year']);
    const twice = await trainerA.post(APPS, { ...body, scope: [{ occupation: 'welder', levels: [4] }, { occupation: 'welder', levels: [3] }] });
    expect(issuePaths(twice.json<ErrorBody>())).toEqual(['body.scope']);
    const foreign = await trainerA.post(APPS, applicationBody([fileA, fileB]));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorBody>().error.details?.issues).toEqual([expect.objectContaining({ path: 'body.attachmentIds.1', code: 'UNKNOWN_ATTACHMENT' })]);
    expect((await t.db.select().from(trainingCentreApplications)).length).toBe(before);
  });

  it('is for an enterprise’s admin or training manager only', async () => {
    await freshStart();
    for (const client of [employeeA, officer, reviewer, admin]) {
      const res = await client.post(APPS, applicationBody());
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  it('allows one open application per enterprise, and none while its centre is valid', async () => {
    const first = await draftA();
    const again = await adminA.post(APPS, applicationBody([fileA]));
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('CONFLICT');
    await expectStatus(adminA.post(`${APPS}/${first.id}/withdraw`), 200);
    const [centre] = await t.db
      .insert(trainingCentres)
      .values({ organisationId: entA.id, regionId: 'baodi', certificateNo: 'TC120115-2024-901', status: 'active', certifiedOn: '2024-01-10', validUntil: '2027-01-09', annualCapacity: 100 })
      .returning();
    const certified = await adminA.post(APPS, applicationBody([fileA]));
    expect(certified.statusCode).toBe(409);
    expect(certified.json<{ error: { details: { certificateNo: string } } }>().error.details.certificateNo).toBe('TC120115-2024-901');
    // Expired: the enterprise applies again.
    await t.db.update(trainingCentres).set({ validUntil: '2026-03-01' }).where(eq(trainingCentres.id, centre!.id));
    await expectStatus(adminA.post(APPS, applicationBody([fileA])), 201);
    await t.db.delete(trainingCentres).where(eq(trainingCentres.id, centre!.id));
  });

  it('edits a draft, auditing the changed fields only', async () => {
    const app = await draftA();
    const edited = await expectStatus<Application>(adminA.patch(`${APPS}/${app.id}`, { annualCapacity: 900, facilities: applicationBody().facilities }), 200);
    expect(edited.annualCapacity).toBe(900);
    const { audit } = await trailOf(t, PROCESS, app.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', before: { annualCapacity: 800 }, after: { annualCapacity: 900 } });
    const foreign = await adminA.patch(`${APPS}/${app.id}`, { attachmentIds: [fileB] });
    expect(issuePaths(foreign.json<ErrorBody>())).toEqual(['body.attachmentIds.0']);
  });
});

describe('who sees what', () => {
  it('keeps drafts private to the enterprise (a system admin sees them too)', async () => {
    const app = await draftA();
    expect((await officer.get(`${APPS}/${app.id}`)).statusCode).toBe(404);
    expect((await officer.get(`${APPS}?pageSize=100`)).json<{ items: Application[] }>().items.map((a) => a.id)).not.toContain(app.id);
    expect((await officer.get(`${APPS}/counts`)).json<{ byStatus: Record<string, number> }>().byStatus.draft).toBe(0);
    expect((await adminA.get(`${APPS}/counts`)).json<{ byStatus: Record<string, number> }>().byStatus.draft).toBe(1);
    expect((await admin.get(`${APPS}/${app.id}`)).statusCode).toBe(200);
    await expectStatus(adminA.post(`${APPS}/${app.id}/submit`), 200);
    expect((await officer.get(`${APPS}/${app.id}`)).statusCode).toBe(200);
  });

  it('hides an application from other enterprises and other regions (404), and from roles without the ability (403)', async () => {
    const app = await submittedA();
    for (const client of [adminB, adminT, farOfficer]) {
      expect((await client.get(`${APPS}/${app.id}`)).statusCode).toBe(404);
      expect((await client.get(`${APPS}/${app.id}/history`)).statusCode).toBe(404);
      expect((await client.get(`${APPS}?pageSize=100`)).json<{ items: Application[] }>().items.map((a) => a.id)).not.toContain(app.id);
    }
    expect((await adminB.post(`${APPS}/${app.id}/withdraw`)).statusCode).toBe(404);
    expect((await adminB.patch(`${APPS}/${app.id}`, { annualCapacity: 5 })).statusCode).toBe(404);
    expect((await farOfficer.post(`${APPS}/${app.id}/check-documents`)).statusCode).toBe(404);
    expect((await employeeA.get(`${APPS}/${app.id}`)).statusCode).toBe(403);
    const [row] = await t.db.select().from(trainingCentreApplications).where(eq(trainingCentreApplications.id, app.id));
    expect(row!.status).toBe('submitted');
  });

  it('lists with filters, sorting and an xlsx export', async () => {
    const app = await submittedA();
    const page = await expectStatus<{ items: Application[]; total: number }>(officer.get(`${APPS}?status=submitted&sort=-submittedAt`), 200);
    expect(page.items.map((a) => a.id)).toContain(app.id);
    expect(page.items.every((a) => a.status === 'submitted')).toBe(true);
    const none = await expectStatus<{ total: number }>(officer.get(`${APPS}?q=${encodeURIComponent('没有这家企业')}`), 200);
    expect(none.total).toBe(0);
    const bad = await officer.get(`${APPS}?status=pending&sort=name`);
    expect(issuePaths(bad.json<ErrorBody>()).sort()).toEqual(['query.sort', 'query.status']);
    const xlsx = await officer.get(`${APPS}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('the review', () => {
  it('runs submit → check documents → on-site check → approve, each with its deadline, history row and audit entry', async () => {
    const draft = await draftA();
    const auditBefore = (await t.db.select().from(auditLog)).length;
    const submitted = await expectStatus<Application>(adminA.post(`${APPS}/${draft.id}/submit`, { comment: '请审核' }), 200);
    // Monday 2 March 2026 + 5 working days.
    expect(submitted).toMatchObject({ status: 'submitted', dueOn: '2026-03-09', overdue: false });
    expect(submitted.submittedAt).toBe(t.clock.now().toISOString());
    expect(submitted.availableTransitions).toEqual(['withdraw']);
    const officerView = await expectStatus<Application>(officer.get(`${APPS}/${draft.id}`), 200);
    expect(officerView.availableTransitions.sort()).toEqual(['check_documents', 'reject', 'return']);
    const checked = await expectStatus<Application>(officer.post(`${APPS}/${draft.id}/check-documents`, { comment: '材料齐全' }), 200);
    expect(checked).toMatchObject({ status: 'documents_checked', dueOn: '2026-03-16' });
    const onsite = await expectStatus<Application>(
      officer.post(`${APPS}/${draft.id}/onsite-check`, { date: '2026-03-02', findings: '实训工位 24 个，与申报一致', passed: true }),
      200,
    );
    expect(onsite).toMatchObject({ status: 'onsite_checked', dueOn: '2026-03-09', onsiteCheck: { date: '2026-03-02', findings: '实训工位 24 个，与申报一致', passed: true } });
    const approved = await expectStatus<Application>(reviewer.post(`${APPS}/${draft.id}/approve`), 200);
    expect(approved).toMatchObject({ status: 'approved', dueOn: null });
    expect(approved.availableTransitions).toEqual(['reject']);
    expect((await expectStatus<Application>(officer.get(`${APPS}/${draft.id}`), 200)).availableTransitions.sort()).toEqual(['add_to_batch', 'reject']);

    const { events, audit } = await trailOf(t, PROCESS, draft.id);
    expect(events.map((e) => `${e.transition}:${e.fromState}→${e.toState}`)).toEqual([
      'create:draft→draft',
      'submit:draft→submitted',
      'check_documents:submitted→documents_checked',
      'record_onsite_check:documents_checked→onsite_checked',
      'approve:onsite_checked→approved',
    ]);
    expect(events[3]!.data).toEqual({ onsiteCheck: { date: '2026-03-02', findings: '实训工位 24 个，与申报一致', passed: true } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'check_documents', 'record_onsite_check', 'approve']);
    expect((await t.db.select().from(auditLog)).length - auditBefore).toBe(4);
    const history = await expectStatus<{ transition: string; actorRole: string; comment: string | null }[]>(adminA.get(`${APPS}/${draft.id}/history`), 200);
    expect(history.map((h) => [h.transition, h.actorRole])).toEqual([
      ['create', 'training_manager'],
      ['submit', 'enterprise_admin'],
      ['check_documents', 'department_officer'],
      ['record_onsite_check', 'department_officer'],
      ['approve', 'department_reviewer'],
    ]);
    expect(history[2]!.comment).toBe('材料齐全');
  });

  it('refuses to submit without attachments, or with past trainings of the wrong years', async () => {
    const app = await draftA([]);
    const res = await adminA.post(`${APPS}/${app.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.issues).toEqual([expect.objectContaining({ path: 'body.attachmentIds', code: 'REQUIRED' })]);
    // A draft saved last year with the years of then.
    await t.db.update(trainingCentreApplications).set({ attachmentIds: [fileA], pastTraining: [{ year: 2022, trainings: 1, personTimes: 10 }] }).where(eq(trainingCentreApplications.id, app.id));
    const stale = await adminA.post(`${APPS}/${app.id}/submit`);
    expect(issuePaths(stale.json<ErrorBody>())).toEqual(['body.pastTraining.0.year']);
    const { events } = await trailOf(t, PROCESS, app.id);
    expect(events.map((e) => e.transition)).toEqual(['create']);
    expect((await expectStatus<Application>(adminA.get(`${APPS}/${app.id}`), 200)).status).toBe('draft');
  });

  it('refuses the wrong role (403), a department other than HRSS (403) and the wrong state (409 with the current state)', async () => {
    const app = await submittedA();
    const cases: [Client, string, unknown?][] = [
      [adminA, 'check-documents'],
      [reviewer, 'check-documents'],
      [ficOfficer, 'check-documents'],
      [ficOfficer, 'reject', { comment: '不符合' }],
      [officer, 'submit'],
      [officer, 'withdraw'],
      [officer, 'approve'],
      [admin, 'check-documents'],
    ];
    for (const [client, path, body] of cases) {
      const res = await client.post(`${APPS}/${app.id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('FORBIDDEN');
    }
    const onsite = await adminA.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-02', findings: 'x', passed: true });
    expect(onsite.statusCode).toBe(403);
    const early = await officer.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-02', findings: 'x', passed: true });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'submitted' } });
    await expectStatus(officer.post(`${APPS}/${app.id}/check-documents`), 200);
    const twice = await officer.post(`${APPS}/${app.id}/check-documents`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'documents_checked' } });
    const resubmit = await adminA.post(`${APPS}/${app.id}/submit`);
    expect(resubmit.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'documents_checked' } });
    const { events } = await trailOf(t, PROCESS, app.id);
    expect(events.map((e) => e.transition)).toEqual(['create', 'submit', 'check_documents']);
  });

  it('needs a comment to return or reject, and findings for the on-site check', async () => {
    const app = await submittedA();
    for (const path of ['return', 'reject']) {
      const res = await officer.post(`${APPS}/${app.id}/${path}`, { comment: '  ' });
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res.json<ErrorBody>())).toEqual(['body.comment']);
    }
    await expectStatus(officer.post(`${APPS}/${app.id}/check-documents`), 200);
    const noFindings = await officer.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-02', findings: '', passed: true });
    expect(issuePaths(noFindings.json<ErrorBody>())).toEqual(['body.findings']);
    const future = await officer.post(`${APPS}/${app.id}/onsite-check`, { date: '2026-03-03', findings: '正常', passed: true });
    expect(issuePaths(future.json<ErrorBody>())).toEqual(['body.date']);
    expect((await expectStatus<Application>(officer.get(`${APPS}/${app.id}`), 200)).status).toBe('documents_checked');
  });

  it('returns for changes: the enterprise edits and submits again; edits are refused outside draft and returned', async () => {
    const app = await submittedA();
    const locked = await adminA.patch(`${APPS}/${app.id}`, { annualCapacity: 1000 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'submitted' } });
    const returned = await expectStatus<Application>(reviewer.post(`${APPS}/${app.id}/return`, { comment: '请补充师资证书' }), 200);
    expect(returned).toMatchObject({ status: 'returned', dueOn: null });
    expect((await expectStatus<Application>(adminA.patch(`${APPS}/${app.id}`, { annualCapacity: 1000 }), 200)).annualCapacity).toBe(1000);
    const again = await expectStatus<Application>(trainerA.post(`${APPS}/${app.id}/submit`), 200);
    expect(again.status).toBe('submitted');
    const rejected = await expectStatus<Application>(officer.post(`${APPS}/${app.id}/reject`, { comment: '实训场地不达标' }), 200);
    expect(rejected.status).toBe('rejected');
    expect((await adminA.patch(`${APPS}/${app.id}`, { annualCapacity: 1 })).json<ErrorBody>().error.details?.currentState).toBe('rejected');
    // A rejected application is closed: the enterprise may start again.
    await expectStatus(adminA.post(APPS, applicationBody([fileA])), 201);
  });

  it('lets the enterprise withdraw before the review moves on, not after', async () => {
    const app = await submittedA();
    const withdrawn = await expectStatus<Application>(trainerA.post(`${APPS}/${app.id}/withdraw`, { comment: '暂不申报' }), 200);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', dueOn: null });
    const checked = await onsiteCheckedA();
    const late = await adminA.post(`${APPS}/${checked.id}/withdraw`);
    expect(late.json<ErrorBody>().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'onsite_checked' } });
  });

  it('keeps the officer who checked on site from approving (separation of duties)', async () => {
    const both = await twoHats(t, hrssId, 'department_officer', 'department_reviewer');
    const app = await onsiteCheckedA(both);
    await expectStatus(both.post(`${V1}/auth/switch-membership`, { membershipId: both.secondMembershipId }), 200);
    const mine = await expectStatus<Application>(both.get(`${APPS}/${app.id}`), 200);
    expect(mine.availableTransitions).not.toContain('approve');
    expect((await expectStatus<Application>(reviewer.get(`${APPS}/${app.id}`), 200)).availableTransitions).toContain('approve');
    const res = await both.post(`${APPS}/${app.id}/approve`);
    expect(res.statusCode).toBe(403);
    expect((await trailOf(t, PROCESS, app.id)).events.map((e) => e.transition)).not.toContain('approve');
    await expectStatus(reviewer.post(`${APPS}/${app.id}/approve`), 200);
  });

  it('lets only one of two reviewers approving at once succeed', async () => {
    const app = await onsiteCheckedA();
    const second = await member(t, hrssId, 'department_reviewer');
    const results = await Promise.all([reviewer.post(`${APPS}/${app.id}/approve`), second.post(`${APPS}/${app.id}/approve`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(['INVALID_TRANSITION', 'STALE_STATE']).toContain(loser.json<ErrorBody>().error.code);
    const { events, audit } = await trailOf(t, PROCESS, app.id);
    expect(events.filter((e) => e.transition === 'approve')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'approve')).toHaveLength(1);
  });

  it('flags applications past their deadline (working days) in the list and the counts', async () => {
    const app = await submittedA();
    const counts = async () => (await officer.get(`${APPS}/counts`)).json<{ overdue: number; total: number; byStatus: Record<string, number> }>();
    const before = await counts();
    expect(before.total).toBe(Object.values(before.byStatus).reduce((a, b) => a + b, 0));
    t.clock.advance(8 * 24 * HOUR); // Tuesday 10 March: past the due date of Monday 9 March
    try {
      const officer = await member(t, hrssId, 'department_officer'); // the earlier sessions have expired meanwhile
      const late = await expectStatus<Application>(officer.get(`${APPS}/${app.id}`), 200);
      expect(late).toMatchObject({ dueOn: '2026-03-09', overdue: true });
      const overdue = (await officer.get(`${APPS}?overdue=true&pageSize=100`)).json<{ items: Application[] }>().items;
      expect(overdue.map((a) => a.id)).toContain(app.id);
      expect(overdue.every((a) => a.overdue)).toBe(true);
      const onTime = (await officer.get(`${APPS}?overdue=false&pageSize=100`)).json<{ items: Application[] }>().items;
      expect(onTime.map((a) => a.id)).not.toContain(app.id);
      expect((await officer.get(`${APPS}/counts`)).json<{ overdue: number }>().overdue).toBeGreaterThan(before.overdue);
    } finally {
      t.clock.advance(-8 * 24 * HOUR);
    }
  });
});
