import { and, count, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { AttemptStatus, ExamResult, ExamStatistics, ItemStatistic, MyExamList, QuestionKind } from '@fulcrum/shared';
import { coachItemParams, examAnswers, examAttempts, examPapers, exams, people, questions } from '../../../db/schema/index.ts';
import { authorize } from '../../../lib/authorize.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { orderBy, paginate, type ListParams, type Page } from '../../../lib/list.ts';
import { isTimeUp, personOf } from './finalise.ts';
import { mean, median, pointBiserial, round3 } from './grading.ts';
import { estimateAbility } from '../../coach/model/irt.ts';
import { examPolicy } from './policy.ts';

/*
 * What an exam produced: every attempt with its score, the exam's figures (attempts, pass rate, mean and median of
 * graded scores) and item statistics (p-value difficulty, point-biserial discrimination against the rest score), and
 * the learner's own list of exams. Reads only: an attempt whose time ran out shows `timeUp` until the scheduled job
 * (or its learner's next write) submits it, and counts in the figures from then on.
 */

export async function findExam(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(exams).where(and(eq(exams.id, id), eq(exams.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('exam');
  return row;
}

const A = examAttempts;

/** Every attempt at the exam, newest first (or by score), a page at a time or all for the xlsx export. */
export async function listResults(ctx: Ctx, examId: string, params: ListParams): Promise<Page<ExamResult>> {
  authorize(ctx.actor, examPolicy, 'read');
  await findExam(ctx, examId);
  const now = ctx.clock.now();
  const where = eq(A.examId, examId);
  const query = ctx.db.select({ attempt: A, personName: people.name }).from(A).innerJoin(people, eq(people.id, A.personId)).where(where);
  const sort = orderBy(params.sort, { startedAt: A.startedAt, score: A.score }, [desc(A.startedAt)], A.id);
  const page = await paginate(query.orderBy(...sort).$dynamic(), ctx.db.select({ n: count() }).from(A).where(where), params, ({ attempt: a, personName }) => ({
    attemptId: a.id,
    personId: a.personId,
    personName,
    attemptNo: a.attemptNo,
    status: a.status as AttemptStatus,
    timeUp: isTimeUp(a, now),
    startedAt: a.startedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    score: a.score,
    passed: a.passed,
  }));
  const abilities = await abilitiesOf(ctx, page.items.map((r) => r.attemptId));
  return { ...page, items: page.items.map((r) => ({ ...r, ability: abilities.get(r.attemptId) ?? null })) };
}

const thousandths = (value: number) => Math.round(value * 1000) / 1000;

/** Each attempt's 2PL ability (EAP) from its graded answers to calibrated questions (coach_item_params). */
async function abilitiesOf(ctx: Ctx, attemptIds: string[]): Promise<Map<string, ExamResult['ability']>> {
  if (!attemptIds.length) return new Map();
  const rows = await ctx.db
    .select({ attemptId: examAnswers.attemptId, correct: examAnswers.correct, a: coachItemParams.discrimination, b: coachItemParams.difficulty })
    .from(examAnswers)
    .innerJoin(coachItemParams, eq(coachItemParams.questionId, examAnswers.questionId))
    .where(and(inArray(examAnswers.attemptId, attemptIds), isNotNull(examAnswers.correct)));
  const byAttempt = new Map<string, { item: { a: number; b: number }; correct: boolean }[]>();
  for (const r of rows) byAttempt.set(r.attemptId, [...(byAttempt.get(r.attemptId) ?? []), { item: { a: r.a, b: r.b }, correct: r.correct! }]);
  return new Map(
    [...byAttempt].map(([attemptId, answers]) => {
      const estimate = estimateAbility(answers);
      return [attemptId, { theta: thousandths(estimate.theta), standardError: thousandths(estimate.standardError), answers: estimate.answers }];
    }),
  );
}

type AnswerFact = { attemptId: string; questionId: string; correct: boolean; points: number };

/** Difficulty and discrimination of each question from the graded attempts' answers. */
export function itemStatistics(
  answers: AnswerFact[],
  scores: Map<string, number>,
  questionsById: Map<string, { stem: string; kind: string }>,
  irt: Map<string, ItemStatistic['irt']> = new Map(),
): ItemStatistic[] {
  const byQuestion = new Map<string, AnswerFact[]>();
  for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  return [...byQuestion.entries()].map(([questionId, list]) => {
    const correct = list.filter((a) => a.correct).length;
    const pairs = list.map((a) => ({ correct: a.correct, rest: (scores.get(a.attemptId) ?? 0) - a.points }));
    const q = questionsById.get(questionId);
    return { questionId, stem: q?.stem ?? '', kind: (q?.kind ?? 'single') as QuestionKind, answers: list.length, correct, difficulty: round3(correct / list.length), discrimination: round3(pointBiserial(pairs)), irt: irt.get(questionId) ?? null };
  });
}

/** The exam's figures and its item statistics (graded attempts only). */
export async function examStatistics(ctx: Ctx, examId: string): Promise<ExamStatistics> {
  authorize(ctx.actor, examPolicy, 'read');
  await findExam(ctx, examId);
  const attempts = await ctx.db.select({ id: A.id, status: A.status, score: A.score, passed: A.passed }).from(A).where(and(eq(A.examId, examId), ne(A.status, 'in_progress')));
  const graded = attempts.filter((a) => a.status === 'graded');
  const scores = new Map(graded.map((a) => [a.id, a.score ?? 0]));
  const answers = graded.length
    ? await ctx.db
        .select({ attemptId: examAnswers.attemptId, questionId: examAnswers.questionId, correct: examAnswers.correct, points: examAnswers.points, stem: questions.stem, kind: questions.kind })
        .from(examAnswers)
        .innerJoin(questions, eq(questions.id, examAnswers.questionId))
        .where(and(inArray(examAnswers.attemptId, [...scores.keys()]), isNotNull(examAnswers.correct)))
    : [];
  const questionsById = new Map(answers.map((a) => [a.questionId, { stem: a.stem, kind: a.kind }]));
  const facts = answers.map((a) => ({ attemptId: a.attemptId, questionId: a.questionId, correct: a.correct!, points: a.points ?? 0 }));
  const calibrated = questionsById.size ? await ctx.db.select().from(coachItemParams).where(inArray(coachItemParams.questionId, [...questionsById.keys()])) : [];
  const irt = new Map(calibrated.map((p) => [p.questionId, { discrimination: round3(p.discrimination)!, difficulty: round3(p.difficulty)!, answers: p.answers }]));
  const values = [...scores.values()];
  const passed = graded.filter((a) => a.passed).length;
  return {
    attempts: attempts.length,
    graded: graded.length,
    passed,
    passRate: graded.length ? round3(passed / graded.length) : null,
    meanScore: round3(mean(values)),
    medianScore: median(values),
    items: itemStatistics(facts, scores, questionsById, irt).sort((x, y) => (x.difficulty ?? 1) - (y.difficulty ?? 1)),
  };
}


/** The learner's published (and closed, once attempted) exams with attempts left, best score and whether passed. */
export async function myExams(ctx: Ctx): Promise<MyExamList> {
  authorize(ctx.actor, examPolicy, 'take');
  const mine = sql`${A.personId} = ${personOf(ctx.actor.userId)}`;
  const [rows, attempts] = await Promise.all([
    ctx.db
      .select({ exam: exams, totalPoints: examPapers.totalPoints, paper: examPapers })
      .from(exams)
      .innerJoin(examPapers, eq(examPapers.id, exams.paperId))
      .where(and(eq(exams.organisationId, ctx.actor.organisationId), inArray(exams.status, ['published', 'closed'])))
      .orderBy(desc(exams.createdAt)),
    ctx.db.select().from(A).where(and(mine, eq(A.organisationId, ctx.actor.organisationId))).orderBy(A.attemptNo),
  ]);
  const now = ctx.clock.now();
  const items = rows
    .map(({ exam: e, paper }) => {
      const own = attempts.filter((a) => a.examId === e.id);
      const scores = own.filter((a) => a.status === 'graded').map((a) => a.score ?? 0);
      const isOpen = e.status === 'published' && (!e.opensAt || now >= e.opensAt) && (!e.closesAt || now < e.closesAt);
      return {
        id: e.id,
        title: e.title,
        totalPoints: paper.totalPoints,
        passScore: e.passScore,
        timeLimitMinutes: e.timeLimitMinutes,
        questionCount: paper.mode === 'fixed' ? paper.items.length : paper.drawRules.reduce((s, r) => s + r.count, 0),
        maxAttempts: e.maxAttempts,
        attemptsUsed: own.length,
        attemptsLeft: Math.max(0, e.maxAttempts - own.length),
        opensAt: e.opensAt?.toISOString() ?? null,
        closesAt: e.closesAt?.toISOString() ?? null,
        isOpen,
        bestScore: scores.length ? Math.max(...scores) : null,
        passed: own.some((a) => a.passed === true),
        inProgressAttemptId: own.find((a) => a.status === 'in_progress' && !isTimeUp(a, now))?.id ?? null,
        awaitingGrading: own.some((a) => a.status === 'submitted'),
        attempts: own.map((a) => ({ id: a.id, attemptNo: a.attemptNo, status: a.status as AttemptStatus, timeUp: isTimeUp(a, now), score: a.score, passed: a.passed, submittedAt: a.submittedAt?.toISOString() ?? null })),
      };
    })
    .filter((e) => e.attempts.length || rows.find((r) => r.exam.id === e.id)?.exam.status === 'published');
  return { items };
}
