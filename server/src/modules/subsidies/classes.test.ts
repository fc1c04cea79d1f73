import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprenticeshipClass, ApprenticeshipClassCounts, WorkflowEvent } from '@fulcrum/shared';
import { apprenticeshipClasses, trainingCentres, trainingCentreScopes } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, type Client, type TestApp } from '../../test/app.ts';
import { department, enterprise, expectStatus, issuePaths, member, trailOf, type ErrorBody } from '../training-centres/test-support.ts';
import { classBody, seedApprentices, seedAssessment, seedClass, seedPolicy } from './test-support.ts';

const CLASSES = '/api/v1/apprenticeship-classes';
const PROCESS = 'apprenticeship_class';

let t: TestApp;
let officer: Client;
let reviewer: Client;
let ficOfficer: Client;
let financeOfficer: Client;
let farOfficer: Client;
let admin: Client;
let entA: { id: string };
let adminA: Client;
let trainerA: Client;
let instructorA: Client;
let employeeA: Client;
let adminB: Client;
let chamberAdmin: Client;
let centreId: string;

type Error409 = ErrorBody & { error: { details: Record<string, unknown> } };
const classCount = async () => Number((await t.db.select({ n: count() }).from(apprenticeshipClasses))[0]!.n);

/** A certified training centre of an enterprise, welder levels 4 and 3, valid until 2028. */
async function seedCentre(regionId = 'baodi', overrides: Partial<typeof trainingCentres.$inferInsert> = {}) {
  const org = await enterprise(t, regionId);
  const [centre] = await t.db
    .insert(trainingCentres)
    .values({ organisationId: org.id, regionId, certificateNo: `TC-${org.id.slice(0, 8)}`, status: 'active', certifiedOn: '2025-01-01', validUntil: '2028-12-31', annualCapacity: 300, ...overrides })
    .returning();
  await t.db.insert(trainingCentreScopes).values([
    { centreId: centre!.id, occupation: 'welder', level: 4 },
    { centreId: centre!.id, occupation: 'welder', level: 3 },
  ]);
  return { ...centre!, organisationName: org.name };
}

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  officer = await member(t, hrss.id, 'department_officer');
  reviewer = await member(t, hrss.id, 'department_reviewer');
  admin = await member(t, hrss.id, 'system_admin');
  ficOfficer = await member(t, (await department(t, 'baodi', 'fic')).id, 'department_officer');
  financeOfficer = await member(t, (await department(t, 'baodi', 'finance')).id, 'department_officer');
  farOfficer = await member(t, (await department(t, 'tangshan')).id, 'department_officer');
  entA = await enterprise(t);
  adminA = await member(t, entA.id, 'enterprise_admin');
  trainerA = await member(t, entA.id, 'training_manager');
  instructorA = await member(t, entA.id, 'instructor');
  employeeA = await member(t, entA.id, 'employee');
  adminB = await member(t, (await enterprise(t)).id, 'enterprise_admin');
  chamberAdmin = await member(t, (await createOrganisation(t.db, { type: 'chamber' })).id, 'chamber_admin');
  centreId = (await seedCentre()).id;
  await seedPolicy(t, 'baodi');
});
afterAll(() => t.close());

/** A draft class of enterprise A with n apprentices on its roster. */
async function draftWithRoster(n = 2, overrides: Record<string, unknown> = {}) {
  const cls = await expectStatus<ApprenticeshipClass>(trainerA.post(CLASSES, classBody(overrides)), 201);
  if (n) await seedApprentices(t, { id: cls.id, organisationId: entA.id }, n);
  return cls;
}
async function filed(n = 2) {
  const cls = await draftWithRoster(n);
  return expectStatus<ApprenticeshipClass>(adminA.post(`${CLASSES}/${cls.id}/file`), 200);
}

