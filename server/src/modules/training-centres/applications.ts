import { and, eq, inArray, notInArray } from 'drizzle-orm';
import {
  closedApplicationStatuses,
  effectiveCentreStatus,
  PAST_TRAINING_YEARS,
  type ApplicationStatus,
  type CentreStatus,
  type CreateTrainingCentreApplicationRequest,
  type ErrorIssue,
  type OnsiteCheckRequest,
  type PastTrainingItem,
  type TrainingCentreApplication,
  type TransitionRequest,
  type UpdateTrainingCentreApplicationRequest,
} from '@fulcrum/shared';
import { organisations, trainingCentreApplications, trainingCentres } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { checkAttachments, expectUpdated, historyOf, invalidTransition, recordCreated, takeTransition, toWorkflowEvent } from '../../lib/workflow.ts';
import { trainingCentrePolicy } from './policy.ts';
import { findApplication, onsiteCheckerOf, readApplication, todayOf, type ApplicationRow } from './queries.ts';
import { applicationWorkflow } from './workflows.ts';

const A = trainingCentreApplications;
const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];

type CreateInput = CreateTrainingCentreApplicationRequest & { pastTraining: PastTrainingItem[]; attachmentIds: string[] };

/** Past trainings must be of the three calendar years before this year (Beijing), as the application form asks. */
function pastTrainingIssues(rows: readonly PastTrainingItem[], today: string): ErrorIssue[] {
  const year = Number(today.slice(0, 4));
  return rows.flatMap((row, i) =>
    row.year >= year - PAST_TRAINING_YEARS && row.year <= year - 1
      ? []
      : [{ path: `body.pastTraining.${i}.year`, code: 'YEAR_OUT_OF_RANGE', message: `a year from ${year - PAST_TRAINING_YEARS} to ${year - 1}` }],
  );
}

const subjectOf = (row: ApplicationRow) => ({ id: row.id, status: row.status as ApplicationStatus, organisationId: row.organisationId, regionId: row.regionId });

async function reload(tx: Ctx, id: string): Promise<TrainingCentreApplication> {
  const row = await findApplication(tx.db, tx.actor, id);
  if (!row) throw notFound('application');
  return readApplication(tx, row);
}

/** Reads one application within reach: 404 otherwise (another enterprise's, another region's, a draft for a department). */
export async function getApplication(ctx: Ctx, id: string): Promise<TrainingCentreApplication> {
  authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
  const row = await findApplication(ctx.db, ctx.actor, id);
  if (!row) throw notFound('application');
  return readApplication(ctx, row);
}

export async function applicationHistory(ctx: Ctx, id: string) {
  authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
  const row = await findApplication(ctx.db, ctx.actor, id);
  if (!row) throw notFound('application');
  return (await historyOf(ctx.db, applicationWorkflow.process, id)).map(toWorkflowEvent);
}

/**
 * Saves a draft application of the actor's enterprise. One open application per enterprise, and none while it
 * holds a valid certificate (a revoked or expired centre may apply again).
 */
