import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { CentreTraining, ListTrainingsQuery, RecordTrainingRequest } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { centreTrainings } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { assertCentreHasRights, assertInScope, assertMatchOfCentre, findCentre, yearBounds } from './centres.ts';
import { centreOperationsPolicy } from './policy.ts';

type TrainingRow = typeof centreTrainings.$inferSelect;

export const toCentreTraining = (row: TrainingRow): CentreTraining => ({
  id: row.id,
  centreId: row.centreId,
  occupation: row.occupation,
  level: row.level,
  title: row.title,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  traineeCount: row.traineeCount,
  matchId: row.matchId,
  createdAt: row.createdAt.toISOString(),
});

/** Records a training (class) the centre delivers: within its scope, while it has its rights; it uses annual capacity. */
export async function recordTraining(ctx: Ctx, centreId: string, input: RecordTrainingRequest): Promise<CentreTraining> {
  authorize(ctx.actor, centreOperationsPolicy, 'recordTraining');
  const today = shanghaiDateOf(ctx.clock.now());
  return inTransaction(ctx, async (tx) => {
    const { centre } = await findCentre(tx.db, tx.actor, centreId, { lock: true });
    if (input.startsOn < centre.certifiedOn) {
      throw invalid([{ path: 'body.startsOn', code: 'BEFORE_CERTIFICATION', message: `may not be before the centre's certification on ${centre.certifiedOn}` }]);
    }
    assertCentreHasRights(centre, [today, input.startsOn]);
    await assertInScope(tx.db, centre.id, input.occupation, input.level);
    await assertMatchOfCentre(tx.db, centre.id, input.matchId);
    const [row] = await tx.db
      .insert(centreTrainings)
      .values({
        centreId: centre.id,
        organisationId: centre.organisationId,
        occupation: input.occupation,
        level: input.level,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        traineeCount: input.traineeCount,
        matchId: input.matchId ?? null,
        createdBy: tx.actor.userId,
        createdAt: tx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const recorded = toCentreTraining(row);
    await recordAudit(tx, { entityType: 'centre_training', entityId: row.id, action: 'record', organisationId: centre.organisationId, regionId: centre.regionId, after: recorded });
    return recorded;
  });
}

export async function listTrainings(db: Db, actor: Actor, centreId: string, query: ListTrainingsQuery) {
  authorize(actor, centreOperationsPolicy, 'read');
  await findCentre(db, actor, centreId);
  const bounds = query.year ? yearBounds(query.year) : undefined;
  const where: SQL | undefined = and(
    eq(centreTrainings.centreId, centreId),
    bounds ? gte(centreTrainings.startsOn, bounds.first) : undefined,
    bounds ? lte(centreTrainings.startsOn, bounds.last) : undefined,
    query.occupation ? eq(centreTrainings.occupation, query.occupation) : undefined,
  );
  return paginate(
    db
      .select()
      .from(centreTrainings)
      .where(where)
      .orderBy(...orderBy(query.sort, { startsOn: centreTrainings.startsOn, createdAt: centreTrainings.createdAt }, [desc(centreTrainings.startsOn)], centreTrainings.id))
      .$dynamic(),
    db.select(countAll()).from(centreTrainings).where(where),
    query,
    toCentreTraining,
  );
}
