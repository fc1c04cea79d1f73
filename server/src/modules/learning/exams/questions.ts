import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { KnowledgePointOptions, ListQuestionsQuery, Question, QuestionAvailability, QuestionData, QuestionKind, QuestionStatus } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { examAnswers, examPapers, knowledgePoints, questionKnowledgePoints, questions } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { orderBy, paginate, type Page } from '../../../lib/list.ts';
import { likePattern } from '../../organisations/queries.ts';
import { examPolicy } from './policy.ts';

/*
 * The question bank. Every question names one or more knowledge points the organisation may use (its own or the
 * district's). Once a question has been answered or sits on a fixed paper it is never edited or deleted, only retired,
 * so past attempts keep the question they were graded on.
 */

const Q = questions;
export type QuestionRow = typeof Q.$inferSelect;

/** Knowledge points an organisation's questions may name: its own and the district's. */
export const usableKnowledgePoint = (organisationId: string) => or(eq(knowledgePoints.organisationId, organisationId), eq(knowledgePoints.visibility, 'district'));

// Spelled out with the table: a select from one table leaves its columns unqualified, which the subqueries would capture.
const qId = sql.raw('"questions"."id"');
const isUsed = sql<boolean>`(exists (select 1 from ${examAnswers} a where a.question_id = ${qId})
  or exists (select 1 from ${examPapers} p where p.organisation_id = "questions"."organisation_id" and p.items @> jsonb_build_array(jsonb_build_object('questionId', ${qId}::text))))`;
const pointsOf = sql<Array<{ id: string; code: string; name: string }>>`coalesce((select jsonb_agg(jsonb_build_object('id', k.id, 'code', k.code, 'name', k.name) order by k.code)
  from ${questionKnowledgePoints} qk join ${knowledgePoints} k on k.id = qk.knowledge_point_id where qk.question_id = ${qId}), '[]'::jsonb)`;

const selectQuestions = (db: Db) => db.select({ question: Q, used: isUsed, knowledgePoints: pointsOf }).from(Q);
type Selected = Awaited<ReturnType<typeof selectQuestions>>[number];

function toQuestion(row: Selected): Question {
  const q = row.question;
  return {
    id: q.id,
    kind: q.kind as QuestionKind,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    difficulty: q.difficulty,
    status: q.status as QuestionStatus,
    knowledgePoints: row.knowledgePoints,
    used: row.used,
    createdAt: q.createdAt.toISOString(),
  };
}

function questionFilters(organisationId: string, query: ListQuestionsQuery): SQL | undefined {
  return and(
    eq(Q.organisationId, organisationId),
    query.kind ? eq(Q.kind, query.kind) : undefined,
    query.difficulty ? eq(Q.difficulty, query.difficulty) : undefined,
    query.status ? eq(Q.status, query.status) : undefined,
    query.q ? ilike(Q.stem, likePattern(query.q)) : undefined,
    query.knowledgePointId
      ? sql`exists (select 1 from ${questionKnowledgePoints} qk where qk.question_id = ${qId} and qk.knowledge_point_id = ${query.knowledgePointId})`
      : undefined,
  );
}

/** The organisation's questions, filtered by knowledge point, difficulty, kind, status or words of the stem. */
export function listQuestions(ctx: Ctx, query: ListQuestionsQuery): Promise<Page<Question>> {
  authorize(ctx.actor, examPolicy, 'read');
  const where = questionFilters(ctx.actor.organisationId, query);
  const sort = orderBy(query.sort, { createdAt: Q.createdAt, difficulty: Q.difficulty }, [desc(Q.createdAt)], Q.id);
  return paginate(selectQuestions(ctx.db).where(where).orderBy(...sort).$dynamic(), ctx.db.select({ n: count() }).from(Q).where(where), query, toQuestion);
}