export async function createApplication(ctx: Ctx, input: CreateInput): Promise<TrainingCentreApplication> {
  authorize(ctx.actor, trainingCentrePolicy, 'createApplication');
  if (ctx.actor.organisationType !== 'enterprise') throw forbidden('only an enterprise applies for a training centre');
  const issues = pastTrainingIssues(input.pastTraining, todayOf(ctx));
  if (issues.length) throw invalid(issues);
  await checkAttachments(ctx.db, input.attachmentIds, [ctx.actor.organisationId]);
  return inTransaction(ctx, async (tx) => {
    const organisationId = tx.actor.organisationId;
    // Serialises two users of one enterprise creating at once: the second sees the first's draft.
    await tx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
    const [open] = await tx.db
      .select({ id: A.id, status: A.status })
      .from(A)
      .where(and(eq(A.organisationId, organisationId), notInArray(A.status, [...closedApplicationStatuses])));
    if (open) throw new AppError('CONFLICT', 'your enterprise already has an open application', { applicationId: open.id, status: open.status });
    const [centre] = await tx.db.select().from(trainingCentres).where(eq(trainingCentres.organisationId, organisationId));
    if (centre) {
      const status = effectiveCentreStatus({ status: centre.status as CentreStatus, validUntil: centre.validUntil }, todayOf(tx));
      if (status !== 'revoked' && status !== 'expired') {
        throw new AppError('CONFLICT', 'your enterprise is a certified training centre already', { certificateNo: centre.certificateNo, effectiveStatus: status });
      }
    }
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(A)
      .values({
        organisationId,
        regionId: tx.actor.regionId,
        status: applicationWorkflow.initial,
        scope: input.scope,
        facilities: input.facilities,
        instructors: input.instructors,
        annualPlan: input.annualPlan,
        annualCapacity: input.annualCapacity,
        pastTraining: input.pastTraining,
        attachmentIds: input.attachmentIds,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordCreated(tx, applicationWorkflow, { id: row.id, status: 'draft', organisationId, regionId: row.regionId }, {
      scope: input.scope,
      annualCapacity: input.annualCapacity,
      instructors: input.instructors.length,
      attachmentIds: input.attachmentIds,
    });
    return reload(tx, row.id);
  });
}

/** Edits a draft or a returned application; the audit entry keeps the changed fields. */
export async function updateApplication(ctx: Ctx, id: string, input: UpdateTrainingCentreApplicationRequest): Promise<TrainingCentreApplication> {
  authorize(ctx.actor, trainingCentrePolicy, 'updateApplication');
  return inTransaction(ctx, async (tx) => {
    const row = await findApplication(tx.db, tx.actor, id, true);
    if (!row) throw notFound('application');
    if (!EDITABLE.includes(row.status as ApplicationStatus)) throw invalidTransition(applicationWorkflow.process, 'update', row.status, []);
    if (input.pastTraining) {
      const issues = pastTrainingIssues(input.pastTraining, todayOf(tx));
      if (issues.length) throw invalid(issues);
    }
    if (input.attachmentIds) await checkAttachments(tx.db, input.attachmentIds, [row.organisationId]);
    const diff = changedFields(row as unknown as Record<string, unknown>, input as Record<string, unknown>);
    if (!diff.changed) return readApplication(tx, row);
    const rows = await tx.db
      .update(A)
      .set({ ...input, updatedAt: tx.clock.now() })
      .where(and(eq(A.id, id), inArray(A.status, [...EDITABLE])))
      .returning({ id: A.id });
    expectUpdated(rows, applicationWorkflow.process);
    await recordAudit(tx, {
      entityType: applicationWorkflow.process,
      entityId: id,
      action: 'update',
      organisationId: row.organisationId,
      regionId: row.regionId,
      before: diff.before,
      after: diff.after,
    });
    return reload(tx, id);
  });
}

type PlainTransition = 'submit' | 'withdraw' | 'check_documents' | 'approve' | 'return' | 'reject';

/**
 * Takes one of the review transitions: the workflow checks role, department and state; submitting also needs
 * supporting documents and past trainings of the right years; the officer who recorded the on-site check may not
 * approve (separation of duties).
 */
export async function transitionApplication(ctx: Ctx, id: string, transition: PlainTransition, input: TransitionRequest): Promise<TrainingCentreApplication> {
  authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
  return inTransaction(ctx, async (tx) => {
    const row = await findApplication(tx.db, tx.actor, id, true);
    if (!row) throw notFound('application');
    const result = await takeTransition(tx, applicationWorkflow, transition, subjectOf(row), input);
    if (transition === 'submit') {
      const issues: ErrorIssue[] = [];
      if (!row.attachmentIds.length) issues.push({ path: 'body.attachmentIds', code: 'REQUIRED', message: 'attach the supporting documents before submitting' });
      issues.push(...pastTrainingIssues(row.pastTraining, todayOf(tx)));
      if (issues.length) throw invalid(issues);
    }
    if (transition === 'approve' && (await onsiteCheckerOf(tx.db, id)) === tx.actor.userId) {
      throw forbidden('the officer who recorded the on-site check may not also approve the application');
    }
    const now = tx.clock.now();
    const rows = await tx.db
      .update(A)
      .set({ status: result.to, dueOn: result.dueOn, updatedAt: now, ...(transition === 'submit' ? { submittedAt: now } : {}) })
      .where(and(eq(A.id, id), eq(A.status, result.from)))
      .returning({ id: A.id });
    expectUpdated(rows, applicationWorkflow.process);
    return reload(tx, id);
  });
}

/** Records the on-site check (date, findings, passed) on the application and in its history. */
export async function recordOnsiteCheck(ctx: Ctx, id: string, input: OnsiteCheckRequest): Promise<TrainingCentreApplication> {
  authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
  return inTransaction(ctx, async (tx) => {
    const row = await findApplication(tx.db, tx.actor, id, true);
    if (!row) throw notFound('application');
    const onsiteCheck = { date: input.date, findings: input.findings, passed: input.passed };
    const result = await takeTransition(tx, applicationWorkflow, 'record_onsite_check', subjectOf(row), {
      comment: input.comment,
      attachmentIds: input.attachmentIds,
      data: { onsiteCheck },
    });
    if (input.date > todayOf(tx)) throw invalid([{ path: 'body.date', code: 'IN_FUTURE', message: 'the check cannot have taken place after today' }]);
    const rows = await tx.db
      .update(A)
      .set({ status: result.to, dueOn: result.dueOn, onsiteCheck, updatedAt: tx.clock.now() })
      .where(and(eq(A.id, id), eq(A.status, result.from)))
      .returning({ id: A.id });
    expectUpdated(rows, applicationWorkflow.process);
    return reload(tx, id);
  });
}
