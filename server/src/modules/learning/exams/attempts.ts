import { and, eq, sql } from 'drizzle-orm';
import type { AnswerResponse, Attempt, AttemptQuestion, AttemptStatus, QuestionKind, SaveAnswerRequest } from '@fulcrum/shared';
import { examAnswers, examAttempts, examPapers, exams, questions } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../../lib/errors.ts';
import type { LearningAction } from '../record.ts';
import { drawPaper, type DrawnQuestion } from './draw.ts';
import { finaliseAttempt, isTimeUp, personOf, recordAfterCommit, submitIfOpen, type AttemptRow, type ExamFacts } from './finalise.ts';
import { fitsKind } from './grading.ts';
import { examPolicy } from './policy.ts';

/*
 * A learner's attempts. Starting is one transaction with few queries (the exam with its paper and the learner's person,
 * a per-learner lock, their attempts, the drawn questions, two inserts and the audit entry), since a whole workforce
 * may start an exam within seconds. Answers are saved as the learner goes; none is accepted after the deadline, and the
 * learner's first write after it (or the scheduled job) submits what was saved; reading it shows `timeUp` and writes
 * nothing. Correct answers are shown only once the attempt is graded.
 */

const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { reason });

export interface StartResult {
  attempt: Attempt;
  resumed: boolean;
}

function assertOpen(exam: typeof exams.$inferSelect, now: Date) {
  if (exam.opensAt && now < exam.opensAt) throw conflict('EXAM_NOT_OPEN', `the exam opens at ${exam.opensAt.toISOString()}`);
  if (exam.closesAt && now >= exam.closesAt) throw conflict('EXAM_CLOSED', `the exam closed at ${exam.closesAt.toISOString()}`);
}

function deadlineOf(exam: typeof exams.$inferSelect, now: Date) {
  const byLimit = new Date(now.getTime() + exam.timeLimitMinutes * 60_000);
  return exam.closesAt && exam.closesAt < byLimit ? exam.closesAt : byLimit;
}

type StartOutcome = { kind: 'resume'; attemptId: string } | { kind: 'new'; attempt: Attempt };

/** Starts an attempt, or answers the one in progress; refuses outside the window and beyond the attempts allowed. */
export async function startAttempt(ctx: Ctx, examId: string, publicUrl: string): Promise<StartResult> {
  authorize(ctx.actor, examPolicy, 'take');
  const pending: { actions: LearningAction[] } = { actions: [] };
  let outcome: StartOutcome;
  try {
    outcome = await inTransaction(ctx, (tx) => startInTransaction(tx, examId, pending));
  } finally {
    await recordAfterCommit(ctx, publicUrl, ctx.actor.organisationId, pending.actions);
  }
  if (outcome.kind === 'new') return { attempt: outcome.attempt, resumed: false };
  return { attempt: await readAttempt(ctx, outcome.attemptId), resumed: true };
}

