import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { roles as declaredRoles, type ClaimComputation, type ClassStatus, type OrganisationType, type Role } from '@fulcrum/shared';
import { auditLog, calendarOverrides, employments, memberships, organisations, people, users } from '../db/schema/index.ts';
import { syntheticResidentId, syntheticUscc } from '../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, TEST_PASSWORD, type TestApp } from './app.ts';
// attachments and notices
import { createHash } from 'node:crypto';
import path from 'node:path';
import { attachments as attachmentRows, noticeObjections, publicNotices } from '../db/schema/index.ts';
import { LocalDiskBlobStore } from '../lib/blob-store.ts';
import { addCalendarDays, shanghaiDateOf } from '../lib/working-days.ts';
// training centres
import { selectionBatches, trainingCentreApplications, trainingCentres } from '../db/schema/index.ts';
// centre operations and matching
import { centreAnnualReviews, trainingCentreScopes, trainingMatches, trainingNeeds } from '../db/schema/index.ts';
// apprenticeship subsidies
import { apprenticeshipClassCourses, apprentices, claimFindings, courses, subsidyClaims, subsidyLedgerEntries } from '../db/schema/index.ts';
import { classBody, policyBody, seedApprentices, seedClass, seedEmployee, seedPolicy, seedSession } from '../modules/subsidies/test-support.ts';
// learning record store
import { lrsClients, xapiStatements } from '../db/schema/index.ts';
// the AI coach
import { coachPushes, lessons } from '../db/schema/index.ts';

/*
 * The authorisation matrix: every route under /api/v1 × every role × the organisation a record belongs to.
 * The table below is an independent specification written out from reading the policies; it does not import
 * them, so a policy that drifts from it fails here. A route without an entry fails the route-set test.
 */

const ROLES = [
  'system_admin',
  'department_officer',
  'department_reviewer',
  'enterprise_admin',
  'training_manager',
  'instructor',
  'employee',
  'chamber_admin',
  'mediator',
  'university_admin',
  'student',
  'expert',
] as const satisfies readonly Role[];

// ---------------------------------------------------------------------------------------------
// Organisations: every role lives in region baodi; each has a sibling organisation in baodi and a far one in tangshan.

const ORG_PLAN = {
  govA: { type: 'government_department', regionId: 'baodi' },
  entA: { type: 'enterprise', regionId: 'baodi' },
  entB: { type: 'enterprise', regionId: 'baodi' },
  entT: { type: 'enterprise', regionId: 'tangshan' },
  chamA: { type: 'chamber', regionId: 'baodi' },
  chamB: { type: 'chamber', regionId: 'baodi' },
  chamT: { type: 'chamber', regionId: 'tangshan' },
  uniA: { type: 'university', regionId: 'baodi' },
  uniB: { type: 'university', regionId: 'baodi' },
  uniT: { type: 'university', regionId: 'tangshan' },
  expA: { type: 'expert_group', regionId: 'baodi' },
  expB: { type: 'expert_group', regionId: 'baodi' },
  expT: { type: 'expert_group', regionId: 'tangshan' },
} as const satisfies Record<string, { type: OrganisationType; regionId: string }>;
type OrgKey = keyof typeof ORG_PLAN;

type TargetScope = 'own' | 'sibling' | 'far';
/**
 * Where each role's user is a member (own) and whose records it tries to reach. Departments' sibling is an
 * enterprise of their region (the organisations they oversee); everyone else's sibling is another organisation
 * of their own type in baodi. Far organisations are in tangshan.
 */
const TARGETS: Record<Role, Record<TargetScope, OrgKey>> = {
  system_admin: { own: 'govA', sibling: 'entB', far: 'entT' },
  department_officer: { own: 'govA', sibling: 'entB', far: 'entT' },
  department_reviewer: { own: 'govA', sibling: 'entB', far: 'entT' },
  enterprise_admin: { own: 'entA', sibling: 'entB', far: 'entT' },
  training_manager: { own: 'entA', sibling: 'entB', far: 'entT' },
  instructor: { own: 'entA', sibling: 'entB', far: 'entT' },
  employee: { own: 'entA', sibling: 'entB', far: 'entT' },
  chamber_admin: { own: 'chamA', sibling: 'chamB', far: 'chamT' },
  mediator: { own: 'chamA', sibling: 'chamB', far: 'chamT' },
  university_admin: { own: 'uniA', sibling: 'uniB', far: 'uniT' },
  student: { own: 'uniA', sibling: 'uniB', far: 'uniT' },
  expert: { own: 'expA', sibling: 'expB', far: 'expT' },
};

/** Roles given to fresh accounts in an organisation of each type, and a second role to grant them. */
const BASE_ROLE: Record<OrganisationType, Role> = {
  government_department: 'department_reviewer',
  enterprise: 'employee',
  training_institution: 'employee',
  chamber: 'mediator',
  university: 'student',
  expert_group: 'expert',
};
const GRANT_ROLE: Record<OrganisationType, Role> = {
  government_department: 'instructor',
  enterprise: 'training_manager',
  training_institution: 'training_manager',
  chamber: 'employee',
  university: 'employee',
  expert_group: 'expert',
};

/** The reach rule, restated: a system admin reaches all, a department its region, everyone else their own organisation. */
function inReach(role: Role, home: { id: string; regionId: string }, target: { id: string; regionId: string }): boolean {
  if (role === 'system_admin') return true;
  if (role === 'department_officer' || role === 'department_reviewer') return target.regionId === home.regionId;
  return target.id === home.id;
}
const planned = (key: OrgKey) => ({ id: key, regionId: ORG_PLAN[key].regionId });

// ---------------------------------------------------------------------------------------------
// Fixtures, filled in beforeAll.

interface OrgFx {
  key: OrgKey;
  id: string;
  type: OrganisationType;
  regionId: string;
  name: string;
  /** A person employed here (home organisations' people also worked at their far organisation before). */
  personId: string;
  residentId: string;
  /** An account with a membership here (home organisations' also has one at their far organisation). */
  userId: string;
  /** An audit entry belonging to this organisation. */
  auditId: string;
}
interface RoleFx {
  role: Role;
  client: Client;
  userId: string;
  username: string;
  password: string;
  membershipId: string;
  /** The person record the account belongs to, employed at the own organisation. */
  personId: string;
  own: OrgFx;
  sibling: OrgFx;
  far: OrgFx;
}
type Scope = 'none' | TargetScope;
interface Case {
  role: Role;
  fx: RoleFx;
  scope: Scope;
  /** The organisation whose record the request is about (the actor's own for scope none). */
  target: OrgFx;
}
interface Req {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send with this client instead of the role's signed-in one. */
  client?: Client;
}

let t: TestApp;
const orgs = new Map<OrgKey, OrgFx>();
const fixtures = new Map<Role, RoleFx>();
let serial = 1;
const next = () => serial++;
/** Unique synthetic resident IDs: the serial's last three digits and a birth year that moves every thousand. */
const residentId = (n: number) => syntheticResidentId(n % 1000, `${1960 + Math.floor(n / 1000)}0101`);
const DIVISION_CODES: Record<string, string> = { baodi: '120115', tangshan: '130200' };

async function insertPerson(name: string) {
  const n = next();
  const [person] = await t.db.insert(people).values({ name, residentId: residentId(n) }).returning();
  return person!;
}

/** A fresh open employment at an organisation, for requests that end it. */
async function freshEmployment(org: OrgFx) {
  const person = await insertPerson(`Worker ${serial}`);
  const [employment] = await t.db.insert(employments).values({ personId: person.id, organisationId: org.id, position: '操作工', startDate: '2024-01-01' }).returning();
  return employment!.id;
}

/** A date no other request has used, for calendar overrides (in 2040, outside the package years). */
const freshCalendarDate = () => new Date(Date.UTC(2040, 0, next())).toISOString().slice(0, 10);

/** A fresh account with a membership at an organisation, for requests that change accounts. */
const freshUser = (org: OrgFx) => createUser(t.db, org.id, BASE_ROLE[org.type]);

