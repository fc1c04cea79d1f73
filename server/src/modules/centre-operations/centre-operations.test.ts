import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq } from 'drizzle-orm';
import { attachments, auditLog, organisations, people, skillAssessments, trainingCentres, trainingMatches, trainingNeeds } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, signIn, type TestApp } from '../../test/app.ts';
import { insertAssessments, insertCentre, insertTraining, type CentreFixture } from './test-fixtures.ts';

/*
 * A certified centre's rights at work: in-house assessments and trainings only within its scope and only while it
 * has its rights; annual figures computed from its records; the annual report and the HRSS decision on it, which
 * changes the centre's rights at once. The clock stands at 2026-03-02 09:00 Beijing time.
 */

let t: TestApp;
let sysadmin: Client;
let hrssOfficer: Client;
let hrssReviewer: Client;
let ficOfficer: Client;
let tangshanOfficer: Client;
let hrss: { id: string };
let entA: { id: string };
let entB: { id: string };
let centre: CentreFixture;
let adminA: Client;
let trainerA: Client;
let instructorA: Client;
let employeeA: Client;
let adminB: Client;

interface Issue { path: string; code: string }
interface ErrorBody { error: { code: string; details?: { issues?: Issue[]; effectiveStatus?: string; currentState?: string } } }
interface Assessment { id: string; centreId: string; personId: string; personName: string; residentIdMasked: string; occupation: string; level: number; assessedOn: string; score: number; passed: boolean; certificateNo: string | null; matchId: string | null }
interface Figures { year: number; trainings: number; personTimes: number; assessments: number; passed: number; passRate: number | null; byOccupation: { occupation: string; level: number; assessments: number; passed: number }[]; matchesCompleted: number }
interface Review { id: string; centreId: string; organisationName: string; certificateNo: string; centreStatus: string; year: number; status: string; figures: Figures; decision: string | null; decisionNote: string | null; dueOn: string | null; overdue: boolean; availableTransitions: string[]; history?: { transition: string; fromState: string; toState: string; comment: string | null }[] }

let idSerial = 0;
/** A fresh valid resident ID (birth date 1988-01-01, apart from the fixtures' people). */
const residentId = () => syntheticResidentId(++idSerial, '19880101');
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const assessmentCount = async (centreId: string) =>
  Number((await t.db.select({ n: count() }).from(skillAssessments).where(eq(skillAssessments.centreId, centreId)))[0]!.n);
const auditRows = (entityType: string, entityId: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId))).orderBy(asc(auditLog.id));

const assessment = (overrides: Record<string, unknown> = {}) => ({
  name: '张三',
  residentId: residentId(),
  occupation: 'welder',
  level: 4,
  assessedOn: '2026-02-20',
  score: 85,
  passed: true,
  ...overrides,
});

/** An enterprise in baodi with a certified centre in a given state, and its signed-in admin. */
async function centreWithAdmin(options: Partial<Parameters<typeof insertCentre>[2]> = {}) {
  const org = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  const c = await insertCentre(t.db, org.id, { scope: [{ occupation: 'welder', levels: [5, 4] }], ...options });
  return { org, centre: c, admin: await signIn(t, org.id, 'enterprise_admin') };
}

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  await t.db.update(organisations).set({ departmentKind: 'platform' }).where(eq(organisations.id, platform.id));
  hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const fic = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  await t.db.update(organisations).set({ departmentKind: 'fic' }).where(eq(organisations.id, fic.id));
  const tangshanHrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  entA = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  entB = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  centre = await insertCentre(t.db, entA.id, {
    certificateNo: 'TC120115-2025-001',
    scope: [
      { occupation: 'welder', levels: [5, 4, 3] },
      { occupation: 'electrician', levels: [5, 4] },
    ],
  });
  sysadmin = await signIn(t, platform.id, 'system_admin');
  hrssOfficer = await signIn(t, hrss.id, 'department_officer');
  hrssReviewer = await signIn(t, hrss.id, 'department_reviewer');
  ficOfficer = await signIn(t, fic.id, 'department_officer');
  tangshanOfficer = await signIn(t, tangshanHrss.id, 'department_officer');
  adminA = await signIn(t, entA.id, 'enterprise_admin');
  trainerA = await signIn(t, entA.id, 'training_manager');
  instructorA = await signIn(t, entA.id, 'instructor');
  employeeA = await signIn(t, entA.id, 'employee');
  adminB = await signIn(t, entB.id, 'enterprise_admin');
});
afterAll(() => t.close());