describe('creating a class', () => {
  it('saves a draft of the enterprise with its last day, empty counts, the owner’s buttons and a history', async () => {
    const cls = await expectStatus<ApprenticeshipClass>(trainerA.post(CLASSES, classBody()), 201);
    expect(cls).toMatchObject({
      status: 'draft',
      kind: 'enterprise',
      organisationId: entA.id,
      regionId: 'baodi',
      startsOn: '2026-03-01',
      endsOn: '2028-02-29',
      registrationNo: null,
      trainingCentreId: null,
      institutionName: '天津宝坻职业技术学院',
      counts: { roster: 0, active: 0, completed: 0, certified: 0, left: 0 },
      filedAt: null,
    });
    expect(cls.availableTransitions.sort()).toEqual(['file', 'withdraw']);
    const { events, audit } = await trailOf(t, PROCESS, cls.id);
    expect(events.map((e) => e.transition)).toEqual(['create']);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it.each([
    ['an enterprise asking for a grouped class', () => adminA, { kind: 'grouped' }, 'body.kind'],
    ['a chamber asking for an enterprise class', () => chamberAdmin, { kind: 'enterprise' }, 'body.kind'],
    ['an institution without its name', () => adminA, { institutionName: null }, 'body.institutionName'],
    ['a training centre without its id', () => adminA, { institutionKind: 'training_centre', institutionName: null }, 'body.trainingCentreId'],
    ['three years without a reason', () => adminA, { durationYears: 3 }, 'body.durationReason'],
    ['four years, beyond the policy’s longest', () => adminA, { durationYears: 4, durationReason: '技师培养周期长' }, 'body.durationYears'],
    ['a training centre of another region', () => adminA, { institutionKind: 'training_centre', trainingCentreId: 'far' }, 'body.trainingCentreId'],
  ])('refuses %s with 400 at the field at fault, and writes nothing', async (_name, client, overrides, path) => {
    const body = { ...overrides } as Record<string, unknown>;
    if (body.trainingCentreId === 'far') body.trainingCentreId = (await seedCentre('tangshan')).id;
    const before = await classCount();
    const error = await expectStatus<ErrorBody>(client().post(CLASSES, classBody(body)), 400);
    expect(issuePaths(error)).toEqual([path]);
    expect(await classCount()).toBe(before);
  });

  it('takes three years with a reason; without a policy in force the national range 1–2 (3 with a reason) applies', async () => {
    expect((await expectStatus<ApprenticeshipClass>(adminA.post(CLASSES, classBody({ durationYears: 3, durationReason: '技师培养周期长' })), 201)).endsOn).toBe('2029-02-28');
    const error = await expectStatus<ErrorBody>(adminA.post(CLASSES, classBody({ startsOn: '2035-03-01', durationYears: 4, durationReason: '周期长' })), 400);
    expect(issuePaths(error)).toEqual(['body.durationYears']);
    expect((await expectStatus<ApprenticeshipClass>(adminA.post(CLASSES, classBody({ startsOn: '2035-03-01', durationYears: 3, durationReason: '周期长' })), 201)).status).toBe('draft');
  });

  it('follows the policy’s own limits (a region-year whose classes last one year at most)', async () => {
    await seedPolicy(t, 'baodi', { year: 2033, effectiveFrom: '2026-01-01', minYears: 1, maxYears: 1, maxYearsWithReason: 1 });
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(CLASSES, classBody({ startsOn: '2033-03-01', durationYears: 2, durationReason: 'x' })), 400))).toEqual(['body.durationYears']);
  });

  it('takes a certified training centre whose scope covers the occupation and level, and names it', async () => {
    const cls = await expectStatus<ApprenticeshipClass>(adminA.post(CLASSES, classBody({ institutionKind: 'training_centre', trainingCentreId: centreId, institutionName: '会被清空' })), 201);
    expect(cls).toMatchObject({ institutionKind: 'training_centre', trainingCentreId: centreId, institutionName: null });
    expect(cls.trainingCentreName).toMatch(/测试企业/);
  });

  it('refuses a centre outside its scope (422 OUTSIDE_SCOPE at body.targetLevel) and a suspended one (409 CENTRE_NOT_ACTIVE)', async () => {
    const before = await classCount();
    const outside = await expectStatus<ErrorBody>(adminA.post(CLASSES, classBody({ institutionKind: 'training_centre', trainingCentreId: centreId, targetLevel: 2 })), 422);
    expect(outside.error.code).toBe('OUTSIDE_SCOPE');
    expect(issuePaths(outside)).toEqual(['body.targetLevel']);
    const suspended = await seedCentre('baodi', { status: 'suspended', statusReason: '年审暂停' });
    const inactive = await expectStatus<Error409>(adminA.post(CLASSES, classBody({ institutionKind: 'training_centre', trainingCentreId: suspended.id })), 409);
    expect(inactive.error).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'suspended' } });
    expect(await classCount()).toBe(before);
  });

  it('is refused to the HRSS bureau, the finance bureau, instructors and employees (403)', async () => {
    const before = await classCount();
    for (const client of [officer, financeOfficer, instructorA, employeeA]) expect((await client.post(CLASSES, classBody())).statusCode).toBe(403);
    expect(await classCount()).toBe(before);
  });

  it('lets a chamber and the FIC organise grouped classes', async () => {
    expect((await expectStatus<ApprenticeshipClass>(chamberAdmin.post(CLASSES, classBody({ kind: 'grouped' })), 201)).kind).toBe('grouped');
    expect((await expectStatus<ApprenticeshipClass>(ficOfficer.post(CLASSES, classBody({ kind: 'grouped' })), 201)).kind).toBe('grouped');
  });
});

