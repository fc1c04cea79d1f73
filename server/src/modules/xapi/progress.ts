import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { LearningProgressPage, LearningProgressRow, learningProgressQuery } from '@fulcrum/shared';
import { learningProgress, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { orderBy, paginate } from '../../lib/list.ts';
import { catchUpProjection } from './projector.ts';

const P = learningProgress;

const columns = {
  personId: P.personId,
  personName: people.name,
  activityId: P.activityId,
  activityName: P.activityName,
  status: P.status,
  completed: P.completed,
  success: P.success,
  progress: P.progress,
  scoreScaled: P.scoreScaled,
  studySeconds: P.studySeconds,
  firstAt: P.firstAt,
  lastAt: P.lastAt,
};

type Selected = Omit<LearningProgressRow, 'status' | 'firstAt' | 'lastAt'> & { status: string; firstAt: Date; lastAt: Date };

function toRow(row: Selected): LearningProgressRow {
  return {
    ...row,
    status: row.status as LearningProgressRow['status'],
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
  };
}

/** `%` and `_` typed by a user are text to find, not patterns. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The organisation's learners' standing on each activity, for its training staff. Waits for the projection to catch
 * up first, so statements stored just before are counted.
 */
export async function listLearningProgress(ctx: Ctx, query: z.infer<typeof learningProgressQuery>, publicUrl: string): Promise<LearningProgressPage> {
  await catchUpProjection(ctx.db, publicUrl);
  const filters: (SQL | undefined)[] = [eq(P.organisationId, ctx.actor.organisationId)];
  if (query.personId) filters.push(eq(P.personId, query.personId));
  // An activity is found by its IRI, or by a part of its name.
  if (query.activity) filters.push(or(eq(P.activityId, query.activity), ilike(P.activityName, containing(query.activity))));
  const where = and(...filters);
  const list = ctx.db
    .select(columns)
    .from(P)
    .innerJoin(people, eq(people.id, P.personId))
    .where(where)
    .orderBy(...orderBy(query.sort, { lastAt: P.lastAt, personName: sql`${people.name} collate "C"` }, [desc(P.lastAt)], P.personId), asc(P.activityId))
    .$dynamic();
  return paginate(list, ctx.db.select({ n: count() }).from(P).where(where), query, toRow);
}

/** A learner's own standing on every activity they have statements about, newest first (the phone page). */
export async function myLearningProgress(ctx: Ctx, personId: string, publicUrl: string): Promise<LearningProgressRow[]> {
  await catchUpProjection(ctx.db, publicUrl);
  const rows = await ctx.db
    .select(columns)
    .from(P)
    .innerJoin(people, eq(people.id, P.personId))
    .where(eq(P.personId, personId))
    .orderBy(desc(P.lastAt), asc(P.activityId));
  return rows.map(toRow);
}
