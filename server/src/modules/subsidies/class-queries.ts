import { and, count, desc, eq, getTableColumns, gte, ilike, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  classStatuses,
  type ApprenticeshipClass,
  type ApprenticeshipClassCounts,
  type ClassKind,
  type ClassStatus,
  type InstitutionKind,
  type ListApprenticeshipClassesQuery,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, organisations, trainingCentres } from '../../db/schema/index.ts';
import { reachOf } from '../../lib/authorize.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { countAll, orderBy, paginate, type Page } from '../../lib/list.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { likePattern } from '../organisations/queries.ts';
import { classWorkflow, offeredTransitions } from './workflows.ts';

const C = apprenticeshipClasses;

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => shanghaiDateOf(ctx.clock.now());

/**
 * The classes an actor reaches: a system admin all; a department its region's once filed (a draft stays the
 * organiser's; the FIC sees its own drafts); an enterprise or chamber (and its instructors) its own.
 */
export function classReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') {
    // A draft, and a draft withdrawn before it was ever filed, stay private to the organiser.
    const everFiled = and(ne(C.status, 'draft'), or(ne(C.status, 'withdrawn'), isNotNull(C.filedAt)));
    return and(eq(C.regionId, reach.regionId), or(everFiled, eq(C.organisationId, actor.organisationId)));
  }
  if (reach.kind === 'organisation') return eq(C.organisationId, reach.organisationId);
  return undefined;
}

const centreOrganisation = alias(organisations, 'centre_organisation');

/** Roster counts as correlated subqueries, so a list page needs one query. */
const rosterCount = (filter: SQL) => sql<number>`(select count(*) from apprentices a where a.class_id = ${C.id} and ${filter})`.mapWith(Number);

function selectClasses(db: Db) {
  return db
    .select({
      ...getTableColumns(C),
      organisationName: organisations.name,
      trainingCentreName: centreOrganisation.name,
      rosterTotal: rosterCount(sql`true`),
      rosterActive: rosterCount(sql`a.status = 'active'`),
      rosterCompleted: rosterCount(sql`a.status = 'completed'`),
      rosterLeft: rosterCount(sql`a.status = 'left'`),
      rosterCertified: rosterCount(
        sql`a.status = 'completed' and a.assessment_passed and a.level_reached <= ${C.targetLevel} and a.certificate_no is not null`,
      ),
    })
    .from(C)
    .innerJoin(organisations, eq(organisations.id, C.organisationId))
    .leftJoin(trainingCentres, eq(trainingCentres.id, C.trainingCentreId))
    .leftJoin(centreOrganisation, eq(centreOrganisation.id, trainingCentres.organisationId));
}
export type ClassRow = Awaited<ReturnType<typeof selectClasses>>[number];

/** A class as the API returns it, with the buttons this actor gets (the owner rule of workflows.ts included). */
export function toApprenticeshipClass(row: ClassRow, actor: Actor, today: string): ApprenticeshipClass {
  const status = row.status as ClassStatus;
  return {
    id: row.id,
    registrationNo: row.registrationNo,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    regionId: row.regionId,
    kind: row.kind as ClassKind,
    name: row.name,
    institutionKind: row.institutionKind as InstitutionKind,
    trainingCentreId: row.trainingCentreId,
    trainingCentreName: row.trainingCentreName,
    institutionName: row.institutionName,
    occupation: row.occupation,
    targetLevel: row.targetLevel,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    durationYears: row.durationYears,
    durationReason: row.durationReason,
    enterpriseTutor: row.enterpriseTutor,
    institutionTutor: row.institutionTutor,
    trainingPlan: row.trainingPlan,
    attachmentIds: row.attachmentIds,
    status,
    dueOn: row.dueOn,
    overdue: row.dueOn !== null && row.dueOn < today,
    counts: { roster: row.rosterTotal, active: row.rosterActive, completed: row.rosterCompleted, certified: row.rosterCertified, left: row.rosterLeft },
    filedAt: row.filedAt?.toISOString() ?? null,
    registeredOn: row.registeredOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableTransitions: offeredTransitions(classWorkflow, actor, { status, organisationId: row.organisationId }),
  };
}

/** One class within the actor's reach (its row locked FOR UPDATE when `forUpdate`, inside a transaction); null: 404. */
export async function findClass(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ClassRow | null> {
  if (forUpdate) {
    const [locked] = await db.select({ id: C.id }).from(C).where(and(eq(C.id, id), classReach(actor))).for('update');
    if (!locked) return null;
  }
  const [row] = await selectClasses(db).where(and(eq(C.id, id), classReach(actor)));
  return row ?? null;
}

/** One class within reach as the API returns it; null when out of reach. */
export async function classDetail(db: Db, actor: Actor, id: string, today: string): Promise<ApprenticeshipClass | null> {
  const row = await findClass(db, actor, id);
  return row ? toApprenticeshipClass(row, actor, today) : null;
}

function classFilters(actor: Actor, query: Partial<ListApprenticeshipClassesQuery>, today: string) {
  return and(
    classReach(actor),
    query.status ? eq(C.status, query.status) : undefined,
    query.kind ? eq(C.kind, query.kind) : undefined,
    query.year ? and(gte(C.startsOn, `${query.year}-01-01`), lt(C.startsOn, `${query.year + 1}-01-01`)) : undefined,
    query.occupation ? eq(C.occupation, query.occupation) : undefined,
    query.q ? or(ilike(C.name, likePattern(query.q)), ilike(organisations.name, likePattern(query.q)), ilike(C.registrationNo, likePattern(query.q))) : undefined,
    query.overdue === true ? lt(C.dueOn, today) : undefined,
    query.overdue === false ? or(isNull(C.dueOn), gte(C.dueOn, today)) : undefined,
  );
}

/** A page of the classes within reach (or up to the export cap for format=xlsx). */
export async function listClasses(ctx: Ctx, query: ListApprenticeshipClassesQuery): Promise<Page<ApprenticeshipClass>> {
  const today = todayOf(ctx);
  const where = classFilters(ctx.actor, query, today);
  return paginate(
    selectClasses(ctx.db)
      .where(where)
      .orderBy(...orderBy(query.sort, { startsOn: C.startsOn, updatedAt: C.updatedAt, dueOn: C.dueOn, name: sql`${C.name} collate "C"` }, [desc(C.updatedAt)], C.id))
      .$dynamic(),
    ctx.db.select(countAll()).from(C).innerJoin(organisations, eq(organisations.id, C.organisationId)).where(where),
    query,
    (row) => toApprenticeshipClass(row, ctx.actor, today),
  );
}

/** Classes within reach per status, for the queue's tabs. */
export async function countClasses(ctx: Ctx): Promise<ApprenticeshipClassCounts> {
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ status: C.status, n: count(), overdue: sql<number>`count(*) filter (where ${C.dueOn} < ${today})`.mapWith(Number) })
    .from(C)
    .where(classReach(ctx.actor))
    .groupBy(C.status);
  const byStatus = Object.fromEntries(classStatuses.map((s) => [s, 0])) as Record<ClassStatus, number>;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status as ClassStatus] = Number(row.n);
    overdue += row.overdue;
  }
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), overdue, byStatus };
}
