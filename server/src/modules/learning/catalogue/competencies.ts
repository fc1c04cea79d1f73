import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Competency } from '@fulcrum/shared';
import { createCompetencyRequest, updateCompetencyRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { competencies, competencyKnowledgePoints, knowledgePoints } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { checkPointIds } from './knowledge-points.ts';
import { assertEditor, cataloguePolicy, checkVisibility, visibleTo } from './policy.ts';

type Row = typeof competencies.$inferSelect;
type LevelPoint = { knowledgePointId: string; level: number };

async function withPoints(db: Db, rows: Row[]): Promise<Competency[]> {
  const ids = rows.map((r) => r.id);
  const points = ids.length
    ? await db
        .select({ competencyId: competencyKnowledgePoints.competencyId, knowledgePointId: competencyKnowledgePoints.knowledgePointId, level: competencyKnowledgePoints.level, name: knowledgePoints.name })
        .from(competencyKnowledgePoints)
        .innerJoin(knowledgePoints, eq(knowledgePoints.id, competencyKnowledgePoints.knowledgePointId))
        .where(inArray(competencyKnowledgePoints.competencyId, ids))
        .orderBy(asc(competencyKnowledgePoints.level), asc(knowledgePoints.code))
    : [];
  return rows.map((row) => ({
    id: row.id, organisationId: row.organisationId, code: row.code, name: row.name, description: row.description, maxLevel: row.maxLevel,
    visibility: row.visibility as Competency['visibility'],
    knowledgePoints: points.filter((p) => p.competencyId === row.id).map(({ knowledgePointId, level, name }) => ({ knowledgePointId, level, name })),
  }));
}

/** The competencies the actor may use: their organisation's and the district's. */
export async function listCompetencies(db: Db, actor: Actor): Promise<Competency[]> {
  authorize(actor, cataloguePolicy, 'read');
  return withPoints(db, await db.select().from(competencies).where(visibleTo(actor, competencies)).orderBy(asc(competencies.code)));
}

/** A competency the actor may see (404 otherwise). */
export async function findCompetency(db: Db, actor: Actor, id: string): Promise<Row> {
  authorize(actor, cataloguePolicy, 'read');
  const [row] = await db.select().from(competencies).where(and(eq(competencies.id, id), visibleTo(actor, competencies)));
  if (!row) throw notFound('competency');
  return row;
}

export async function getCompetency(db: Db, actor: Actor, id: string): Promise<Competency> {
  return (await withPoints(db, [await findCompetency(db, actor, id)]))[0]!;
}

/** Every level a knowledge point is needed from lies within 1..maxLevel, and the points are ones the actor may use. */
async function checkLevels(db: Db, actor: Actor, points: LevelPoint[], maxLevel: number) {
  const issues = points.flatMap((p, i) => (p.level > maxLevel ? [{ path: `knowledgePoints.${i}.level`, code: 'LEVEL_ABOVE_MAX', message: `levels run from 1 to ${maxLevel}` }] : []));
  if (issues.length) throw invalid(issues);
  await checkPointIds(db, actor, points.map((p) => p.knowledgePointId), 'knowledgePoints');
}

async function writePoints(db: Db, competencyId: string, points: LevelPoint[]) {
  await db.delete(competencyKnowledgePoints).where(eq(competencyKnowledgePoints.competencyId, competencyId));
  const unique = [...new Map(points.map((p) => [p.knowledgePointId, p])).values()];
  if (unique.length) await db.insert(competencyKnowledgePoints).values(unique.map((p) => ({ competencyId, ...p })));
}

export async function createCompetency(ctx: Ctx, input: z.output<typeof createCompetencyRequest>): Promise<Competency> {
  assertEditor(ctx.actor);
  checkVisibility(ctx.actor, input.visibility);
  await checkLevels(ctx.db, ctx.actor, input.knowledgePoints, input.maxLevel);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { knowledgePoints: points, ...fields } = input;
    const [row] = await tx.db.insert(competencies).values({ ...fields, organisationId: tx.actor.organisationId, createdAt: now, updatedAt: now }).returning();
    await writePoints(tx.db, row!.id, points);
    await recordAudit(tx, { entityType: 'competency', entityId: row!.id, action: 'create', organisationId: row!.organisationId, after: input });
    return row!.id;
  });
  return getCompetency(ctx.db, ctx.actor, id);
}

export async function updateCompetency(ctx: Ctx, id: string, input: z.output<typeof updateCompetencyRequest>): Promise<Competency> {
  assertEditor(ctx.actor);
  const before = await findCompetency(ctx.db, ctx.actor, id);
  if (before.organisationId !== ctx.actor.organisationId) throw notFound('competency');
  checkVisibility(ctx.actor, input.visibility);
  const maxLevel = input.maxLevel ?? before.maxLevel;
  const points = input.knowledgePoints ?? (await getCompetency(ctx.db, ctx.actor, id)).knowledgePoints;
  await checkLevels(ctx.db, ctx.actor, points, maxLevel);
  await inTransaction(ctx, async (tx) => {
    const { knowledgePoints: newPoints, ...fields } = input;
    await tx.db.update(competencies).set({ ...fields, updatedAt: tx.clock.now() }).where(eq(competencies.id, id));
    if (newPoints) await writePoints(tx.db, id, newPoints);
    await recordAudit(tx, { entityType: 'competency', entityId: id, action: 'update', organisationId: before.organisationId, before: { name: before.name, maxLevel: before.maxLevel }, after: input });
  });
  return getCompetency(ctx.db, ctx.actor, id);
}
