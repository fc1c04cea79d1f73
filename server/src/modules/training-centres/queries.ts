import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  applicationStatuses,
  occupationByCode,
  occupations,
  type ApplicationStatus,
  type ApplicationTransition,
  type BatchStatus,
  type BatchTransition,
  type EffectiveCentreStatus,
  type ListSelectionBatchesQuery,
  type ListTrainingCentreApplicationsQuery,
  type ListTrainingCentresQuery,
  type ScopeItem,
  type SelectionBatch,
  type TrainingCentre,
  type TrainingCentreApplication,
  type TrainingCentreApplicationCounts,
  type TrainingCentreApplicationSummary,
  effectiveCentreStatus,
  type CentreStatus,
} from '@fulcrum/shared';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  industrialParks,
  organisations,
  publicNotices,
  selectionBatches,
  trainingCentreApplications,
  trainingCentres,
  trainingCentreScopes,
  workflowEvents,
} from '../../db/schema/index.ts';
import { reachOf } from '../../lib/authorize.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { countAll, orderBy, paginate, type Page } from '../../lib/list.ts';
import { availableTransitions } from '../../lib/workflow.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { likePattern } from '../organisations/queries.ts';
import { applicationWorkflow, batchWorkflow, directApplicationTransitions } from './workflows.ts';

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => shanghaiDateOf(ctx.clock.now());

// ---------------------------------------------------------------------------------------------
// Applications

const A = trainingCentreApplications;

/** The applications an actor reaches: a system admin all; a department its region's once submitted (drafts stay private); an enterprise its own. */
function applicationReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return and(eq(A.regionId, reach.regionId), isNotNull(A.submittedAt));
  if (reach.kind === 'organisation') return eq(A.organisationId, reach.organisationId);
  return undefined;
}

const applicationSelection = {
  ...getTableColumns(A),
  organisationName: organisations.name,
  batchName: selectionBatches.name,
  batchStatus: selectionBatches.status,
};

function selectApplications(db: Db) {
  return db.select(applicationSelection).from(A).innerJoin(organisations, eq(organisations.id, A.organisationId)).leftJoin(selectionBatches, eq(selectionBatches.id, A.batchId));
}
export type ApplicationRow = Awaited<ReturnType<typeof selectApplications>>[number];

/** Who recorded the on-site check of each application: the one user who may not then approve it. */
async function onsiteCheckers(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!ids.length) return found;
  const rows = await db
    .select({ entityId: workflowEvents.entityId, userId: workflowEvents.actorUserId })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.process, applicationWorkflow.process), eq(workflowEvents.transition, 'record_onsite_check'), inArray(workflowEvents.entityId, [...ids])))
    .orderBy(asc(workflowEvents.id));
  for (const row of rows) if (row.userId) found.set(row.entityId, row.userId);
  return found;
}

/** The user who recorded an application's latest on-site check (separation of duties: they may not approve it). */
export async function onsiteCheckerOf(db: Db, id: string): Promise<string | undefined> {
  return (await onsiteCheckers(db, [id])).get(id);
}

function applicationActions(actor: Actor, row: ApplicationRow, checker: string | undefined): ApplicationTransition[] {
  const offered: readonly ApplicationTransition[] = [...directApplicationTransitions, 'add_to_batch', 'remove_from_batch'];
  return availableTransitions(applicationWorkflow, actor, row.status as ApplicationStatus).filter((name) => {
    if (!offered.includes(name)) return false;
    if (name === 'approve' && checker === actor.userId) return false;
    if (name === 'remove_from_batch') return row.batchStatus === 'open';
    return true;
  });
}

function toApplication(row: ApplicationRow, actor: Actor, today: string, checker: string | undefined): TrainingCentreApplication {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    regionId: row.regionId,
    status: row.status as ApplicationStatus,
    scope: row.scope as TrainingCentreApplication['scope'],
    facilities: row.facilities,
    instructors: row.instructors as TrainingCentreApplication['instructors'],
    annualPlan: row.annualPlan,
    annualCapacity: row.annualCapacity,
    pastTraining: row.pastTraining,
    attachmentIds: row.attachmentIds,
    onsiteCheck: row.onsiteCheck ? { date: row.onsiteCheck.date, findings: row.onsiteCheck.findings, passed: row.onsiteCheck.passed } : null,
    batchId: row.batchId,
    batchName: row.batchName,
    dueOn: row.dueOn,
    overdue: row.dueOn !== null && row.dueOn < today,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableTransitions: applicationActions(actor, row, checker),
  };
}