describe('editing a class', () => {
  it('lets the organiser edit a draft: the last day follows, the audit keeps the changed fields', async () => {
    const cls = await draftWithRoster(0);
    const edited = await expectStatus<ApprenticeshipClass>(adminA.patch(`${CLASSES}/${cls.id}`, { durationYears: 1, name: '焊工学徒一年班' }), 200);
    expect(edited).toMatchObject({ durationYears: 1, endsOn: '2027-02-28', name: '焊工学徒一年班' });
    const { audit } = await trailOf(t, PROCESS, cls.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', before: { durationYears: 2, endsOn: '2028-02-29', name: classBody().name }, after: { durationYears: 1, endsOn: '2027-02-28', name: '焊工学徒一年班' } });
  });

  it('applies the rules of creation to the merged class (400 at the field), and leaves it unchanged', async () => {
    const cls = await draftWithRoster(0);
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.patch(`${CLASSES}/${cls.id}`, { durationYears: 3 }), 400))).toEqual(['body.durationReason']);
    expect((await expectStatus<ApprenticeshipClass>(adminA.get(`${CLASSES}/${cls.id}`), 200)).durationYears).toBe(2);
  });

  it('refuses a filed class (409 INVALID_TRANSITION), another enterprise’s class (404) and the FIC on an enterprise’s class (403)', async () => {
    const cls = await filed();
    expect((await expectStatus<ErrorBody>(adminA.patch(`${CLASSES}/${cls.id}`, { name: '改名' }), 409)).error.code).toBe('INVALID_TRANSITION');
    const draft = await draftWithRoster(0);
    expect((await adminB.patch(`${CLASSES}/${draft.id}`, { name: '改名' })).statusCode).toBe(404);
    const returned = await expectStatus<ApprenticeshipClass>(officer.post(`${CLASSES}/${cls.id}/return`, { comment: '补充培训计划' }), 200);
    expect((await ficOfficer.patch(`${CLASSES}/${returned.id}`, { name: '改名' })).statusCode).toBe(403);
  });
});

