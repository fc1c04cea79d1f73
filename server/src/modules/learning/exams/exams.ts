import { and, desc, eq, sql } from 'drizzle-orm';
import type { Exam, ExamInput, ExamList, ExamStatus, PaperMode } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { examAttempts, examPapers, exams } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { examPolicy } from './policy.ts';

/*
 * Exams: a paper with a time limit, a number of attempts, a pass score (in points: pass = score ≥ pass score),
 * shuffling and an optional window. draft → published → closed; only a draft is edited; every step is audited.
 */

const E = exams;
const attemptCount = sql<number>`(select count(*) from ${examAttempts} a where a.exam_id = ${E.id})`.mapWith(Number);
const selectExams = (db: Db) =>
  db.select({ exam: E, paperTitle: examPapers.title, paperMode: examPapers.mode, totalPoints: examPapers.totalPoints, attempts: attemptCount }).from(E).innerJoin(examPapers, eq(examPapers.id, E.paperId));
type Selected = Awaited<ReturnType<typeof selectExams>>[number];

function toExam(row: Selected): Exam {
  const e = row.exam;
  return {
    id: e.id,
    title: e.title,
    paperId: e.paperId,
    paperTitle: row.paperTitle,
    paperMode: row.paperMode as PaperMode,
    totalPoints: row.totalPoints,
    timeLimitMinutes: e.timeLimitMinutes,
    maxAttempts: e.maxAttempts,
    passScore: e.passScore,
    shuffleQuestions: e.shuffleQuestions,
    shuffleOptions: e.shuffleOptions,
    opensAt: e.opensAt?.toISOString() ?? null,
    closesAt: e.closesAt?.toISOString() ?? null,
    status: e.status as ExamStatus,
    attempts: row.attempts,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function listExams(ctx: Ctx): Promise<ExamList> {
  authorize(ctx.actor, examPolicy, 'read');
  const rows = await selectExams(ctx.db).where(eq(E.organisationId, ctx.actor.organisationId)).orderBy(desc(E.createdAt), E.id);
  return { items: rows.map(toExam) };
}

async function readExam(ctx: Ctx, id: string): Promise<Selected> {
  const [row] = await selectExams(ctx.db).where(and(eq(E.id, id), eq(E.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('exam');
  return row;
}

export async function getExam(ctx: Ctx, id: string): Promise<Exam> {
  authorize(ctx.actor, examPolicy, 'read');
  return toExam(await readExam(ctx, id));
}

/** The exam's values after checking its paper (the organisation's) and that the pass score fits the paper. */
async function examValues(ctx: Ctx, input: ExamInput) {
  const [paper] = await ctx.db.select({ totalPoints: examPapers.totalPoints }).from(examPapers).where(and(eq(examPapers.id, input.paperId), eq(examPapers.organisationId, ctx.actor.organisationId)));
  if (!paper) throw invalid([{ path: 'body.paperId', code: 'UNKNOWN_PAPER', message: 'no such paper' }]);
  if (input.passScore > paper.totalPoints) throw invalid([{ path: 'body.passScore', code: 'ABOVE_TOTAL', message: `at most the paper's ${paper.totalPoints} points` }]);
  return {
    title: input.title,
    paperId: input.paperId,
    timeLimitMinutes: input.timeLimitMinutes,
    maxAttempts: input.maxAttempts,
    passScore: input.passScore,
    shuffleQuestions: input.shuffleQuestions ?? true,
    shuffleOptions: input.shuffleOptions ?? true,
    opensAt: input.opensAt ? new Date(input.opensAt) : null,
    closesAt: input.closesAt ? new Date(input.closesAt) : null,
  };
}

/** A draft exam (audited). */
export async function createExam(ctx: Ctx, input: ExamInput): Promise<Exam> {
  authorize(ctx.actor, examPolicy, 'manage');
  const values = await examValues(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db.insert(E).values({ organisationId: tx.actor.organisationId, ...values, status: 'draft', createdAt: now, updatedAt: now }).returning({ id: E.id });
    await recordAudit(tx, { entityType: 'exam', entityId: row!.id, action: 'create', organisationId: tx.actor.organisationId, after: input });
    return toExam(await readExam(tx, row!.id));
  });
}

const wrongState = (current: string, allowed: string[]) => new AppError('INVALID_TRANSITION', `the exam is ${current}`, { currentState: current, allowed });

/** Rewrites a draft (audited); a published or closed exam is 409 INVALID_TRANSITION. */
export async function updateExam(ctx: Ctx, id: string, input: ExamInput): Promise<Exam> {
  authorize(ctx.actor, examPolicy, 'manage');
  const values = await examValues(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const before = await readExam(tx, id);
    if (before.exam.status !== 'draft') throw wrongState(before.exam.status, ['draft']);
    await tx.db.update(E).set({ ...values, updatedAt: tx.clock.now() }).where(eq(E.id, id));
    await recordAudit(tx, { entityType: 'exam', entityId: id, action: 'update', organisationId: tx.actor.organisationId, before: toExam(before), after: input });
    return toExam(await readExam(tx, id));
  });
}

const transitions = { publish: { from: 'draft', to: 'published' }, close: { from: 'published', to: 'closed' } } as const;

/** draft → published (learners see it) or published → closed (no new attempts); audited. */
export async function transitionExam(ctx: Ctx, id: string, action: keyof typeof transitions): Promise<Exam> {
  authorize(ctx.actor, examPolicy, 'manage');
  const { from, to } = transitions[action];
  return inTransaction(ctx, async (tx) => {
    const before = await readExam(tx, id);
    if (before.exam.status !== from) throw wrongState(before.exam.status, [from]);
    await tx.db.update(E).set({ status: to, updatedAt: tx.clock.now() }).where(and(eq(E.id, id), eq(E.status, from)));
    await recordAudit(tx, { entityType: 'exam', entityId: id, action, organisationId: tx.actor.organisationId, before: { status: from }, after: { status: to } });
    return toExam(await readExam(tx, id));
  });
}
