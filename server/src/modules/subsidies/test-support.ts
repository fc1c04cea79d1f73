import type { ClassStatus, CreateSubsidyPolicyRequest } from '@fulcrum/shared';
import { apprenticeshipClasses, apprentices, classSessions, employments, people, sessionAttendance, subsidyPolicies } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import type { TestApp } from '../../test/app.ts';

/*
 * Builders for the subsidy tests, straight in the database: a policy version, a class in any state, employees with
 * labour contracts put on its roster, sessions with attendance. Tests of a workflow step build the state before it
 * this way and then take the step over HTTP.
 */

const yuan = (n: number) => n * 100;

/** Tianjin-like values: 高级 5,000 yuan a person-year, 50 % of one year's amount in advance, 160 centralised hours. */
export const policyBody = (overrides: Partial<CreateSubsidyPolicyRequest> = {}): CreateSubsidyPolicyRequest => ({
  year: 2026,
  effectiveFrom: '2026-01-01',
  ratesFen: { '4': yuan(4_000), '3': yuan(5_000), '2': yuan(6_000), '1': yuan(7_000) },
  rateWithoutCertificateFen: yuan(3_000),
  advanceRatioBp: 5_000,
  advanceBasis: 'one_year',
  minCentralisedHours: 160,
  onlineShareCapBp: 5_000,
  videoShareMinBp: 2_500,
  minYears: 1,
  maxYears: 2,
  maxYearsWithReason: 3,
  noticeWorkingDays: 5,
  isDemo: false,
  note: '测试政策',
  ...overrides,
});

/** A policy version row (version 1 unless given). */
export async function seedPolicy(t: TestApp, regionId = 'baodi', overrides: Partial<CreateSubsidyPolicyRequest> & { version?: number } = {}) {
  const body = policyBody(overrides);
  const [row] = await t.db
    .insert(subsidyPolicies)
    .values({
      regionId,
      year: body.year,
      version: overrides.version ?? 1,
      effectiveFrom: body.effectiveFrom,
      ratesFen: body.ratesFen,
      rateWithoutCertificateFen: body.rateWithoutCertificateFen,
      advanceRatioBp: body.advanceRatioBp,
      advanceBasis: body.advanceBasis,
      minCentralisedHours: body.minCentralisedHours,
      onlineShareCapBp: body.onlineShareCapBp,
      videoShareMinBp: body.videoShareMinBp,
      minYears: body.minYears,
      maxYears: body.maxYears,
      maxYearsWithReason: body.maxYearsWithReason,
      noticeWorkingDays: body.noticeWorkingDays,
      isDemo: body.isDemo ?? false,
      note: body.note ?? '',
    })
    .returning();
  return row!;
}

export const classBody = (overrides: Record<string, unknown> = {}) => ({
  name: '焊工高级工新型学徒制培训班',
  institutionKind: 'institution',
  institutionName: '天津宝坻职业技术学院',
  occupation: 'welder',
  targetLevel: 3,
  startsOn: '2026-03-01',
  durationYears: 2,
  enterpriseTutor: { name: '王师傅', title: '高级技师' },
  institutionTutor: { name: '李老师', title: '讲师' },
  trainingPlan: '理论 200 学时、实操 400 学时，岗位实训贯穿全程。',
  ...overrides,
});

/** A class of an organisation in the given state (registered classes get a registration number). */
export async function seedClass(
  t: TestApp,
  organisationId: string,
  options: { status?: ClassStatus; regionId?: string; targetLevel?: number; durationYears?: number; startsOn?: string; occupation?: string; kind?: 'enterprise' | 'grouped' } = {},
) {
  const startsOn = options.startsOn ?? '2026-03-01';
  const years = options.durationYears ?? 2;
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const endsOn = new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
  const status = options.status ?? 'registered';
  seedSerial++;
  const [row] = await t.db
    .insert(apprenticeshipClasses)
    .values({
      organisationId,
      regionId: options.regionId ?? 'baodi',
      kind: options.kind ?? 'enterprise',
      registrationNo: ['registered', 'completed'].includes(status) ? `XT120115-${y}-T${String(seedSerial).padStart(4, '0')}` : null,
      name: `测试学徒班${seedSerial}`,
      institutionKind: 'institution',
      institutionName: '天津宝坻职业技术学院',
      occupation: options.occupation ?? 'welder',
      targetLevel: options.targetLevel ?? 3,
      startsOn,
      endsOn,
      durationYears: years,
      enterpriseTutor: { name: '王师傅', title: '高级技师' },
      institutionTutor: { name: '李老师', title: '讲师' },
      trainingPlan: '培训计划',
      status,
      registeredOn: ['registered', 'completed'].includes(status) ? startsOn : null,
    })
    .returning();
  return row!;
}

