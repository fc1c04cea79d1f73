import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { KnowledgePoint, KnowledgePointGraph } from '@fulcrum/shared';
import { createKnowledgePointRequest, knowledgePointListQuery, updateKnowledgePointRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { competencyKnowledgePoints, knowledgePointPrerequisites, knowledgePoints, lessonKnowledgePoints, organisations } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { assertEditor, cataloguePolicy, checkVisibility, visibleTo } from './policy.ts';
import { searchVector } from './search-text.ts';

type Row = typeof knowledgePoints.$inferSelect;
const kp = knowledgePoints;
const edges = knowledgePointPrerequisites;

const columns = {
  row: kp,
  organisationName: organisations.name,
  prerequisiteCount: sql<number>`(select count(*)::int from ${edges} where ${edges.knowledgePointId} = ${kp.id})`,
  dependentCount: sql<number>`(select count(*)::int from ${edges} where ${edges.prerequisiteId} = ${kp.id})`,
};

function toKnowledgePoint(r: { row: Row; organisationName: string; prerequisiteCount: number; dependentCount: number }): KnowledgePoint {
  const { row } = r;
  return {
    id: row.id, organisationId: row.organisationId, organisationName: r.organisationName, code: row.code, name: row.name, description: row.description,
    trade: row.trade, visibility: row.visibility as KnowledgePoint['visibility'], prerequisiteCount: Number(r.prerequisiteCount),
    dependentCount: Number(r.dependentCount), updatedAt: row.updatedAt.toISOString(),
  };
}

const selectPoints = (db: Db, where: SQL | undefined) => db.select(columns).from(kp).innerJoin(organisations, eq(organisations.id, kp.organisationId)).where(where);

/** The knowledge points the actor may use: their organisation's and the district's, filtered by words in code or name and by trade. */
export async function listKnowledgePoints(db: Db, actor: Actor, query: z.output<typeof knowledgePointListQuery>): Promise<Page<KnowledgePoint>> {
  authorize(actor, cataloguePolicy, 'read');
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const where = and(visibleTo(actor, kp), like ? or(ilike(kp.name, like), ilike(kp.code, like)) : undefined, query.trade ? eq(kp.trade, query.trade) : undefined);
  const order = orderBy(query.sort, { code: kp.code, name: kp.name, updatedAt: kp.updatedAt }, [asc(kp.trade), asc(kp.code)], kp.id);
  return paginate(selectPoints(db, where).orderBy(...order).$dynamic(), db.select(countAll()).from(kp).where(where), query, toKnowledgePoint);
}

/** A knowledge point the actor may see; 404 for another organisation's own. */
export async function findKnowledgePoint(db: Db, actor: Actor, id: string): Promise<Row> {
  authorize(actor, cataloguePolicy, 'read');
  const [row] = await db.select().from(kp).where(and(eq(kp.id, id), visibleTo(actor, kp)));
  if (!row) throw notFound('knowledge point');
  return row;
}

/** A knowledge point of the actor's own organisation, for a change; 404 if it is not theirs to change. */
async function ownPoint(ctx: Ctx, id: string): Promise<Row> {
  assertEditor(ctx.actor);
  const row = await findKnowledgePoint(ctx.db, ctx.actor, id);
  if (row.organisationId !== ctx.actor.organisationId) throw notFound('knowledge point');
  return row;
}

/** Each step of the prerequisite graph below `startId` (what must be learned before it), with the path that reached it. */
async function walkPrerequisites(db: Db, startId: string): Promise<{ id: string; depth: number; path: string[] }[]> {
  const result = await db.execute(sql`
    with recursive walk(id, depth, path) as (
      select ${edges.prerequisiteId}, 1, array[${startId}::uuid, ${edges.prerequisiteId}] from ${edges} where ${edges.knowledgePointId} = ${startId}
      union all
      select e.prerequisite_id, w.depth + 1, w.path || e.prerequisite_id
      from walk w join ${edges} e on e.knowledge_point_id = w.id
      where not e.prerequisite_id = any(w.path) and w.depth < 100
    )
    select id, depth, array_to_string(path, ',') as path from walk`);
  const rows = (result as unknown as { rows: { id: string; depth: number; path: string }[] }).rows;
  return rows.map((r) => ({ id: r.id, depth: Number(r.depth), path: r.path.split(',') }));
}

const namesOf = async (db: Db, ids: string[]) =>
  new Map(ids.length ? (await db.select({ id: kp.id, name: kp.name }).from(kp).where(inArray(kp.id, ids))).map((r) => [r.id, r.name]) : []);

/** A knowledge point with its direct prerequisites and dependents and every point to learn before it. */
export async function knowledgePointGraph(db: Db, actor: Actor, id: string): Promise<KnowledgePointGraph> {
  await findKnowledgePoint(db, actor, id);
  const [row] = await selectPoints(db, eq(kp.id, id));
  const walked = await walkPrerequisites(db, id);
  const depthOf = new Map<string, number>();
  for (const step of walked) depthOf.set(step.id, Math.min(step.depth, depthOf.get(step.id) ?? Infinity));
  const dependents = await db.select({ id: kp.id, name: kp.name }).from(edges).innerJoin(kp, eq(kp.id, edges.knowledgePointId)).where(and(eq(edges.prerequisiteId, id), visibleTo(actor, kp))).orderBy(asc(kp.code));
  const names = await namesOf(db, [...depthOf.keys()]);
  const all = [...depthOf].map(([pid, depth]) => ({ id: pid, name: names.get(pid) ?? '', depth })).sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name, 'zh-CN'));
  return { ...toKnowledgePoint(row!), prerequisites: all.filter((p) => p.depth === 1).map(({ id: pid, name }) => ({ id: pid, name })), dependents, allPrerequisites: all };
}