async function employeeWorkbook(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('员工');
  sheet.addRow(['姓名', '身份证号', '岗位', '入职日期']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipartFile(file: Buffer, filename: string) {
  const boundary = `matrix-${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The tables a route could change; the session table is compared on its own (activity timestamps aside). */
const WATCHED_TABLES = [
  'audit_log', 'organisations', 'people', 'employments', 'users', 'memberships', 'industrial_parks', 'calendar_overrides', 'attachments',
  'public_notices', 'notice_objections', 'system_settings', 'training_centre_applications', 'selection_batches', 'training_centres',
  'training_centre_scopes', 'skill_assessments', 'centre_trainings', 'centre_annual_reviews', 'training_needs', 'training_matches',
  'workflow_events', 'subsidy_policies', 'apprenticeship_classes', 'apprentices', 'class_sessions', 'session_attendance', 'subsidy_claims',
  'claim_findings', 'subsidy_ledger_entries', 'lrs_clients',
] as const;

/**
 * A fingerprint of every table a route could change: per table its row count and the newest row version's
 * transaction id (xmin). An insert changes the count, a delete the count, an update the newest xmin; a write that
 * rolled back leaves no visible row version, so it changes nothing. Cheap enough to take around every write.
 */
async function snapshot() {
  const tables = sql.join(
    WATCHED_TABLES.map((table) => sql`(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${sql.identifier(table)}) as ${sql.identifier(table)}`),
    sql`, `,
  );
  const result = await t.db.execute(sql`
    select ${tables},
      (select md5(coalesce(string_agg(r.token_hash || r.user_id || r.membership_id, '|' order by r.token_hash), '')) from sessions r) as sessions
  `);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
}

// ---------------------------------------------------------------------------------------------
// Response shapes the checks read.

interface Page<T> {
  items: T[];
  total: number;
}
interface OrgItem {
  id: string;
  regionId: string;
}
interface ErrorBody {
  error: { code: string };
}
const json = <T>(res: LightMyRequestResponse) => res.json<T>();

async function regionOf(orgId: string) {
  const [row] = await t.db.select({ regionId: organisations.regionId }).from(organisations).where(eq(organisations.id, orgId));
  return row!.regionId;
}

/** Every listed person is employed, now or before, at an organisation the actor reaches. */
async function expectPeopleInReach(c: Case, ids: string[]) {
  if (!ids.length) return;
  const rows = await t.db
    .select({ personId: employments.personId, id: organisations.id, regionId: organisations.regionId })
    .from(employments)
    .innerJoin(organisations, eq(organisations.id, employments.organisationId))
    .where(inArray(employments.personId, ids));
  for (const id of ids) {
    const reachable = rows.filter((r) => r.personId === id).some((r) => inReach(c.role, c.fx.own, r));
    expect(reachable, `person ${id} is outside the reach of ${c.role}`).toBe(true);
  }
}

/** Every listed account holds an active membership at an organisation the actor manages. */
async function expectUsersInReach(c: Case, ids: string[]) {
  if (!ids.length) return;
  const rows = await t.db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(inArray(memberships.userId, ids), isNull(memberships.revokedAt)));
  for (const id of ids) {
    const managed = rows.filter((r) => r.userId === id).some((r) => c.role === 'system_admin' || r.organisationId === c.fx.own.id);
    expect(managed, `user ${id} is not managed by ${c.role}`).toBe(true);
  }
}

// --- the AI coach (fixtures) ---------------------------------------------------------------------
/** Learners: an enterprise's staff; the team heat map: its admins and training managers. */
const COACH_LEARNERS = ['enterprise_admin', 'training_manager', 'instructor', 'employee'] as const satisfies readonly Role[];
const COACH_MANAGERS = ['enterprise_admin', 'training_manager'] as const satisfies readonly Role[];
const coachLessonOf = new Map<string, string>();

/** A fresh push to a person in an organisation (on a lesson of a course of that organisation, made once). */
async function coachPushOf(organisationId: string, personId: string) {
  let lessonId = coachLessonOf.get(organisationId);
  if (!lessonId) {
    const [course] = await t.db.insert(courses).values({ organisationId, title: '教练课程', status: 'published' }).returning();
    const [lesson] = await t.db.insert(lessons).values({ organisationId, courseId: course!.id, position: 0, kind: 'micro_course', title: '教练微课', durationSeconds: 300 }).returning();
    lessonId = lesson!.id;
    coachLessonOf.set(organisationId, lessonId);
  }
  // A day no other push has used, so each case gets a push of its own.
  const day = new Date(Date.UTC(2030, 0, next())).toISOString().slice(0, 10);
  const [push] = await t.db
    .insert(coachPushes)
    .values({ organisationId, personId, lessonId, kind: 'learn', day, score: 0.5, reason: { 'zh-CN': '理由', 'en-US': 'reason' }, numbers: { minutes: 5, points: [] } })
    .returning();
  return push!.id;
}

/** The push a case answers: the actor's own, or one of the target organisation's person. */
const coachPushFor = (c: Case) => (c.scope === 'own' ? coachPushOf(c.fx.own.id, c.fx.personId) : coachPushOf(c.target.id, c.target.personId));
const coachPushLabels = { own: ' (my own push)', sibling: " (a push of another organisation's person)", far: " (a push of a person in another region)" };

// ---------------------------------------------------------------------------------------------
// The table.

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface RouteSpec {
  method: Method;
  url: string;
  /** 'public': anyone, signed in or not. Otherwise the roles that may use the route at all. */
  allowed: 'public' | readonly Role[];
  /** none: no record of an organisation; own/sibling/far: a record (or list filter) of that organisation. */
  scopes: readonly Scope[];
  /** 'self': only the actor's own record is reachable, whatever the role. Default: the organisation reach rule. */
  reach?: 'self';
  /** What an allowed role gets for an organisation beyond its reach: 404 (default), 403 (creation), or an empty list. */
  outOfReach?: 403 | 404 | 'empty';
  /** Success status (default 200). */
  status?: number;
  /** Whether a successful call changes the database (default: every method but GET). */
  writes?: boolean;
  /** Deliberate refusals within reach. */
  except?: readonly { role: Role; scope: Scope; status: 403 | 404; why: string }[];
  labels?: Partial<Record<Scope, string>>;
  request: (c: Case) => Req | Promise<Req>;
  verify?: (res: LightMyRequestResponse, c: Case) => void | Promise<void>;
}

/** The session token the logout case signs out, to prove it no longer works. */
let loggedOutToken: string | undefined;

const ORG_SCOPES = ['own', 'sibling', 'far'] as const;
const LIST_SCOPES = ['none', 'own', 'sibling', 'far'] as const;
const V1 = '/api/v1';
/**
 * The learning platform's routes ([6/8]) are specified role by role in their own access tests
 * (server/src/modules/learning/<area>/access.test.ts) instead of in this table.
 */
const learningPlatformPath = (path: string) => path.startsWith(`${V1}/learning/`) || path.startsWith(`${V1}/public/learning-certificates`);

// --- attachments and notices (fixtures) ----------------------------------------------------------
/** A 1×1 PNG: real magic bytes for uploads. */
const MATRIX_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** An attachment owned by an organisation, its bytes in the app's blob store. */
async function attachmentOf(org: OrgFx) {
  const sha256 = createHash('sha256').update(MATRIX_PNG).digest('hex');
  await new LocalDiskBlobStore(path.join(t.dataDir, 'blobs')).put(sha256, MATRIX_PNG);
  const [row] = await t.db
    .insert(attachmentRows)
    .values({ organisationId: org.id, regionId: org.regionId, sha256, size: MATRIX_PNG.length, mime: 'image/png', filename: 'matrix.png' })
    .returning();
  return row!.id;
}

/** A notice published by an organisation (in its region), open today, with one entry. */
async function noticeOf(org: OrgFx) {
  const today = shanghaiDateOf(t.clock.now());
  const [row] = await t.db
    .insert(publicNotices)
    .values({
      regionId: org.regionId, organisationId: org.id, subjectType: 'matrix', subjectId: randomUUID(), title: `Matrix notice ${next()}`, body: '矩阵测试',
      columns: [{ key: 'name', zh: '名称', en: 'Name' }], entries: [{ ref: 'e1', cells: { name: org.name } }],
      startsOn: today, endsOn: addCalendarDays(today, 7), workingDays: 5, publishedAt: t.clock.now(),
    })
    .returning();
  return row!;
}
const OBJECTOR = { name: '矩阵异议人', residentId: residentId(999), phone: '13912345678' };
/** An open objection to a notice. */
async function objectionOf(noticeId: string) {
  const [row] = await t.db
    .insert(noticeObjections)
    .values({ noticeId, referenceCode: `MX${String(next()).padStart(8, '0')}`, objectorName: OBJECTOR.name, objectorResidentId: OBJECTOR.residentId, objectorPhone: OBJECTOR.phone, content: '矩阵测试的异议内容。', filedAt: t.clock.now() })
    .returning();
  return row!;
}

// --- training centres (fixtures) -----------------------------------------------------------------
const TC_FIELDS = {
  scope: [{ occupation: 'welder', levels: [4] }],
  facilities: '矩阵测试实训车间',
  instructors: [{ name: '矩阵讲师', occupation: 'welder', level: 2 }],
  annualPlan: '矩阵测试年度培训计划',
  annualCapacity: 100,
  pastTraining: [],
};

/** An organisation's training-centre application in a given state, straight in the database (submitted unless a draft). */
async function tcApplicationOf(org: OrgFx, status: string, batchId: string | null = null) {
  const [row] = await t.db
    .insert(trainingCentreApplications)
    .values({
      ...TC_FIELDS,
      organisationId: org.id,
      regionId: org.regionId,
      status,
      attachmentIds: [await attachmentOf(org)],
      onsiteCheck: ['onsite_checked', 'approved', 'in_batch'].includes(status) ? { date: shanghaiDateOf(t.clock.now()), findings: '矩阵测试', passed: true } : null,
      batchId,
      submittedAt: status === 'draft' ? null : t.clock.now(),
    })
    .returning();
  return row!;
}

/** A selection batch of an organisation's region in a given state. */
async function tcBatchOf(org: OrgFx, status: string) {
  const [row] = await t.db
    .insert(selectionBatches)
    .values({ regionId: org.regionId, organisationId: org.id, name: `Matrix batch ${next()}`, year: 2026, quota: 10, opensOn: '2026-01-01', closesOn: '2026-12-31', validityYears: 3, status })
    .returning();
  return row!;
}

/** A batch in notice whose notice has ended without objections, holding one application of the organisation. */
async function tcBatchReadyToCertify(org: OrgFx) {
  const batch = await tcBatchOf(org, 'in_notice');
  const app = await tcApplicationOf(org, 'in_batch', batch.id);
  const today = shanghaiDateOf(t.clock.now());
  const [notice] = await t.db
    .insert(publicNotices)
    .values({
      regionId: org.regionId, organisationId: org.id, subjectType: 'selection_batch', subjectId: batch.id, title: `${batch.name} 公示`, body: '矩阵测试',
      columns: [{ key: 'organisationName', zh: '企业名称', en: 'Enterprise' }], entries: [{ ref: app.id, cells: { organisationName: org.name } }],
      startsOn: addCalendarDays(today, -10), endsOn: addCalendarDays(today, -1), workingDays: 5, publishedAt: t.clock.now(),
    })
    .returning();
  await t.db.update(selectionBatches).set({ noticeId: notice!.id }).where(eq(selectionBatches.id, batch.id));
  return batch;
}

/** An organisation's certified centre, active (one per organisation). */
async function tcCentreOf(org: OrgFx) {
  const [existing] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.organisationId, org.id));
  if (existing) {
    await t.db.update(trainingCentres).set({ status: 'active' }).where(eq(trainingCentres.id, existing.id));
    return existing;
  }
  const [row] = await t.db
    .insert(trainingCentres)
    .values({ organisationId: org.id, regionId: org.regionId, certificateNo: `TC-MATRIX-${org.key.toUpperCase()}`, status: 'active', certifiedOn: '2026-01-05', validUntil: '2029-01-04', annualCapacity: 100 })
    .returning();
  return row!;
}
const TC_LIST_ROLES = ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager'] as const satisfies readonly Role[];
const TC_CENTRE_ROLES = ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'instructor', 'employee'] as const satisfies readonly Role[];
const TC_BATCH_ROLES = ['system_admin', 'department_officer', 'department_reviewer'] as const satisfies readonly Role[];
interface TcApp {
  id: string;
  organisationId: string;
  regionId: string;
  status: string;
}
/** Every listed record belongs to an organisation the actor reaches. */
const expectTcInReach = (c: Case, items: { organisationId: string; regionId: string }[]) => {
  for (const item of items) expect(inReach(c.role, c.fx.own, { id: item.organisationId, regionId: item.regionId }), `record of ${item.organisationId} shown to ${c.role}`).toBe(true);
};
/** An application transition: a fresh record of the target in the `from` state, the expected state after. */
const tcTransition = (path: string, allowed: readonly Role[], from: string, to: string, payload?: () => unknown): RouteSpec => ({
  method: 'POST',
  url: `${V1}/training-centre-applications/:id/${path}`,
  allowed,
  scopes: ORG_SCOPES,
  request: async ({ target }) => ({ url: `${V1}/training-centre-applications/${(await tcApplicationOf(target, from)).id}/${path}`, payload: payload?.() }),
  verify: (res, c) => expect(json<TcApp>(res)).toMatchObject({ organisationId: c.target.id, status: to }),
});

// --- centre operations and matching (fixtures) ---------------------------------------------------
/** An organisation's certified centre with its rights and welder level 4 in scope (the same row the training-centre entries use). */
async function opsCentreOf(org: { id: string; regionId: string; key: string }) {
  let [centre] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.organisationId, org.id));
  if (centre) await t.db.update(trainingCentres).set({ status: 'active', statusReason: null }).where(eq(trainingCentres.id, centre.id));
  else {
    [centre] = await t.db
      .insert(trainingCentres)
      .values({ organisationId: org.id, regionId: org.regionId, certificateNo: `TC-MATRIX-${org.key.toUpperCase()}`, status: 'active', certifiedOn: '2026-01-05', validUntil: '2029-01-04', annualCapacity: 100 })
      .returning();
  }
  await t.db.insert(trainingCentreScopes).values({ centreId: centre!.id, occupation: 'welder', level: 4 }).onConflictDoNothing();
  return centre!;
}
let opsProviderOrg: { id: string; regionId: string; key: string } | undefined;
/** A baodi enterprise outside the plan whose centre is the other side of the matches (never a target). */
async function opsProvider() {
  if (!opsProviderOrg) {
    const org = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi', name: 'Matrix provider' });
    opsProviderOrg = { id: org.id, regionId: org.regionId, key: 'provider' };
  }
  return { org: opsProviderOrg, centre: await opsCentreOf(opsProviderOrg) };
}
/** The centre's 2026 annual review (filed), created when missing. */
async function opsReviewOf(org: OrgFx) {
  const centre = await opsCentreOf(org);
  const [existing] = await t.db.select().from(centreAnnualReviews).where(and(eq(centreAnnualReviews.centreId, centre.id), eq(centreAnnualReviews.year, 2026)));
  if (existing) return existing;
  const figures = { year: 2026, trainings: 0, personTimes: 0, assessments: 0, passed: 0, passRate: null, byOccupation: [], matchesCompleted: 0 };
  const [row] = await t.db
    .insert(centreAnnualReviews)
    .values({ centreId: centre.id, organisationId: org.id, regionId: org.regionId, year: 2026, status: 'filed', figures, narrative: '矩阵测试年度报告', filedAt: t.clock.now() })
    .returning();
  return row!;
}
/** A training need of an organisation (welder level 4) in a given state. */
async function opsNeedOf(org: { id: string; regionId: string }, status = 'open') {
  const [row] = await t.db
    .insert(trainingNeeds)
    .values({ organisationId: org.id, regionId: org.regionId, occupation: 'welder', level: 4, headcount: 5, preferredStart: '2026-04-01', preferredEnd: '2026-05-01', status })
    .returning();
  return row!;
}
/** A match from a requester's fresh need to a centre's organisation, requested or accepted. */
async function opsMatchOf(requester: { id: string; regionId: string }, centreOrg: { id: string; regionId: string; key: string }, status: 'requested' | 'accepted') {
  const need = await opsNeedOf(requester, status === 'accepted' ? 'matched' : 'open');
  const centre = await opsCentreOf(centreOrg);
  const [row] = await t.db
    .insert(trainingMatches)
    .values({
      needId: need.id, centreId: centre.id, organisationId: requester.id, centreOrganisationId: centreOrg.id, regionId: need.regionId, status,
      score: { score: 0.5, components: [] }, requestedAt: t.clock.now(), respondedAt: status === 'accepted' ? t.clock.now() : null,
    })
    .returning();
  return row!;
}
const OPS_STAFF = ['enterprise_admin', 'training_manager', 'instructor'] as const satisfies readonly Role[];
const OPS_READ = ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'instructor'] as const satisfies readonly Role[];
const OPS_DEPARTMENTS = ['system_admin', 'department_officer', 'department_reviewer'] as const satisfies readonly Role[];
const NEED_STAFF = ['enterprise_admin', 'training_manager'] as const satisfies readonly Role[];
const NEED_READ = ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager'] as const satisfies readonly Role[];
const MATCH_READ = [...NEED_READ, 'instructor'] as const satisfies readonly Role[];
interface OpsMatch {
  id: string;
  organisationId: string;
  centreOrganisationId: string;
  regionId: string;
  status: string;
}
/** Every listed match has the actor's enterprise on one side (departments: the need is of their region). */
const expectMatchesInReach = (c: Case, items: OpsMatch[]) => {
  for (const m of items) {
    const inReachOf = (orgId: string) => inReach(c.role, c.fx.own, { id: orgId, regionId: m.regionId });
    expect(inReachOf(m.organisationId) || inReachOf(m.centreOrganisationId), `match ${m.id} shown to ${c.role}`).toBe(true);
  }
};
/** A match transition taken by one side: the target's organisation is that side, the other side is the provider. */
const opsMatchTransition = (path: string, side: 'centre' | 'requester', from: 'requested' | 'accepted', to: string, payload: unknown = {}): RouteSpec => ({
  method: 'POST',
  url: `${V1}/training-matches/:id/${path}`,
  allowed: NEED_STAFF,
  scopes: ORG_SCOPES,
  request: async ({ target }) => {
    const { org: provider } = await opsProvider();
    const match = side === 'centre' ? await opsMatchOf(provider, target, from) : await opsMatchOf(target, provider, from);
    return { url: `${V1}/training-matches/${match.id}/${path}`, payload };
  },
  verify: (res) => expect(json<OpsMatch>(res).status).toBe(to),
});

// --- apprenticeship subsidies (fixtures) ---------------------------------------------------------
/*
 * The matrix's government organisation is an HRSS bureau. The finance bureau's steps (finance approval and return,
 * disbursement, ledger entries outside a claim) are therefore refused to every role here; their success path is
 * covered in claim-review.test.ts and ledger.test.ts. Among departments only the FIC organises (grouped) classes, so
 * the HRSS officer holds the organiser's abilities on paper and is refused them on every class.
 */
const SUB_READ = ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'chamber_admin'] as const satisfies readonly Role[];
const SUB_CLASS_READ = [...SUB_READ, 'instructor'] as const satisfies readonly Role[];
const SUB_DEPARTMENTS = ['system_admin', 'department_officer', 'department_reviewer'] as const satisfies readonly Role[];
const SUB_HRSS = ['department_officer', 'department_reviewer'] as const satisfies readonly Role[];
const SUB_ORGANISERS = ['enterprise_admin', 'training_manager', 'chamber_admin'] as const satisfies readonly Role[];
/** The organiser's abilities as the policy lists them: the department officer's is the FIC's. */
const SUB_ORGANISER_ROLES = [...SUB_ORGANISERS, 'department_officer'] as const satisfies readonly Role[];
const SUB_RECORDERS = [...SUB_ORGANISER_ROLES, 'instructor'] as const satisfies readonly Role[];
/** The HRSS officer refused an organiser's step (its own department's class, or an enterprise's). */
const subNotOrganiser = (scopes: readonly Scope[]) =>
  scopes.map((scope) => ({ role: 'department_officer' as const, scope, status: 403 as const, why: 'among departments only the FIC organises classes; this one is the HRSS bureau' }));
/** A department step on a record of the department's own organisation: never the organiser's own. */
const subNotOwnReview = SUB_HRSS.map((role) => ({ role, scope: 'own' as const, status: 403 as const, why: 'a department does not review what its own organisation files' }));
/** A finance step: the HRSS bureau's staff are refused it wherever the record is within reach. */
const subFinanceOnly = SUB_HRSS.flatMap((role) =>
  (['own', 'sibling'] as const).map((scope) => ({ role, scope, status: 403 as const, why: 'only the finance bureau takes this step; govA is the HRSS bureau' })),
);
const subToday = () => shanghaiDateOf(t.clock.now());

const subPolicies = new Map<string, string>();
/** The region's 2026 policy (version 1, in force since 1 January): classes start in March 2026. */
async function subPolicyOf(regionId: string) {
  let id = subPolicies.get(regionId);
  if (!id) {
    id = (await seedPolicy(t, regionId)).id;
    subPolicies.set(regionId, id);
  }
  return id;
}
let subYear = 2040;
/** A cohort year no policy has yet, for the cases that write version 1 or revise a fresh base. */
const subFreshYear = () => subYear++;

/** A class of an organisation in a state: an enterprise's own class, a grouped class of anyone else. */
async function subClassOf(org: OrgFx, status: ClassStatus) {
  await subPolicyOf(org.regionId);
  return seedClass(t, org.id, { status, regionId: org.regionId, kind: org.type === 'enterprise' ? 'enterprise' : 'grouped' });
}
type SubClassRow = Awaited<ReturnType<typeof subClassOf>>;

/** A fresh registered class of an organisation and a published platform course of the same organisation. */
async function subClassAndCourseOf(org: OrgFx) {
  const cls = await subClassOf(org, 'registered');
  const [course] = await t.db.insert(courses).values({ organisationId: org.id, title: '矩阵线上课程', status: 'published' }).returning();
  return { cls, course: course! };
}

const subReadClasses = new Map<OrgKey, SubClassRow>();
/** An organisation's registered class with one apprentice and one session attended (one per organisation). */
async function subReadClassOf(org: OrgFx) {
  let cls = subReadClasses.get(org.key);
  if (!cls) {
    cls = await subClassOf(org, 'registered');
    const [a] = await seedApprentices(t, cls, 1);
    await seedSession(t, cls.id, [{ apprenticeId: a!.id, personId: a!.personId, present: true }], { date: '2026-03-02' });
    subReadClasses.set(org.key, cls);
  }
  return cls;
}

let subSmallFirmOrg: { id: string; uscc: string } | undefined;
/** A small baodi firm outside the plan (with its USCC) whose employees join the grouped classes. */
async function subSmallFirm() {
  if (!subSmallFirmOrg) {
    const org = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi', name: 'Matrix small firm', uscc: syntheticUscc(9001) });
    subSmallFirmOrg = { id: org.id, uscc: org.uscc! };
  }
  return subSmallFirmOrg;
}
/** A fresh eligible employee for a class's roster: the enterprise's own, or the small firm's for a grouped class. */
async function subNewcomerOf(cls: SubClassRow) {
  const grouped = cls.kind === 'grouped';
  const employerId = grouped ? (await subSmallFirm()).id : cls.organisationId;
  const { person } = await seedEmployee(t, employerId);
  return { name: person.name, residentId: person.residentId, ...(grouped ? { employerOrganisationId: employerId } : {}) };
}
async function rosterWorkbook(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学徒名册');
  sheet.addRow(['姓名', '身份证号', '用人单位统一社会信用代码']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
/** Every text cell of a workbook download. */
async function workbookTexts(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text))));
  return texts;
}

/** An advance claim's computation as filing stores it: one apprentice, 5,000 yuan a year, half of one year in advance. */
const subComputation = (policyId: string): ClaimComputation => ({
  policy: { id: policyId, version: 1, year: 2026, effectiveFrom: '2026-01-01', isDemo: false },
  targetLevel: 3,
  years: 2,
  rateFen: 500_000,
  rateWithoutCertificateFen: 300_000,
  advanceRatioBp: 5_000,
  advanceBasis: 'one_year',
  headcount: { roster: 1, claimed: 1, certified: 0, completedWithoutCertificate: 0, nonCompleters: 0, excluded: 0 },
  excludedApprenticeIds: [],
  perPersonAdvanceFen: 250_000,
  advancePaidFen: 0,
  lines: [{ key: 'advance', label: { 'zh-CN': '预拨', 'en-US': 'Advance' }, formula: '1 人 × 5,000.00 元 × 50% × 1 年', amountFen: 250_000 }],
  amountFen: 250_000,
});
/** The name of the apprentice of the last claim built, to prove a public notice masks it. */
let subApprenticeName = '';
/** An advance claim of a fresh registered class of an organisation (one apprentice) in a state, with an open finding when asked. */
async function subClaimOf(org: OrgFx, status: string, options: { finding?: boolean } = {}) {
  const cls = await subClassOf(org, 'registered');
  const [apprentice] = await seedApprentices(t, cls, 1);
  subApprenticeName = apprentice!.person.name;
  const policyId = await subPolicyOf(org.regionId);
  const now = t.clock.now();
  const [claim] = await t.db
    .insert(subsidyClaims)
    .values({
      referenceNo: `BT-MATRIX-${String(next()).padStart(6, '0')}`, classId: cls.id, organisationId: org.id, regionId: org.regionId, kind: 'advance', status, round: 1, policyId,
      computation: subComputation(policyId), amountFen: 250_000, submittedAt: now, createdAt: now, updatedAt: now,
      ...(status === 'disbursed' ? { disbursedOn: subToday(), bankReference: 'MATRIX-BANK-0' } : {}),
    })
    .returning();
  let findingId = '';
  if (options.finding) {
    const [finding] = await t.db
      .insert(claimFindings)
      .values({ claimId: claim!.id, round: 1, code: 'NOT_EMPLOYED', apprenticeId: apprentice!.id, personId: apprentice!.personId, detail: { organisationName: org.name }, status: 'open' })
      .returning();
    findingId = finding!.id;
  }
  return { claim: claim!, findingId };
}
const subReadClaims = new Map<OrgKey, string>();
/** An organisation's submitted claim for the read cases (one per organisation). */
async function subReadClaimOf(org: OrgFx) {
  let id = subReadClaims.get(org.key);
  if (!id) {
    id = (await subClaimOf(org, 'submitted')).claim.id;
    subReadClaims.set(org.key, id);
  }
  return id;
}
const subLedgerEntries = new Set<OrgKey>();
/** One advance entry in the ledger for an organisation's registered class. */
async function subLedgerEntryOf(org: OrgFx) {
  if (subLedgerEntries.has(org.key)) return;
  const cls = await subReadClassOf(org);
  await t.db
    .insert(subsidyLedgerEntries)
    .values({ organisationId: org.id, regionId: org.regionId, classId: cls.id, kind: 'advance', amountFen: 250_000, bookedOn: '2026-03-02', note: '矩阵测试预拨' });
  subLedgerEntries.add(org.key);
}
interface SubClass {
  id: string;
  organisationId: string;
  regionId: string;
  status: string;
  registrationNo: string | null;
  name: string;
}
interface SubClaim {
  id: string;
  organisationId: string;
  regionId: string;
  status: string;
}
/** The id of the apprentice the last DELETE case removes. */
let subRemovedApprenticeId = '';
/** A class transition: a fresh class of the target in the `from` state (with one apprentice to file), the state after. */
const subClassTransition = (path: string, allowed: readonly Role[], from: ClassStatus, to: string, extra: Pick<RouteSpec, 'except'> & { payload?: unknown } = {}): RouteSpec => ({
  method: 'POST',
  url: `${V1}/apprenticeship-classes/:id/${path}`,
  allowed,
  scopes: ORG_SCOPES,
  except: extra.except,
  request: async ({ target }) => {
    const cls = await subClassOf(target, from);
    if (path === 'file') await seedApprentices(t, cls, 1);
    return { url: `${V1}/apprenticeship-classes/${cls.id}/${path}`, payload: extra.payload };
  },
  verify: (res, c) => expect(json<SubClass>(res)).toMatchObject({ organisationId: c.target.id, status: to }),
});
/** A claim transition: a fresh claim of the target in the `from` state, the state after. */
const subClaimTransition = (path: string, allowed: readonly Role[], from: string, to: string, extra: Pick<RouteSpec, 'except'> & { payload?: unknown } = {}): RouteSpec => ({
  method: 'POST',
  url: `${V1}/subsidy-claims/:id/${path}`,
  allowed,
  scopes: ORG_SCOPES,
  except: extra.except,
  request: async ({ target }) => ({ url: `${V1}/subsidy-claims/${(await subClaimOf(target, from)).claim.id}/${path}`, payload: extra.payload }),
  verify: (res, c) => expect(json<SubClaim>(res)).toMatchObject({ organisationId: c.target.id, status: to }),
});

// --- learning record store (fixtures) -----------------------------------------------------------
/** Who manages an organisation's LRS keys and reads its learning records; system admins also list and revoke keys. */
const LRS_MANAGERS = ['enterprise_admin', 'training_manager'] as const satisfies readonly Role[];
const LRS_KEY_READERS = ['system_admin', ...LRS_MANAGERS] as const satisfies readonly Role[];
interface LrsKey {
  id: string;
  organisationId: string;
  revokedAt: string | null;
}
/** A fresh key of an organisation, straight in the database (no request here needs its secret). */
async function lrsKeyOf(org: OrgFx) {
  const n = next();
  const [row] = await t.db
    .insert(lrsClients)
    .values({ organisationId: org.id, name: `Matrix key ${n}`, key: `lrs_matrix_${n}`, secretHash: randomUUID().replace(/-/g, ''), scopes: ['read', 'write'] })
    .returning();
  return row!;
}
/** The key the last list case added to its target organisation, which the list must show. */
let lrsListedKey = '';
const lrsStatements = new Map<OrgKey, string>();
/** A statement of an organisation about a person who learnt there (an activity experienced), straight in the table. */
async function lrsInsertStatement(organisationId: string, personId: string, tag: string) {
  const id = randomUUID();
  const actorKey = `mbox:mailto:matrix-${tag}@example.com`;
  const activity = `http://example.com/matrix/${tag}`;
  const verb = 'http://adlnet.gov/expapi/verbs/experienced';
  await t.db.insert(xapiStatements).values({
    id, organisationId, stored: t.clock.now(), timestamp: t.clock.now(), actorKey, verbId: verb, activityId: activity, relatedAgents: [actorKey], relatedActivities: [activity], personId,
    statement: { id, actor: { objectType: 'Agent', mbox: actorKey.slice(5) }, verb: { id: verb }, object: { objectType: 'Activity', id: activity, definition: { name: { 'en-US': `Matrix ${tag}` } } } },
  });
  return id;
}
/** One statement of an organisation about the person employed there (one per organisation). */
async function lrsStatementOf(org: OrgFx) {
  let id = lrsStatements.get(org.key);
  if (!id) {
    id = await lrsInsertStatement(org.id, org.personId, org.key.toLowerCase());
    lrsStatements.set(org.key, id);
  }
  return id;
}
const lrsLearners = new Set<Role>();
/** One statement about the role's own person, so their own progress has a row (one per role). */
async function lrsLearnerStatementOf(fx: RoleFx) {
  if (lrsLearners.has(fx.role)) return;
  await lrsInsertStatement(fx.own.id, fx.personId, `member-${fx.role.replace(/_/g, '-')}`);
  lrsLearners.add(fx.role);
}

const routes: RouteSpec[] = [
  // --- auth -------------------------------------------------------------------------------------
  {
    method: 'POST',
    url: `${V1}/auth/login`,
    allowed: 'public',
    scopes: ['none'],
    request: ({ fx }) => ({ url: `${V1}/auth/login`, payload: { username: fx.username, password: fx.password }, client: new Client(t.app) }),
    verify: (res, c) => expect(json<{ activeMembership: { role: string } }>(res).activeMembership.role).toBe(c.role),
  },
  {
    method: 'POST',
    url: `${V1}/auth/logout`,
    allowed: 'public',
    scopes: ['none'],
    request: async ({ fx }) => {
      const client = await new Client(t.app).login(fx.username, fx.password);
      loggedOutToken = client.cookie;
      return { url: `${V1}/auth/logout`, client };
    },
    verify: async () => {
      const stale = new Client(t.app);
      stale.cookie = loggedOutToken;
      expect((await stale.get(`${V1}/auth/session`)).statusCode).toBe(401);
    },
  },
  {
    method: 'GET',
    url: `${V1}/system/info`,
    allowed: 'public',
    scopes: ['none'],
    request: () => ({ url: `${V1}/system/info`, client: new Client(t.app) }),
    // An empty installation (no demo loaded) lists no accounts, to anyone.
    verify: (res) => expect(json<{ demo: boolean; demoAccounts?: unknown[] }>(res)).toEqual({ demo: false }),
  },
  {
    method: 'GET',
    url: `${V1}/system/jobs`,
    allowed: ['system_admin'],
    scopes: ['none'],
    request: () => ({ url: `${V1}/system/jobs` }),
    verify: (res) => expect(json<{ items: { name: string }[] }>(res).items.map((j) => j.name)).toContain('exams.finalise-overdue'),
  },
  {
    method: 'POST',
    url: `${V1}/system/jobs/:name/run`,
    allowed: ['system_admin'],
    scopes: ['none'],
    request: () => ({ url: `${V1}/system/jobs/learning.project-reminders/run` }),
    verify: (res) => expect(json<{ ok: boolean; trigger: string }>(res)).toMatchObject({ ok: true, trigger: 'manual' }),
  },
  {
    method: 'GET',
    url: `${V1}/auth/session`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/auth/session` }),
    verify: (res, c) => {
      const body = json<{ user: { id: string }; activeMembership: { role: string; organisationId: string } }>(res);
      expect(body.user.id).toBe(c.fx.userId);
      expect(body.activeMembership).toMatchObject({ role: c.role, organisationId: c.fx.own.id });
    },
  },
  {
    method: 'GET',
    url: `${V1}/auth/profile`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/auth/profile` }),
    verify: (res, c) => {
      const body = json<{ person: { id: string; employments: { organisationId: string }[] } | null }>(res);
      expect(body.person?.id).toBe(c.fx.personId);
      expect(body.person?.employments.map((e) => e.organisationId)).toEqual([c.fx.own.id]);
    },
  },
  {
    method: 'POST',
    url: `${V1}/auth/switch-membership`,
    allowed: ROLES,
    scopes: ['own', 'sibling'],
    reach: 'self',
    writes: false,
    labels: { own: ' (own membership)', sibling: " (another user's membership)" },
    request: async ({ fx, scope, target }) => {
      let membershipId = fx.membershipId;
      if (scope !== 'own') {
        const [other] = await t.db.select().from(memberships).where(eq(memberships.userId, target.userId));
        membershipId = other!.id;
      }
      return { url: `${V1}/auth/switch-membership`, payload: { membershipId } };
    },
    verify: (res, c) => expect(json<{ activeMembership: { id: string } }>(res).activeMembership.id).toBe(c.fx.membershipId),
  },
  {
    method: 'POST',
    url: `${V1}/auth/change-password`,
    allowed: ROLES,
    scopes: ['none'],
    request: ({ fx }) => ({ url: `${V1}/auth/change-password`, payload: { currentPassword: fx.password, newPassword: 'Matrix-pass-2026' } }),
    verify: async (res, c) => {
      c.fx.password = 'Matrix-pass-2026';
      expect((await c.fx.client.get(`${V1}/auth/session`)).statusCode).toBe(200);
    },
  },
  {
    method: 'PUT',
    url: `${V1}/auth/preferences`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/auth/preferences`, payload: { locale: 'en-US' } }),
    verify: async (_res, c) => {
      const [user] = await t.db.select().from(users).where(eq(users.id, c.fx.userId));
      expect(user!.locale).toBe('en-US');
    },
  },

  // --- reference --------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/regions`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/regions` }),
    verify: (res) => expect(json<{ id: string }[]>(res).map((r) => r.id)).toEqual(expect.arrayContaining(['baodi', 'tangshan'])),
  },
  {
    method: 'GET',
    url: `${V1}/industrial-parks`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/industrial-parks?regionId=baodi` }),
    verify: (res) => expect(json<unknown[]>(res).length).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: `${V1}/reference/industries`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/reference/industries` }),
    verify: (res) => expect(json<{ divisions: unknown[] }>(res).divisions.length).toBeGreaterThan(0),
  },

  // --- organisations ----------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/organisations`,
    allowed: ROLES,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: ({ scope, target }) => ({ url: `${V1}/organisations?pageSize=100${scope === 'none' ? '' : `&q=${encodeURIComponent(target.name)}`}` }),
    verify: async (res, c) => {
      const page = json<Page<OrgItem>>(res);
      for (const item of page.items) expect(inReach(c.role, c.fx.own, item), `organisation ${item.id} listed for ${c.role}`).toBe(true);
      expect(page.items.map((o) => o.id)).toContain(c.target.id);
      if (c.scope === 'none' && c.role === 'system_admin') expect(page.total).toBe((await t.db.select().from(organisations)).length);
    },
  },
  {
    method: 'GET',
    url: `${V1}/organisations/stats`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/organisations/stats?groupBy=region` }),
    // The figures count exactly the organisations the same role's list shows.
    verify: async (res, c) => {
      const stats = json<{ total: number; groups: { key: string | null; count: number }[] }>(res);
      const list = json<Page<OrgItem>>(await c.fx.client.get(`${V1}/organisations?pageSize=1`));
      expect(stats.total).toBe(list.total);
      expect(stats.groups.reduce((sum, g) => sum + g.count, 0)).toBe(stats.total);
    },
  },
  {
    method: 'POST',
    url: `${V1}/organisations`,
    allowed: ['system_admin', 'department_officer'],
    scopes: ['own', 'far'],
    outOfReach: 403,
    status: 201,
    labels: { own: ' (own region)', far: ' (other region)' },
    request: ({ target }) => {
      const n = next();
      return {
        url: `${V1}/organisations`,
        payload: {
          type: 'enterprise',
          regionId: target.regionId,
          name: `Matrix new ${n}`,
          uscc: syntheticUscc(n, DIVISION_CODES[target.regionId]),
          industryDivision: '36',
          size: 'small',
        },
      };
    },
    verify: (res, c) => expect(json<OrgItem>(res).regionId).toBe(c.target.regionId),
  },
  {
    method: 'GET',
    url: `${V1}/organisations/:id`,
    allowed: ROLES,
    scopes: ORG_SCOPES,
    request: ({ target }) => ({ url: `${V1}/organisations/${target.id}` }),
    verify: (res, c) => expect(json<OrgItem>(res).id).toBe(c.target.id),
  },
  {
    method: 'PATCH',
    url: `${V1}/organisations/:id`,
    allowed: ['system_admin', 'department_officer', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    except: [{ role: 'department_officer', scope: 'own', status: 403, why: 'government departments are kept by a system administrator' }],
    request: ({ target }) => ({ url: `${V1}/organisations/${target.id}`, payload: { employeeCount: next() } }),
    verify: (res, c) => {
      const body = json<OrgItem & { employeeCount: number }>(res);
      expect(body.id).toBe(c.target.id);
      expect(body.employeeCount).toBeGreaterThan(0);
    },
  },

  // --- people -----------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/people`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: ({ scope, target }) => ({ url: `${V1}/people?pageSize=100${scope === 'none' ? '' : `&organisationId=${target.id}`}` }),
    verify: async (res, c) => {
      const page = json<Page<{ id: string }>>(res);
      await expectPeopleInReach(c, page.items.map((p) => p.id));
      if (c.scope !== 'none') expect(page.items.map((p) => p.id)).toContain(c.target.personId);
      if (c.scope === 'none' && c.role === 'system_admin') expect(page.total).toBe((await t.db.select().from(people)).length);
    },
  },
  {
    method: 'GET',
    url: `${V1}/people/:id`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: ({ target }) => ({ url: `${V1}/people/${target.personId}` }),
    verify: async (res, c) => {
      const body = json<{ id: string; residentIdMasked: string; employments: { organisationId: string }[] }>(res);
      expect(body.id).toBe(c.target.personId);
      expect(body.residentIdMasked).not.toBe(c.target.residentId);
      expect(body.employments.map((e) => e.organisationId)).toContain(c.target.id);
      for (const e of body.employments) {
        expect(inReach(c.role, c.fx.own, { id: e.organisationId, regionId: await regionOf(e.organisationId) }), `employment at ${e.organisationId} shown to ${c.role}`).toBe(true);
      }
    },
  },
  {
    method: 'PATCH',
    url: `${V1}/people/:id`,
    allowed: ['system_admin', 'department_officer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    // The home person also worked at the far organisation: an organisation may not edit someone another one employed.
    except: (['enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'] as const).map((role) => ({
      role, scope: 'own' as const, status: 403 as const, why: 'the person is on another organisation\'s records too',
    })),
    request: ({ target }) => ({ url: `${V1}/people/${target.personId}`, payload: { phone: `139${String(next()).padStart(8, '0')}` } }),
    verify: (res, c) => expect(json<{ id: string; phone: string }>(res).id).toBe(c.target.personId),
  },
  {
    method: 'POST',
    url: `${V1}/people/:id/reveal-resident-id`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin'],
    scopes: ORG_SCOPES,
    request: ({ target }) => ({ url: `${V1}/people/${target.personId}/reveal-resident-id` }),
    verify: (res, c) => expect(json<{ residentId: string }>(res).residentId).toBe(c.target.residentId),
  },
  {
    method: 'GET',
    url: `${V1}/organisations/:id/employees`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: ({ target }) => ({ url: `${V1}/organisations/${target.id}/employees?pageSize=100` }),
    verify: (res, c) => {
      const page = json<Page<{ organisationId: string; person: { id: string } }>>(res);
      expect(page.items.map((e) => e.person.id)).toContain(c.target.personId);
      for (const e of page.items) expect(e.organisationId).toBe(c.target.id);
    },
  },
  {
    method: 'POST',
    url: `${V1}/organisations/:id/employees`,
    allowed: ['system_admin', 'department_officer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    status: 201,
    request: ({ target }) => {
      const n = next();
      return { url: `${V1}/organisations/${target.id}/employees`, payload: { name: `员工${n}`, residentId: residentId(n), position: '操作工', startDate: '2025-03-01' } };
    },
    verify: (res, c) => expect(json<{ organisationId: string }>(res).organisationId).toBe(c.target.id),
  },
  {
    method: 'POST',
    url: `${V1}/employments/:id/end`,
    allowed: ['system_admin', 'department_officer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/employments/${await freshEmployment(target)}/end`, payload: { endDate: '2026-02-27' } }),
    verify: (res) => expect(json<{ endDate: string }>(res).endDate).toBe('2026-02-27'),
  },
  {
    method: 'POST',
    url: `${V1}/organisations/:id/employee-imports`,
    allowed: ['system_admin', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const n = next();
      const file = await employeeWorkbook([[`导入${n}`, residentId(n), '质检员', '2025-04-01']]);
      return { url: `${V1}/organisations/${target.id}/employee-imports`, ...multipartFile(file, 'employees.xlsx') };
    },
    verify: (res) => expect(json<{ createdEmployments: number; dryRun: boolean }>(res)).toMatchObject({ createdEmployments: 1, dryRun: false }),
  },
  {
    method: 'GET',
    url: `${V1}/employee-import-template`,
    allowed: ['system_admin', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
    scopes: ['none'],
    request: () => ({ url: `${V1}/employee-import-template` }),
    verify: (res) => expect(res.headers['content-type']).toContain('spreadsheetml'),
  },

  // --- users ------------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/users`,
    allowed: ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: ({ scope, target }) => ({ url: `${V1}/users?pageSize=100${scope === 'none' ? '' : `&organisationId=${target.id}`}` }),
    verify: async (res, c) => {
      const page = json<Page<{ id: string; memberships: { organisationId: string }[] }>>(res);
      await expectUsersInReach(c, page.items.map((u) => u.id));
      for (const u of page.items) {
        for (const m of u.memberships) {
          if (c.role !== 'system_admin') expect(m.organisationId, `membership elsewhere shown to ${c.role}`).toBe(c.fx.own.id);
        }
      }
      if (c.scope !== 'none') expect(page.items.map((u) => u.id)).toContain(c.target.userId);
      if (c.scope === 'none' && c.role === 'system_admin') expect(page.total).toBe((await t.db.select().from(users)).length);
    },
  },
  {
    method: 'POST',
    url: `${V1}/users`,
    allowed: ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    status: 201,
    request: ({ target }) => ({
      url: `${V1}/users`,
      payload: { username: `matrix-user-${next()}`, displayName: '矩阵测试', password: TEST_PASSWORD, memberships: [{ organisationId: target.id, role: BASE_ROLE[target.type] }] },
    }),
    verify: (res, c) => expect(json<{ memberships: { organisationId: string }[] }>(res).memberships.map((m) => m.organisationId)).toEqual([c.target.id]),
  },
  {
    method: 'POST',
    url: `${V1}/users/:id/memberships`,
    allowed: ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const { user } = await freshUser(target);
      return { url: `${V1}/users/${user.id}/memberships`, payload: { organisationId: target.id, role: GRANT_ROLE[target.type] } };
    },
    verify: (res, c) => expect(json<{ memberships: { role: string }[] }>(res).memberships.map((m) => m.role)).toContain(GRANT_ROLE[c.target.type]),
  },
  {
    method: 'POST',
    url: `${V1}/users/:id/unlock`,
    allowed: ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const { user } = await freshUser(target);
      await t.db.update(users).set({ lockedUntil: new Date(t.clock.now().getTime() + 600_000) }).where(eq(users.id, user.id));
      return { url: `${V1}/users/${user.id}/unlock` };
    },
    verify: (res) => expect(json<{ lockedUntil: string | null }>(res).lockedUntil).toBeNull(),
  },
  {
    method: 'POST',
    url: `${V1}/memberships/:id/revoke`,
    allowed: ['system_admin', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/memberships/${(await freshUser(target)).membership.id}/revoke` }),
    verify: (res) => expect(json<{ ok: boolean }>(res).ok).toBe(true),
  },

  // --- audit ------------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/audit`,
    allowed: ['system_admin', 'department_officer', 'enterprise_admin', 'chamber_admin', 'university_admin'],
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: ({ scope, target }) => ({ url: `${V1}/audit?pageSize=100${scope === 'none' ? '' : `&organisationId=${target.id}`}` }),
    verify: async (res, c) => {
      const page = json<Page<{ id: string }>>(res);
      const ids = page.items.map((e) => e.id);
      if (ids.length) {
        const rows = await t.db.select().from(auditLog).where(inArray(auditLog.id, ids.map(BigInt)));
        for (const row of rows) {
          const visible =
            c.role === 'system_admin' || (c.role === 'department_officer' ? row.regionId === c.fx.own.regionId : row.organisationId === c.fx.own.id);
          expect(visible, `audit entry ${row.id} shown to ${c.role}`).toBe(true);
        }
      }
      if (c.scope !== 'none') expect(ids).toContain(c.target.auditId);
      if (c.scope === 'none' && c.role === 'system_admin') expect(page.total).toBe((await t.db.select().from(auditLog)).length);
    },
  },

  // --- calendar ---------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/calendar`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/calendar?year=2025` }),
    verify: (res) => {
      const body = json<{ coveredByPackage: boolean; days: { date: string; kind: string }[] }>(res);
      expect(body.coveredByPackage).toBe(true);
      expect(body.days).toContainEqual(expect.objectContaining({ date: '2025-01-26', kind: 'workday' }));
    },
  },
  {
    method: 'GET',
    url: `${V1}/calendar/working-days`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/calendar/working-days?from=2025-09-30&to=2025-10-14` }),
    verify: (res) => expect(json<{ workingDays: number }>(res).workingDays).toBe(5),
  },
  {
    method: 'GET',
    url: `${V1}/calendar/add`,
    allowed: ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/calendar/add?date=2025-09-30&days=5` }),
    verify: (res) => expect(json<{ result: string }>(res).result).toBe('2025-10-14'),
  },
  {
    method: 'PUT',
    url: `${V1}/calendar/overrides/:date`,
    allowed: ['system_admin'],
    scopes: ['none'],
    request: () => ({ url: `${V1}/calendar/overrides/${freshCalendarDate()}`, payload: { kind: 'holiday', name: '矩阵测试' } }),
    verify: (res) => expect(json<{ kind: string; name: string }>(res)).toMatchObject({ kind: 'holiday', name: '矩阵测试' }),
  },
  {
    method: 'POST',
    url: `${V1}/calendar/overrides/:date/remove`,
    allowed: ['system_admin'],
    scopes: ['none'],
    request: async () => {
      const date = freshCalendarDate();
      await t.db.insert(calendarOverrides).values({ date, kind: 'workday', name: '矩阵测试' });
      return { url: `${V1}/calendar/overrides/${date}/remove` };
    },
    verify: (res) => expect(json<{ source: string }>(res).source).toBe('week_rule'),
  },

  // --- attachments and notices ------------------------------------------------------------------
  {
    method: 'POST',
    url: `${V1}/attachments`,
    allowed: ROLES,
    scopes: ['none'],
    status: 201,
    request: () => ({ url: `${V1}/attachments`, ...multipartFile(MATRIX_PNG, 'matrix.png') }),
    verify: (res, c) => expect(json<{ attachment: { organisationId: string; mime: string } }>(res).attachment).toMatchObject({ organisationId: c.fx.own.id, mime: 'image/png' }),
  },
  {
    method: 'GET',
    url: `${V1}/attachments/:id`,
    allowed: ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/attachments/${await attachmentOf(target)}` }),
    verify: (res, c) => expect(json<{ organisationId: string }>(res).organisationId).toBe(c.target.id),
  },
  {
    method: 'GET',
    url: `${V1}/attachments/:id/content`,
    allowed: ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/attachments/${await attachmentOf(target)}/content` }),
    verify: (res) => expect(res.rawPayload.equals(MATRIX_PNG)).toBe(true),
  },
  {
    method: 'GET',
    url: `${V1}/notices`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer'],
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/notices?pageSize=100` };
      const notice = await noticeOf(target);
      return { url: `${V1}/notices?pageSize=100&q=${encodeURIComponent(notice.title)}` };
    },
    verify: (res, c) => {
      const page = json<Page<{ regionId: string; title: string }>>(res);
      for (const item of page.items) if (c.role !== 'system_admin') expect(item.regionId, `notice of ${item.regionId} listed for ${c.role}`).toBe(c.fx.own.regionId);
      if (c.scope !== 'none') expect(page.items).toHaveLength(1);
    },
  },
  {
    method: 'GET',
    url: `${V1}/notices/:id`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer'],
    scopes: ORG_SCOPES,
    // Another region's notice is asked for as a workbook (format=xlsx): the download is refused exactly as the page is.
    labels: { far: ' (other region, format=xlsx)' },
    request: async ({ scope, target }) => {
      const notice = await noticeOf(target);
      await objectionOf(notice.id);
      return { url: `${V1}/notices/${notice.id}${scope === 'far' ? '?format=xlsx' : ''}` };
    },
    verify: async (res, c) => {
      if (c.scope === 'far') {
        expect(res.headers['content-type']).toContain('spreadsheetml');
        expect(await workbookTexts(res.rawPayload)).toContain(c.target.name);
        return;
      }
      const body = json<{ organisationId: string; objectionList: { objectorName: string; objectorResidentIdMasked: string }[] }>(res);
      expect(body.organisationId).toBe(c.target.id);
      expect(body.objectionList).toEqual([expect.objectContaining({ objectorName: OBJECTOR.name })]);
      expect(res.body).not.toContain(OBJECTOR.residentId);
    },
  },
  {
    method: 'POST',
    url: `${V1}/notices/:id/objections/:objectionId/handle`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer'],
    // The own organisation is the HRSS bureau: only the publisher's kind of department rules (FIC vs HRSS: notices.test.ts).
    scopes: ['own', 'far'],
    labels: { own: ' (own department\'s notice)', far: ' (notice of another region)' },
    request: async ({ target }) => {
      const notice = await noticeOf(target);
      const objection = await objectionOf(notice.id);
      return { url: `${V1}/notices/${notice.id}/objections/${objection.id}/handle`, payload: { outcome: 'dismissed', note: '矩阵测试处理意见' } };
    },
    verify: (res) => expect(json<{ objectionList: { status: string; outcome: string }[] }>(res).objectionList).toEqual([expect.objectContaining({ status: 'handled', outcome: 'dismissed' })]),
  },
  {
    method: 'GET',
    url: `${V1}/notices/settings`,
    allowed: ['system_admin', 'department_officer', 'department_reviewer'],
    scopes: ['none'],
    request: () => ({ url: `${V1}/notices/settings` }),
    verify: (res) => expect(json<{ minWorkingDays: number }>(res).minWorkingDays).toBeGreaterThanOrEqual(1),
  },
  {
    method: 'PUT',
    url: `${V1}/notices/settings`,
    allowed: ['system_admin'],
    scopes: ['none'],
    request: async () => {
      const current = json<{ minWorkingDays: number }>(await fixtures.get('system_admin')!.client.get(`${V1}/notices/settings`)).minWorkingDays;
      return { url: `${V1}/notices/settings`, payload: { minWorkingDays: current === 5 ? 6 : 5 } };
    },
    verify: async (res, c) => {
      const saved = json<{ minWorkingDays: number }>(await c.fx.client.get(`${V1}/notices/settings`)).minWorkingDays;
      expect(json<{ minWorkingDays: number }>(res).minWorkingDays).toBe(saved);
    },
  },
  {
    method: 'GET',
    url: `${V1}/public/notices`,
    allowed: 'public',
    scopes: ['none'],
    request: async () => {
      await noticeOf(orgs.get('govA')!);
      return { url: `${V1}/public/notices?pageSize=100`, client: new Client(t.app) };
    },
    verify: (res) => {
      expect(json<Page<unknown>>(res).total).toBeGreaterThan(0);
      expect(res.body).not.toContain(OBJECTOR.name);
    },
  },
  {
    method: 'GET',
    url: `${V1}/public/notices/:id`,
    allowed: 'public',
    scopes: ['none'],
    request: async () => {
      const notice = await noticeOf(orgs.get('govA')!);
      await objectionOf(notice.id);
      return { url: `${V1}/public/notices/${notice.id}`, client: new Client(t.app) };
    },
    verify: async (res) => {
      expect(json<{ objections: { open: number } }>(res).objections.open).toBe(1);
      for (const secret of Object.values(OBJECTOR)) expect(res.body).not.toContain(secret);
      // The same notice as a workbook (format=xlsx), to anyone: its table and nothing of the objector.
      const download = await new Client(t.app).get(`${V1}/public/notices/${json<{ id: string }>(res).id}?format=xlsx`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toContain('spreadsheetml');
      const texts = await workbookTexts(download.rawPayload);
      expect(texts).toContain('Matrix govA');
      for (const secret of Object.values(OBJECTOR)) expect(texts.join('|')).not.toContain(secret);
    },
  },
  {
    method: 'POST',
    url: `${V1}/public/notices/:id/objections`,
    allowed: 'public',
    scopes: ['none'],
    status: 201,
    request: async () => {
      const notice = await noticeOf(orgs.get('govA')!);
      return { url: `${V1}/public/notices/${notice.id}/objections`, payload: { ...OBJECTOR, entryRef: 'e1', content: '矩阵测试提交的异议内容。' }, client: new Client(t.app) };
    },
    verify: (res) => expect(json<{ referenceCode: string }>(res).referenceCode).toMatch(/^[0-9A-Z]{10}$/),
  },
  {
    method: 'POST',
    url: `${V1}/public/objections/lookup`,
    allowed: 'public',
    scopes: ['none'],
    writes: false,
    request: async () => {
      const objection = await objectionOf((await noticeOf(orgs.get('govA')!)).id);
      return { url: `${V1}/public/objections/lookup`, payload: { referenceCode: objection.referenceCode, phone: OBJECTOR.phone }, client: new Client(t.app) };
    },
    verify: (res) => expect(json<{ status: string }>(res).status).toBe('open'),
  },
  // --- training centres -------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/training-centre-applications`,
    allowed: TC_LIST_ROLES,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/training-centre-applications?pageSize=100` };
      await tcApplicationOf(target, 'submitted');
      return { url: `${V1}/training-centre-applications?pageSize=100&q=${encodeURIComponent(target.name)}` };
    },
    verify: (res, c) => {
      const page = json<Page<TcApp>>(res);
      expectTcInReach(c, page.items);
      // Drafts are private to the enterprise (and the system admin).
      if (c.role === 'department_officer' || c.role === 'department_reviewer') expect(page.items.filter((a) => a.status === 'draft')).toEqual([]);
      if (c.scope !== 'none') expect(page.items.map((a) => a.organisationId)).toContain(c.target.id);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-centre-applications/counts`,
    allowed: TC_LIST_ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/training-centre-applications/counts` }),
    verify: async (res, c) => {
      const counts = json<{ total: number; byStatus: Record<string, number> }>(res);
      expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.total);
      expect(counts.total).toBe(json<Page<unknown>>(await c.fx.client.get(`${V1}/training-centre-applications?pageSize=1`)).total);
    },
  },
  {
    method: 'POST',
    url: `${V1}/training-centre-applications`,
    allowed: ['enterprise_admin', 'training_manager'],
    scopes: ['none'],
    status: 201,
    request: async ({ fx }) => {
      // One open application per enterprise, none while its centre is valid: clear both for this case.
      await t.db.update(trainingCentreApplications).set({ status: 'withdrawn' }).where(eq(trainingCentreApplications.organisationId, fx.own.id));
      await t.db.update(trainingCentres).set({ status: 'revoked' }).where(eq(trainingCentres.organisationId, fx.own.id));
      return { url: `${V1}/training-centre-applications`, payload: { ...TC_FIELDS, attachmentIds: [await attachmentOf(fx.own)] } };
    },
    verify: (res, c) => expect(json<TcApp>(res)).toMatchObject({ organisationId: c.fx.own.id, status: 'draft' }),
  },
  {
    method: 'GET',
    url: `${V1}/training-centre-applications/:id`,
    allowed: TC_LIST_ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centre-applications/${(await tcApplicationOf(target, 'submitted')).id}` }),
    verify: (res, c) => expect(json<TcApp>(res).organisationId).toBe(c.target.id),
  },
  {
    method: 'PATCH',
    url: `${V1}/training-centre-applications/:id`,
    allowed: ['enterprise_admin', 'training_manager'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centre-applications/${(await tcApplicationOf(target, 'draft')).id}`, payload: { annualCapacity: 200 + next() } }),
    verify: (res) => expect(json<{ annualCapacity: number }>(res).annualCapacity).toBeGreaterThan(200),
  },
  {
    method: 'GET',
    url: `${V1}/training-centre-applications/:id/history`,
    allowed: TC_LIST_ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centre-applications/${(await tcApplicationOf(target, 'submitted')).id}/history` }),
    verify: (res) => expect(json<unknown[]>(res)).toEqual([]),
  },
  tcTransition('submit', ['enterprise_admin', 'training_manager'], 'draft', 'submitted'),
  tcTransition('withdraw', ['enterprise_admin', 'training_manager'], 'draft', 'withdrawn'),
  tcTransition('check-documents', ['department_officer'], 'submitted', 'documents_checked'),
  tcTransition('onsite-check', ['department_officer'], 'documents_checked', 'onsite_checked', () => ({ date: shanghaiDateOf(t.clock.now()), findings: '矩阵测试现场核查', passed: true })),
  tcTransition('approve', ['department_reviewer'], 'onsite_checked', 'approved'),
  tcTransition('return', ['department_officer', 'department_reviewer'], 'submitted', 'returned', () => ({ comment: '矩阵测试退回' })),
  tcTransition('reject', ['department_officer', 'department_reviewer'], 'submitted', 'rejected', () => ({ comment: '矩阵测试不予通过' })),
  {
    method: 'GET',
    url: `${V1}/selection-batches`,
    allowed: TC_BATCH_ROLES,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/selection-batches?pageSize=100` };
      return { url: `${V1}/selection-batches?pageSize=100&q=${encodeURIComponent((await tcBatchOf(target, 'open')).name)}` };
    },
    verify: (res, c) => {
      const page = json<Page<{ regionId: string }>>(res);
      for (const item of page.items) if (c.role !== 'system_admin') expect(item.regionId).toBe(c.fx.own.regionId);
      if (c.scope !== 'none') expect(page.items).toHaveLength(1);
    },
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches`,
    allowed: ['department_officer'],
    scopes: ['none'],
    status: 201,
    request: () => ({ url: `${V1}/selection-batches`, payload: { name: `Matrix new batch ${next()}`, year: 2026, quota: 5, opensOn: '2026-03-01', closesOn: '2026-04-30' } }),
    verify: (res, c) => expect(json<{ regionId: string; status: string }>(res)).toMatchObject({ regionId: c.fx.own.regionId, status: 'open' }),
  },
  {
    method: 'GET',
    url: `${V1}/selection-batches/:id`,
    allowed: TC_BATCH_ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const batch = await tcBatchOf(target, 'open');
      await tcApplicationOf(target, 'in_batch', batch.id);
      return { url: `${V1}/selection-batches/${batch.id}` };
    },
    verify: (res, c) => expect(json<{ regionId: string; applications: { organisationId: string }[] }>(res).applications.map((a) => a.organisationId)).toEqual([c.target.id]),
  },
  {
    method: 'GET',
    url: `${V1}/selection-batches/:id/history`,
    allowed: TC_BATCH_ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/selection-batches/${(await tcBatchOf(target, 'open')).id}/history` }),
    verify: (res) => expect(json<unknown[]>(res)).toEqual([]),
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches/:id/applications`,
    allowed: ['department_officer'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const batch = await tcBatchOf(target, 'open');
      return { url: `${V1}/selection-batches/${batch.id}/applications`, payload: { applicationId: (await tcApplicationOf(target, 'approved')).id } };
    },
    verify: (res) => expect(json<{ applications: { status: string }[] }>(res).applications.map((a) => a.status)).toEqual(['in_batch']),
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches/:id/applications/:applicationId/remove`,
    allowed: ['department_officer'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const batch = await tcBatchOf(target, 'open');
      const app = await tcApplicationOf(target, 'in_batch', batch.id);
      return { url: `${V1}/selection-batches/${batch.id}/applications/${app.id}/remove` };
    },
    verify: (res) => expect(json<{ applicationCount: number }>(res).applicationCount).toBe(0),
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches/:id/publish-notice`,
    allowed: ['department_officer'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const batch = await tcBatchOf(target, 'open');
      await tcApplicationOf(target, 'in_batch', batch.id);
      return { url: `${V1}/selection-batches/${batch.id}/publish-notice`, payload: {} };
    },
    verify: (res) => expect(json<{ status: string; notice: unknown }>(res)).toMatchObject({ status: 'in_notice', notice: expect.anything() }),
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches/:id/certify`,
    allowed: ['department_reviewer'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/selection-batches/${(await tcBatchReadyToCertify(target)).id}/certify` }),
    verify: async (res, c) => {
      expect(json<{ status: string; counts: unknown }>(res)).toMatchObject({ status: 'certified', counts: { certified: 1, excluded: 0 } });
      const [centre] = await t.db.select().from(trainingCentres).where(eq(trainingCentres.organisationId, c.target.id));
      expect(centre!.status).toBe('active');
    },
  },
  {
    method: 'POST',
    url: `${V1}/selection-batches/:id/cancel`,
    allowed: ['department_officer'],
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/selection-batches/${(await tcBatchOf(target, 'open')).id}/cancel`, payload: { comment: '矩阵测试取消' } }),
    verify: (res) => expect(json<{ status: string }>(res).status).toBe('cancelled'),
  },
  {
    method: 'GET',
    url: `${V1}/training-centres`,
    allowed: TC_CENTRE_ROLES,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/training-centres?pageSize=100` };
      return { url: `${V1}/training-centres?pageSize=100&q=${encodeURIComponent((await tcCentreOf(target)).certificateNo)}` };
    },
    verify: (res, c) => {
      const page = json<Page<{ organisationId: string; regionId: string }>>(res);
      expectTcInReach(c, page.items);
      if (c.scope !== 'none') expect(page.items.map((i) => i.organisationId)).toEqual([c.target.id]);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/mine`,
    allowed: ['enterprise_admin', 'training_manager', 'instructor', 'employee'],
    scopes: ['none'],
    request: async ({ fx }) => {
      if (fx.own.type === 'enterprise') await tcCentreOf(fx.own);
      return { url: `${V1}/training-centres/mine` };
    },
    verify: (res, c) => expect(json<{ organisationId: string }>(res).organisationId).toBe(c.fx.own.id),
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/stats`,
    allowed: TC_CENTRE_ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/training-centres/stats?from=2026-01-01&to=2100-12-31&groupBy=region` }),
    // Counted over the same reach as the list: every centre listed but the revoked ones.
    verify: async (res, c) => {
      const stats = json<{ total: number; groups: { total: number }[] }>(res);
      expect(stats.groups.reduce((sum, g) => sum + g.total, 0)).toBe(stats.total);
      const all = json<Page<unknown>>(await c.fx.client.get(`${V1}/training-centres?pageSize=1`)).total;
      const revoked = json<Page<unknown>>(await c.fx.client.get(`${V1}/training-centres?pageSize=1&effectiveStatus=revoked`)).total;
      expect(stats.total).toBe(all - revoked);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/:id`,
    allowed: TC_CENTRE_ROLES,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centres/${(await tcCentreOf(target)).id}` }),
    verify: (res, c) => expect(json<{ organisationId: string }>(res).organisationId).toBe(c.target.id),
  },
  {
    method: 'GET',
    url: `${V1}/public/training-centres/:certificateNo`,
    allowed: 'public',
    scopes: ['none'],
    request: async () => ({ url: `${V1}/public/training-centres/${(await tcCentreOf(orgs.get('entA')!)).certificateNo.toLowerCase()}`, client: new Client(t.app) }),
    verify: (res) => expect(json<{ organisationName: string; effectiveStatus: string }>(res)).toMatchObject({ organisationName: 'Matrix entA', effectiveStatus: 'active' }),
  },
  // --- centre operations ------------------------------------------------------------------------
  {
    method: 'POST',
    url: `${V1}/training-centres/:id/assessments`,
    allowed: OPS_STAFF,
    scopes: ORG_SCOPES,
    status: 201,
    request: async ({ target }) => ({
      url: `${V1}/training-centres/${(await opsCentreOf(target)).id}/assessments`,
      payload: { name: '矩阵学员', residentId: residentId(next()), occupation: 'welder', level: 4, assessedOn: shanghaiDateOf(t.clock.now()), score: 90, passed: true },
    }),
    verify: async (res, c) => {
      const body = json<{ centreId: string; certificateNo: string }>(res);
      expect(body.centreId).toBe((await opsCentreOf(c.target)).id);
      expect(body.certificateNo).toMatch(/-2026-\d{5}$/);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/:id/assessments`,
    allowed: OPS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centres/${(await opsCentreOf(target)).id}/assessments` }),
    verify: async (res, c) => {
      const centreId = (await opsCentreOf(c.target)).id;
      for (const item of json<Page<{ centreId: string; residentIdMasked: string }>>(res).items) expect(item).toMatchObject({ centreId, residentIdMasked: expect.stringContaining('*') });
    },
  },
  {
    method: 'POST',
    url: `${V1}/training-centres/:id/trainings`,
    allowed: OPS_STAFF,
    scopes: ORG_SCOPES,
    status: 201,
    request: async ({ target }) => {
      const today = shanghaiDateOf(t.clock.now());
      return { url: `${V1}/training-centres/${(await opsCentreOf(target)).id}/trainings`, payload: { occupation: 'welder', level: 4, title: '矩阵培训班', startsOn: today, endsOn: today, traineeCount: 3 } };
    },
    verify: async (res, c) => expect(json<{ centreId: string }>(res).centreId).toBe((await opsCentreOf(c.target)).id),
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/:id/trainings`,
    allowed: OPS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centres/${(await opsCentreOf(target)).id}/trainings?year=2026` }),
    verify: async (res, c) => {
      const centreId = (await opsCentreOf(c.target)).id;
      for (const item of json<Page<{ centreId: string }>>(res).items) expect(item.centreId).toBe(centreId);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/:id/annual-figures`,
    allowed: OPS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centres/${(await opsCentreOf(target)).id}/annual-figures?year=2026` }),
    verify: (res) => expect(json<{ year: number; trainings: number }>(res)).toMatchObject({ year: 2026, trainings: expect.any(Number) }),
  },
  {
    method: 'POST',
    url: `${V1}/training-centres/:id/annual-reviews`,
    allowed: NEED_STAFF,
    scopes: ORG_SCOPES,
    status: 201,
    request: async ({ target }) => {
      // One report per centre and year: clear this year's for the case.
      const centre = await opsCentreOf(target);
      await t.db.delete(centreAnnualReviews).where(and(eq(centreAnnualReviews.centreId, centre.id), eq(centreAnnualReviews.year, 2026)));
      return { url: `${V1}/training-centres/${centre.id}/annual-reviews`, payload: { year: 2026, narrative: '矩阵测试年度报告正文。' } };
    },
    verify: (res, c) => expect(json<{ organisationId: string; status: string }>(res)).toMatchObject({ organisationId: c.target.id, status: 'filed' }),
  },
  {
    method: 'GET',
    url: `${V1}/training-centres/:id/annual-reviews`,
    allowed: OPS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-centres/${(await opsReviewOf(target)).centreId}/annual-reviews` }),
    verify: (res, c) => expect(json<{ organisationId: string; year: number }[]>(res)).toEqual([expect.objectContaining({ organisationId: c.target.id, year: 2026 })]),
  },
  {
    method: 'GET',
    url: `${V1}/annual-reviews`,
    allowed: OPS_DEPARTMENTS,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => ({ url: `${V1}/annual-reviews?pageSize=100${scope === 'none' ? '' : `&centreId=${(await opsReviewOf(target)).centreId}`}` }),
    verify: (res, c) => {
      const items = json<Page<{ organisationId: string; regionId: string }>>(res).items;
      expectTcInReach(c, items);
      if (c.scope !== 'none') expect(items.map((r) => r.organisationId)).toEqual([c.target.id]);
    },
  },
  {
    method: 'GET',
    url: `${V1}/annual-reviews/:id`,
    allowed: OPS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/annual-reviews/${(await opsReviewOf(target)).id}` }),
    verify: (res, c) => expect(json<{ organisationId: string; history: unknown[] }>(res)).toMatchObject({ organisationId: c.target.id, history: expect.any(Array) }),
  },
  {
    method: 'POST',
    url: `${V1}/annual-reviews/:id/decide`,
    allowed: OPS_DEPARTMENTS,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/annual-reviews/${(await opsReviewOf(target)).id}/decide`, payload: { decision: 'pass' } }),
    verify: (res) => expect(json<{ decision: string; centreStatus: string }>(res)).toMatchObject({ decision: 'pass', centreStatus: 'active' }),
  },

  // --- matching ---------------------------------------------------------------------------------
  {
    method: 'POST',
    url: `${V1}/training-needs`,
    allowed: NEED_STAFF,
    scopes: ['none'],
    status: 201,
    request: () => ({ url: `${V1}/training-needs`, payload: { occupation: 'welder', level: 4, headcount: 5, preferredStart: '2026-04-01', preferredEnd: '2026-05-01' } }),
    verify: (res, c) => expect(json<{ organisationId: string; status: string }>(res)).toMatchObject({ organisationId: c.fx.own.id, status: 'open' }),
  },
  {
    method: 'GET',
    url: `${V1}/training-needs`,
    allowed: NEED_READ,
    scopes: ['none'],
    request: async ({ fx }) => {
      await opsNeedOf(fx.own);
      return { url: `${V1}/training-needs?pageSize=100` };
    },
    verify: (res, c) => {
      const items = json<Page<{ organisationId: string; regionId: string }>>(res).items;
      expectTcInReach(c, items);
      expect(items.map((n) => n.organisationId)).toContain(c.fx.own.id);
    },
  },
  {
    method: 'GET',
    url: `${V1}/training-needs/:id`,
    allowed: NEED_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-needs/${(await opsNeedOf(target)).id}` }),
    verify: (res, c) => expect(json<{ organisationId: string; matches: unknown[] }>(res)).toMatchObject({ organisationId: c.target.id, matches: [] }),
  },
  {
    method: 'POST',
    url: `${V1}/training-needs/:id/cancel`,
    allowed: NEED_STAFF,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-needs/${(await opsNeedOf(target)).id}/cancel`, payload: {} }),
    verify: (res) => expect(json<{ status: string }>(res).status).toBe('cancelled'),
  },
  {
    method: 'GET',
    url: `${V1}/training-needs/:id/proposals`,
    allowed: NEED_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      await opsProvider();
      return { url: `${V1}/training-needs/${(await opsNeedOf(target)).id}/proposals` };
    },
    verify: async (res, c) => {
      const ids = json<{ centreId: string; organisationId: string }[]>(res).map((p) => p.organisationId);
      expect(ids).toContain((await opsProvider()).org.id);
      expect(ids).not.toContain(c.target.id);
    },
  },
  {
    method: 'POST',
    url: `${V1}/training-needs/:id/matches`,
    allowed: NEED_STAFF,
    scopes: ORG_SCOPES,
    status: 201,
    request: async ({ target }) => ({ url: `${V1}/training-needs/${(await opsNeedOf(target)).id}/matches`, payload: { centreId: (await opsProvider()).centre.id } }),
    verify: async (res, c) => expect(json<OpsMatch>(res)).toMatchObject({ organisationId: c.target.id, centreOrganisationId: (await opsProvider()).org.id, status: 'requested' }),
  },
  {
    method: 'GET',
    url: `${V1}/training-matches`,
    allowed: MATCH_READ,
    scopes: ['none'],
    request: () => ({ url: `${V1}/training-matches?pageSize=100` }),
    verify: (res, c) => expectMatchesInReach(c, json<Page<OpsMatch>>(res).items),
  },
  {
    method: 'GET',
    url: `${V1}/training-matches/:id`,
    allowed: MATCH_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/training-matches/${(await opsMatchOf(target, (await opsProvider()).org, 'requested')).id}` }),
    verify: (res, c) => expect(json<OpsMatch & { results: { assessed: number } }>(res)).toMatchObject({ organisationId: c.target.id, results: { assessed: 0 } }),
  },
  opsMatchTransition('accept', 'centre', 'requested', 'accepted'),
  opsMatchTransition('decline', 'centre', 'requested', 'declined', { comment: '矩阵测试拒绝' }),
  opsMatchTransition('cancel', 'requester', 'requested', 'cancelled'),
  opsMatchTransition('complete', 'centre', 'accepted', 'completed'),

  // --- apprenticeship subsidies: policies ----------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/subsidy-policies`,
    allowed: SUB_READ,
    scopes: ['none'],
    request: async () => {
      await subPolicyOf('baodi');
      await subPolicyOf('tangshan');
      return { url: `${V1}/subsidy-policies` };
    },
    // Policies are a region's public rules: everyone reads their own region's, a system admin every region's.
    verify: (res, c) => {
      const regions = new Set(json<{ items: { regionId: string }[] }>(res).items.map((p) => p.regionId));
      expect([...regions].sort()).toEqual(c.role === 'system_admin' ? ['baodi', 'tangshan'] : ['baodi']);
    },
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-policies`,
    allowed: SUB_DEPARTMENTS,
    scopes: ['none'],
    status: 201,
    request: () => ({ url: `${V1}/subsidy-policies`, payload: policyBody({ regionId: 'baodi', year: subFreshYear() }) }),
    verify: (res) => expect(json<{ regionId: string; version: number }>(res)).toMatchObject({ regionId: 'baodi', version: 1 }),
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-policies/:id`,
    allowed: SUB_READ,
    scopes: ['own', 'far'],
    labels: { own: ' (own region)', far: ' (other region)' },
    request: async ({ target }) => ({ url: `${V1}/subsidy-policies/${await subPolicyOf(target.regionId)}` }),
    verify: (res, c) => expect(json<{ regionId: string; year: number }>(res)).toMatchObject({ regionId: c.target.regionId, year: 2026 }),
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-policies/:id/revisions`,
    allowed: SUB_DEPARTMENTS,
    scopes: ['own', 'far'],
    status: 201,
    labels: { own: ' (own region)', far: ' (other region)' },
    request: async ({ target }) => {
      const base = await seedPolicy(t, target.regionId, { year: subFreshYear() });
      const { year: _year, ...fields } = policyBody({ minCentralisedHours: 200 });
      return { url: `${V1}/subsidy-policies/${base.id}/revisions`, payload: { ...fields, reason: '矩阵测试修订' } };
    },
    verify: (res, c) => expect(json<{ regionId: string; version: number; minCentralisedHours: number }>(res)).toMatchObject({ regionId: c.target.regionId, version: 2, minCentralisedHours: 200 }),
  },

  // --- apprenticeship subsidies: classes -----------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes`,
    allowed: SUB_CLASS_READ,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/apprenticeship-classes?pageSize=100` };
      await subReadClassOf(target);
      return { url: `${V1}/apprenticeship-classes?pageSize=100&q=${encodeURIComponent(target.name)}` };
    },
    verify: (res, c) => {
      const items = json<Page<SubClass>>(res).items;
      expectTcInReach(c, items);
      // A draft stays the organiser's: a department never lists another organisation's.
      if (c.role === 'department_officer' || c.role === 'department_reviewer') expect(items.filter((i) => i.status === 'draft' && i.organisationId !== c.fx.own.id)).toEqual([]);
      if (c.scope !== 'none') expect(items.map((i) => i.organisationId)).toContain(c.target.id);
    },
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/counts`,
    allowed: SUB_CLASS_READ,
    scopes: ['none'],
    request: () => ({ url: `${V1}/apprenticeship-classes/counts` }),
    verify: async (res, c) => {
      const counts = json<{ total: number; byStatus: Record<string, number> }>(res);
      expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.total);
      expect(counts.total).toBe(json<Page<unknown>>(await c.fx.client.get(`${V1}/apprenticeship-classes?pageSize=1`)).total);
    },
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/roster-template`,
    // A blank template: the policy's roster editors all get it, the HRSS officer included (it reveals nothing).
    allowed: SUB_ORGANISER_ROLES,
    scopes: ['none'],
    request: () => ({ url: `${V1}/apprenticeship-classes/roster-template` }),
    verify: (res) => expect(res.headers['content-type']).toContain('spreadsheetml'),
  },
  {
    method: 'POST',
    url: `${V1}/apprenticeship-classes`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ['none'],
    status: 201,
    except: subNotOrganiser(['none']),
    request: async ({ fx }) => {
      await subPolicyOf(fx.own.regionId);
      return { url: `${V1}/apprenticeship-classes`, payload: classBody({ name: `矩阵学徒班${next()}`, kind: fx.own.type === 'enterprise' ? 'enterprise' : 'grouped' }) };
    },
    verify: (res, c) => expect(json<SubClass>(res)).toMatchObject({ organisationId: c.fx.own.id, status: 'draft' }),
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}` }),
    verify: (res, c) => expect(json<SubClass>(res)).toMatchObject({ organisationId: c.target.id, status: 'registered' }),
  },
  {
    method: 'PATCH',
    url: `${V1}/apprenticeship-classes/:id`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    // Refused before the class is looked up, so another region's class is a 403 too.
    except: subNotOrganiser(ORG_SCOPES),
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subClassOf(target, 'returned')).id}`, payload: { name: `矩阵学徒班改名${next()}` } }),
    verify: (res, c) => expect(json<SubClass>(res)).toMatchObject({ organisationId: c.target.id, name: expect.stringMatching(/^矩阵学徒班改名/) }),
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/history`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/history` }),
    verify: (res) => expect(json<unknown[]>(res)).toEqual([]),
  },
  subClassTransition('file', SUB_ORGANISER_ROLES, 'returned', 'filed', { except: subNotOrganiser(['own', 'sibling']) }),
  subClassTransition('withdraw', SUB_ORGANISER_ROLES, 'filed', 'withdrawn', { except: subNotOrganiser(['own', 'sibling']) }),
  subClassTransition('return', SUB_HRSS, 'filed', 'returned', { except: subNotOwnReview, payload: { comment: '矩阵测试退回' } }),
  subClassTransition('register', SUB_HRSS, 'filed', 'registered', { except: subNotOwnReview }),
  subClassTransition('reject', SUB_HRSS, 'filed', 'rejected', { except: subNotOwnReview, payload: { comment: '矩阵测试不予备案' } }),
  subClassTransition('complete', SUB_ORGANISER_ROLES, 'registered', 'completed', { except: subNotOrganiser(['own', 'sibling']) }),

  // --- apprenticeship subsidies: rosters, sessions, progress ---------------------------------------
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/apprentices`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/apprentices` }),
    verify: async (res, c) => {
      const items = json<{ items: { classId: string; residentIdMasked: string }[] }>(res).items;
      expect(items).toEqual([expect.objectContaining({ classId: (await subReadClassOf(c.target)).id, residentIdMasked: expect.stringContaining('*') })]);
    },
  },
  {
    method: 'POST',
    url: `${V1}/apprenticeship-classes/:id/apprentices`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    status: 201,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const cls = await subClassOf(target, 'returned');
      return { url: `${V1}/apprenticeship-classes/${cls.id}/apprentices`, payload: await subNewcomerOf(cls) };
    },
    verify: (res) => expect(json<{ status: string; residentIdMasked: string }>(res)).toMatchObject({ status: 'active', residentIdMasked: expect.stringContaining('*') }),
  },
  {
    method: 'POST',
    url: `${V1}/apprenticeship-classes/:id/apprentices/import`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const cls = await subClassOf(target, 'returned');
      const newcomer = await subNewcomerOf(cls);
      const uscc = newcomer.employerOrganisationId ? (await subSmallFirm()).uscc : '';
      return { url: `${V1}/apprenticeship-classes/${cls.id}/apprentices/import`, ...multipartFile(await rosterWorkbook([[newcomer.name, newcomer.residentId, uscc]]), 'roster.xlsx') };
    },
    verify: (res) => expect(json<{ added: number }>(res)).toEqual({ added: 1 }),
  },
  {
    method: 'DELETE',
    url: `${V1}/apprentices/:id`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    status: 204,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const [apprentice] = await seedApprentices(t, await subClassOf(target, 'returned'), 1);
      subRemovedApprenticeId = apprentice!.id;
      return { url: `${V1}/apprentices/${apprentice!.id}` };
    },
    verify: async () => expect(await t.db.select().from(apprentices).where(eq(apprentices.id, subRemovedApprenticeId))).toEqual([]),
  },
  {
    method: 'POST',
    url: `${V1}/apprentices/:id/leave`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const [apprentice] = await seedApprentices(t, await subClassOf(target, 'registered'), 1);
      return { url: `${V1}/apprentices/${apprentice!.id}/leave`, payload: { leftOn: subToday(), reason: '矩阵测试离职' } };
    },
    verify: (res) => expect(json<{ status: string; leftOn: string }>(res)).toMatchObject({ status: 'left', leftOn: subToday() }),
  },
  {
    method: 'POST',
    url: `${V1}/apprentices/:id/assessment`,
    allowed: SUB_RECORDERS,
    scopes: ORG_SCOPES,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const [apprentice] = await seedApprentices(t, await subClassOf(target, 'registered'), 1);
      return { url: `${V1}/apprentices/${apprentice!.id}/assessment`, payload: { assessedOn: subToday(), passed: true, levelReached: 3, certificateNo: `MATRIX-CERT-${next()}` } };
    },
    verify: (res) => expect(json<{ status: string; certified: boolean }>(res)).toMatchObject({ status: 'completed', certified: true }),
  },
  {
    method: 'POST',
    url: `${V1}/apprenticeship-classes/:id/sessions`,
    allowed: SUB_RECORDERS,
    scopes: ORG_SCOPES,
    status: 201,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const cls = await subClassOf(target, 'registered');
      const [apprentice] = await seedApprentices(t, cls, 1);
      return {
        url: `${V1}/apprenticeship-classes/${cls.id}/sessions`,
        payload: { date: subToday(), kind: 'centralised', startTime: '08:30', endTime: '12:30', location: '矩阵实训楼 101', topic: '矩阵测试课', videoRecorded: true, attendeeIds: [apprentice!.id] },
      };
    },
    verify: (res) => expect(json<{ minutes: number; attendedCount: number; absentCount: number }>(res)).toMatchObject({ minutes: 240, attendedCount: 1, absentCount: 0 }),
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/sessions`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/sessions` }),
    verify: async (res, c) => expect(json<Page<{ classId: string }>>(res).items).toEqual([expect.objectContaining({ classId: (await subReadClassOf(c.target)).id })]),
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/progress`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/progress` }),
    verify: (res) => expect(json<{ sessions: number; apprentices: unknown[] }>(res)).toMatchObject({ sessions: 1, apprentices: [expect.anything()] }),
  },
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/online-courses`,
    allowed: SUB_CLASS_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/online-courses` }),
    verify: (res) => expect(json<{ items: unknown[] }>(res)).toEqual({ items: [] }),
  },
  {
    method: 'POST',
    url: `${V1}/apprenticeship-classes/:id/online-courses`,
    allowed: SUB_RECORDERS,
    scopes: ORG_SCOPES,
    status: 201,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const { cls, course } = await subClassAndCourseOf(target);
      return { url: `${V1}/apprenticeship-classes/${cls.id}/online-courses`, payload: { courseId: course.id } };
    },
    verify: (res) => expect(json<{ title: string; platformMinutes: number }>(res)).toMatchObject({ title: '矩阵线上课程', platformMinutes: 0 }),
  },
  {
    method: 'DELETE',
    url: `${V1}/apprenticeship-classes/:id/online-courses/:courseId`,
    allowed: SUB_RECORDERS,
    scopes: ORG_SCOPES,
    status: 204,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const { cls, course } = await subClassAndCourseOf(target);
      await t.db.insert(apprenticeshipClassCourses).values({ classId: cls.id, courseId: course.id });
      return { url: `${V1}/apprenticeship-classes/${cls.id}/online-courses/${course.id}` };
    },
  },

  // --- apprenticeship subsidies: claims ------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/apprenticeship-classes/:id/claim-preview`,
    allowed: SUB_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/apprenticeship-classes/${(await subReadClassOf(target)).id}/claim-preview?kind=advance` }),
    verify: (res) => expect(json<{ computation: { headcount: { claimed: number }; amountFen: number } }>(res).computation).toMatchObject({ headcount: { claimed: 1 }, amountFen: expect.any(Number) }),
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-claims`,
    allowed: SUB_READ,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/subsidy-claims?pageSize=100` };
      await subReadClaimOf(target);
      return { url: `${V1}/subsidy-claims?pageSize=100&q=${encodeURIComponent(target.name)}` };
    },
    verify: (res, c) => {
      const items = json<Page<SubClaim>>(res).items;
      expectTcInReach(c, items);
      if (c.scope !== 'none') expect(items.map((i) => i.organisationId)).toContain(c.target.id);
    },
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-claims/counts`,
    allowed: SUB_READ,
    scopes: ['none'],
    request: () => ({ url: `${V1}/subsidy-claims/counts` }),
    verify: async (res, c) => {
      const counts = json<{ total: number; byStatus: Record<string, number> }>(res);
      expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.total);
      expect(counts.total).toBe(json<Page<unknown>>(await c.fx.client.get(`${V1}/subsidy-claims?pageSize=1`)).total);
    },
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-claims`,
    allowed: SUB_ORGANISER_ROLES,
    scopes: ORG_SCOPES,
    status: 201,
    except: subNotOrganiser(['own', 'sibling']),
    request: async ({ target }) => {
      const cls = await subClassOf(target, 'registered');
      await seedApprentices(t, cls, 1);
      return { url: `${V1}/subsidy-claims`, payload: { classId: cls.id, kind: 'advance' } };
    },
    verify: (res, c) => expect(json<SubClaim & { amountFen: number }>(res)).toMatchObject({ organisationId: c.target.id, status: 'submitted', amountFen: 250_000 }),
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-claims/:id`,
    allowed: SUB_READ,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/subsidy-claims/${await subReadClaimOf(target)}` }),
    verify: (res, c) => expect(json<SubClaim>(res)).toMatchObject({ organisationId: c.target.id, status: 'submitted' }),
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-claims/:id/findings/:findingId/resolve`,
    // No own-organisation rule here: the HRSS bureau organises no class, so it never files a claim of its own.
    allowed: SUB_HRSS,
    scopes: ORG_SCOPES,
    request: async ({ target }) => {
      const { claim, findingId } = await subClaimOf(target, 'submitted', { finding: true });
      return { url: `${V1}/subsidy-claims/${claim.id}/findings/${findingId}/resolve`, payload: { resolution: 'accepted', note: '矩阵测试核实无误' } };
    },
    verify: (res) => expect(json<{ findingsOpen: number; findings: { status: string }[] }>(res)).toMatchObject({ findingsOpen: 0, findings: [expect.objectContaining({ status: 'accepted' })] }),
  },
  subClaimTransition('resubmit', SUB_ORGANISER_ROLES, 'returned', 'submitted', { except: subNotOrganiser(['own', 'sibling']) }),
  subClaimTransition('withdraw', SUB_ORGANISER_ROLES, 'submitted', 'withdrawn', { except: subNotOrganiser(['own', 'sibling']) }),
  subClaimTransition('return', SUB_HRSS, 'submitted', 'returned', { except: subNotOwnReview, payload: { comment: '矩阵测试退回' } }),
  subClaimTransition('hrss-approve', SUB_HRSS, 'submitted', 'finance_review', { except: subNotOwnReview }),
  // Finance steps: refused to the HRSS bureau (the success path: claim-review.test.ts).
  subClaimTransition('finance-return', SUB_HRSS, 'finance_review', 'submitted', { except: subFinanceOnly, payload: { comment: '矩阵测试财政退回' } }),
  subClaimTransition('finance-approve', SUB_HRSS, 'finance_review', 'approved', { except: subFinanceOnly }),
  subClaimTransition('reject', SUB_HRSS, 'submitted', 'rejected', { except: subNotOwnReview, payload: { comment: '矩阵测试不予补贴' } }),
  // The organiser confirms receipt, or the HRSS bureau closes it (its officers and reviewers alike).
  subClaimTransition('close', [...SUB_ORGANISERS, ...SUB_HRSS], 'disbursed', 'closed'),
  {
    method: 'POST',
    url: `${V1}/subsidy-notices`,
    // Like the finding's resolution, publishing has no own-organisation rule (the HRSS bureau files no claim). Ten working
    // days: above the installation minimum whichever value the notices/settings case left.
    allowed: SUB_HRSS,
    scopes: ORG_SCOPES,
    status: 201,
    request: async ({ target }) => ({ url: `${V1}/subsidy-notices`, payload: { claimIds: [(await subClaimOf(target, 'approved')).claim.id], workingDays: 10 } }),
    verify: async (res) => {
      const body = json<{ noticeId: string; claims: number }>(res);
      expect(body.claims).toBe(1);
      // The public page masks the apprentice's name.
      const page = await new Client(t.app).get(`${V1}/public/notices/${body.noticeId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(subApprenticeName);
    },
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-claims/:id/disburse`,
    // A finance step: refused to the HRSS bureau (the success path: claim-review.test.ts and ledger.test.ts).
    allowed: SUB_HRSS,
    scopes: ORG_SCOPES,
    except: subFinanceOnly,
    request: async ({ target }) => ({
      url: `${V1}/subsidy-claims/${(await subClaimOf(target, 'in_notice')).claim.id}/disburse`,
      payload: { disbursedOn: subToday(), bankReference: `MATRIX-BANK-${next()}` },
    }),
  },

  // --- apprenticeship subsidies: the ledger and statistics -----------------------------------------
  {
    method: 'GET',
    url: `${V1}/subsidy-ledger`,
    allowed: SUB_READ,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      if (scope === 'none') return { url: `${V1}/subsidy-ledger?pageSize=100` };
      await subLedgerEntryOf(target);
      return { url: `${V1}/subsidy-ledger?pageSize=100&organisationId=${target.id}` };
    },
    verify: (res, c) => {
      const page = json<Page<{ organisationId: string; regionId: string; amountFen: number }> & { totals: { balanceFen: number } }>(res);
      expectTcInReach(c, page.items);
      expect(page.totals.balanceFen).toBe(page.items.reduce((sum, e) => sum + e.amountFen, 0));
      if (c.scope !== 'none') expect(page.items.map((e) => e.organisationId)).toEqual([c.target.id]);
    },
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-ledger/balances`,
    allowed: SUB_READ,
    scopes: ['none'],
    request: async ({ fx }) => {
      await subLedgerEntryOf(fx.own);
      return { url: `${V1}/subsidy-ledger/balances` };
    },
    verify: async (res, c) => {
      const body = json<{ items: { organisationId: string; balanceFen: number }[]; totalFen: number }>(res);
      expect(body.items.map((b) => b.organisationId)).toContain(c.fx.own.id);
      for (const b of body.items) {
        expect(inReach(c.role, c.fx.own, { id: b.organisationId, regionId: await regionOf(b.organisationId) }), `balance of ${b.organisationId} shown to ${c.role}`).toBe(true);
      }
      expect(body.totalFen).toBe(body.items.reduce((sum, b) => sum + b.balanceFen, 0));
    },
  },
  {
    method: 'POST',
    url: `${V1}/subsidy-ledger/entries`,
    // The finance bureau's: refused to the HRSS officer before the class is looked up (success path: ledger.test.ts).
    allowed: ['department_officer'],
    scopes: ORG_SCOPES,
    status: 201,
    except: ORG_SCOPES.map((scope) => ({ role: 'department_officer' as const, scope, status: 403 as const, why: 'only the finance bureau books refunds and corrections' })),
    request: async ({ target }) => ({
      url: `${V1}/subsidy-ledger/entries`,
      payload: { kind: 'refund', classId: (await subReadClassOf(target)).id, amountFen: 10_000, bookedOn: subToday(), note: '矩阵测试退款' },
    }),
  },
  {
    method: 'GET',
    url: `${V1}/subsidy-statistics`,
    allowed: SUB_DEPARTMENTS,
    scopes: ['none'],
    request: async () => {
      await subLedgerEntryOf(orgs.get('entB')!);
      await subLedgerEntryOf(orgs.get('entT')!);
      return { url: `${V1}/subsidy-statistics?dimension=region` };
    },
    // The same entries as the ledger the role reads: a department's region, a system admin's every region.
    verify: async (res, c) => {
      const stats = json<{ rows: { key: string; amountFen: number }[]; totals: { amountFen: number } }>(res);
      const ledger = json<{ totals: { balanceFen: number } }>(await c.fx.client.get(`${V1}/subsidy-ledger?pageSize=1`));
      expect(stats.totals.amountFen).toBe(ledger.totals.balanceFen);
      expect(stats.rows.map((r) => r.key).sort()).toEqual(c.role === 'system_admin' ? ['baodi', 'tangshan'] : ['baodi']);
    },
  },

  // --- learning record store: keys, the statement browser, progress ---------------------------------
  {
    method: 'POST',
    url: `${V1}/lrs/clients`,
    // A system admin lists and revokes any organisation's keys but creates none: keys belong to whoever owns the records.
    allowed: LRS_MANAGERS,
    scopes: ['none'],
    status: 201,
    request: () => ({ url: `${V1}/lrs/clients`, payload: { name: 'Matrix courseware', scopes: ['write'] } }),
    verify: async (res, c) => {
      const body = json<{ client: LrsKey; secret: string }>(res);
      expect(body.client.organisationId).toBe(c.fx.own.id);
      expect(body.secret.length).toBeGreaterThan(20);
      const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lrs_client'), eq(auditLog.entityId, body.client.id)));
      expect(JSON.stringify(entry?.after)).not.toContain(body.secret);
    },
  },
  {
    method: 'GET',
    url: `${V1}/lrs/clients`,
    allowed: LRS_KEY_READERS,
    scopes: LIST_SCOPES,
    outOfReach: 'empty',
    request: async ({ scope, target }) => {
      lrsListedKey = (await lrsKeyOf(target)).id;
      return { url: `${V1}/lrs/clients?pageSize=100${scope === 'none' ? '' : `&organisationId=${target.id}`}` };
    },
    verify: (res, c) => {
      const items = json<Page<LrsKey>>(res).items;
      for (const item of items) {
        expect(c.role === 'system_admin' || item.organisationId === c.fx.own.id, `key of ${item.organisationId} shown to ${c.role}`).toBe(true);
        if (c.scope !== 'none') expect(item.organisationId).toBe(c.target.id);
      }
      expect(items.map((k) => k.id)).toContain(lrsListedKey);
    },
  },
  {
    method: 'POST',
    url: `${V1}/lrs/clients/:id/revoke`,
    allowed: LRS_KEY_READERS,
    scopes: ORG_SCOPES,
    request: async ({ target }) => ({ url: `${V1}/lrs/clients/${(await lrsKeyOf(target)).id}/revoke` }),
    verify: (res, c) => {
      const key = json<LrsKey>(res);
      expect(key.organisationId).toBe(c.target.id);
      expect(key.revokedAt).not.toBeNull();
    },
  },
  {
    method: 'GET',
    url: `${V1}/lrs/statements`,
    allowed: LRS_MANAGERS,
    scopes: ['none'],
    request: async ({ fx }) => {
      await lrsStatementOf(fx.own);
      await lrsStatementOf(fx.sibling);
      return { url: `${V1}/lrs/statements?pageSize=100` };
    },
    verify: (res, c) => {
      const shown = json<Page<{ id: string }>>(res).items.map((s) => s.id);
      expect(shown).toContain(lrsStatements.get(c.fx.own.key));
      expect(shown).not.toContain(lrsStatements.get(c.fx.sibling.key));
    },
  },
  {
    method: 'GET',
    url: `${V1}/lrs/progress`,
    allowed: LRS_MANAGERS,
    scopes: ['none'],
    request: async ({ fx }) => {
      await lrsStatementOf(fx.own);
      await lrsStatementOf(fx.sibling);
      return { url: `${V1}/lrs/progress?pageSize=100` };
    },
    verify: (res, c) => {
      const learners = json<Page<{ personId: string }>>(res).items.map((p) => p.personId);
      expect(learners).toContain(c.fx.own.personId);
      expect(learners).not.toContain(c.fx.sibling.personId);
    },
  },
  {
    method: 'GET',
    url: `${V1}/lrs/my-progress`,
    // Whoever is a person sees their own progress, whatever their role (every matrix account is someone's).
    allowed: ROLES,
    scopes: ['none'],
    request: async ({ fx }) => {
      await lrsLearnerStatementOf(fx);
      await lrsStatementOf(fx.own);
      return { url: `${V1}/lrs/my-progress` };
    },
    verify: (res, c) => expect(json<{ items: { personId: string }[] }>(res).items.map((p) => p.personId)).toEqual([c.fx.personId]),
  },
  // --- the AI coach ---------------------------------------------------------------------------------
  {
    method: 'GET',
    url: `${V1}/coach/me`,
    allowed: COACH_LEARNERS,
    scopes: ['none'],
    request: () => ({ url: `${V1}/coach/me` }),
    // Matrix people have no role profile: an empty coach.
    verify: (res) => expect(json<{ roleProfile: unknown; gaps: unknown[] }>(res)).toMatchObject({ roleProfile: null, gaps: [] }),
  },
  {
    method: 'POST',
    url: `${V1}/coach/me/pushes`,
    allowed: COACH_LEARNERS,
    scopes: ['none'],
    writes: false,
    request: () => ({ url: `${V1}/coach/me/pushes` }),
    verify: (res) => expect(json<{ pushes: unknown[] }>(res).pushes).toEqual([]),
  },
  {
    method: 'GET',
    url: `${V1}/coach/me/mastery`,
    allowed: COACH_LEARNERS,
    scopes: ['none'],
    request: () => ({ url: `${V1}/coach/me/mastery` }),
    verify: (res) => expect(json<{ items: unknown[] }>(res).items).toEqual([]),
  },
  ...(['open', 'dismiss', 'snooze'] as const).map(
    (action): RouteSpec => ({
      method: 'POST',
      url: `${V1}/coach/pushes/:id/${action}`,
      allowed: COACH_LEARNERS,
      scopes: ORG_SCOPES,
      reach: 'self',
      labels: coachPushLabels,
      request: async (c) => ({ url: `${V1}/coach/pushes/${await coachPushFor(c)}/${action}`, payload: action === 'snooze' ? { days: 2 } : undefined }),
      verify: (res) => expect(json<{ status: string }>(res).status).toBe({ open: 'opened', dismiss: 'dismissed', snooze: 'snoozed' }[action]),
    }),
  ),
  {
    method: 'GET',
    url: `${V1}/coach/heatmap`,
    allowed: COACH_MANAGERS,
    scopes: ['none'],
    request: () => ({ url: `${V1}/coach/heatmap` }),
    verify: async (res, c) => {
      const body = json<{ people: { personId: string }[]; cells: { personId: string }[] }>(res);
      await expectPeopleInReach(c, [...body.people, ...body.cells].map((p) => p.personId));
    },
  },
];
// ---------------------------------------------------------------------------------------------
// Expected outcomes.

type Outcome = { kind: 'ok'; status: number } | { kind: 'denied' } | { kind: 'refused'; status: 403 | 404 } | { kind: 'empty' };

function outcomeOf(spec: RouteSpec, role: Role, scope: Scope): Outcome {
  if (spec.allowed !== 'public' && !spec.allowed.includes(role)) return { kind: 'denied' };
  const exception = spec.except?.find((e) => e.role === role && e.scope === scope);
  if (exception) return { kind: 'refused', status: exception.status };
  if (scope !== 'none') {
    const reachable = spec.reach === 'self' ? scope === 'own' : inReach(role, planned(TARGETS[role].own), planned(TARGETS[role][scope]));
    if (!reachable) {
      const out = spec.outOfReach ?? 404;
      return out === 'empty' ? { kind: 'empty' } : { kind: 'refused', status: out };
    }
  }
  return { kind: 'ok', status: spec.status ?? 200 };
}

const DEFAULT_LABELS: Record<Scope, string> = { none: '', own: ' (own org)', sibling: ' (other org, same region)', far: ' (other region)' };
const outcomeLabel = (o: Outcome) =>
  o.kind === 'ok' ? `${o.status}` : o.kind === 'denied' ? '403/404' : o.kind === 'empty' ? '200, nothing listed' : `${o.status}`;
const codeOf = (status: number) => (status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');

async function runCase(spec: RouteSpec, role: Role, scope: Scope) {
  const fx = fixtures.get(role)!;
  const c: Case = { role, fx, scope, target: scope === 'none' ? fx.own : fx[scope] };
  const req = await spec.request(c);
  const outcome = outcomeOf(spec, role, scope);
  const mutating = spec.method !== 'GET';
  const before = mutating ? await snapshot() : undefined;
  const res = await (req.client ?? fx.client).request({
    method: spec.method,
    url: req.url,
    payload: req.payload as InjectOptions['payload'],
    ...(req.headers ? { headers: req.headers } : {}),
  });
  const after = mutating ? await snapshot() : undefined;
  switch (outcome.kind) {
    case 'ok':
      expect(res.statusCode, res.body).toBe(outcome.status);
      if (mutating && (spec.writes ?? true)) expect(after, 'a successful write changes the database').not.toEqual(before);
      if (mutating && spec.writes === false) expect(after).toEqual(before);
      await spec.verify?.(res, c);
      break;
    case 'denied':
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(json<ErrorBody>(res).error.code).toBe(codeOf(res.statusCode));
      if (mutating) expect(after).toEqual(before);
      break;
    case 'refused':
      expect(res.statusCode, res.body).toBe(outcome.status);
      expect(json<ErrorBody>(res).error.code).toBe(codeOf(outcome.status));
      if (mutating) expect(after).toEqual(before);
      break;
    case 'empty': {
      expect(res.statusCode, res.body).toBe(200);
      const page = json<Page<unknown>>(res);
      expect(page.items).toEqual([]);
      expect(page.total).toBe(0);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Setup: one app, the organisations and their records, and one signed-in client per role.

beforeAll(async () => {
  t = await buildTestApp();
  for (const [key, plan] of Object.entries(ORG_PLAN) as [OrgKey, (typeof ORG_PLAN)[OrgKey]][]) {
    const name = `Matrix ${key}`;
    const org = await createOrganisation(t.db, { type: plan.type, regionId: plan.regionId, name });
    const person = await insertPerson(`Person ${key}`);
    await t.db.insert(employments).values({ personId: person.id, organisationId: org.id, position: '技术员', startDate: '2024-01-01' });
    const { user } = await createUser(t.db, org.id, BASE_ROLE[plan.type], `matrix-${key.toLowerCase()}`);
    const [entry] = await t.db
      .insert(auditLog)
      .values({ at: t.clock.now(), organisationId: org.id, regionId: plan.regionId, entityType: 'organisation', entityId: org.id, action: 'matrix_seed' })
      .returning();
    orgs.set(key, {
      key,
      id: org.id,
      type: plan.type,
      regionId: plan.regionId,
      name,
      personId: person.id,
      residentId: person.residentId,
      userId: user.id,
      auditId: String(entry!.id),
    });
  }
  // Home organisations' person and account also belong to their far organisation: lists filtered to it must not betray them.
  const homes = new Map(ROLES.map((role) => [TARGETS[role].own, TARGETS[role].far]));
  for (const [homeKey, farKey] of homes) {
    const home = orgs.get(homeKey)!;
    const far = orgs.get(farKey)!;
    await t.db.insert(employments).values({ personId: home.personId, organisationId: far.id, position: '学徒', startDate: '2020-01-01', endDate: '2023-12-31' });
    await t.db.insert(memberships).values({ userId: home.userId, organisationId: far.id, role: BASE_ROLE[far.type] });
  }
  for (const role of ROLES) {
    const own = orgs.get(TARGETS[role].own)!;
    const { user, membership } = await createUser(t.db, own.id, role, `matrix-${role.replace(/_/g, '-')}`);
    const me = await insertPerson(`Member ${role}`);
    await t.db.insert(employments).values({ personId: me.id, organisationId: own.id, position: '职员', startDate: '2023-06-01' });
    await t.db.update(users).set({ personId: me.id }).where(eq(users.id, user.id));
    const client = await new Client(t.app).login(user.username);
    fixtures.set(role, {
      role,
      client,
      userId: user.id,
      username: user.username,
      password: TEST_PASSWORD,
      membershipId: membership.id,
      personId: me.id,
      own,
      sibling: orgs.get(TARGETS[role].sibling)!,
      far: orgs.get(TARGETS[role].far)!,
    });
  }
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------

describe('the matrix is complete', () => {
  const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;
  const tableKeys = routes.map((r) => key(r.method, r.url)).sort();

  it('covers exactly the roles the system declares', () => {
    expect([...ROLES].sort()).toEqual([...declaredRoles].sort());
  });

  it('has one entry per route', () => {
    expect(new Set(tableKeys).size).toBe(tableKeys.length);
  });

  it('lists every route the app serves under /api/v1, and only those (router tree)', () => {
    // printRoutes draws a tree; each line's path continues its parent's, so rebuild the full paths by depth.
    const served: string[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack.length = depth;
      stack.push(match[2]!);
      const path = stack.join('');
      for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
        if (method !== 'HEAD' && path.startsWith(`${V1}/`) && !learningPlatformPath(path)) served.push(key(method, path));
      }
    }
    expect(served.sort()).toEqual(tableKeys);
    for (const r of routes) expect(t.app.hasRoute({ method: r.method, url: r.url }), key(r.method, r.url)).toBe(true);
  });

  it('lists every route of the OpenAPI document under /api/v1, and only those', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const documented = Object.entries(json<{ paths: Record<string, Record<string, unknown>> }>(res).paths)
      .filter(([path]) => path.startsWith(`${V1}/`) && !learningPlatformPath(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => key(m, path.replace(/\{(\w+)\}/g, ':$1'))));
    expect(documented.sort()).toEqual(tableKeys);
  });

  it('places every role in region baodi and its far organisation in tangshan', () => {
    for (const fx of fixtures.values()) {
      expect([fx.own.regionId, fx.sibling.regionId, fx.far.regionId]).toEqual(['baodi', 'baodi', 'tangshan']);
      expect(fx.sibling.id).not.toBe(fx.own.id);
    }
  });
});

describe('signed out', () => {
  const guarded = routes.filter((r) => r.allowed !== 'public');
  it.each(guarded.map((r) => [`${r.method} ${r.url} → 401 UNAUTHENTICATED`, r] as const))('%s', async (_name, spec) => {
    const fx = fixtures.get('system_admin')!;
    const scope = spec.scopes[0]!;
    const req = await spec.request({ role: 'system_admin', fx, scope, target: scope === 'none' ? fx.own : fx[scope] });
    const before = await snapshot();
    const res = await new Client(t.app).request({
      method: spec.method,
      url: req.url,
      payload: req.payload as InjectOptions['payload'],
      ...(req.headers ? { headers: req.headers } : {}),
    });
    expect(res.statusCode).toBe(401);
    expect(json<ErrorBody>(res).error.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });
});

for (const spec of routes) {
  describe(`${spec.method} ${spec.url}`, () => {
    for (const role of ROLES) {
      for (const scope of spec.scopes) {
        const label = spec.labels?.[scope] ?? DEFAULT_LABELS[scope];
        it(`${role} ${spec.method} ${spec.url}${label} → ${outcomeLabel(outcomeOf(spec, role, scope))}`, () => runCase(spec, role, scope));
      }
    }
  });
}