describe('recording an in-house skill assessment', () => {
  const url = () => `/api/v1/training-centres/${centre.id}/assessments`;

  it('records an assessment within the scope with a skill certificate number numbered per centre and year', async () => {
    const id = residentId();
    const first = await instructorA.post(url(), assessment({ residentId: id, name: '王小明' }));
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json<Assessment>();
    expect(body).toMatchObject({
      centreId: centre.id, personName: '王小明', occupation: 'welder', level: 4, assessedOn: '2026-02-20', score: 85, passed: true,
      certificateNo: 'TC120115-2025-001-2026-00001', matchId: null,
    });
    expect(body.residentIdMasked).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    expect(first.body).not.toContain(id);
    // The person was created from the resident ID.
    const [person] = await t.db.select().from(people).where(eq(people.residentId, id));
    expect(person).toMatchObject({ id: body.personId, name: '王小明' });

    const failed = await trainerA.post(url(), assessment({ passed: false, score: 40 }));
    expect(failed.statusCode).toBe(201);
    expect(failed.json<Assessment>().certificateNo).toBeNull();
    const second = await adminA.post(url(), assessment({ occupation: 'electrician', level: 5 }));
    expect(second.json<Assessment>().certificateNo).toBe('TC120115-2025-001-2026-00002');
    const lastYear = await adminA.post(url(), assessment({ assessedOn: '2025-12-30' }));
    expect(lastYear.json<Assessment>().certificateNo).toBe('TC120115-2025-001-2025-00001');

    const audit = await auditRows('skill_assessment', body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'record', organisationId: entA.id, regionId: 'baodi', actorRole: 'instructor' });
    expect(audit[0]!.after).toMatchObject({ certificateNo: 'TC120115-2025-001-2026-00001', residentIdMasked: body.residentIdMasked });
  });

  it('links an assessment to a known person by resident ID; another name for that ID is refused (400 NAME_MISMATCH)', async () => {
    const id = residentId();
    const first = await adminA.post(url(), assessment({ residentId: id, name: '李四' }));
    expect(first.statusCode).toBe(201);
    const again = await adminA.post(url(), assessment({ residentId: id, name: undefined, passed: false }));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<Assessment>()).toMatchObject({ personId: first.json<Assessment>().personId, personName: '李四' });

    const before = await assessmentCount(centre.id);
    const mismatch = await adminA.post(url(), assessment({ residentId: id, name: '李五' }));
    expect(mismatch.statusCode).toBe(400);
    expect(errorOf(mismatch.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.name', code: 'NAME_MISMATCH' })]);
    expect(await assessmentCount(centre.id)).toBe(before);

    const unnamed = await adminA.post(url(), assessment({ name: undefined }));
    expect(unnamed.statusCode).toBe(400);
    expect(errorOf(unnamed.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.name', code: 'REQUIRED' })]);
    expect(await assessmentCount(centre.id)).toBe(before);
  });

  it('refuses an occupation outside the scope with 422 OUTSIDE_SCOPE at body.occupation, and writes nothing', async () => {
    const before = await assessmentCount(centre.id);
    const peopleBefore = (await t.db.select({ n: count() }).from(people))[0]!.n;
    const response = await adminA.post(url(), assessment({ occupation: 'forklift_driver', level: 5 }));
    expect(response.statusCode).toBe(422);
    const error = errorOf(response.body);
    expect(error.code).toBe('OUTSIDE_SCOPE');
    expect(error.details!.issues).toEqual([expect.objectContaining({ path: 'body.occupation', code: 'OUTSIDE_SCOPE' })]);
    expect(await assessmentCount(centre.id)).toBe(before);
    expect((await t.db.select({ n: count() }).from(people))[0]!.n).toBe(peopleBefore);
  });

  it('refuses a level outside the scope of a certified occupation with 422 at body.level', async () => {
    const before = await assessmentCount(centre.id);
    const response = await adminA.post(url(), assessment({ occupation: 'electrician', level: 3 }));
    expect(response.statusCode).toBe(422);
    expect(errorOf(response.body)).toMatchObject({ code: 'OUTSIDE_SCOPE', details: { issues: [{ path: 'body.level', code: 'OUTSIDE_SCOPE' }], certifiedLevels: [5, 4] } });
    expect(await assessmentCount(centre.id)).toBe(before);
  });

  it('refuses a date in the future or before the certification (400 at body.assessedOn)', async () => {
    const future = await adminA.post(url(), assessment({ assessedOn: '2026-03-03' }));
    expect(future.statusCode).toBe(400);
    expect(errorOf(future.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.assessedOn', code: 'FUTURE_DATE' })]);
    const early = await adminA.post(url(), assessment({ assessedOn: '2025-01-09' }));
    expect(early.statusCode).toBe(400);
    expect(errorOf(early.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.assessedOn', code: 'BEFORE_CERTIFICATION' })]);
    // Today itself is fine.
    expect((await adminA.post(url(), assessment({ assessedOn: '2026-03-02' }))).statusCode).toBe(201);
  });

  it('refuses bad fields with 400 naming them', async () => {
    const valid = residentId();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const response = await adminA.post(url(), assessment({ residentId: wrongCheck, score: 101, level: 6, occupation: 'astronaut' }));
    expect(response.statusCode).toBe(400);
    const paths = errorOf(response.body).details!.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.residentId', 'body.score', 'body.level', 'body.occupation']));
  });

  it.each([
    ['suspended', { status: 'suspended' as const, statusReason: '年审暂停' }],
    ['revoked', { status: 'revoked' as const, statusReason: '年审撤销' }],
    ['expired', { validUntil: '2026-03-01' }],
  ])('refuses a %s centre with 409 CENTRE_NOT_ACTIVE, whatever the scope says', async (effectiveStatus, state) => {
    const { centre: c, admin } = await centreWithAdmin(state);
    const response = await admin.post(`/api/v1/training-centres/${c.id}/assessments`, assessment({ assessedOn: '2026-02-01' }));
    expect(response.statusCode).toBe(409);
    expect(errorOf(response.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus } });
    expect(await assessmentCount(c.id)).toBe(0);
  });

  it('lets a conditionally passed centre assess', async () => {
    const { centre: c, admin } = await centreWithAdmin({ status: 'conditional' });
    const response = await admin.post(`/api/v1/training-centres/${c.id}/assessments`, assessment());
    expect(response.statusCode, response.body).toBe(201);
  });

  it("answers 404 to another enterprise's staff and 403 to roles without the ability, writing nothing", async () => {
    const before = await assessmentCount(centre.id);
    const other = await adminB.post(url(), assessment());
    expect(other.statusCode).toBe(404);
    expect(errorOf(other.body).code).toBe('NOT_FOUND');
    for (const client of [employeeA, hrssOfficer, sysadmin]) {
      const response = await client.post(url(), assessment());
      expect(response.statusCode).toBe(403);
      expect(errorOf(response.body).code).toBe('FORBIDDEN');
    }
    expect(await assessmentCount(centre.id)).toBe(before);
  });

  it("lists a centre's assessments with filters, masked, for its staff and its region's departments; exports them", async () => {
    const all = await hrssReviewer.get(`${url()}?pageSize=100`);
    expect(all.statusCode).toBe(200);
    const page = all.json<{ items: Assessment[]; total: number }>();
    expect(page.total).toBe(await assessmentCount(centre.id));
    for (const item of page.items) expect(item.residentIdMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    const passed2025 = (await instructorA.get(`${url()}?year=2025&passed=true`)).json<{ items: Assessment[] }>();
    expect(passed2025.items.map((a) => a.certificateNo)).toEqual(['TC120115-2025-001-2025-00001']);
    const electricians = (await ficOfficer.get(`${url()}?occupation=electrician&level=5`)).json<{ items: Assessment[] }>();
    expect(electricians.items.map((a) => a.certificateNo)).toEqual(['TC120115-2025-001-2026-00002']);

    const xlsx = await adminA.get(`${url()}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(page.total + 1);
    expect(sheet.getRow(1).getCell(2).value).toBe('身份证号');
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/\*{11}/);

    expect((await adminB.get(url())).statusCode).toBe(404);
    expect((await tangshanOfficer.get(url())).statusCode).toBe(404);
    expect((await employeeA.get(url())).statusCode).toBe(403);
  });
});

describe('recording a training', () => {
  const url = () => `/api/v1/training-centres/${centre.id}/trainings`;
  const training = (overrides: Record<string, unknown> = {}) => ({
    occupation: 'welder', level: 3, title: '焊工高级工培训班', startsOn: '2026-02-10', endsOn: '2026-02-28', traineeCount: 25, ...overrides,
  });

  it('records a training within the scope and lists it by year', async () => {
    const response = await trainerA.post(url(), training());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ centreId: centre.id, occupation: 'welder', level: 3, traineeCount: 25, matchId: null });
    const [audit] = await auditRows('centre_training', response.json<{ id: string }>().id);
    expect(audit).toMatchObject({ action: 'record', organisationId: entA.id });
    await trainerA.post(url(), training({ startsOn: '2025-06-01', endsOn: '2025-06-10', traineeCount: 12 }));
    const thisYear = (await hrssOfficer.get(`${url()}?year=2026`)).json<{ items: { traineeCount: number }[]; total: number }>();
    expect(thisYear.items.map((x) => x.traineeCount)).toEqual([25]);
    expect((await adminA.get(`${url()}?year=2025`)).json<{ total: number }>().total).toBe(1);
  });

  it('refuses a level outside the scope (422 body.level), an end before the start (400 body.endsOn) and a centre without rights (409)', async () => {
    const outside = await trainerA.post(url(), training({ occupation: 'electrician', level: 2 }));
    expect(outside.statusCode).toBe(422);
    expect(errorOf(outside.body).details!.issues![0]!.path).toBe('body.level');
    const backwards = await trainerA.post(url(), training({ endsOn: '2026-02-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.endsOn', code: 'DATE_ORDER' })]);
    const tooMany = await trainerA.post(url(), training({ traineeCount: 10_001 }));
    expect(tooMany.statusCode).toBe(400);
    const { centre: c, admin } = await centreWithAdmin({ status: 'suspended' });
    const suspended = await admin.post(`/api/v1/training-centres/${c.id}/trainings`, training({ level: 4 }));
    expect(suspended.statusCode).toBe(409);
    expect(errorOf(suspended.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'suspended' } });
    expect((await adminB.post(url(), training())).statusCode).toBe(404);
  });
});

describe('annual figures, annual report and the HRSS decision', () => {
  let fx: Awaited<ReturnType<typeof centreWithAdmin>>;
  let trainer: Client;
  let review: Review;

  beforeAll(async () => {
    fx = await centreWithAdmin({
      certificateNo: 'TC120115-2025-077',
      scope: [
        { occupation: 'welder', levels: [5, 4] },
        { occupation: 'electrician', levels: [5] },
      ],
    });
    trainer = await signIn(t, fx.org.id, 'training_manager');
    const c = fx.centre;
    await insertTraining(t.db, c, { occupation: 'welder', level: 4, startsOn: '2025-03-01', traineeCount: 30 });
    await insertTraining(t.db, c, { occupation: 'welder', level: 5, startsOn: '2025-11-20', endsOn: '2026-01-10', traineeCount: 20 });
    await insertTraining(t.db, c, { occupation: 'welder', level: 5, startsOn: '2024-12-31', traineeCount: 10 });
    await insertTraining(t.db, c, { occupation: 'welder', level: 5, startsOn: '2026-01-05', traineeCount: 15 });
    await insertAssessments(t.db, c, { occupation: 'welder', level: 4, assessedOn: '2025-05-10', count: 10, passed: 7 });
    await insertAssessments(t.db, c, { occupation: 'electrician', level: 5, assessedOn: '2025-12-31', count: 4, passed: 4 });
    await insertAssessments(t.db, c, { occupation: 'welder', level: 5, assessedOn: '2026-01-02', count: 3, passed: 1 });
    // Two completed matches: one in 2025, one just after midnight on 1 January 2026 in Beijing (still 2025 in UTC).
    const [need] = await t.db
      .insert(trainingNeeds)
      .values({ organisationId: entB.id, regionId: 'baodi', occupation: 'welder', level: 4, headcount: 5, preferredStart: '2025-05-01', preferredEnd: '2025-06-01', status: 'closed' })
      .returning();
    const match = { needId: need!.id, centreId: c.id, organisationId: entB.id, centreOrganisationId: fx.org.id, regionId: 'baodi', status: 'completed', score: { score: 1, components: [] } };
    await t.db.insert(trainingMatches).values([
      { ...match, requestedAt: new Date('2025-04-01T10:00:00+08:00'), completedAt: new Date('2025-06-01T10:00:00+08:00') },
      { ...match, requestedAt: new Date('2025-10-01T10:00:00+08:00'), completedAt: new Date('2025-12-31T16:30:00Z') },
    ]);
  });

  it('computes the figures of a year from the records', async () => {
    const response = await hrssOfficer.get(`/api/v1/training-centres/${fx.centre.id}/annual-figures?year=2025`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Figures>()).toEqual({
      year: 2025,
      trainings: 2,
      personTimes: 50,
      assessments: 14,
      passed: 11,
      passRate: 11 / 14,
      byOccupation: [
        { occupation: 'welder', level: 4, assessments: 10, passed: 7 },
        { occupation: 'electrician', level: 5, assessments: 4, passed: 4 },
      ],
      matchesCompleted: 1,
    });
    const y2026 = (await trainer.get(`/api/v1/training-centres/${fx.centre.id}/annual-figures?year=2026`)).json<Figures>();
    expect(y2026).toMatchObject({ trainings: 1, personTimes: 15, assessments: 3, passed: 1, matchesCompleted: 1 });
    const empty = (await trainer.get(`/api/v1/training-centres/${fx.centre.id}/annual-figures?year=2023`)).json<Figures>();
    expect(empty).toEqual({ year: 2023, trainings: 0, personTimes: 0, assessments: 0, passed: 0, passRate: null, byOccupation: [], matchesCompleted: 0 });
    expect((await adminB.get(`/api/v1/training-centres/${fx.centre.id}/annual-figures?year=2025`)).statusCode).toBe(404);
  });

  it('files the annual report once per year with the figures computed at filing and a 20-working-day deadline', async () => {
    const url = `/api/v1/training-centres/${fx.centre.id}/annual-reviews`;
    const [own] = await t.db.insert(attachments).values({ organisationId: fx.org.id, regionId: 'baodi', sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf', filename: '年度报告.pdf' }).returning();
    const [foreign] = await t.db.insert(attachments).values({ organisationId: entB.id, regionId: 'baodi', sha256: 'b'.repeat(64), size: 10, mime: 'application/pdf', filename: 'x.pdf' }).returning();
    const narrative = '2025 年度共举办培训班两期，组织技能评价十四人次。';

    const withForeign = await trainer.post(url, { year: 2025, narrative, attachmentIds: [own!.id, foreign!.id] });
    expect(withForeign.statusCode).toBe(400);
    expect(errorOf(withForeign.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.attachmentIds.1', code: 'UNKNOWN_ATTACHMENT' })]);
    const future = await trainer.post(url, { year: 2027, narrative });
    expect(errorOf(future.body).details!.issues![0]).toMatchObject({ path: 'body.year', code: 'FUTURE_YEAR' });
    const early = await trainer.post(url, { year: 2024, narrative });
    expect(errorOf(early.body).details!.issues![0]).toMatchObject({ path: 'body.year', code: 'BEFORE_CERTIFICATION' });
    const short = await trainer.post(url, { year: 2025, narrative: '太短' });
    expect(errorOf(short.body).details!.issues![0]!.path).toBe('body.narrative');
    const instructor = await signIn(t, fx.org.id, 'instructor');
    expect((await instructor.post(url, { year: 2025, narrative })).statusCode).toBe(403);
    expect((await adminB.post(url, { year: 2025, narrative })).statusCode).toBe(404);

    const filed = await trainer.post(url, { year: 2025, narrative, attachmentIds: [own!.id] });
    expect(filed.statusCode, filed.body).toBe(201);
    review = filed.json<Review>();
    const deadline = (await trainer.get('/api/v1/calendar/add?date=2026-03-02&days=20')).json<{ result: string }>().result;
    expect(deadline).toBe('2026-03-30');
    expect(review).toMatchObject({
      centreId: fx.centre.id, year: 2025, status: 'filed', certificateNo: 'TC120115-2025-077', decision: null,
      dueOn: deadline, overdue: false, availableTransitions: [],
    });
    expect(review.figures).toMatchObject({ trainings: 2, personTimes: 50, assessments: 14, passed: 11, matchesCompleted: 1 });
    const [created] = await auditRows('centre_annual_review', review.id);
    expect(created).toMatchObject({ action: 'create', organisationId: fx.org.id });

    const twice = await fx.admin.post(url, { year: 2025, narrative });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice.body).code).toBe('CONFLICT');

    // The figures filed stay as they were: later records change the live figures, not the report.
    await insertTraining(t.db, fx.centre, { occupation: 'welder', level: 4, startsOn: '2025-12-01', traineeCount: 7 });
    expect((await trainer.get(`/api/v1/training-centres/${fx.centre.id}/annual-figures?year=2025`)).json<Figures>().personTimes).toBe(57);
    const list = (await trainer.get(url)).json<Review[]>();
    expect(list.map((r) => [r.year, r.figures.personTimes])).toEqual([[2025, 50]]);
  });

  it("puts the report in the HRSS queue of the centre's region only", async () => {
    const queue = await hrssOfficer.get('/api/v1/annual-reviews?status=filed&year=2025');
    expect(queue.statusCode).toBe(200);
    const items = queue.json<{ items: Review[] }>().items;
    expect(items.map((r) => r.id)).toEqual([review.id]);
    expect(items[0]).toMatchObject({ organisationName: expect.any(String), certificateNo: 'TC120115-2025-077', availableTransitions: ['decide'] });
    expect((await ficOfficer.get(`/api/v1/annual-reviews/${review.id}`)).json<Review>().availableTransitions).toEqual([]);
    expect((await hrssOfficer.get('/api/v1/annual-reviews?decision=pass')).json<{ total: number }>().total).toBe(0);
    expect((await tangshanOfficer.get('/api/v1/annual-reviews')).json<{ total: number }>().total).toBe(0);
    expect((await tangshanOfficer.get(`/api/v1/annual-reviews/${review.id}`)).statusCode).toBe(404);
    expect((await fx.admin.get('/api/v1/annual-reviews')).statusCode).toBe(403);
    expect((await fx.admin.get(`/api/v1/annual-reviews/${review.id}`)).statusCode).toBe(200);
    expect((await adminB.get(`/api/v1/annual-reviews/${review.id}`)).statusCode).toBe(404);
  });

  it('refuses a decision by a department that is not the HRSS bureau (403) and a refusal without a reason (400)', async () => {
    const fic = await ficOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'pass' });
    expect(fic.statusCode).toBe(403);
    const enterprise = await fx.admin.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'pass' });
    expect(enterprise.statusCode).toBe(403);
    const noReason = await hrssOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'suspend' });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason.body).details!.issues).toEqual([expect.objectContaining({ path: 'body.comment', code: 'REQUIRED' })]);
    const [row] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.id, fx.centre.id));
    expect(row!.status).toBe('active');
    expect(await auditRows('centre_annual_review', review.id)).toHaveLength(1);
  });

  it('suspends the centre at once: its next assessment is refused; a later pass restores its rights', async () => {
    const assess = () => trainer.post(`/api/v1/training-centres/${fx.centre.id}/assessments`, assessment());
    expect((await assess()).statusCode).toBe(201);

    const suspended = await hrssReviewer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'suspend', comment: '评价记录不完整，暂停整改' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<Review>()).toMatchObject({ status: 'decided', decision: 'suspend', decisionNote: '评价记录不完整，暂停整改', centreStatus: 'suspended', dueOn: null });
    const [row] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.id, fx.centre.id));
    expect(row).toMatchObject({ status: 'suspended', statusReason: '评价记录不完整，暂停整改' });

    const refused = await assess();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'suspended' } });

    const statusAudit = await auditRows('training_centre', fx.centre.id);
    expect(statusAudit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['status_change', { status: 'active', statusReason: null }, expect.objectContaining({ status: 'suspended', statusReason: '评价记录不完整，暂停整改', decision: 'suspend', annualReviewId: review.id })],
    ]);
    expect((await auditRows('centre_annual_review', review.id)).map((a) => a.action)).toEqual(['create', 'decide']);

    const passed = await hrssOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'pass' });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json<Review>()).toMatchObject({ decision: 'pass', centreStatus: 'active' });
    expect((await assess()).statusCode).toBe(201);

    const conditional = await hrssOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'conditional', comment: '限期三个月整改' });
    expect(conditional.json<Review>().centreStatus).toBe('conditional');
    expect((await assess()).statusCode).toBe(201);

    const detail = (await fx.admin.get(`/api/v1/annual-reviews/${review.id}`)).json<Review>();
    expect(detail.history!.map((h) => [h.transition, h.fromState, h.toState, h.comment])).toEqual([
      ['create', 'filed', 'filed', null],
      ['decide', 'filed', 'decided', '评价记录不完整，暂停整改'],
      ['decide', 'decided', 'decided', null],
      ['decide', 'decided', 'decided', '限期三个月整改'],
    ]);
  });

  it('makes revocation final: no further decision (409 INVALID_TRANSITION), no assessment, no new report', async () => {
    const revoked = await hrssOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'revoke', comment: '弄虚作假' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<Review>()).toMatchObject({ centreStatus: 'revoked', availableTransitions: [] });
    const again = await hrssOfficer.post(`/api/v1/annual-reviews/${review.id}/decide`, { decision: 'pass' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again.body)).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'decided' } });
    const [row] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.id, fx.centre.id));
    expect(row).toMatchObject({ status: 'revoked', statusReason: '弄虚作假' });

    const assess = await trainer.post(`/api/v1/training-centres/${fx.centre.id}/assessments`, assessment());
    expect(errorOf(assess.body)).toMatchObject({ code: 'CENTRE_NOT_ACTIVE', details: { effectiveStatus: 'revoked' } });
    const report = await trainer.post(`/api/v1/training-centres/${fx.centre.id}/annual-reviews`, { year: 2026, narrative: '2026 年度报告内容如下。' });
    expect(report.statusCode).toBe(409);
    expect(errorOf(report.body).code).toBe('CENTRE_NOT_ACTIVE');
  });

  it('shows a report past its deadline as overdue in the queue', async () => {
    const other = await centreWithAdmin();
    const filed = await other.admin.post(`/api/v1/training-centres/${other.centre.id}/annual-reviews`, { year: 2025, narrative: '年度工作情况报告正文。' });
    expect(filed.statusCode).toBe(201);
    const now = t.clock.now();
    try {
      // Sessions end after 12 hours: sign in again at each moved time.
      t.clock.set(new Date('2026-03-31T09:00:00+08:00'));
      const detail = (await (await signIn(t, hrss.id, 'department_officer')).get(`/api/v1/annual-reviews/${filed.json<Review>().id}`)).json<Review>();
      expect(detail).toMatchObject({ dueOn: '2026-03-30', overdue: true });
      t.clock.set(new Date('2026-03-30T09:00:00+08:00'));
      expect((await (await signIn(t, hrss.id, 'department_officer')).get(`/api/v1/annual-reviews/${filed.json<Review>().id}`)).json<Review>().overdue).toBe(false);
    } finally {
      t.clock.set(now);
    }
  });
});