let seedSerial = 0;
let personSerial = 0;

/** A person employed at an organisation with a labour contract (3 years from 2025-01-01 unless given). */
export async function seedEmployee(
  t: TestApp,
  organisationId: string,
  options: { name?: string; contractStart?: string | null; contractEnd?: string | null; endDate?: string | null } = {},
) {
  personSerial++;
  const [person] = await t.db
    .insert(people)
    .values({ name: options.name ?? `学徒${personSerial}`, residentId: syntheticResidentId(personSerial % 1000, `${1995 + Math.floor(personSerial / 1000)}0615`, '120224') })
    .returning();
  const [employment] = await t.db
    .insert(employments)
    .values({
      personId: person!.id,
      organisationId,
      position: '焊工',
      startDate: '2025-01-01',
      endDate: options.endDate ?? null,
      contractStart: options.contractStart === undefined ? '2025-01-01' : options.contractStart,
      contractEnd: options.contractEnd === undefined ? '2027-12-31' : options.contractEnd,
    })
    .returning();
  return { person: person!, employment: employment! };
}

/** n employees of the class's organisation put on its roster (status active unless given). */
export async function seedApprentices(t: TestApp, cls: { id: string; organisationId: string }, n: number, status: 'active' | 'completed' | 'left' = 'active') {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const { person, employment } = await seedEmployee(t, cls.organisationId);
    const [row] = await t.db
      .insert(apprentices)
      .values({ classId: cls.id, personId: person.id, employerOrganisationId: cls.organisationId, employmentId: employment.id, joinedOn: '2026-03-01', status })
      .returning();
    rows.push({ ...row!, person });
  }
  return rows;
}

/** Marks apprentices assessed: passed at a level with a certificate number, or failed. */
export async function seedAssessment(t: TestApp, apprenticeId: string, outcome: { passed: boolean; level?: number; certificateNo?: string; assessedOn?: string }) {
  const { eq } = await import('drizzle-orm');
  await t.db
    .update(apprentices)
    .set({
      status: 'completed',
      assessedOn: outcome.assessedOn ?? '2027-12-20',
      assessmentPassed: outcome.passed,
      levelReached: outcome.passed ? (outcome.level ?? 3) : null,
      certificateNo: outcome.passed ? (outcome.certificateNo ?? `S${apprenticeId.slice(0, 12)}`) : null,
    })
    .where(eq(apprentices.id, apprenticeId));
}

/** A session of a class with the given apprentices present (others of the list absent). */
export async function seedSession(
  t: TestApp,
  classId: string,
  attendance: { apprenticeId: string; personId: string; present: boolean }[],
  options: { date?: string; kind?: 'centralised' | 'online' | 'on_the_job'; startTime?: string; endTime?: string; location?: string; videoRecorded?: boolean } = {},
) {
  const startTime = options.startTime ?? '08:30';
  const endTime = options.endTime ?? '12:30';
  const minutes = (Number(endTime.slice(0, 2)) * 60 + Number(endTime.slice(3))) - (Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3)));
  const [session] = await t.db
    .insert(classSessions)
    .values({
      classId,
      date: options.date ?? '2026-04-01',
      kind: options.kind ?? 'centralised',
      startTime,
      endTime,
      minutes,
      location: options.location ?? '实训楼 201',
      topic: '焊接工艺',
      videoRecorded: options.videoRecorded ?? true,
    })
    .returning();
  if (attendance.length) await t.db.insert(sessionAttendance).values(attendance.map((a) => ({ sessionId: session!.id, ...a })));
  return session!;
}
