import { z } from 'zod';
import { listQuery, pageOf } from '../common/pagination.ts';

/*
 * Exams: a question bank by knowledge point and difficulty, papers (fixed or drawn at random per attempt), exams
 * with a window, time limit and attempts, learners' attempts and their grading, item statistics. Objective kinds are
 * graded at once (multiple choice all-or-nothing: every correct option and no other); short answers wait for an
 * instructor. Correct answers reach a learner only once their attempt is graded.
 *
 * Reads never change an attempt. One whose time ran out keeps its stored status `in_progress` until it is submitted —
 * by the learner's next write (submit, answer, start again) or by the scheduled job `exams.finalise-overdue` (every
 * minute) — and reads show it honestly with `timeUp: true`: no answer is accepted any more, and it is not yet counted
 * in the statistics, the grading queue or a score.
 */

export const questionKinds = ['single', 'multiple', 'true_false', 'fill_in', 'short_answer'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, { 'zh-CN': string; 'en-US': string }> = {
  single: { 'zh-CN': '单选题', 'en-US': 'Single choice' },
  multiple: { 'zh-CN': '多选题', 'en-US': 'Multiple choice' },
  true_false: { 'zh-CN': '判断题', 'en-US': 'True / false' },
  fill_in: { 'zh-CN': '填空题', 'en-US': 'Fill in' },
  short_answer: { 'zh-CN': '简答题', 'en-US': 'Short answer' },
};
export const questionStatuses = ['active', 'retired'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
export const examStatuses = ['draft', 'published', 'closed'] as const;
export type ExamStatus = (typeof examStatuses)[number];
export const attemptStatuses = ['in_progress', 'submitted', 'graded'] as const;
const timeUp = z.boolean().describe('in progress but its deadline has passed: no answer is accepted; it is submitted by the next write or the scheduled job exams.finalise-overdue');
export type AttemptStatus = (typeof attemptStatuses)[number];
export const paperModes = ['fixed', 'random'] as const;
export type PaperMode = (typeof paperModes)[number];

const optionKey = z.string().regex(/^[A-H]$/, { message: 'an option key is one letter A–H' });
const option = z.strictObject({ key: optionKey, text: z.string().trim().min(1).max(500) });
const difficulty = z.number().int().min(1).max(5);
const questionBase = {
  stem: z.string().trim().min(1).max(2000),
  explanation: z.string().trim().max(2000).default(''),
  difficulty,
  knowledgePointIds: z.array(z.uuid()).min(1, { message: 'name at least one knowledge point' }).max(10),
};
const choiceOptions = z.array(option).min(2).max(8);

type Issue = z.RefinementCtx;
function keysOf(options: { key: string }[], ctx: Issue): Set<string> {
  const keys = new Set<string>();
  options.forEach((o, i) => {
    if (keys.has(o.key)) ctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: 'option keys are unique', params: { code: 'DUPLICATE_KEY' } });
    keys.add(o.key);
  });
  return keys;
}
const unknownKey = (ctx: Issue, path: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', path, message: 'the answer names an option the question does not have', params: { code: 'UNKNOWN_OPTION' } });

export const questionInput = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('single'), ...questionBase, options: choiceOptions, answer: optionKey })
    .superRefine((q, ctx) => {
      if (!keysOf(q.options, ctx).has(q.answer)) unknownKey(ctx, ['answer']);
    }),
  z
    .strictObject({ kind: z.literal('multiple'), ...questionBase, options: choiceOptions, answer: z.array(optionKey).min(2, { message: 'a multiple-choice question has at least two correct options' }) })
    .superRefine((q, ctx) => {
      const keys = keysOf(q.options, ctx);
      q.answer.forEach((a, i) => {
        if (!keys.has(a)) unknownKey(ctx, ['answer', i]);
      });
      if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'each option once', params: { code: 'DUPLICATE_KEY' } });
    }),
  z.strictObject({ kind: z.literal('true_false'), ...questionBase, answer: z.boolean() }),
  z.strictObject({ kind: z.literal('fill_in'), ...questionBase, answer: z.array(z.string().trim().min(1).max(200)).min(1, { message: 'give at least one accepted answer' }).max(20) }),
  z.strictObject({ kind: z.literal('short_answer'), ...questionBase, answer: z.string().trim().min(1).max(4000).describe('the model answer instructors grade against') }),
]);
export type QuestionInput = z.input<typeof questionInput>;
export type QuestionData = z.output<typeof questionInput>;

