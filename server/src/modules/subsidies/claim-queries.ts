import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  claimStatuses,
  maskResidentId,
  type ClaimFinding,
  type ClaimStatus,
  type FindingCode,
  type FindingStatus,
  type ListSubsidyClaimsQuery,
  type SubsidyClaim,
  type SubsidyClaimCounts,
  type SubsidyClaimDetail,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, claimFindings, organisations, people, publicNotices, subsidyClaims, subsidyPolicies } from '../../db/schema/index.ts';
import { reachOf } from '../../lib/authorize.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { countAll, orderBy, paginate, type Page } from '../../lib/list.ts';
import { historyOf, toWorkflowEvent } from '../../lib/workflow.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { likePattern } from '../organisations/queries.ts';
import { findingMessage } from './checks.ts';
import { claimWorkflow, offeredTransitions } from './workflows.ts';

/*
 * Reading subsidy claims within an actor's reach, and the few class and policy reads filing a claim needs. An
 * organiser reaches its own claims, the region's departments the region's, a system admin every claim. Classes and
 * the policy in force come from class-queries.ts and policies.ts.
 */

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => shanghaiDateOf(ctx.clock.now());

const C = subsidyClaims;
const K = apprenticeshipClasses;
const F = claimFindings;

/** States a claim's deadline no longer runs in. */
const FINAL: readonly ClaimStatus[] = claimWorkflow.final;

function claimReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'region') return eq(C.regionId, reach.regionId);
  if (reach.kind === 'organisation') return eq(C.organisationId, reach.organisationId);
  return undefined;
}

const findingsOpen = sql<number>`(select count(*) from ${F} where ${F.claimId} = ${C.id} and ${F.round} = ${C.round} and ${F.status} = 'open')`.mapWith(Number);
const findingsTotal = sql<number>`(select count(*) from ${F} where ${F.claimId} = ${C.id} and ${F.round} = ${C.round})`.mapWith(Number);

function selectClaims(db: Db) {
  return db
    .select({
      ...getTableColumns(C),
      className: K.name,
      classRegistrationNo: K.registrationNo,
      organisationName: organisations.name,
      noticeEndsOn: publicNotices.endsOn,
      findingsOpen,
      findingsTotal,
    })
    .from(C)
    .innerJoin(K, eq(K.id, C.classId))
    .innerJoin(organisations, eq(organisations.id, C.organisationId))
    .leftJoin(publicNotices, eq(publicNotices.id, C.noticeId));
}
export type ClaimRow = Awaited<ReturnType<typeof selectClaims>>[number];

/** One claim within the actor's reach (FOR UPDATE inside a transaction when `lock`); undefined: 404. */
export async function findClaim(db: Db, actor: Actor, id: string, lock = false): Promise<ClaimRow | undefined> {
  if (lock) {
    const [locked] = await db.select({ id: C.id }).from(C).where(and(eq(C.id, id), claimReach(actor))).for('update');
    if (!locked) return undefined;
  }
  const [row] = await selectClaims(db).where(and(eq(C.id, id), claimReach(actor)));
  return row;
}