async function readQuestion(ctx: Ctx, id: string): Promise<Selected> {
  const [row] = await selectQuestions(ctx.db).where(and(eq(Q.id, id), eq(Q.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('question');
  return row;
}

export async function getQuestion(ctx: Ctx, id: string): Promise<Question> {
  authorize(ctx.actor, examPolicy, 'read');
  return toQuestion(await readQuestion(ctx, id));
}

/** Refuses knowledge points the organisation may not use, naming each by its place in the list. */
async function assertKnowledgePoints(ctx: Ctx, ids: string[]) {
  const found = await ctx.db
    .select({ id: knowledgePoints.id })
    .from(knowledgePoints)
    .where(and(inArray(knowledgePoints.id, ids), usableKnowledgePoint(ctx.actor.organisationId)));
  const known = new Set(found.map((k) => k.id));
  const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.knowledgePointIds.${i}`, code: 'UNKNOWN_KNOWLEDGE_POINT', message: 'no such knowledge point' }]));
  if (issues.length) throw invalid(issues);
}

const rowValues = (input: QuestionData) => ({
  kind: input.kind,
  stem: input.stem,
  options: 'options' in input ? input.options : [],
  answer: input.answer,
  explanation: input.explanation,
  difficulty: input.difficulty,
});

async function linkPoints(db: Db, questionId: string, ids: string[]) {
  await db.delete(questionKnowledgePoints).where(eq(questionKnowledgePoints.questionId, questionId));
  await db.insert(questionKnowledgePoints).values([...new Set(ids)].map((knowledgePointId) => ({ questionId, knowledgePointId })));
}

/** Adds a question to the bank (audited). */
export async function createQuestion(ctx: Ctx, input: QuestionData): Promise<Question> {
  authorize(ctx.actor, examPolicy, 'manage');
  await assertKnowledgePoints(ctx, input.knowledgePointIds);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db.insert(Q).values({ organisationId: tx.actor.organisationId, ...rowValues(input), createdAt: now, updatedAt: now }).returning({ id: Q.id });
    await linkPoints(tx.db, row!.id, input.knowledgePointIds);
    await recordAudit(tx, { entityType: 'question', entityId: row!.id, action: 'create', organisationId: tx.actor.organisationId, after: input });
    return toQuestion(await readQuestion(tx, row!.id));
  });
}

const usedConflict = () => new AppError('CONFLICT', 'the question has been used: retire it and add a new one', { reason: 'QUESTION_USED' });

/** Rewrites a question not yet used (audited); a used one is refused with 409 QUESTION_USED. */
export async function updateQuestion(ctx: Ctx, id: string, input: QuestionData): Promise<Question> {
  authorize(ctx.actor, examPolicy, 'manage');
  await assertKnowledgePoints(ctx, input.knowledgePointIds);
  return inTransaction(ctx, async (tx) => {
    const before = await readQuestion(tx, id);
    if (before.used) throw usedConflict();
    await tx.db.update(Q).set({ ...rowValues(input), updatedAt: tx.clock.now() }).where(eq(Q.id, id));
    await linkPoints(tx.db, id, input.knowledgePointIds);
    await recordAudit(tx, { entityType: 'question', entityId: id, action: 'update', organisationId: tx.actor.organisationId, before: toQuestion(before), after: input });
    return toQuestion(await readQuestion(tx, id));
  });
}

/** Sets a question active or retired (retired questions are never drawn or added to papers). */
export async function setQuestionStatus(ctx: Ctx, id: string, status: QuestionStatus): Promise<Question> {
  authorize(ctx.actor, examPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const before = await readQuestion(tx, id);
    if (before.question.status === status) return toQuestion(before);
    await tx.db.update(Q).set({ status, updatedAt: tx.clock.now() }).where(eq(Q.id, id));
    await recordAudit(tx, { entityType: 'question', entityId: id, action: status === 'retired' ? 'retire' : 'reactivate', organisationId: tx.actor.organisationId, before: { status: before.question.status }, after: { status } });
    return toQuestion(await readQuestion(tx, id));
  });
}

/** Deletes a question never used; a used one must be retired (409 QUESTION_USED). */
export async function deleteQuestion(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, examPolicy, 'manage');
  await inTransaction(ctx, async (tx) => {
    const before = await readQuestion(tx, id);
    if (before.used) throw usedConflict();
    await tx.db.delete(Q).where(eq(Q.id, id));
    await recordAudit(tx, { entityType: 'question', entityId: id, action: 'delete', organisationId: tx.actor.organisationId, before: toQuestion(before) });
  });
}

/** Active questions per knowledge point × difficulty, for random papers' rules. */
export async function questionAvailability(ctx: Ctx): Promise<QuestionAvailability> {
  authorize(ctx.actor, examPolicy, 'read');
  const rows = await ctx.db
    .select({ knowledgePointId: knowledgePoints.id, knowledgePointName: knowledgePoints.name, difficulty: Q.difficulty, count: count() })
    .from(Q)
    .innerJoin(questionKnowledgePoints, eq(questionKnowledgePoints.questionId, Q.id))
    .innerJoin(knowledgePoints, eq(knowledgePoints.id, questionKnowledgePoints.knowledgePointId))
    .where(and(eq(Q.organisationId, ctx.actor.organisationId), eq(Q.status, 'active')))
    .groupBy(knowledgePoints.id, knowledgePoints.name, Q.difficulty)
    .orderBy(asc(knowledgePoints.name), asc(Q.difficulty));
  return { items: rows };
}

/** Knowledge points the organisation's questions may name. */
export async function knowledgePointChoices(ctx: Ctx): Promise<KnowledgePointOptions> {
  authorize(ctx.actor, examPolicy, 'read');
  const K = knowledgePoints;
  const items = await ctx.db.select({ id: K.id, code: K.code, name: K.name, trade: K.trade }).from(K).where(usableKnowledgePoint(ctx.actor.organisationId)).orderBy(asc(K.trade), asc(K.code));
  return { items };
}
