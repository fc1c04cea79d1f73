import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { apprenticeshipClasses } from '../../db/schema/index.ts';
import { addCalendarDays } from '../../lib/working-days.ts';
import type { Client, TestApp } from '../../test/app.ts';
import { department, enterprise, member } from '../training-centres/test-support.ts';
import { seedSession } from './test-support.ts';

/** The claim tests' cast: the HRSS and finance bureaus of Baodi, two enterprises, and their signed-in users. */

export const CLAIMS = '/api/v1/subsidy-claims';
export const CLASSES = '/api/v1/apprenticeship-classes';

export interface Claim {
  id: string;
  referenceNo: string;
  classId: string;
  organisationId: string;
  kind: 'advance' | 'settlement';
  status: string;
  round: number;
  amountFen: number;
  computation: {
    policy: { id: string; version: number };
    rateFen: number;
    headcount: { roster: number; claimed: number; certified: number; completedWithoutCertificate: number; nonCompleters: number; excluded: number };
    excludedApprenticeIds: string[];
    perPersonAdvanceFen: number;
    advancePaidFen: number;
    lines: { key: string; amountFen: number; formula: string }[];
    amountFen: number;
  };
  findingsOpen: number;
  findingsTotal: number;
  noticeId: string | null;
  noticeEndsOn: string | null;
  disbursedOn: string | null;
  bankReference: string | null;
  dueOn: string | null;
  overdue: boolean;
  availableTransitions: string[];
  findings: Finding[];
  history: { transition: string; fromState: string; toState: string; comment: string | null }[];
}
export interface Finding {
  id: string;
  code: string;
  apprenticeId: string | null;
  personName: string | null;
  residentIdMasked: string | null;
  detail: Record<string, unknown>;
  message: { 'zh-CN': string; 'en-US': string };
  round: number;
  status: string;
  resolutionNote: string | null;
}
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> & { issues?: { path: string; code: string }[] } };
}

export async function expectStatus<T>(response: Promise<LightMyRequestResponse>, status: number): Promise<T> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

/** Expects an error response with a status and a code; returns the error. */
export async function expectError(response: Promise<LightMyRequestResponse>, status: number, code: string) {
  const res = await response;
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body.error.code).toBe(code);
  return body.error;
}

export interface Cast {
  hrssId: string;
  financeId: string;
  enterpriseId: string;
  otherEnterpriseId: string;
  officer: Client;
  reviewer: Client;
  finance: Client;
  owner: Client;
  otherOwner: Client;
  instructor: Client;
}

/** Creates the organisations once; `signIn` (again after the clock moved) gives fresh sessions. */
export async function castOf(t: TestApp) {
  const hrss = await department(t, 'baodi');
  const finance = await department(t, 'baodi', 'finance');
  const ent = await enterprise(t, 'baodi', '天津宝坻华信焊接装备有限公司');
  const other = await enterprise(t, 'baodi', '天津宝坻精工机械有限公司');
  const cast = { hrssId: hrss.id, financeId: finance.id, enterpriseId: ent.id, otherEnterpriseId: other.id } as Cast;
  const signIn = async () => {
    cast.officer = await member(t, hrss.id, 'department_officer');
    cast.reviewer = await member(t, hrss.id, 'department_reviewer');
    cast.finance = await member(t, finance.id, 'department_officer');
    cast.owner = await member(t, ent.id, 'enterprise_admin');
    cast.otherOwner = await member(t, other.id, 'enterprise_admin');
    cast.instructor = await member(t, ent.id, 'instructor');
  };
  await signIn();
  return { cast, signIn };
}

/** Sets the clock to 09:00 Beijing time of a date. */
export const setDay = (t: TestApp, date: string) => t.clock.set(new Date(`${date}T09:00:00+08:00`));
export const dayAfter = (date: string) => addCalendarDays(date, 1);

/** Marks a class completed, straight in the database (the class workflow is another module's). */
export async function completeClass(t: TestApp, classId: string) {
  await t.db.update(apprenticeshipClasses).set({ status: 'completed' }).where(and(eq(apprenticeshipClasses.id, classId)));
}

/** Sixteen 10-hour centralised, video-recorded days: 160 hours, what the test policy asks, attended by everyone given. */
export async function fullHours(t: TestApp, classId: string, attendees: { id: string; personId: string }[], from = '2026-04-01') {
  for (let i = 0; i < 16; i++) {
    await seedSession(
      t,
      classId,
      attendees.map((a) => ({ apprenticeId: a.id, personId: a.personId, present: true })),
      { date: addCalendarDays(from, i), startTime: '08:00', endTime: '18:00', kind: 'centralised', videoRecorded: true },
    );
  }
}
