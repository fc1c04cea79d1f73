import { and, eq, lte, sql } from 'drizzle-orm';
import type { AnswerResponse } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { examAnswers, examAttempts, exams, questionKnowledgePoints, questions, users } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Actor, Ctx } from '../../../lib/context.ts';
import { recordLearning, type LearningAction } from '../record.ts';
import { isCorrect } from './grading.ts';

/*
 * Submission and grading. On submit (by the learner, by the learner's next write after the deadline, or by the
 * scheduled job `exams.finalise-overdue` once the time has run out) the objective answers are graded; the attempt is
 * `graded` at once unless a short answer waits for an instructor (`submitted`). Each graded answer becomes an
 * `answered` statement with the question's knowledge points, and a graded attempt a `passed` / `failed` statement for
 * the exam, recorded after the change commits. Reads never submit: they show a timed-out attempt as `timeUp`.
 */

/** A request's context, or the scheduler's (no actor: audited as the system). */
export type FinaliseCtx = Pick<Ctx, 'db' | 'clock' | 'requestId' | 'ip'> & { actor: Actor | null };

export type AttemptRow = typeof examAttempts.$inferSelect;
export interface ExamFacts {
  id: string;
  title: string;
  passScore: number;
}

/** The person a user is (null for an account that is not a person's). */
export const personOf = (userId: string) => sql<string | null>`(select ${users.personId} from ${users} where ${users.id} = ${userId})`;

/** The question's knowledge point ids (in a select over `questions`). */
export const kpIds = sql<string[]>`coalesce((select array_agg(qk.knowledge_point_id::text) from ${questionKnowledgePoints} qk where qk.question_id = ${questions.id}), '{}')`;

/** The attempt's answers with their questions and knowledge points. */
export function gradedRows(db: Db, attemptId: string) {
  return db
    .select({ questionId: examAnswers.questionId, response: examAnswers.response, points: examAnswers.points, correct: examAnswers.correct, kind: questions.kind, answer: questions.answer, stem: questions.stem, knowledgePointIds: kpIds })
    .from(examAnswers)
    .innerJoin(questions, eq(questions.id, examAnswers.questionId))
    .where(eq(examAnswers.attemptId, attemptId));
}
type GradedRow = Awaited<ReturnType<typeof gradedRows>>[number];

const totalOf = (attempt: AttemptRow) => attempt.paper.reduce((s, q) => s + q.points, 0);

/** The `answered` statement of one graded answer. */
export function answeredAction(attempt: AttemptRow, exam: ExamFacts, row: Pick<GradedRow, 'questionId' | 'stem' | 'knowledgePointIds'>, points: number, correct: boolean, at: Date): LearningAction {
  const max = attempt.paper.find((q) => q.questionId === row.questionId)?.points ?? 0;
  return {
    personId: attempt.personId,
    verb: 'answered',
    activity: { kind: 'question', id: row.questionId, name: row.stem.slice(0, 120) },
    result: { success: correct, score: { raw: points, min: 0, max, scaled: max ? points / max : 0 } },
    knowledgePointIds: row.knowledgePointIds,
    parent: { kind: 'exam', id: exam.id, name: exam.title },
    registration: attempt.id,
    timestamp: at,
  };
}

/** The `passed` / `failed` statement of a graded attempt. */
export function examAction(attempt: AttemptRow, exam: ExamFacts, score: number, at: Date): LearningAction {
  const max = totalOf(attempt);
  const passed = score >= exam.passScore;
  return {
    personId: attempt.personId,
    verb: passed ? 'passed' : 'failed',
    activity: { kind: 'exam', id: exam.id, name: exam.title },
    result: { success: passed, completion: true, score: { raw: score, min: 0, max, scaled: max ? score / max : 0 } },
    registration: attempt.id,
    timestamp: at,
  };
}