/** Shapes application rows for an actor (their buttons included). */
export async function toApplications(ctx: Ctx, rows: ApplicationRow[]): Promise<TrainingCentreApplication[]> {
  const today = todayOf(ctx);
  const checkers = ctx.actor.role === 'department_reviewer' ? await onsiteCheckers(ctx.db, rows.filter((r) => r.status === 'onsite_checked').map((r) => r.id)) : new Map<string, string>();
  return rows.map((row) => toApplication(row, ctx.actor, today, checkers.get(row.id)));
}

/** One application within the actor's reach (FOR UPDATE inside a transaction when `lock`); undefined: 404. */
export async function findApplication(db: Db, actor: Actor, id: string, lock = false): Promise<ApplicationRow | undefined> {
  if (lock) {
    const [locked] = await db.select({ id: A.id }).from(A).where(and(eq(A.id, id), applicationReach(actor))).for('update');
    if (!locked) return undefined;
  }
  const [row] = await selectApplications(db).where(and(eq(A.id, id), applicationReach(actor)));
  return row;
}

export async function readApplication(ctx: Ctx, row: ApplicationRow): Promise<TrainingCentreApplication> {
  const [shaped] = await toApplications(ctx, [row]);
  return shaped!;
}

function applicationFilters(actor: Actor, query: Partial<ListTrainingCentreApplicationsQuery>, today: string) {
  return and(
    applicationReach(actor),
    query.status ? eq(A.status, query.status) : undefined,
    query.batchId ? eq(A.batchId, query.batchId) : undefined,
    query.q ? ilike(organisations.name, likePattern(query.q)) : undefined,
    query.overdue === true ? lt(A.dueOn, today) : undefined,
    query.overdue === false ? or(isNull(A.dueOn), gte(A.dueOn, today)) : undefined,
  );
}

export async function listApplications(ctx: Ctx, query: ListTrainingCentreApplicationsQuery): Promise<Page<TrainingCentreApplication>> {
  const where = applicationFilters(ctx.actor, query, todayOf(ctx));
  const page = await paginate(
    selectApplications(ctx.db)
      .where(where)
      .orderBy(...orderBy(query.sort, { submittedAt: A.submittedAt, updatedAt: A.updatedAt, dueOn: A.dueOn }, [desc(A.updatedAt)], A.id))
      .$dynamic(),
    ctx.db.select(countAll()).from(A).innerJoin(organisations, eq(organisations.id, A.organisationId)).where(where),
    query,
    (row) => row,
  );
  return { ...page, items: await toApplications(ctx, page.items) };
}

/** Applications within reach per status, for the queue's tabs. */
export async function countApplications(ctx: Ctx): Promise<TrainingCentreApplicationCounts> {
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ status: A.status, n: count(), overdue: sql<number>`count(*) filter (where ${A.dueOn} < ${today})`.mapWith(Number) })
    .from(A)
    .where(applicationReach(ctx.actor))
    .groupBy(A.status);
  const byStatus = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status as ApplicationStatus] = Number(row.n);
    overdue += row.overdue;
  }
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), overdue, byStatus };
}