describe('registration', () => {
  it('refuses to file an empty roster (409 CONFLICT, roster 0) and leaves the class a draft', async () => {
    const cls = await draftWithRoster(0);
    const error = await expectStatus<Error409>(adminA.post(`${CLASSES}/${cls.id}/file`), 409);
    expect(error.error).toMatchObject({ code: 'CONFLICT', details: { roster: 0 } });
    expect((await expectStatus<ApprenticeshipClass>(adminA.get(`${CLASSES}/${cls.id}`), 200)).status).toBe('draft');
    expect((await trailOf(t, PROCESS, cls.id)).events.map((e) => e.transition)).toEqual(['create']);
  });

  it('refuses to file without a policy in force for the cohort year (409 NO_SUBSIDY_POLICY)', async () => {
    const cls = await draftWithRoster(1, { startsOn: '2034-03-01' });
    const error = await expectStatus<Error409>(adminA.post(`${CLASSES}/${cls.id}/file`), 409);
    expect(error.error).toMatchObject({ code: 'NO_SUBSIDY_POLICY', details: { regionId: 'baodi', year: 2034 } });
  });

  it('files with a deadline of 5 working days; the draft becomes visible to the HRSS bureau only then', async () => {
    const cls = await draftWithRoster(2);
    expect((await officer.get(`${CLASSES}/${cls.id}`)).statusCode).toBe(404);
    const filedClass = await expectStatus<ApprenticeshipClass>(adminA.post(`${CLASSES}/${cls.id}/file`, { comment: '请审核' }), 200);
    expect(filedClass).toMatchObject({ status: 'filed', dueOn: '2026-03-09', counts: { roster: 2, active: 2 } });
    expect(filedClass.filedAt).not.toBeNull();
    const seen = await expectStatus<ApprenticeshipClass>(officer.get(`${CLASSES}/${cls.id}`), 200);
    expect(seen.availableTransitions.sort()).toEqual(['register', 'reject', 'return']);
  });

  it('keeps filing the organiser’s: the HRSS bureau and the FIC get 403 on an enterprise’s class', async () => {
    const cls = await draftWithRoster(1);
    await expectStatus(officer.post(`${CLASSES}/${cls.id}/file`), 404); // still a draft: out of the bureau's reach
    const returned = await filed();
    await expectStatus(officer.post(`${CLASSES}/${returned.id}/return`, { comment: '补正' }), 200);
    expect((await officer.post(`${CLASSES}/${returned.id}/file`)).statusCode).toBe(403);
    expect((await ficOfficer.post(`${CLASSES}/${returned.id}/file`)).statusCode).toBe(403);
    expect((await ficOfficer.post(`${CLASSES}/${returned.id}/withdraw`)).statusCode).toBe(403);
  });

  it('keeps registration the HRSS bureau’s: the organiser, the finance bureau and the FIC get 403', async () => {
    const cls = await filed();
    for (const client of [adminA, financeOfficer, ficOfficer]) expect((await client.post(`${CLASSES}/${cls.id}/register`)).statusCode).toBe(403);
    expect((await expectStatus<ApprenticeshipClass>(officer.get(`${CLASSES}/${cls.id}`), 200)).status).toBe('filed');
  });

  it('registers with XT<division>-<year>-<sequence> numbers and today’s date; registering twice is 409 INVALID_TRANSITION', async () => {
    const first = await expectStatus<ApprenticeshipClass>(officer.post(`${CLASSES}/${(await filed()).id}/register`), 200);
    const second = await expectStatus<ApprenticeshipClass>(reviewer.post(`${CLASSES}/${(await filed()).id}/register`, { comment: '准予备案' }), 200);
    expect(first).toMatchObject({ status: 'registered', registeredOn: '2026-03-02', dueOn: null });
    expect(first.registrationNo).toMatch(/^XT120115-2026-\d{4}$/);
    expect(Number(second.registrationNo!.slice(-4))).toBe(Number(first.registrationNo!.slice(-4)) + 1);
    const again = await expectStatus<Error409>(officer.post(`${CLASSES}/${first.id}/register`), 409);
    expect(again.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'registered' } });
    const history = await expectStatus<WorkflowEvent[]>(adminA.get(`${CLASSES}/${first.id}/history`), 200);
    expect(history.map((e) => e.transition)).toEqual(['create', 'file', 'register']);
    expect(history[2]!.data).toEqual({ registrationNo: first.registrationNo });
    const { audit } = await trailOf(t, PROCESS, first.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'file', 'register']);
  });

  it('needs a comment to return or reject (400 at body.comment); a returned class is filed again', async () => {
    const cls = await filed();
    expect(issuePaths(await expectStatus<ErrorBody>(officer.post(`${CLASSES}/${cls.id}/return`), 400))).toEqual(['body.comment']);
    expect(issuePaths(await expectStatus<ErrorBody>(officer.post(`${CLASSES}/${cls.id}/reject`, { comment: '  ' }), 400))).toEqual(['body.comment']);
    const returned = await expectStatus<ApprenticeshipClass>(officer.post(`${CLASSES}/${cls.id}/return`, { comment: '导师资质材料不全' }), 200);
    expect(returned).toMatchObject({ status: 'returned', dueOn: '2026-03-16' });
    expect((await expectStatus<ApprenticeshipClass>(adminA.post(`${CLASSES}/${cls.id}/file`), 200)).status).toBe('filed');
    expect((await expectStatus<ApprenticeshipClass>(officer.post(`${CLASSES}/${cls.id}/reject`, { comment: '不符合条件' }), 200)).status).toBe('rejected');
  });

  it('lets the organiser withdraw a draft; a withdrawn class takes no other step', async () => {
    const cls = await draftWithRoster(0);
    expect((await expectStatus<ApprenticeshipClass>(trainerA.post(`${CLASSES}/${cls.id}/withdraw`), 200)).status).toBe('withdrawn');
    expect((await expectStatus<ErrorBody>(trainerA.post(`${CLASSES}/${cls.id}/file`), 409)).error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses to complete while an apprentice is in training (409 CONFLICT, active n), then completes once all are assessed', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered' });
    const [a1, a2] = await seedApprentices(t, cls, 2);
    await seedAssessment(t, a1!.id, { passed: true });
    const refused = await expectStatus<Error409>(adminA.post(`${CLASSES}/${cls.id}/complete`), 409);
    expect(refused.error).toMatchObject({ code: 'CONFLICT', details: { active: 1 } });
    await seedAssessment(t, a2!.id, { passed: false });
    expect((await ficOfficer.post(`${CLASSES}/${cls.id}/complete`)).statusCode).toBe(403);
    const done = await expectStatus<ApprenticeshipClass>(adminA.post(`${CLASSES}/${cls.id}/complete`), 200);
    expect(done).toMatchObject({ status: 'completed', counts: { roster: 2, active: 0, completed: 2, certified: 1 }, availableTransitions: [] });
  });

  it('lets the FIC file its own grouped class, which the HRSS bureau registers', async () => {
    const cls = await expectStatus<ApprenticeshipClass>(ficOfficer.post(CLASSES, classBody({ kind: 'grouped' })), 201);
    const firm = await enterprise(t);
    await seedApprentices(t, { id: cls.id, organisationId: firm.id }, 1);
    expect((await expectStatus<ApprenticeshipClass>(ficOfficer.post(`${CLASSES}/${cls.id}/file`), 200)).status).toBe('filed');
    expect((await ficOfficer.post(`${CLASSES}/${cls.id}/register`)).statusCode).toBe(403);
    expect((await expectStatus<ApprenticeshipClass>(officer.post(`${CLASSES}/${cls.id}/register`), 200)).status).toBe('registered');
  });
});

