import { and, desc, eq, gte, lte, sum, type SQL } from 'drizzle-orm';
import type { SaveTrainingCostRequest, TrainingCost, TrainingCostPage, TrainingCostsQuery } from '@fulcrum/shared';
import { trainingCosts, trainingProjects } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../../lib/list.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { enterpriseOf, reportPolicy } from './scope.ts';

/*
 * Training costs an enterprise records for the input side of ROI (fees, venue, materials), in integer fen. Only its
 * own admins and training managers read and write them; another organisation's cost is a 404. Every change is audited.
 */

const C = trainingCosts;
const columns = {
  id: C.id,
  spentOn: C.spentOn,
  amountFen: C.amountFen,
  description: C.description,
  projectId: C.projectId,
  projectTitle: trainingProjects.title,
  createdAt: C.createdAt,
};
type CostRow = { id: string; spentOn: string; amountFen: number; description: string; projectId: string | null; projectTitle: string | null; createdAt: Date };
const present = (r: CostRow): TrainingCost => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function listTrainingCosts(ctx: Ctx, query: TrainingCostsQuery): Promise<TrainingCostPage> {
  const organisationId = enterpriseOf(ctx);
  const where: SQL[] = [eq(C.organisationId, organisationId)];
  if (query.from) where.push(gte(C.spentOn, query.from));
  if (query.to) where.push(lte(C.spentOn, query.to));
  const filter = and(...where);
  const rows = ctx.db
    .select(columns)
    .from(C)
    .leftJoin(trainingProjects, eq(trainingProjects.id, C.projectId))
    .where(filter)
    .orderBy(...orderBy(query.sort, { spentOn: C.spentOn, amountFen: C.amountFen }, [desc(C.spentOn)], C.id))
    .$dynamic();
  const page = await paginate(rows, ctx.db.select(countAll()).from(C).where(filter), query, present);
  const [total] = await ctx.db.select({ fen: sum(C.amountFen) }).from(C).where(filter);
  return { ...page, totalFen: Number(total?.fen ?? 0) };
}

async function loadCost(ctx: Ctx, id: string): Promise<CostRow> {
  const [row] = await ctx.db
    .select(columns)
    .from(C)
    .leftJoin(trainingProjects, eq(trainingProjects.id, C.projectId))
    .where(and(eq(C.id, id), eq(C.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('training cost');
  return row;
}

async function checkCost(ctx: Ctx, input: SaveTrainingCostRequest): Promise<void> {
  if (input.spentOn > shanghaiDateOf(ctx.clock.now())) throw invalid([{ path: 'body.spentOn', code: 'DATE_IN_FUTURE', message: 'record costs once they are spent' }]);
  if (!input.projectId) return;
  const [project] = await ctx.db
    .select({ id: trainingProjects.id })
    .from(trainingProjects)
    .where(and(eq(trainingProjects.id, input.projectId), eq(trainingProjects.organisationId, ctx.actor.organisationId)));
  if (!project) throw invalid([{ path: 'body.projectId', code: 'PROJECT_NOT_FOUND', message: 'no such training project of your organisation' }]);
}

const values = (input: SaveTrainingCostRequest) => ({ spentOn: input.spentOn, amountFen: input.amountFen, description: input.description, projectId: input.projectId ?? null });

export async function createTrainingCost(ctx: Ctx, input: SaveTrainingCostRequest): Promise<TrainingCost> {
  authorize(ctx.actor, reportPolicy, 'writeCosts');
  await checkCost(ctx, input);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(C).values({ ...values(input), organisationId: tx.actor.organisationId, createdBy: tx.actor.userId }).returning({ id: C.id });
    await recordAudit(tx, { entityType: 'training_cost', entityId: row!.id, action: 'create', organisationId: tx.actor.organisationId, after: values(input) });
    return row!.id;
  });
  return present(await loadCost(ctx, id));
}

export async function updateTrainingCost(ctx: Ctx, id: string, input: SaveTrainingCostRequest): Promise<TrainingCost> {
  authorize(ctx.actor, reportPolicy, 'writeCosts');
  const before = await loadCost(ctx, id);
  await checkCost(ctx, input);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(C).set(values(input)).where(eq(C.id, id));
    const { spentOn, amountFen, description, projectId } = before;
    await recordAudit(tx, { entityType: 'training_cost', entityId: id, action: 'update', organisationId: tx.actor.organisationId, before: { spentOn, amountFen, description, projectId }, after: values(input) });
  });
  return present(await loadCost(ctx, id));
}

export async function deleteTrainingCost(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, reportPolicy, 'writeCosts');
  const before = await loadCost(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(C).where(eq(C.id, id));
    const { spentOn, amountFen, description, projectId } = before;
    await recordAudit(tx, { entityType: 'training_cost', entityId: id, action: 'delete', organisationId: tx.actor.organisationId, before: { spentOn, amountFen, description, projectId } });
  });
}
