import { and, asc, eq, isNull } from 'drizzle-orm';
import type { GradeAnswerRequest, GradingQueue } from '@fulcrum/shared';
import { examAnswers, examAttempts, exams, people, questions } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import type { LearningAction } from '../record.ts';
import { answeredAction, examAction, kpIds, recordAfterCommit } from './finalise.ts';
import { isShortAnswerCorrect } from './grading.ts';
import { examPolicy } from './policy.ts';
import { findExam } from './results.ts';

/*
 * Short answers wait for an instructor of the organisation. Each grade is audited and becomes an `answered`
 * statement; the last one grades the attempt (score, pass) and records `passed` / `failed`.
 */

/** The exam's short answers not yet graded, oldest submission first (a timed-out attempt joins once it is submitted). */
export async function gradingQueue(ctx: Ctx, examId: string): Promise<GradingQueue> {
  authorize(ctx.actor, examPolicy, 'grade');
  await findExam(ctx, examId);
  const rows = await ctx.db
    .select({ attempt: examAttempts, questionId: examAnswers.questionId, response: examAnswers.response, personName: people.name, stem: questions.stem, modelAnswer: questions.answer })
    .from(examAnswers)
    .innerJoin(examAttempts, eq(examAttempts.id, examAnswers.attemptId))
    .innerJoin(questions, eq(questions.id, examAnswers.questionId))
    .innerJoin(people, eq(people.id, examAttempts.personId))
    .where(and(eq(examAttempts.examId, examId), eq(examAttempts.status, 'submitted'), eq(questions.kind, 'short_answer'), isNull(examAnswers.points)))
    .orderBy(asc(examAttempts.submittedAt), asc(examAttempts.id));
  return {
    items: rows.map((r) => ({
      attemptId: r.attempt.id,
      questionId: r.questionId,
      personName: r.personName,
      attemptNo: r.attempt.attemptNo,
      stem: r.stem,
      modelAnswer: String(r.modelAnswer),
      response: r.response === null ? null : String(r.response),
      maxPoints: r.attempt.paper.find((p) => p.questionId === r.questionId)?.points ?? 0,
      submittedAt: r.attempt.submittedAt?.toISOString() ?? null,
    })),
  };
}

/** Grades one short answer of a submitted attempt; the last one grades the attempt. */
export async function gradeAnswer(ctx: Ctx, attemptId: string, questionId: string, input: GradeAnswerRequest, publicUrl: string): Promise<{ attemptStatus: string; score: number | null }> {
  authorize(ctx.actor, examPolicy, 'grade');
  const result = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ attempt: examAttempts, exam: { id: exams.id, title: exams.title, passScore: exams.passScore }, answer: examAnswers, kind: questions.kind, stem: questions.stem, knowledgePointIds: kpIds })
      .from(examAnswers)
      .innerJoin(examAttempts, eq(examAttempts.id, examAnswers.attemptId))
      .innerJoin(exams, eq(exams.id, examAttempts.examId))
      .innerJoin(questions, eq(questions.id, examAnswers.questionId))
      .where(and(eq(examAnswers.attemptId, attemptId), eq(examAnswers.questionId, questionId), eq(examAttempts.organisationId, tx.actor.organisationId)))
      .for('update', { of: examAttempts });
    if (!row) throw notFound('answer');
    if (row.kind !== 'short_answer') throw new AppError('CONFLICT', 'only short answers are graded by hand', { reason: 'NOT_SHORT_ANSWER' });
    if (row.attempt.status !== 'submitted' || row.answer.points !== null) throw new AppError('CONFLICT', 'this answer has been graded', { reason: 'ALREADY_GRADED' });
    const max = row.attempt.paper.find((p) => p.questionId === questionId)?.points ?? 0;
    if ((input.points ?? 0) > max) throw invalid([{ path: 'body.points', code: 'ABOVE_MAXIMUM', message: `at most ${max} points` }]);
    const now = tx.clock.now();
    const correct = isShortAnswerCorrect(input.points, max);
    await tx.db
      .update(examAnswers)
      .set({ points: input.points, correct, gradedBy: tx.actor.userId, gradedAt: now, feedback: input.feedback ?? '' })
      .where(and(eq(examAnswers.attemptId, attemptId), eq(examAnswers.questionId, questionId)));
    await recordAudit(tx, { entityType: 'exam_answer', entityId: attemptId, action: 'grade', organisationId: row.attempt.organisationId, after: { questionId, points: input.points, feedback: input.feedback ?? '' } });
    const actions: LearningAction[] = [answeredAction(row.attempt, row.exam, { questionId, stem: row.stem, knowledgePointIds: row.knowledgePointIds }, input.points, correct, now)];
    const remaining = await tx.db.select({ points: examAnswers.points }).from(examAnswers).where(eq(examAnswers.attemptId, attemptId));
    if (remaining.some((r) => r.points === null)) return { actions, attemptStatus: 'submitted', score: null, organisationId: row.attempt.organisationId };
    const score = remaining.reduce((s, r) => s + (r.points ?? 0), 0);
    await tx.db.update(examAttempts).set({ status: 'graded', gradedAt: now, score, passed: score >= row.exam.passScore }).where(eq(examAttempts.id, attemptId));
    await recordAudit(tx, { entityType: 'exam_attempt', entityId: attemptId, action: 'graded', organisationId: row.attempt.organisationId, after: { score, passed: score >= row.exam.passScore } });
    return { actions: [...actions, examAction(row.attempt, row.exam, score, now)], attemptStatus: 'graded', score, organisationId: row.attempt.organisationId };
  });
  await recordAfterCommit(ctx, publicUrl, result.organisationId, result.actions);
  return { attemptStatus: result.attemptStatus, score: result.score };
}
