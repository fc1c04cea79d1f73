import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import {
  closedClassStatuses,
  maskResidentId,
  rosterEditableStatuses,
  type AddApprenticeRequest,
  type Apprentice,
  type ApprenticeStatus,
  type LeaveClassRequest,
  type RecordApprenticeAssessmentRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, apprentices, employments, organisations, people, sessionAttendance } from '../../db/schema/index.ts';
import { recordAudit, recordAuditMany } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { invalidTransition } from '../../lib/workflow.ts';
import { findClass, todayOf, type ClassRow } from './class-queries.ts';
import { assertOwner, endsOnOf } from './classes.ts';
import { subsidyPolicy } from './policy.ts';
import { assertRecorder, emptyHours, hoursByApprentice } from './progress.ts';
import { classWorkflow } from './workflows.ts';

/*
 * The roster of a class. 人社部发〔2021〕39号: apprentices are the enterprise's newly hired or transferred skilled staff
 * holding a labour contract of at least one year; a person trains in one open class at a time. The same rules
 * serve the single add and the workbook import.
 */

const AP = apprentices;

/** Why a person may not join a roster: the field at fault, a stable code, and how the single add answers it. */
export interface RosterProblem {
  kind: 'invalid' | 'not_eligible' | 'on_roster' | 'open_class';
  field: 'name' | 'residentId' | 'employerOrganisationId';
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface EligibleApprentice {
  personId: string;
  employmentId: string;
  employerOrganisationId: string;
}

/** Serialises roster changes of one person across classes (two organisers adding the same person at once). */
export async function lockPerson(db: Db, personId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${personId}))`);
}

/**
 * Checks one person against a class: registered under that name, employed (open employment) by the employer with a
 * labour contract of at least one year, not on this roster and on no other open class's roster. Takes the person's
 * lock, so call it inside the transaction that inserts.
 */
export async function eligibility(
  db: Db,
  cls: Pick<ClassRow, 'id' | 'organisationId' | 'regionId' | 'kind'>,
  input: AddApprenticeRequest,
): Promise<EligibleApprentice | RosterProblem> {
  let employerOrganisationId = cls.organisationId;
  if (cls.kind === 'grouped') {
    if (!input.employerOrganisationId) {
      return { kind: 'invalid', field: 'employerOrganisationId', code: 'REQUIRED', message: 'a grouped class names the small firm that employs the apprentice' };
    }
    const [employer] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.employerOrganisationId), eq(organisations.type, 'enterprise'), eq(organisations.regionId, cls.regionId)));
    if (!employer) return { kind: 'invalid', field: 'employerOrganisationId', code: 'UNKNOWN_EMPLOYER', message: 'no enterprise of the class’s region' };
    employerOrganisationId = employer.id;
  } else if (input.employerOrganisationId && input.employerOrganisationId !== cls.organisationId) {
    return { kind: 'invalid', field: 'employerOrganisationId', code: 'NOT_ALLOWED', message: 'an enterprise class trains the enterprise’s own employees' };
  }
  const [person] = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.residentId, input.residentId));
  if (!person) return { kind: 'not_eligible', field: 'residentId', code: 'UNKNOWN_PERSON', message: 'no registered person has this resident ID; add the employee first' };
  if (person.name.trim() !== input.name.trim()) {
    return { kind: 'not_eligible', field: 'name', code: 'NAME_MISMATCH', message: 'the name differs from the registry for this resident ID' };
  }
  const [employment] = await db
    .select()
    .from(employments)
    .where(and(eq(employments.personId, person.id), eq(employments.organisationId, employerOrganisationId), sql`${employments.endDate} is null`));
  if (!employment) return { kind: 'not_eligible', field: 'residentId', code: 'NOT_EMPLOYED', message: 'not an employee of the employer (no open employment)' };
  if (!employment.contractStart || (employment.contractEnd !== null && employment.contractEnd < endsOnOf(employment.contractStart, 1))) {
    return {
      kind: 'not_eligible',
      field: 'residentId',
      code: 'CONTRACT_TOO_SHORT',
      message: 'an apprentice holds a labour contract of at least one year (人社部发〔2021〕39号)',
      details: { contractStart: employment.contractStart, contractEnd: employment.contractEnd },
    };
  }
  await lockPerson(db, person.id);
  const [onRoster] = await db.select({ id: AP.id }).from(AP).where(and(eq(AP.classId, cls.id), eq(AP.personId, person.id)));
  if (onRoster) return { kind: 'on_roster', field: 'residentId', code: 'ALREADY_ON_ROSTER', message: 'already on this class’s roster', details: { apprenticeId: onRoster.id } };
  const [open] = await db
    .select({ classId: apprenticeshipClasses.id, className: apprenticeshipClasses.name })
    .from(AP)
    .innerJoin(apprenticeshipClasses, eq(apprenticeshipClasses.id, AP.classId))
    .where(and(eq(AP.personId, person.id), ne(AP.status, 'left'), ne(AP.classId, cls.id), notInArray(apprenticeshipClasses.status, [...closedClassStatuses])));
  if (open) {
    return { kind: 'open_class', field: 'residentId', code: 'ALREADY_IN_OPEN_CLASS', message: `already an apprentice of the open class ${open.className}`, details: open };
  }
  return { personId: person.id, employmentId: employment.id, employerOrganisationId };
}

export const isProblem = (result: EligibleApprentice | RosterProblem): result is RosterProblem => 'kind' in result;

/** The single add's answer to a problem: 400, 422 APPRENTICE_NOT_ELIGIBLE, 409 CONFLICT or 409 ALREADY_IN_OPEN_CLASS. */
function problemError(problem: RosterProblem): AppError {
  const issues = [{ path: `body.${problem.field}`, code: problem.code, message: problem.message }];
  if (problem.kind === 'invalid') return invalid(issues);
  if (problem.kind === 'not_eligible') return new AppError('APPRENTICE_NOT_ELIGIBLE', problem.message, { reason: problem.code, issues, ...problem.details });
  if (problem.kind === 'on_roster') return new AppError('CONFLICT', problem.message, { issues, ...problem.details });
  return new AppError('ALREADY_IN_OPEN_CLASS', problem.message, { issues, ...problem.details });
}

/** The roster may change only while the class is prepared (draft or returned): 409 INVALID_TRANSITION otherwise. */
export function assertRosterEditable(row: ClassRow, operation: string) {
  if (!(rosterEditableStatuses as readonly string[]).includes(row.status)) throw invalidTransition(classWorkflow.process, operation, row.status, []);
}

/** The organiser's own class within reach whose roster may change, locked for the change. */
export async function lockedRosterClass(tx: Ctx, classId: string, operation: string): Promise<ClassRow> {
  const row = await findClass(tx.db, tx.actor, classId, true);
  if (!row) throw notFound('apprenticeship class');
  assertOwner(tx.actor, row);
  assertRosterEditable(row, operation);
  return row;
}

/** Inserts eligible people on a roster (joining on the class's first day, or today if later), each audited. */
export async function insertApprentices(tx: Ctx, cls: ClassRow, rows: readonly EligibleApprentice[], via: 'form' | 'import') {
  if (!rows.length) return [];
  const today = todayOf(tx);
  const joinedOn = today > cls.startsOn ? today : cls.startsOn;
  const inserted = await tx.db
    .insert(AP)
    .values(rows.map((r) => ({ classId: cls.id, personId: r.personId, employerOrganisationId: r.employerOrganisationId, employmentId: r.employmentId, joinedOn, status: 'active', createdAt: tx.clock.now() })))
    .returning({ id: AP.id, personId: AP.personId, employerOrganisationId: AP.employerOrganisationId });
  await recordAuditMany(
    tx,
    inserted.map((a) => ({
      entityType: classWorkflow.process,
      entityId: cls.id,
      action: 'add_apprentice',
      organisationId: cls.organisationId,
      regionId: cls.regionId,
      after: { apprenticeId: a.id, personId: a.personId, employerOrganisationId: a.employerOrganisationId, joinedOn, via },
    })),
  );
  return inserted;
}

function selectApprentices(db: Db) {
  return db
    .select({
      apprentice: AP,
      personName: people.name,
      residentId: people.residentId,
      employerName: organisations.name,
      position: employments.position,
      contractStart: employments.contractStart,
      contractEnd: employments.contractEnd,
      employmentEnd: employments.endDate,
      targetLevel: apprenticeshipClasses.targetLevel,
    })
    .from(AP)
    .innerJoin(people, eq(people.id, AP.personId))
    .innerJoin(organisations, eq(organisations.id, AP.employerOrganisationId))
    .innerJoin(employments, eq(employments.id, AP.employmentId))
    .innerJoin(apprenticeshipClasses, eq(apprenticeshipClasses.id, AP.classId));
}
type ApprenticeSelection = Awaited<ReturnType<typeof selectApprentices>>[number];

/** Reached the target level or higher (a lower number) with a certificate number: the full rate of the settlement. */
export const isCertified = (a: { status: string; assessmentPassed: boolean | null; levelReached: number | null; certificateNo: string | null }, targetLevel: number) =>
  a.status === 'completed' && a.assessmentPassed === true && a.levelReached !== null && a.levelReached <= targetLevel && a.certificateNo !== null;

function toApprentice(row: ApprenticeSelection, hours: Apprentice['hours'], today: string): Apprentice {
  const a = row.apprentice;
  return {
    id: a.id,
    classId: a.classId,
    personId: a.personId,
    personName: row.personName,
    // Officers see the masked number too: revealing it is the people module's audited action.
    residentIdMasked: maskResidentId(row.residentId),
    employerOrganisationId: a.employerOrganisationId,
    employerName: row.employerName,
    position: row.position,
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
    employed: row.employmentEnd === null || row.employmentEnd > today,
    joinedOn: a.joinedOn,
    status: a.status as ApprenticeStatus,
    leftOn: a.leftOn,
    leftReason: a.leftReason,
    hours,
    assessment:
      a.assessedOn !== null && a.assessmentPassed !== null
        ? { assessedOn: a.assessedOn, passed: a.assessmentPassed, levelReached: a.levelReached, certificateNo: a.certificateNo }
        : null,
    certified: isCertified(a, row.targetLevel),
  };
}

async function readApprentice(ctx: Ctx, id: string): Promise<Apprentice> {
  const [row] = await selectApprentices(ctx.db).where(eq(AP.id, id));
  if (!row) throw notFound('apprentice');
  const hours = await hoursByApprentice(ctx.db, row.apprentice.classId);
  return toApprentice(row, hours.get(id) ?? emptyHours(), todayOf(ctx));
}

/** The roster of a class within reach, with each apprentice's hours and assessment. */
export async function listApprentices(ctx: Ctx, classId: string): Promise<Apprentice[]> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  if (!(await findClass(ctx.db, ctx.actor, classId))) throw notFound('apprenticeship class');
  const rows = await selectApprentices(ctx.db).where(eq(AP.classId, classId)).orderBy(asc(AP.joinedOn), asc(AP.createdAt), asc(AP.id));
  const hours = await hoursByApprentice(ctx.db, classId);
  const today = todayOf(ctx);
  return rows.map((row) => toApprentice(row, hours.get(row.apprentice.id) ?? emptyHours(), today));
}

/** Puts one employee on the roster of a class being prepared, after the eligibility rules. */
export async function addApprentice(ctx: Ctx, classId: string, input: AddApprenticeRequest): Promise<Apprentice> {
  authorize(ctx.actor, subsidyPolicy, 'editRoster');
  return inTransaction(ctx, async (tx) => {
    const cls = await lockedRosterClass(tx, classId, 'add_apprentice');
    const result = await eligibility(tx.db, cls, input);
    if (isProblem(result)) throw problemError(result);
    const [row] = await insertApprentices(tx, cls, [result], 'form');
    return readApprentice(tx, row!.id);
  });
}

/** An apprentice and its class, both within the actor's reach (the class locked); 404 otherwise. */
async function lockedApprentice(tx: Ctx, id: string) {
  const [found] = await tx.db.select({ classId: AP.classId }).from(AP).where(eq(AP.id, id));
  const cls = found ? await findClass(tx.db, tx.actor, found.classId, true) : null;
  if (!cls) throw notFound('apprentice');
  const [row] = await tx.db.select().from(AP).where(eq(AP.id, id)).for('update');
  if (!row) throw notFound('apprentice');
  return { cls, apprentice: row };
}

/** Takes someone off the roster of a class being prepared (with any attendance rows), audited. */
export async function removeApprentice(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, subsidyPolicy, 'editRoster');
  await inTransaction(ctx, async (tx) => {
    const { cls, apprentice } = await lockedApprentice(tx, id);
    assertOwner(tx.actor, cls);
    assertRosterEditable(cls, 'remove_apprentice');
    await tx.db.delete(sessionAttendance).where(eq(sessionAttendance.apprenticeId, id));
    await tx.db.delete(AP).where(eq(AP.id, id));
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: cls.id,
      action: 'remove_apprentice',
      organisationId: cls.organisationId,
      regionId: cls.regionId,
      before: { apprenticeId: id, personId: apprentice.personId, employerOrganisationId: apprentice.employerOrganisationId, status: apprentice.status },
    });
  });
}

const apprenticeStateError = (operation: string, status: string, allowed: readonly string[]) => invalidTransition('apprentice', operation, status, allowed);

/** Records that an apprentice in training left a registered class (from then on absent from no session, owed no settlement). */
export async function leaveClass(ctx: Ctx, id: string, input: LeaveClassRequest): Promise<Apprentice> {
  authorize(ctx.actor, subsidyPolicy, 'editRoster');
  return inTransaction(ctx, async (tx) => {
    const { cls, apprentice } = await lockedApprentice(tx, id);
    assertOwner(tx.actor, cls);
    if (cls.status !== 'registered') throw invalidTransition(classWorkflow.process, 'leave', cls.status, []);
    if (apprentice.status !== 'active') throw apprenticeStateError('leave', apprentice.status, []);
    const today = todayOf(tx);
    if (input.leftOn < apprentice.joinedOn) throw invalid([{ path: 'body.leftOn', code: 'OUT_OF_RANGE', message: `not before joining on ${apprentice.joinedOn}` }]);
    if (input.leftOn > today) throw invalid([{ path: 'body.leftOn', code: 'IN_FUTURE', message: 'record the leaving once it has happened' }]);
    await tx.db.update(AP).set({ status: 'left', leftOn: input.leftOn, leftReason: input.reason }).where(and(eq(AP.id, id), eq(AP.status, 'active')));
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: cls.id,
      action: 'apprentice_leave',
      organisationId: cls.organisationId,
      regionId: cls.regionId,
      before: { apprenticeId: id, status: 'active' },
      after: { apprenticeId: id, status: 'left', leftOn: input.leftOn, reason: input.reason },
    });
    return readApprentice(tx, id);
  });
}

/**
 * Records (or corrects) an apprentice's skill-level assessment in a registered class: the apprentice becomes
 * completed. A certificate number belongs to one apprentice only.
 */
export async function recordAssessment(ctx: Ctx, id: string, input: RecordApprenticeAssessmentRequest): Promise<Apprentice> {
  authorize(ctx.actor, subsidyPolicy, 'recordProgress');
  return inTransaction(ctx, async (tx) => {
    const { cls, apprentice } = await lockedApprentice(tx, id);
    assertRecorder(tx.actor, cls);
    if (cls.status !== 'registered') throw invalidTransition(classWorkflow.process, 'record_assessment', cls.status, []);
    if (apprentice.status === 'left') throw apprenticeStateError('record_assessment', apprentice.status, []);
    const today = todayOf(tx);
    if (input.assessedOn < cls.startsOn) throw invalid([{ path: 'body.assessedOn', code: 'OUT_OF_RANGE', message: `not before the class started on ${cls.startsOn}` }]);
    if (input.assessedOn > today) throw invalid([{ path: 'body.assessedOn', code: 'IN_FUTURE', message: 'record the assessment once it has taken place' }]);
    const passed = input.passed;
    const levelReached = passed ? (input.levelReached ?? null) : null;
    const certificateNo = passed ? (input.certificateNo ?? null) : null;
    if (certificateNo) {
      await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`apprentice_certificate:${certificateNo}`}))`);
      const [holder] = await tx.db.select({ id: AP.id }).from(AP).where(and(eq(AP.certificateNo, certificateNo), ne(AP.id, id)));
      if (holder) {
        throw new AppError('CONFLICT', 'another apprentice holds this certificate number', {
          issues: [{ path: 'body.certificateNo', code: 'DUPLICATE', message: 'the certificate number is recorded for another apprentice' }],
        });
      }
    }
    const before = { status: apprentice.status, assessedOn: apprentice.assessedOn, passed: apprentice.assessmentPassed, levelReached: apprentice.levelReached, certificateNo: apprentice.certificateNo };
    await tx.db
      .update(AP)
      .set({ status: 'completed', assessedOn: input.assessedOn, assessmentPassed: passed, levelReached, certificateNo })
      .where(and(eq(AP.id, id), inArray(AP.status, ['active', 'completed'])));
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: cls.id,
      action: apprentice.status === 'completed' ? 'reassess_apprentice' : 'assess_apprentice',
      organisationId: cls.organisationId,
      regionId: cls.regionId,
      before: { apprenticeId: id, ...before },
      after: { apprenticeId: id, status: 'completed', assessedOn: input.assessedOn, passed, levelReached, certificateNo },
    });
    return readApprentice(tx, id);
  });
}