/** A claim row as the API returns it, with the buttons this actor gets (submit happens only on filing). */
export function toClaim(row: ClaimRow, actor: Actor, today: string): SubsidyClaim {
  const status = row.status as ClaimStatus;
  return {
    id: row.id,
    referenceNo: row.referenceNo,
    classId: row.classId,
    className: row.className,
    classRegistrationNo: row.classRegistrationNo,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    regionId: row.regionId,
    kind: row.kind as SubsidyClaim['kind'],
    status,
    round: row.round,
    amountFen: row.amountFen,
    computation: row.computation,
    findingsOpen: row.findingsOpen,
    findingsTotal: row.findingsTotal,
    noticeId: row.noticeId,
    noticeEndsOn: row.noticeEndsOn,
    disbursedOn: row.disbursedOn,
    bankReference: row.bankReference,
    submittedAt: row.submittedAt.toISOString(),
    dueOn: row.dueOn,
    overdue: row.dueOn !== null && row.dueOn < today && !FINAL.includes(status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableTransitions: offeredTransitions(claimWorkflow, actor, { status, organisationId: row.organisationId }).filter((name) => name !== 'submit'),
  };
}

/** The findings of a claim, current round first, open first; names for the reviewing officers, ID numbers masked. */
export async function findingsOf(db: Db, claimId: string): Promise<ClaimFinding[]> {
  const rows = await db
    .select({ finding: F, personName: people.name, residentId: people.residentId })
    .from(F)
    .leftJoin(people, eq(people.id, F.personId))
    .where(eq(F.claimId, claimId))
    .orderBy(desc(F.round), sql`(${F.status} = 'open') desc`, asc(F.code), asc(F.id));
  return rows.map(({ finding: f, personName, residentId }) => ({
    id: f.id,
    round: f.round,
    code: f.code as FindingCode,
    apprenticeId: f.apprenticeId,
    personName: personName ?? null,
    residentIdMasked: residentId ? maskResidentId(residentId) : null,
    detail: f.detail,
    message: findingMessage(f.code as FindingCode, f.detail),
    status: f.status as FindingStatus,
    resolutionNote: f.resolutionNote,
    resolvedByName: f.resolvedByName,
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
  }));
}

/** The full view of a claim: its findings and its history. */
export async function readClaimDetail(ctx: Ctx, row: ClaimRow): Promise<SubsidyClaimDetail> {
  const [findings, history] = await Promise.all([findingsOf(ctx.db, row.id), historyOf(ctx.db, claimWorkflow.process, row.id)]);
  return { ...toClaim(row, ctx.actor, todayOf(ctx)), findings, history: history.map(toWorkflowEvent) };
}

const isOverdue = (today: string) => and(lt(C.dueOn, today), notInArray(C.status, [...FINAL]));

function claimFilters(actor: Actor, query: Partial<ListSubsidyClaimsQuery>, today: string) {
  return and(
    claimReach(actor),
    query.status ? eq(C.status, query.status) : undefined,
    query.kind ? eq(C.kind, query.kind) : undefined,
    query.classId ? eq(C.classId, query.classId) : undefined,
    query.q ? or(ilike(organisations.name, likePattern(query.q)), ilike(K.name, likePattern(query.q)), ilike(C.referenceNo, likePattern(query.q))) : undefined,
    query.overdue === true ? isOverdue(today) : undefined,
    query.overdue === false ? or(isNull(C.dueOn), gte(C.dueOn, today), inArray(C.status, [...FINAL])) : undefined,
    query.withOpenFindings === true ? sql`${findingsOpen} > 0` : undefined,
    query.withOpenFindings === false ? sql`${findingsOpen} = 0` : undefined,
  );
}

/** Claims within reach; by default the overdue ones first, then those with open findings, then the latest changed. */
export async function listClaims(ctx: Ctx, query: ListSubsidyClaimsQuery): Promise<Page<SubsidyClaim>> {
  const today = todayOf(ctx);
  const where = claimFilters(ctx.actor, query, today);
  const page = await paginate(
    selectClaims(ctx.db)
      .where(where)
      .orderBy(
        ...orderBy(
          query.sort,
          { submittedAt: C.submittedAt, updatedAt: C.updatedAt, dueOn: C.dueOn, amountFen: C.amountFen },
          [sql`coalesce(${isOverdue(today)}, false) desc`, sql`(${findingsOpen} > 0) desc`, desc(C.updatedAt)],
          C.id,
        ),
      )
      .$dynamic(),
    ctx.db.select(countAll()).from(C).innerJoin(K, eq(K.id, C.classId)).innerJoin(organisations, eq(organisations.id, C.organisationId)).where(where),
    query,
    (row) => row,
  );
  return { ...page, items: page.items.map((row) => toClaim(row, ctx.actor, today)) };
}

/** Claims within reach per status, for the queue's tabs. */
export async function countClaims(ctx: Ctx): Promise<SubsidyClaimCounts> {
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ status: C.status, n: count(), overdue: sql<number>`count(*) filter (where ${C.dueOn} < ${today})`.mapWith(Number) })
    .from(C)
    .where(claimReach(ctx.actor))
    .groupBy(C.status);
  const byStatus = Object.fromEntries(claimStatuses.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status as ClaimStatus] = Number(row.n);
    if (!FINAL.includes(row.status as ClaimStatus)) overdue += row.overdue;
  }
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), overdue, byStatus };
}

// ---------------------------------------------------------------------------------------------
// Classes and policy versions as a claim keeps them

export type ClassRow = typeof apprenticeshipClasses.$inferSelect;
export type PolicyRow = typeof subsidyPolicies.$inferSelect;

/** The policy version a claim was computed under (kept with it; a later version never changes the claim). */
export async function policyById(db: Db, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(subsidyPolicies).where(eq(subsidyPolicies.id, id));
  if (!row) throw new Error(`policy ${id} missing`);
  return row;
}