export const question = z.object({
  id: z.uuid(),
  kind: z.enum(questionKinds),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  answer: z.unknown().describe('single: key; multiple: keys; true_false: boolean; fill_in: accepted answers; short_answer: model answer'),
  explanation: z.string(),
  difficulty: z.number().int(),
  status: z.enum(questionStatuses),
  knowledgePoints: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  used: z.boolean().describe('answered in an attempt or on a fixed paper: it can only be retired'),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Question = z.infer<typeof question>;
export const questionPage = pageOf(question);
export type QuestionPage = z.infer<typeof questionPage>;

export const listQuestionsQuery = listQuery(['createdAt', 'difficulty']).extend({
  knowledgePointId: z.uuid().optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  kind: z.enum(questionKinds).optional(),
  status: z.enum(questionStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListQuestionsQuery = z.infer<typeof listQuestionsQuery>;

/** Active questions per knowledge point and difficulty: what a random paper's rules can draw from. */
export const questionAvailability = z.object({
  items: z.array(z.object({ knowledgePointId: z.uuid(), knowledgePointName: z.string(), difficulty: z.number().int(), count: z.number().int() })),
});
export type QuestionAvailability = z.infer<typeof questionAvailability>;

export const knowledgePointOptions = z.object({ items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), trade: z.string().nullable() })) });
export type KnowledgePointOptions = z.infer<typeof knowledgePointOptions>;

// --- papers ------------------------------------------------------------------------------------------

const points = z.number().int().min(1).max(100);
export const paperItem = z.strictObject({ questionId: z.uuid(), points });
export const drawRule = z.strictObject({ knowledgePointId: z.uuid(), difficulty, count: z.number().int().min(1).max(100), points });
export type DrawRule = z.infer<typeof drawRule>;

export const paperInput = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), title: z.string().trim().min(1).max(200), items: z.array(paperItem).min(1).max(200) }).superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((item, i) => {
      if (seen.has(item.questionId)) ctx.addIssue({ code: 'custom', path: ['items', i, 'questionId'], message: 'a question appears once on a paper', params: { code: 'DUPLICATE_QUESTION' } });
      seen.add(item.questionId);
    });
  }),
  z.strictObject({ mode: z.literal('random'), title: z.string().trim().min(1).max(200), drawRules: z.array(drawRule).min(1).max(50) }).superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.drawRules.forEach((rule, i) => {
      const key = `${rule.knowledgePointId}:${rule.difficulty}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['drawRules', i], message: 'one rule per knowledge point and difficulty', params: { code: 'DUPLICATE_RULE' } });
      seen.add(key);
    });
  }),
]);
export type PaperInput = z.input<typeof paperInput>;

export const paper = z.object({
  id: z.uuid(),
  title: z.string(),
  mode: z.enum(paperModes),
  items: z.array(z.object({ questionId: z.uuid(), points: z.number().int(), stem: z.string(), kind: z.enum(questionKinds) })),
  drawRules: z.array(drawRule.extend({ knowledgePointName: z.string(), available: z.number().int().describe('active questions the rule can draw from now') })),
  totalPoints: z.number().int(),
  questionCount: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Paper = z.infer<typeof paper>;
export const paperList = z.object({ items: z.array(paper) });
export type PaperList = z.infer<typeof paperList>;

// --- exams -------------------------------------------------------------------------------------------

const examFields = {
  title: z.string().trim().min(1).max(200),
  paperId: z.uuid(),
  timeLimitMinutes: z.number().int().min(1).max(600),
  maxAttempts: z.number().int().min(1).max(20),
  passScore: z.number().int().min(0).describe('points needed to pass (score ≥ pass score), at most the paper’s total'),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  opensAt: z.iso.datetime({ offset: true }).nullable().default(null),
  closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
};
const windowInOrder = (e: { opensAt?: string | null; closesAt?: string | null }, ctx: z.RefinementCtx) => {
  if (e.opensAt && e.closesAt && new Date(e.opensAt) >= new Date(e.closesAt)) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'the window closes after it opens', params: { code: 'OUT_OF_ORDER' } });
  }
};
export const examInput = z.strictObject(examFields).superRefine(windowInOrder);
export type ExamInput = z.input<typeof examInput>;

export const exam = z.object({
  id: z.uuid(),
  title: z.string(),
  paperId: z.uuid(),
  paperTitle: z.string(),
  paperMode: z.enum(paperModes),
  totalPoints: z.number().int(),
  timeLimitMinutes: z.number().int(),
  maxAttempts: z.number().int(),
  passScore: z.number().int(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  opensAt: z.iso.datetime({ offset: true }).nullable(),
  closesAt: z.iso.datetime({ offset: true }).nullable(),
  status: z.enum(examStatuses),
  attempts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Exam = z.infer<typeof exam>;
export const examList = z.object({ items: z.array(exam) });
export type ExamList = z.infer<typeof examList>;

// --- learners ----------------------------------------------------------------------------------------

export const myExam = z.object({
  id: z.uuid(),
  title: z.string(),
  totalPoints: z.number().int(),
  passScore: z.number().int(),
  timeLimitMinutes: z.number().int(),
  questionCount: z.number().int(),
  maxAttempts: z.number().int(),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  opensAt: z.iso.datetime({ offset: true }).nullable(),
  closesAt: z.iso.datetime({ offset: true }).nullable(),
  isOpen: z.boolean().describe('published and within its window now'),
  bestScore: z.number().int().nullable(),
  passed: z.boolean().describe('an attempt has passed'),
  inProgressAttemptId: z.uuid().nullable().describe('the attempt still running (its time not run out), to resume'),
  awaitingGrading: z.boolean().describe('an attempt waits for an instructor'),
  attempts: z.array(
    z.object({ id: z.uuid(), attemptNo: z.number().int(), status: z.enum(attemptStatuses), timeUp, score: z.number().int().nullable(), passed: z.boolean().nullable(), submittedAt: z.iso.datetime({ offset: true }).nullable() }),
  ),
});
export type MyExam = z.infer<typeof myExam>;
export const myExamList = z.object({ items: z.array(myExam) });
export type MyExamList = z.infer<typeof myExamList>;

/** A learner's response: single: key; multiple: keys; true_false: boolean; fill_in and short_answer: text. */
export const answerResponse = z.union([z.string().max(4000), z.array(z.string().max(10)).max(8), z.boolean()]);
export type AnswerResponse = z.infer<typeof answerResponse>;
export const saveAnswerRequest = z.strictObject({ response: answerResponse });
export type SaveAnswerRequest = z.infer<typeof saveAnswerRequest>;
export const attemptAnswerParams = z.strictObject({ id: z.uuid(), questionId: z.uuid() });

export const attemptQuestion = z.object({
  questionId: z.uuid(),
  kind: z.enum(questionKinds),
  stem: z.string(),
  /** In this attempt's display order; the key is the option's own, so answers stay right whatever the order. */
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  points: z.number().int(),
  response: answerResponse.nullable(),
  /** Only once the attempt is graded: */
  correctAnswer: z.unknown().optional(),
  explanation: z.string().optional(),
  awardedPoints: z.number().int().nullable().optional(),
  correct: z.boolean().nullable().optional(),
  feedback: z.string().nullable().optional(),
});
export type AttemptQuestion = z.infer<typeof attemptQuestion>;

export const attempt = z.object({
  id: z.uuid(),
  examId: z.uuid(),
  examTitle: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(attemptStatuses),
  timeUp,
  startedAt: z.iso.datetime({ offset: true }),
  deadlineAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  now: z.iso.datetime({ offset: true }).describe('the server’s time, for the countdown'),
  totalPoints: z.number().int(),
  passScore: z.number().int(),
  score: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  questions: z.array(attemptQuestion),
});
export type Attempt = z.infer<typeof attempt>;

// --- grading and results ------------------------------------------------------------------------------

export const gradeAnswerRequest = z.strictObject({ points: z.number().int().min(0).max(100), feedback: z.string().trim().max(2000).default('') });
export type GradeAnswerRequest = z.input<typeof gradeAnswerRequest>;

export const gradingItem = z.object({
  attemptId: z.uuid(),
  questionId: z.uuid(),
  personName: z.string(),
  attemptNo: z.number().int(),
  stem: z.string(),
  modelAnswer: z.string(),
  response: z.string().nullable(),
  maxPoints: z.number().int(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type GradingItem = z.infer<typeof gradingItem>;
export const gradingQueue = z.object({ items: z.array(gradingItem) });
export type GradingQueue = z.infer<typeof gradingQueue>;

export const examResult = z.object({
  attemptId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(attemptStatuses),
  timeUp,
  startedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  score: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  /**
   * The attempt's ability on the 2PL scale (θ, population mean 0, SD 1; EAP with its standard error) from its graded
   * answers to questions the nightly fit has calibrated; null when none of them is calibrated yet.
   */
  ability: z.object({ theta: z.number(), standardError: z.number(), answers: z.number().int() }).nullable(),
});
export type ExamResult = z.infer<typeof examResult>;
export const examResultPage = pageOf(examResult);
export type ExamResultPage = z.infer<typeof examResultPage>;
export const listExamResultsQuery = listQuery(['startedAt', 'score']);

/**
 * Item statistics. Difficulty is the p-value (share of graded answers that were correct; short answers count as
 * correct with at least half their points). Discrimination is the point-biserial correlation of the item's score
 * (correct 1 / wrong 0) with the rest score (the attempt's score without this item); null with fewer than two
 * answers or no variance.
 */
export const itemStatistic = z.object({
  questionId: z.uuid(),
  stem: z.string(),
  kind: z.enum(questionKinds),
  answers: z.number().int(),
  correct: z.number().int(),
  difficulty: z.number().nullable().describe('p-value: share correct'),
  discrimination: z.number().nullable().describe('point-biserial correlation with the rest score'),
  irt: z
    .object({ discrimination: z.number(), difficulty: z.number(), answers: z.number().int() })
    .nullable()
    .describe('2PL parameters (a, b on the ability scale) from the nightly refit over all exams; null while the question has too few answers'),
});
export type ItemStatistic = z.infer<typeof itemStatistic>;
export const examStatistics = z.object({
  attempts: z.number().int().describe('submitted attempts (one whose time ran out counts once it is submitted)'),
  graded: z.number().int(),
  passed: z.number().int(),
  passRate: z.number().nullable().describe('passed ÷ graded'),
  meanScore: z.number().nullable(),
  medianScore: z.number().nullable(),
  items: z.array(itemStatistic),
});
export type ExamStatistics = z.infer<typeof examStatistics>;