/** Grades an in-progress attempt inside the caller's transaction; answers the statements to record after commit. */
export async function finaliseAttempt(tx: FinaliseCtx, attempt: AttemptRow, exam: ExamFacts): Promise<LearningAction[]> {
  const now = tx.clock.now();
  const at = now < attempt.deadlineAt ? now : attempt.deadlineAt;
  const pointsOf = new Map(attempt.paper.map((q) => [q.questionId, q.points]));
  const rows = await gradedRows(tx.db, attempt.id);
  const graded = rows.map((row) => {
    const blankShort = row.kind === 'short_answer' && (row.response === null || String(row.response).trim() === '');
    const correct = blankShort ? false : isCorrect({ kind: row.kind, answer: row.answer }, row.response as AnswerResponse | null);
    return { row, correct, points: correct === null ? null : correct ? (pointsOf.get(row.questionId) ?? 0) : 0 };
  });
  if (graded.length) {
    const json = JSON.stringify(graded.map((g) => ({ question_id: g.row.questionId, correct: g.correct, points: g.points })));
    await tx.db.execute(sql`update ${examAnswers} set correct = r.correct, points = r.points, graded_at = case when r.points is null then null else ${now.toISOString()}::timestamptz end
      from jsonb_to_recordset(${json}::jsonb) as r(question_id uuid, correct boolean, points integer)
      where ${examAnswers.attemptId} = ${attempt.id} and ${examAnswers.questionId} = r.question_id`);
  }
  const pending = graded.some((g) => g.points === null);
  const score = graded.reduce((s, g) => s + (g.points ?? 0), 0);
  await tx.db
    .update(examAttempts)
    .set(pending ? { status: 'submitted', submittedAt: at } : { status: 'graded', submittedAt: at, gradedAt: now, score, passed: score >= exam.passScore })
    .where(eq(examAttempts.id, attempt.id));
  await recordAudit(tx, { entityType: 'exam_attempt', entityId: attempt.id, action: 'submit', organisationId: attempt.organisationId, after: { late: now >= attempt.deadlineAt, status: pending ? 'submitted' : 'graded', score: pending ? null : score } });
  const actions = graded.filter((g) => g.points !== null).map((g) => answeredAction(attempt, exam, g.row, g.points!, g.correct!, at));
  return pending ? actions : [...actions, examAction(attempt, exam, score, at)];
}

/** Stores the statements of a committed change (nothing when there are none). */
export async function recordAfterCommit(ctx: FinaliseCtx, publicUrl: string, organisationId: string, actions: LearningAction[]) {
  await recordLearning({ db: ctx.db, clock: ctx.clock, publicUrl }, organisationId, actions);
}

/** Whether an attempt's time ran out while it is still stored as in progress (what reads show instead of submitting). */
export const isTimeUp = (attempt: Pick<AttemptRow, 'status' | 'deadlineAt'>, now: Date) => attempt.status === 'in_progress' && attempt.deadlineAt <= now;

/**
 * The job `exams.finalise-overdue`: submits every in-progress attempt past its deadline, in every organisation, each in
 * its own transaction; answers how many it submitted. Idempotent and safe beside other processes: each attempt is
 * locked and checked again before it is submitted, so it is submitted (and its statements recorded) exactly once.
 */
export async function finaliseOverdue(db: Db, clock: Clock, publicUrl: string): Promise<{ finalised: number }> {
  const overdue = await db
    .select({ attempt: examAttempts, exam: { id: exams.id, title: exams.title, passScore: exams.passScore } })
    .from(examAttempts)
    .innerJoin(exams, eq(exams.id, examAttempts.examId))
    .where(and(eq(examAttempts.status, 'in_progress'), lte(examAttempts.deadlineAt, clock.now())));
  const ctx: FinaliseCtx = { db, clock, actor: null, requestId: null, ip: null };
  let finalised = 0;
  for (const { attempt, exam } of overdue) if (await submitIfOpen(ctx, publicUrl, attempt, exam)) finalised++;
  return { finalised };
}

/** Submits the attempt in its own transaction if it is still in progress (answers whether it did); statements after commit. */
export async function submitIfOpen(ctx: FinaliseCtx, publicUrl: string, attempt: AttemptRow, exam: ExamFacts): Promise<boolean> {
  const outcome = await ctx.db.transaction(async (transaction) => {
    const tx = { ...ctx, db: transaction as unknown as Db };
    const [still] = await tx.db.select({ id: examAttempts.id }).from(examAttempts).where(and(eq(examAttempts.id, attempt.id), eq(examAttempts.status, 'in_progress'))).for('update');
    return still ? { actions: await finaliseAttempt(tx, attempt, exam) } : null;
  });
  if (outcome) await recordAfterCommit(ctx, publicUrl, attempt.organisationId, outcome.actions);
  return outcome !== null;
}