/** The applications of a batch as its page lists them (in the order of its public notice). */
export async function batchApplications(db: Db, batchId: string): Promise<TrainingCentreApplicationSummary[]> {
  const rows = await db
    .select({
      id: A.id,
      organisationId: A.organisationId,
      organisationName: organisations.name,
      uscc: organisations.uscc,
      industrialParkName: industrialParks.nameZh,
      status: A.status,
      scope: A.scope,
      annualCapacity: A.annualCapacity,
      submittedAt: A.submittedAt,
    })
    .from(A)
    .innerJoin(organisations, eq(organisations.id, A.organisationId))
    .leftJoin(industrialParks, eq(industrialParks.id, organisations.industrialParkId))
    .where(eq(A.batchId, batchId))
    .orderBy(sql`${organisations.name} collate "C"`, A.id);
  return rows.map((r) => ({
    ...r,
    status: r.status as ApplicationStatus,
    scope: r.scope as ScopeItem[],
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Batches

const B = selectionBatches;

/** Batches are the departments' own records: a department reaches its region's, a system admin all. */
function batchReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return eq(B.regionId, reach.regionId);
  if (reach.kind === 'organisation') return sql`false`;
  return undefined;
}

const applicationCount = sql<number>`(select count(*) from ${A} where ${A.batchId} = ${B.id})`.mapWith(Number);

function selectBatches(db: Db) {
  return db
    .select({ ...getTableColumns(B), noticeStartsOn: publicNotices.startsOn, noticeEndsOn: publicNotices.endsOn, applicationCount })
    .from(B)
    .leftJoin(publicNotices, eq(publicNotices.id, B.noticeId));
}
export type BatchRow = Awaited<ReturnType<typeof selectBatches>>[number];

export function toBatch(row: BatchRow, actor: Actor): SelectionBatch {
  return {
    id: row.id,
    regionId: row.regionId,
    name: row.name,
    year: row.year,
    quota: row.quota,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    validityYears: row.validityYears,
    status: row.status as BatchStatus,
    noticeId: row.noticeId,
    notice: row.noticeStartsOn && row.noticeEndsOn ? { startsOn: row.noticeStartsOn, endsOn: row.noticeEndsOn } : null,
    applicationCount: row.applicationCount,
    availableTransitions: availableTransitions(batchWorkflow, actor, row.status as BatchStatus).filter(
      (name: BatchTransition) => name !== 'cancel' || row.applicationCount === 0,
    ),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One batch within reach (FOR UPDATE when `lock`); undefined: 404. */
export async function findBatch(db: Db, actor: Actor, id: string, lock = false): Promise<BatchRow | undefined> {
  if (lock) {
    const [locked] = await db.select({ id: B.id }).from(B).where(and(eq(B.id, id), batchReach(actor))).for('update');
    if (!locked) return undefined;
  }
  const [row] = await selectBatches(db).where(and(eq(B.id, id), batchReach(actor)));
  return row;
}

export function listBatches(db: Db, actor: Actor, query: ListSelectionBatchesQuery): Promise<Page<SelectionBatch>> {
  const where = and(
    batchReach(actor),
    query.status ? eq(B.status, query.status) : undefined,
    query.year ? eq(B.year, query.year) : undefined,
    query.q ? ilike(B.name, likePattern(query.q)) : undefined,
  );
  return paginate(
    selectBatches(db)
      .where(where)
      .orderBy(...orderBy(query.sort, { createdAt: B.createdAt, year: B.year, name: sql`${B.name} collate "C"` }, [desc(B.createdAt)], B.id))
      .$dynamic(),
    db.select(countAll()).from(B).where(where),
    query,
    (row) => toBatch(row, actor),
  );
}

// ---------------------------------------------------------------------------------------------
// Centres

const C = trainingCentres;

function centreReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return eq(C.regionId, reach.regionId);
  if (reach.kind === 'organisation') return eq(C.organisationId, reach.organisationId);
  return undefined;
}

/** The department that ran a centre's selection batch: the issuer its certificate names. */
const issuer = alias(organisations, 'issuer');

function selectCentres(db: Db) {
  return db
    .select({
      ...getTableColumns(C),
      organisationName: organisations.name,
      industryDivision: organisations.industryDivision,
      industrialParkId: organisations.industrialParkId,
      industrialParkName: industrialParks.nameZh,
      issuerName: issuer.name,
    })
    .from(C)
    .innerJoin(organisations, eq(organisations.id, C.organisationId))
    .leftJoin(industrialParks, eq(industrialParks.id, organisations.industrialParkId))
    .leftJoin(selectionBatches, eq(selectionBatches.id, C.batchId))
    .leftJoin(issuer, eq(issuer.id, selectionBatches.organisationId));
}
type CentreRow = Awaited<ReturnType<typeof selectCentres>>[number];

const occupationOrder = new Map<string, number>(occupations.map((o, i) => [o.code, i]));

/** A scope from its (occupation, level) rows: catalogue order, levels from 5 初级 up to 1 高级技师. */
export function scopeFromRows(rows: readonly { occupation: string; level: number }[]): ScopeItem[] {
  const byOccupation = new Map<string, number[]>();
  for (const row of rows) byOccupation.set(row.occupation, [...(byOccupation.get(row.occupation) ?? []), row.level]);
  return [...byOccupation]
    .sort(([a], [b]) => (occupationOrder.get(a) ?? 999) - (occupationOrder.get(b) ?? 999) || a.localeCompare(b))
    .map(([occupation, levels]) => ({ occupation, levels: levels.sort((x, y) => y - x) }) as ScopeItem);
}

/** Scope rows of centres, by centre id. */
export async function scopesOf(db: Db, centreIds: readonly string[]): Promise<Map<string, ScopeItem[]>> {
  const result = new Map<string, ScopeItem[]>();
  if (!centreIds.length) return result;
  const rows = await db.select().from(trainingCentreScopes).where(inArray(trainingCentreScopes.centreId, [...centreIds]));
  const grouped = new Map<string, { occupation: string; level: number }[]>();
  for (const row of rows) grouped.set(row.centreId, [...(grouped.get(row.centreId) ?? []), row]);
  for (const [id, items] of grouped) result.set(id, scopeFromRows(items));
  return result;
}

function toCentre(row: CentreRow, scope: ScopeItem[], today: string): TrainingCentre {
  const status = row.status as CentreStatus;
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    regionId: row.regionId,
    industryDivision: row.industryDivision,
    industrialParkId: row.industrialParkId,
    industrialParkName: row.industrialParkName,
    issuerName: row.issuerName,
    certificateNo: row.certificateNo,
    status,
    effectiveStatus: effectiveCentreStatus({ status, validUntil: row.validUntil }, today),
    statusReason: row.statusReason,
    certifiedOn: row.certifiedOn,
    validUntil: row.validUntil,
    annualCapacity: row.annualCapacity,
    scope,
    batchId: row.batchId,
    applicationId: row.applicationId,
  };
}

async function toCentres(ctx: Ctx, rows: CentreRow[]): Promise<TrainingCentre[]> {
  const scopes = await scopesOf(ctx.db, rows.map((r) => r.id));
  const today = todayOf(ctx);
  return rows.map((row) => toCentre(row, scopes.get(row.id) ?? [], today));
}

/** The SQL form of effectiveCentreStatus (shared), for filtering. */
function effectiveStatusIs(status: EffectiveCentreStatus, today: string): SQL | undefined {
  if (status === 'suspended' || status === 'revoked') return eq(C.status, status);
  if (status === 'expired') return and(inArray(C.status, ['active', 'conditional']), lt(C.validUntil, today));
  return and(eq(C.status, status), gte(C.validUntil, today));
}

export async function listCentres(ctx: Ctx, query: ListTrainingCentresQuery): Promise<Page<TrainingCentre>> {
  const today = todayOf(ctx);
  const fieldOccupations = query.field ? occupations.filter((o) => o.field === query.field).map((o) => o.code) : undefined;
  const scopeFilter =
    query.occupation || query.level || fieldOccupations
      ? sql`exists (select 1 from ${trainingCentreScopes} s where s.centre_id = ${C.id}${query.occupation ? sql` and s.occupation = ${query.occupation}` : sql``}${
          query.level ? sql` and s.level = ${query.level}` : sql``
        }${fieldOccupations ? sql` and s.occupation in ${fieldOccupations}` : sql``})`
      : undefined;
  const where = and(
    centreReach(ctx.actor),
    query.effectiveStatus ? effectiveStatusIs(query.effectiveStatus, today) : undefined,
    scopeFilter,
    query.q ? or(ilike(organisations.name, likePattern(query.q)), ilike(C.certificateNo, likePattern(query.q))) : undefined,
    query.regionId ? eq(C.regionId, query.regionId) : undefined,
  );
  const nameOrder = sql`${organisations.name} collate "C"`;
  const page = await paginate(
    selectCentres(ctx.db)
      .where(where)
      .orderBy(...orderBy(query.sort, { certifiedOn: C.certifiedOn, validUntil: C.validUntil, organisationName: nameOrder }, [desc(C.certifiedOn), nameOrder], C.id))
      .$dynamic(),
    ctx.db.select(countAll()).from(C).innerJoin(organisations, eq(organisations.id, C.organisationId)).where(where),
    query,
    (row) => row,
  );
  return { ...page, items: await toCentres(ctx, page.items) };
}

/** One centre within reach, by id or by its organisation; undefined: 404. */
export async function findCentre(ctx: Ctx, by: { id: string } | { organisationId: string }): Promise<TrainingCentre | undefined> {
  const [row] = await selectCentres(ctx.db).where(and('id' in by ? eq(C.id, by.id) : eq(C.organisationId, by.organisationId), centreReach(ctx.actor)));
  if (!row) return undefined;
  return (await toCentres(ctx, [row]))[0];
}

/** Centres within reach certified on or before a date and not revoked, with what the statistics group them by. */
export async function centresForStats(ctx: Ctx, to: string) {
  const rows = await ctx.db
    .select({ id: C.id, regionId: C.regionId, certifiedOn: C.certifiedOn, industryDivision: organisations.industryDivision })
    .from(C)
    .innerJoin(organisations, eq(organisations.id, C.organisationId))
    .where(and(centreReach(ctx.actor), sql`${C.certifiedOn} <= ${to}`, sql`${C.status} <> 'revoked'`));
  const scopes = await scopesOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...r,
    fields: [...new Set((scopes.get(r.id) ?? []).map((s) => occupationByCode.get(s.occupation)?.field).filter((f) => f !== undefined))],
  }));
}
