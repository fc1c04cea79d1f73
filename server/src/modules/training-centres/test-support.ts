import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DepartmentKind, Role } from '@fulcrum/shared';
import { attachments, auditLog, memberships, organisations, workflowEvents } from '../../db/schema/index.ts';
import { syntheticUscc } from '../../lib/synthetic-ids.ts';
import { Client, createOrganisation, createUser, type TestApp } from '../../test/app.ts';

/** Builders for the training-centre tests: departments and enterprises, their users, attachments and applications. */

export async function department(t: TestApp, regionId: string, kind: DepartmentKind = 'hrss') {
  const org = await createOrganisation(t.db, { type: 'government_department', regionId });
  if (kind !== 'hrss') await t.db.update(organisations).set({ departmentKind: kind }).where(eq(organisations.id, org.id));
  return org;
}

let serial = 0;
export async function enterprise(t: TestApp, regionId = 'baodi', name?: string) {
  serial++;
  return createOrganisation(t.db, { type: 'enterprise', regionId, name: name ?? `测试企业${serial}有限公司`, uscc: syntheticUscc(90_000 + serial) });
}

/** A signed-in client and its user id. */
export async function member(t: TestApp, organisationId: string, role: Role) {
  const { user } = await createUser(t.db, organisationId, role);
  const client = await new Client(t.app).login(user.username);
  return Object.assign(client, { userId: user.id });
}

/** An uploaded file of an organisation, straight in the database. */
export async function attachment(t: TestApp, organisationId: string, regionId = 'baodi') {
  serial++;
  const [row] = await t.db
    .insert(attachments)
    .values({ organisationId, regionId, sha256: createHash('sha256').update(String(serial)).digest('hex'), size: 1024, mime: 'application/pdf', filename: `材料${serial}.pdf` })
    .returning();
  return row!.id;
}

export const applicationBody = (attachmentIds: string[] = []) => ({
  scope: [
    { occupation: 'welder', levels: [4, 3] },
    { occupation: 'pv_installer', levels: [5] },
  ],
  facilities: '焊接实训车间 600 平方米，工位 24 个',
  instructors: [{ name: '张三', occupation: 'welder', level: 2, certificateNo: 'S0001' }],
  annualPlan: '每年开展焊工、光伏运维培训 12 期',
  annualCapacity: 800,
  pastTraining: [
    { year: 2025, trainings: 10, personTimes: 300 },
    { year: 2024, trainings: 8, personTimes: 240 },
  ],
  attachmentIds,
});

export interface Application {
  id: string;
  organisationId: string;
  status: string;
  availableTransitions: string[];
  dueOn: string | null;
  overdue: boolean;
  onsiteCheck: { date: string; findings: string; passed: boolean } | null;
  batchId: string | null;
  batchName: string | null;
  submittedAt: string | null;
  annualCapacity: number;
}
export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { path: string; code: string }[]; currentState?: string } };
}
export const issuePaths = (body: ErrorBody) => (body.error.details?.issues ?? []).map((i) => i.path);

/** Posts and expects a status, returning the body. */
export async function expectStatus<T>(response: Promise<import('fastify').LightMyRequestResponse>, status: number): Promise<T> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

/** The history rows and audit entries of one record. */
export async function trailOf(t: TestApp, process: string, id: string) {
  const events = await t.db.select().from(workflowEvents).where(and(eq(workflowEvents.process, process), eq(workflowEvents.entityId, id))).orderBy(workflowEvents.id);
  const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, process), eq(auditLog.entityId, id))).orderBy(auditLog.id);
  return { events, audit };
}

/** A user holding two roles in one organisation, signed in through the first. */
export async function twoHats(t: TestApp, organisationId: string, first: Role, second: Role) {
  const { user } = await createUser(t.db, organisationId, first);
  // Sign-in takes the oldest membership: made in the same millisecond as the first, the second could tie with it.
  const [other] = await t.db.insert(memberships).values({ userId: user.id, organisationId, role: second, createdAt: new Date(Date.now() + 1000) }).returning();
  const client = await new Client(t.app).login(user.username);
  return Object.assign(client, { userId: user.id, secondMembershipId: other!.id });
}