async function startInTransaction(tx: Ctx, examId: string, pending: { actions: LearningAction[] }): Promise<StartOutcome> {
  const now = tx.clock.now();
  const [row] = await tx.db
    .select({ exam: exams, paper: examPapers, personId: personOf(tx.actor.userId) })
    .from(exams)
    .innerJoin(examPapers, eq(examPapers.id, exams.paperId))
    .where(and(eq(exams.id, examId), eq(exams.organisationId, tx.actor.organisationId), eq(exams.status, 'published')));
  if (!row) throw notFound('exam');
  if (!row.personId) throw forbidden('your account is not a registered person');
  const { exam, paper, personId } = row;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`exam_attempt:${examId}:${personId}`}))`);
  const mine = await tx.db.select().from(examAttempts).where(and(eq(examAttempts.examId, examId), eq(examAttempts.personId, personId)));
  const open = mine.find((a) => a.status === 'in_progress');
  if (open && open.deadlineAt > now) return { kind: 'resume', attemptId: open.id };
  if (open) {
    // Failures further on roll this back too; the statements are only recorded once the transaction commits.
    pending.actions = await finaliseAttempt(tx, open, exam);
  }
  assertOpen(exam, now);
  if (mine.length >= exam.maxAttempts) throw conflict('NO_ATTEMPTS_LEFT', `all ${exam.maxAttempts} attempts have been used`);
  const drawn = await drawPaper(tx.db, paper, { questions: exam.shuffleQuestions, options: exam.shuffleOptions });
  const values = {
    examId,
    personId,
    organisationId: exam.organisationId,
    attemptNo: mine.length + 1,
    startedAt: now,
    deadlineAt: deadlineOf(exam, now),
    status: 'in_progress',
    paper: drawn.map((d) => ({ questionId: d.questionId, points: d.points, optionOrder: d.optionOrder })),
  };
  const [inserted] = await tx.db.insert(examAttempts).values(values).returning();
  await tx.db.insert(examAnswers).values(drawn.map((d) => ({ attemptId: inserted!.id, questionId: d.questionId })));
  await recordAudit(tx, { entityType: 'exam_attempt', entityId: inserted!.id, action: 'start', organisationId: exam.organisationId, after: { examId, attemptNo: values.attemptNo } });
  return { kind: 'new', attempt: freshView(inserted!, exam, paper.totalPoints, drawn, now) };
}

const ordered = (options: Array<{ key: string; text: string }>, order: string[]) => order.map((key) => options.find((o) => o.key === key)!).filter(Boolean);

function freshView(attempt: AttemptRow, exam: typeof exams.$inferSelect, totalPoints: number, drawn: DrawnQuestion[], now: Date): Attempt {
  return {
    ...attemptHead(attempt, { title: exam.title, passScore: exam.passScore }, totalPoints, now),
    questions: drawn.map((d) => ({ questionId: d.questionId, kind: d.kind as QuestionKind, stem: d.stem, options: ordered(d.options, d.optionOrder), points: d.points, response: null })),
  };
}

function attemptHead(a: AttemptRow, exam: { title: string; passScore: number }, totalPoints: number, now: Date): Omit<Attempt, 'questions'> {
  return {
    id: a.id,
    examId: a.examId,
    examTitle: exam.title,
    attemptNo: a.attemptNo,
    status: a.status as AttemptStatus,
    timeUp: isTimeUp(a, now),
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    now: now.toISOString(),
    totalPoints,
    passScore: exam.passScore,
    score: a.status === 'graded' ? a.score : null,
    passed: a.status === 'graded' ? a.passed : null,
  };
}

/** The attempt as its learner (or the organisation's staff) sees it; answers and explanations only once graded. */
async function readAttempt(ctx: Ctx, id: string): Promise<Attempt> {
  const [row] = await ctx.db
    .select({ attempt: examAttempts, title: exams.title, passScore: exams.passScore })
    .from(examAttempts)
    .innerJoin(exams, eq(exams.id, examAttempts.examId))
    .where(eq(examAttempts.id, id));
  if (!row) throw notFound('exam attempt');
  const a = row.attempt;
  const details = await ctx.db
    .select({ answer: examAnswers, kind: questions.kind, stem: questions.stem, options: questions.options, correctAnswer: questions.answer, explanation: questions.explanation })
    .from(examAnswers)
    .innerJoin(questions, eq(questions.id, examAnswers.questionId))
    .where(eq(examAnswers.attemptId, id));
  const byId = new Map(details.map((d) => [d.answer.questionId, d]));
  const isGraded = a.status === 'graded';
  const items: AttemptQuestion[] = a.paper.map((p) => {
    const d = byId.get(p.questionId)!;
    const base: AttemptQuestion = { questionId: p.questionId, kind: d.kind as QuestionKind, stem: d.stem, options: ordered(d.options, p.optionOrder), points: p.points, response: (d.answer.response ?? null) as AnswerResponse | null };
    if (!isGraded) return base;
    return { ...base, correctAnswer: d.correctAnswer, explanation: d.explanation, awardedPoints: d.answer.points, correct: d.answer.correct, feedback: d.answer.feedback };
  });
  const total = a.paper.reduce((s, p) => s + p.points, 0);
  return { ...attemptHead(a, { title: row.title, passScore: row.passScore }, total, ctx.clock.now()), questions: items };
}

/** The learner's own attempt, or (for staff) any attempt of the organisation; others are 404s. */
async function reachableAttempt(ctx: Ctx, id: string): Promise<{ attempt: AttemptRow; exam: ExamFacts }> {
  const own = ctx.actor.role === 'employee';
  const [row] = await ctx.db
    .select({ attempt: examAttempts, exam: { id: exams.id, title: exams.title, passScore: exams.passScore } })
    .from(examAttempts)
    .innerJoin(exams, eq(exams.id, examAttempts.examId))
    .where(and(eq(examAttempts.id, id), eq(examAttempts.organisationId, ctx.actor.organisationId), own ? sql`${examAttempts.personId} = ${personOf(ctx.actor.userId)}` : undefined));
  if (!row) throw notFound('exam attempt');
  return row;
}

/** Reads an attempt as stored (one past its deadline shows `timeUp`; submitting it is a write's job). */
export async function getAttempt(ctx: Ctx, id: string): Promise<Attempt> {
  if (ctx.actor.role !== 'employee') authorize(ctx.actor, examPolicy, 'read');
  const { attempt } = await reachableAttempt(ctx, id);
  return readAttempt(ctx, attempt.id);
}

/** Submits the learner's attempt (again: answers it as it is). */
export async function submitAttempt(ctx: Ctx, id: string, publicUrl: string): Promise<Attempt> {
  authorize(ctx.actor, examPolicy, 'take');
  const { attempt, exam } = await reachableAttempt(ctx, id);
  if (attempt.status === 'in_progress') await submitIfOpen(ctx, publicUrl, attempt, exam);
  return readAttempt(ctx, id);
}

/** Saves one answer while the attempt runs; after the deadline it is refused and the attempt submitted as saved. */
export async function saveAnswer(ctx: Ctx, id: string, questionId: string, input: SaveAnswerRequest, publicUrl: string): Promise<{ saved: true }> {
  authorize(ctx.actor, examPolicy, 'take');
  const { attempt, exam } = await reachableAttempt(ctx, id);
  if (attempt.status !== 'in_progress') throw conflict('ATTEMPT_SUBMITTED', 'the attempt has been submitted');
  if (attempt.deadlineAt <= ctx.clock.now()) {
    await submitIfOpen(ctx, publicUrl, attempt, exam);
    throw conflict('DEADLINE_PASSED', 'the time is up: the attempt was submitted with the answers saved before the deadline');
  }
  const drawn = attempt.paper.find((p) => p.questionId === questionId);
  if (!drawn) throw notFound('question of this attempt');
  const [question] = await ctx.db.select({ kind: questions.kind }).from(questions).where(eq(questions.id, questionId));
  if (!fitsKind(question!.kind, drawn.optionOrder, input.response)) {
    throw invalid([{ path: 'body.response', code: 'WRONG_SHAPE', message: `not an answer to a ${question!.kind} question` }]);
  }
  const updated = await ctx.db
    .update(examAnswers)
    .set({ response: input.response })
    .where(and(eq(examAnswers.attemptId, id), eq(examAnswers.questionId, questionId), sql`exists (select 1 from ${examAttempts} a where a.id = ${id} and a.status = 'in_progress')`))
    .returning({ questionId: examAnswers.questionId });
  if (!updated.length) throw conflict('ATTEMPT_SUBMITTED', 'the attempt has been submitted');
  return { saved: true };
}