describe('reach', () => {
  it('answers 404 for another enterprise’s class and another region’s bureau, on reads and on steps', async () => {
    const cls = await filed();
    for (const client of [adminB, farOfficer, chamberAdmin]) {
      expect((await client.get(`${CLASSES}/${cls.id}`)).statusCode).toBe(404);
      expect((await client.get(`${CLASSES}/${cls.id}/history`)).statusCode).toBe(404);
    }
    expect((await farOfficer.post(`${CLASSES}/${cls.id}/register`)).statusCode).toBe(404);
    expect((await adminB.post(`${CLASSES}/${cls.id}/withdraw`)).statusCode).toBe(404);
  });

  it('lists each actor’s classes: the organiser all of its own, the bureau the region’s filed ones, others none of them', async () => {
    const mine = await expectStatus<{ items: ApprenticeshipClass[]; total: number }>(adminA.get(`${CLASSES}?pageSize=100`), 200);
    expect(mine.items.every((c) => c.organisationId === entA.id)).toBe(true);
    expect(mine.items.some((c) => c.status === 'draft')).toBe(true);
    const bureau = await expectStatus<{ items: ApprenticeshipClass[]; total: number }>(officer.get(`${CLASSES}?pageSize=100`), 200);
    expect(bureau.items.length).toBeGreaterThan(0);
        expect(bureau.items.some((c) => c.status === 'draft')).toBe(false);
    expect((await expectStatus<{ total: number }>(adminB.get(CLASSES), 200)).total).toBe(0);
    expect((await expectStatus<{ total: number }>(farOfficer.get(CLASSES), 200)).total).toBe(0);
    const filtered = await expectStatus<{ items: ApprenticeshipClass[] }>(officer.get(`${CLASSES}?status=registered&pageSize=100`), 200);
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((c) => c.status === 'registered')).toBe(true);
  });

  it('counts per status within reach, and exports the list as a workbook', async () => {
    const counts = await expectStatus<ApprenticeshipClassCounts>(officer.get(`${CLASSES}/counts`), 200);
    expect(counts.byStatus.draft).toBe(0);
    expect(counts.total).toBe(Object.values(counts.byStatus).reduce((a, b) => a + b, 0));
    const list = await expectStatus<{ total: number }>(officer.get(CLASSES), 200);
    expect(counts.total).toBe(list.total);
    const mine = await expectStatus<ApprenticeshipClassCounts>(adminA.get(`${CLASSES}/counts`), 200);
    expect(mine.byStatus.draft).toBeGreaterThan(0);
    const xlsx = await officer.get(`${CLASSES}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a system admin every class, drafts included', async () => {
    const draft = await draftWithRoster(0);
    expect((await admin.get(`${CLASSES}/${draft.id}`)).statusCode).toBe(200);
    const [row] = await t.db.select().from(apprenticeshipClasses).where(eq(apprenticeshipClasses.id, draft.id));
    expect(row!.status).toBe('draft');
  });
});
