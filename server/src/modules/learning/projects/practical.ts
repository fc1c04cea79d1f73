import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { GradePracticalRequest, PracticalSubmission, SubmitPracticalRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { attachments, offlineSessions, people, projectEnrolments, projectStages, stageProgress, trainingProjects, users } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { isManager, projectPolicy } from './policy.ts';
import { completeIfDone } from './progress.ts';
import { findProject, requirePerson, type ProjectRow } from './queries.ts';

/*
 * Practical tasks: the learner hands in a text (and optionally an uploaded file); an instructor who teaches in the
 * project — or a manager — grades it out of 100: at or above the stage's pass score the stage is completed, below it
 * fails and the learner may hand in again.
 */

const SP = stageProgress;
const progressKey = (stageId: string, personId: string) => and(eq(SP.stageId, stageId), eq(SP.personId, personId));

/** A project the actor grades in: any of the organisation's for managers, one they teach a session of for instructors. */
async function gradableProject(db: Db, actor: Actor, projectId: string, lock = false): Promise<ProjectRow> {
  const project = await findProject(db, actor, projectId, lock);
  if (isManager(actor.role)) return project;
  const [taught] = await db
    .select({ id: offlineSessions.id })
    .from(offlineSessions)
    .where(and(eq(offlineSessions.projectId, projectId), eq(offlineSessions.instructorUserId, actor.userId)))
    .limit(1);
  if (!taught) throw notFound('training project');
  return project;
}

/** Hands in (or hands in again) my work for a practical stage of an active project I am enrolled in. */
export async function submitPractical(ctx: Ctx, projectId: string, stageId: string, input: SubmitPracticalRequest) {
  return inTransaction(ctx, async (tx) => {
    const personId = await requirePerson(tx.db, tx.actor, 'project stage');
    const [row] = await tx.db
      .select({ stage: projectStages, progress: SP, project: trainingProjects })
      .from(SP)
      .innerJoin(projectStages, eq(projectStages.id, SP.stageId))
      .innerJoin(trainingProjects, eq(trainingProjects.id, SP.projectId))
      .innerJoin(projectEnrolments, and(eq(projectEnrolments.projectId, SP.projectId), eq(projectEnrolments.personId, SP.personId)))
      .where(and(eq(SP.stageId, stageId), eq(SP.projectId, projectId), eq(SP.personId, personId), eq(trainingProjects.organisationId, tx.actor.organisationId), eq(projectEnrolments.status, 'active')))
      .for('update', { of: SP });
    if (!row) throw notFound('project stage');
    if (row.stage.kind !== 'practical') throw invalid([{ path: 'params.stageId', code: 'NOT_PRACTICAL', message: 'only practical tasks take submissions' }]);
    if (row.project.status !== 'active') throw new AppError('INVALID_TRANSITION', 'the project is not active', { currentState: row.project.status, allowed: ['active'] });
    if (row.progress.status === 'completed') throw new AppError('CONFLICT', 'this task is already passed', { reason: 'ALREADY_PASSED' });
    if (input.attachmentId) await checkAttachment(tx.db, tx.actor, input.attachmentId);
    const now = tx.clock.now();
    await tx.db
      .update(SP)
      .set({ status: 'submitted', submission: input.text, submissionAttachmentId: input.attachmentId ?? null, submittedAt: now, score: null, gradedBy: null, gradedAt: null })
      .where(progressKey(stageId, personId));
    await recordAudit(tx, { entityType: 'practical_submission', entityId: `${stageId}:${personId}`, action: 'submit', organisationId: row.project.organisationId, after: { attachmentId: input.attachmentId ?? null } });
    return { stageId, status: 'submitted' as const, submittedAt: now.toISOString() };
  });
}

async function checkAttachment(db: Db, actor: Actor, attachmentId: string) {
  const [file] = await db.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.organisationId, actor.organisationId), eq(attachments.uploadedBy, actor.userId)));
  if (!file) throw invalid([{ path: 'body.attachmentId', code: 'UNKNOWN_ATTACHMENT', message: 'upload the file first' }]);
}

/** The hand-ins of a project's practical stages (pending ones only when asked), oldest first. */
export async function listSubmissions(ctx: Ctx, projectId: string, pendingOnly: boolean): Promise<PracticalSubmission[]> {
  authorize(ctx.actor, projectPolicy, 'teach');
  await gradableProject(ctx.db, ctx.actor, projectId);
  const rows = await ctx.db
    .select({ progress: SP, stage: projectStages, name: people.name, gradedByName: users.displayName })
    .from(SP)
    .innerJoin(projectStages, eq(projectStages.id, SP.stageId))
    .innerJoin(people, eq(people.id, SP.personId))
    .leftJoin(users, eq(users.id, SP.gradedBy))
    .where(and(eq(SP.projectId, projectId), eq(projectStages.kind, 'practical'), sql`${SP.submittedAt} is not null`, pendingOnly ? eq(SP.status, 'submitted') : inArray(SP.status, ['submitted', 'completed', 'failed'])))
    .orderBy(asc(SP.submittedAt), asc(SP.personId));
  return rows.map(({ progress: p, stage, name, gradedByName }) => ({
    stageId: p.stageId,
    stageTitle: stage.title,
    passScore: stage.passScore,
    personId: p.personId,
    name,
    text: p.submission ?? '',
    attachmentId: p.submissionAttachmentId,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    status: p.status as PracticalSubmission['status'],
    score: p.score,
    feedback: p.feedback,
    gradedAt: p.gradedAt?.toISOString() ?? null,
    gradedByName,
  }));
}

/** Grades a hand-in awaiting its grade; a pass may complete the learner's project. */
export async function gradePractical(ctx: Ctx, projectId: string, stageId: string, personId: string, input: GradePracticalRequest): Promise<PracticalSubmission> {
  authorize(ctx.actor, projectPolicy, 'teach');
  await inTransaction(ctx, async (tx) => {
    const project = await gradableProject(tx.db, tx.actor, projectId, true);
    const [row] = await tx.db
      .select({ progress: SP, stage: projectStages })
      .from(SP)
      .innerJoin(projectStages, eq(projectStages.id, SP.stageId))
      .where(and(progressKey(stageId, personId), eq(SP.projectId, projectId), eq(projectStages.kind, 'practical')))
      .for('update', { of: SP });
    if (!row) throw notFound('submission');
    if (row.progress.status !== 'submitted') {
      throw new AppError('INVALID_TRANSITION', 'only a hand-in awaiting its grade is graded', { currentState: row.progress.status, allowed: ['submitted'] });
    }
    const passed = input.score >= (row.stage.passScore ?? 0);
    const now = tx.clock.now();
    const status = passed ? 'completed' : 'failed';
    await tx.db
      .update(SP)
      .set({ status, score: input.score, feedback: input.feedback ?? '', gradedBy: tx.actor.userId, gradedAt: now, completedAt: passed ? now : null })
      .where(progressKey(stageId, personId));
    await recordAudit(tx, {
      entityType: 'practical_submission',
      entityId: `${stageId}:${personId}`,
      action: 'grade',
      organisationId: project.organisationId,
      before: { status: 'submitted' },
      after: { status, score: input.score, passScore: row.stage.passScore },
    });
    if (passed) await completeIfDone(tx, projectId, personId);
  });
  const all = await listSubmissions(ctx, projectId, false);
  return all.find((s) => s.stageId === stageId && s.personId === personId)!;
}