/** Creates a knowledge point of the actor's organisation; its search words are set from its name and description. */
export async function createKnowledgePoint(ctx: Ctx, input: z.output<typeof createKnowledgePointRequest>): Promise<KnowledgePointGraph> {
  assertEditor(ctx.actor);
  checkVisibility(ctx.actor, input.visibility);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db.insert(kp).values({ ...input, organisationId: tx.actor.organisationId, searchVector: searchVector(input.name, input.description), createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, { entityType: 'knowledge_point', entityId: row!.id, action: 'create', organisationId: row!.organisationId, after: input });
    return row!.id;
  });
  return knowledgePointGraph(ctx.db, ctx.actor, id);
}

export async function updateKnowledgePoint(ctx: Ctx, id: string, input: z.output<typeof updateKnowledgePointRequest>): Promise<KnowledgePointGraph> {
  const before = await ownPoint(ctx, id);
  checkVisibility(ctx.actor, input.visibility);
  await inTransaction(ctx, async (tx) => {
    const next = { ...before, ...input };
    await tx.db.update(kp).set({ ...input, searchVector: searchVector(next.name, next.description), updatedAt: tx.clock.now() }).where(eq(kp.id, id));
    await recordAudit(tx, { entityType: 'knowledge_point', entityId: id, action: 'update', organisationId: before.organisationId, before: pick(before, input), after: input });
  });
  return knowledgePointGraph(ctx.db, ctx.actor, id);
}

const pick = (row: Row, input: object) => Object.fromEntries(Object.keys(input).map((k) => [k, row[k as keyof Row]]));

/** Deletes a knowledge point no lesson or competency uses (409 naming the uses otherwise); its graph edges go with it. */
export async function deleteKnowledgePoint(ctx: Ctx, id: string): Promise<void> {
  const before = await ownPoint(ctx, id);
  const [lessons] = await ctx.db.select({ n: count() }).from(lessonKnowledgePoints).where(eq(lessonKnowledgePoints.knowledgePointId, id));
  const [comps] = await ctx.db.select({ n: count() }).from(competencyKnowledgePoints).where(eq(competencyKnowledgePoints.knowledgePointId, id));
  if (Number(lessons!.n) || Number(comps!.n)) {
    throw new AppError('CONFLICT', 'the knowledge point is in use', { reason: 'KNOWLEDGE_POINT_IN_USE', lessons: Number(lessons!.n), competencies: Number(comps!.n) });
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(kp).where(eq(kp.id, id));
    await recordAudit(tx, { entityType: 'knowledge_point', entityId: id, action: 'delete', organisationId: before.organisationId, before: { code: before.code, name: before.name } });
  });
}

/**
 * Makes `prerequisiteId` a prerequisite of the knowledge point. An edge that closes a loop (the point is already
 * needed, directly or not, before its would-be prerequisite) is refused with PREREQUISITE_CYCLE and the loop's path.
 */
export async function addPrerequisite(ctx: Ctx, id: string, prerequisiteId: string): Promise<KnowledgePointGraph> {
  const point = await ownPoint(ctx, id);
  const prerequisite = await findKnowledgePoint(ctx.db, ctx.actor, prerequisiteId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'no such knowledge point', { issues: [{ path: 'prerequisiteId', code: 'NOT_FOUND', message: 'no knowledge point you may use has this id' }] });
  });
  const loop = id === prerequisiteId ? [id, id] : (await walkPrerequisites(ctx.db, prerequisiteId)).find((s) => s.id === id)?.path;
  if (loop) {
    const names = await namesOf(ctx.db, loop);
    const path = [id, ...(id === prerequisiteId ? [id] : loop)].map((pid) => ({ id: pid, name: names.get(pid) ?? '' }));
    throw new AppError('VALIDATION_FAILED', `the prerequisite would close a loop: ${path.map((p) => p.name).join(' → ')}`, {
      issues: [{ path: 'prerequisiteId', code: 'PREREQUISITE_CYCLE', message: 'this prerequisite already depends on the knowledge point' }],
      reason: 'PREREQUISITE_CYCLE',
      cycle: path,
    });
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(edges).values({ knowledgePointId: id, prerequisiteId }).onConflictDoNothing();
    await recordAudit(tx, { entityType: 'knowledge_point', entityId: id, action: 'add_prerequisite', organisationId: point.organisationId, after: { prerequisiteId, name: prerequisite.name } });
  });
  return knowledgePointGraph(ctx.db, ctx.actor, id);
}

export async function removePrerequisite(ctx: Ctx, id: string, prerequisiteId: string): Promise<KnowledgePointGraph> {
  const point = await ownPoint(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db.delete(edges).where(and(eq(edges.knowledgePointId, id), eq(edges.prerequisiteId, prerequisiteId))).returning();
    if (!removed.length) throw notFound('prerequisite');
    await recordAudit(tx, { entityType: 'knowledge_point', entityId: id, action: 'remove_prerequisite', organisationId: point.organisationId, before: { prerequisiteId } });
  });
  return knowledgePointGraph(ctx.db, ctx.actor, id);
}

/** Checks that every id names a knowledge point the actor may use; a 400 at `path.i` for each that does not. */
export async function checkPointIds(db: Db, actor: Actor, ids: readonly string[], path: string): Promise<Map<string, string>> {
  const found = ids.length ? await db.select({ id: kp.id, name: kp.name }).from(kp).where(and(inArray(kp.id, [...ids]), visibleTo(actor, kp))) : [];
  const names = new Map(found.map((r) => [r.id, r.name]));
  const issues = ids.flatMap((pid, i) => (names.has(pid) ? [] : [{ path: `${path}.${i}`, code: 'UNKNOWN_KNOWLEDGE_POINT', message: 'no knowledge point you may use has this id' }]));
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  return names;
}
