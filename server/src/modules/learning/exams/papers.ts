import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DrawRule, Paper, PaperInput, PaperList, PaperMode, QuestionKind } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { examPapers, knowledgePoints, questionKnowledgePoints, questions } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { examPolicy } from './policy.ts';
import { usableKnowledgePoint } from './questions.ts';

/*
 * Papers: fixed (listed questions with their points) or random (per attempt, `count` active questions of a knowledge
 * point and difficulty, each worth `points`). A rule the bank cannot satisfy is refused, naming it.
 */

const P = examPapers;
type PaperRow = typeof P.$inferSelect;
const ruleKey = (kp: string, difficulty: number) => `${kp}:${difficulty}`;

/** Active questions of the organisation per knowledge point × difficulty, for the given knowledge points. */
export async function availableCounts(db: Db, organisationId: string, knowledgePointIds: string[]): Promise<Map<string, number>> {
  if (!knowledgePointIds.length) return new Map();
  const rows = await db
    .select({ kp: questionKnowledgePoints.knowledgePointId, difficulty: questions.difficulty, n: count() })
    .from(questions)
    .innerJoin(questionKnowledgePoints, eq(questionKnowledgePoints.questionId, questions.id))
    .where(and(eq(questions.organisationId, organisationId), eq(questions.status, 'active'), inArray(questionKnowledgePoints.knowledgePointId, knowledgePointIds)))
    .groupBy(questionKnowledgePoints.knowledgePointId, questions.difficulty);
  return new Map(rows.map((r) => [ruleKey(r.kp, r.difficulty), r.n]));
}

async function describePapers(db: Db, organisationId: string, rows: PaperRow[]): Promise<Paper[]> {
  const questionIds = [...new Set(rows.flatMap((p) => p.items.map((i) => i.questionId)))];
  const kpIds = [...new Set(rows.flatMap((p) => p.drawRules.map((r) => r.knowledgePointId)))];
  const [stems, names, available] = await Promise.all([
    questionIds.length ? db.select({ id: questions.id, stem: questions.stem, kind: questions.kind }).from(questions).where(inArray(questions.id, questionIds)) : [],
    kpIds.length ? db.select({ id: knowledgePoints.id, name: knowledgePoints.name }).from(knowledgePoints).where(inArray(knowledgePoints.id, kpIds)) : [],
    availableCounts(db, organisationId, kpIds),
  ]);
  const stemOf = new Map(stems.map((s) => [s.id, s]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    mode: p.mode as PaperMode,
    items: p.items.map((i) => ({ ...i, stem: stemOf.get(i.questionId)?.stem ?? '', kind: (stemOf.get(i.questionId)?.kind ?? 'single') as QuestionKind })),
    drawRules: p.drawRules.map((r) => ({ ...r, knowledgePointName: nameOf.get(r.knowledgePointId) ?? '', available: available.get(ruleKey(r.knowledgePointId, r.difficulty)) ?? 0 })),
    totalPoints: p.totalPoints,
    questionCount: p.mode === 'fixed' ? p.items.length : p.drawRules.reduce((s, r) => s + r.count, 0),
    createdAt: p.createdAt.toISOString(),
  }));
}

export async function listPapers(ctx: Ctx): Promise<PaperList> {
  authorize(ctx.actor, examPolicy, 'read');
  const rows = await ctx.db.select().from(P).where(eq(P.organisationId, ctx.actor.organisationId)).orderBy(desc(P.createdAt), P.id);
  return { items: await describePapers(ctx.db, ctx.actor.organisationId, rows) };
}

export async function findPaper(ctx: Ctx, id: string): Promise<PaperRow> {
  const [row] = await ctx.db.select().from(P).where(and(eq(P.id, id), eq(P.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('paper');
  return row;
}

export async function getPaper(ctx: Ctx, id: string): Promise<Paper> {
  authorize(ctx.actor, examPolicy, 'read');
  const [paper] = await describePapers(ctx.db, ctx.actor.organisationId, [await findPaper(ctx, id)]);
  return paper!;
}

async function assertFixedItems(ctx: Ctx, items: { questionId: string }[]) {
  const ids = items.map((i) => i.questionId);
  const found = await ctx.db
    .select({ id: questions.id })
    .from(questions)
    .where(and(inArray(questions.id, ids), eq(questions.organisationId, ctx.actor.organisationId), eq(questions.status, 'active')));
  const known = new Set(found.map((q) => q.id));
  const issues = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.items.${i}.questionId`, code: 'UNKNOWN_QUESTION', message: 'no such active question in your bank' }]));
  if (issues.length) throw invalid(issues);
}

/** Refuses rules naming unknown knowledge points or asking for more questions than the bank holds. */
async function assertDrawRules(ctx: Ctx, rules: DrawRule[]) {
  const kpIds = [...new Set(rules.map((r) => r.knowledgePointId))];
  const [known, available] = await Promise.all([
    ctx.db.select({ id: knowledgePoints.id, name: knowledgePoints.name }).from(knowledgePoints).where(and(inArray(knowledgePoints.id, kpIds), usableKnowledgePoint(ctx.actor.organisationId))),
    availableCounts(ctx.db, ctx.actor.organisationId, kpIds),
  ]);
  const nameOf = new Map(known.map((k) => [k.id, k.name]));
  const issues = rules.flatMap((rule, i) => {
    const name = nameOf.get(rule.knowledgePointId);
    if (name === undefined) return [{ path: `body.drawRules.${i}.knowledgePointId`, code: 'UNKNOWN_KNOWLEDGE_POINT', message: 'no such knowledge point' }];
    const has = available.get(ruleKey(rule.knowledgePointId, rule.difficulty)) ?? 0;
    if (has >= rule.count) return [];
    return [{ path: `body.drawRules.${i}.count`, code: 'NOT_ENOUGH_QUESTIONS', message: `rule ${i + 1} (${name}, difficulty ${rule.difficulty}) draws ${rule.count} questions; the bank has ${has} active` }];
  });
  if (issues.length) throw invalid(issues);
}

/** Writes a paper after checking its questions or rules against the bank (audited). */
export async function createPaper(ctx: Ctx, input: PaperInput): Promise<Paper> {
  authorize(ctx.actor, examPolicy, 'manage');
  const values =
    input.mode === 'fixed'
      ? { items: input.items, drawRules: [], totalPoints: input.items.reduce((s, i) => s + i.points, 0) }
      : { items: [], drawRules: input.drawRules, totalPoints: input.drawRules.reduce((s, r) => s + r.count * r.points, 0) };
  if (input.mode === 'fixed') await assertFixedItems(ctx, input.items);
  else await assertDrawRules(ctx, input.drawRules);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db.insert(P).values({ organisationId: tx.actor.organisationId, title: input.title, mode: input.mode, ...values, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, { entityType: 'exam_paper', entityId: row!.id, action: 'create', organisationId: tx.actor.organisationId, after: input });
    const [paper] = await describePapers(tx.db, tx.actor.organisationId, [row!]);
    return paper!;
  });
}
