import { and, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import {
  NATIONAL_ADVANCE_CEILING_BP,
  NATIONAL_FLOOR_FEN_PER_YEAR,
  formatBasisPoints,
  formatYuan,
  type AdvanceBasis,
  type CreateSubsidyPolicyRequest,
  type LevelRates,
  type ListSubsidyPoliciesQuery,
  type PolicyWarning,
  type ReviseSubsidyPolicyRequest,
  type SubsidyPolicy,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { regions, subsidyClaims, subsidyPolicies, users } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { assertHrss, subsidyPolicy } from './policy.ts';

/*
 * Subsidy policy versions (新型学徒制补贴标准). Rates and rules are data set by the region's HRSS bureau for a cohort
 * year; an edit writes the next version and never touches the earlier ones, so a claim keeps the version it was
 * computed under.
 */

const P = subsidyPolicies;
export type PolicyRow = typeof P.$inferSelect;

const levelKeys = ['4', '3', '2', '1'] as const satisfies readonly (keyof LevelRates)[];

/** The national rules a version departs from (人社部发〔2021〕39号): saved anyway, shown on every read. */
export function policyWarnings(policy: { ratesFen: LevelRates; advanceRatioBp: number }): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const level of levelKeys) {
    const rate = policy.ratesFen[level];
    if (rate < NATIONAL_FLOOR_FEN_PER_YEAR) {
      warnings.push({
        path: `ratesFen.${level}`,
        code: 'BELOW_NATIONAL_FLOOR',
        message: `¥${formatYuan(rate)} per person-year is below the national floor of ¥${formatYuan(NATIONAL_FLOOR_FEN_PER_YEAR)} (人社部发〔2021〕39号)`,
      });
    }
  }
  if (policy.advanceRatioBp > NATIONAL_ADVANCE_CEILING_BP) {
    warnings.push({
      path: 'advanceRatioBp',
      code: 'ABOVE_NATIONAL_ADVANCE_CEILING',
      message: `an advance of ${formatBasisPoints(policy.advanceRatioBp)} exceeds the national ceiling of ${formatBasisPoints(NATIONAL_ADVANCE_CEILING_BP)} (人社部发〔2021〕39号)`,
    });
  }
  return warnings;
}

const latestVersion = sql<number>`(select max(p2.version) from ${P} p2 where p2.region_id = ${P.regionId} and p2.year = ${P.year})`.mapWith(Number);
const claimCount = sql<number>`(select count(*) from ${subsidyClaims} c where c.policy_id = ${P.id})`.mapWith(Number);

function selectPolicies(db: Db) {
  return db
    .select({ policy: P, regionNameZh: regions.nameZh, regionNameEn: regions.nameEn, createdByName: users.displayName, latestVersion, claimCount })
    .from(P)
    .innerJoin(regions, eq(regions.id, P.regionId))
    .leftJoin(users, eq(users.id, P.createdBy));
}
type PolicySelection = Awaited<ReturnType<typeof selectPolicies>>[number];

function toSubsidyPolicy(row: PolicySelection, actor: Actor): SubsidyPolicy {
  const p = row.policy;
  return {
    id: p.id,
    regionId: p.regionId,
    regionName: actor.locale === 'en-US' ? row.regionNameEn : row.regionNameZh,
    year: p.year,
    version: p.version,
    effectiveFrom: p.effectiveFrom,
    ratesFen: p.ratesFen,
    rateWithoutCertificateFen: p.rateWithoutCertificateFen,
    advanceRatioBp: p.advanceRatioBp,
    advanceBasis: p.advanceBasis as AdvanceBasis,
    minCentralisedHours: p.minCentralisedHours,
    onlineShareCapBp: p.onlineShareCapBp,
    videoShareMinBp: p.videoShareMinBp,
    minYears: p.minYears,
    maxYears: p.maxYears,
    maxYearsWithReason: p.maxYearsWithReason,
    noticeWorkingDays: p.noticeWorkingDays,
    isDemo: p.isDemo,
    note: p.note,
    reason: p.reason,
    isLatest: p.version === row.latestVersion,
    claimCount: row.claimCount,
    createdByName: row.createdByName,
    createdAt: p.createdAt.toISOString(),
    warnings: policyWarnings(p),
  };
}

/** Policies are public rules of a region: everyone reads their own region's, a system admin every region's. */
function policyReach(actor: Actor): SQL | undefined {
  return actor.role === 'system_admin' ? undefined : eq(P.regionId, actor.regionId);
}

/** The versions within reach, newest year first and newest version first. */
export async function listPolicies(ctx: Ctx, query: ListSubsidyPoliciesQuery): Promise<SubsidyPolicy[]> {
  authorize(ctx.actor, subsidyPolicy, 'readPolicies');
  const rows = await selectPolicies(ctx.db)
    .where(
      and(
        policyReach(ctx.actor),
        query.regionId ? eq(P.regionId, query.regionId) : undefined,
        query.year ? eq(P.year, query.year) : undefined,
        query.latestOnly ? sql`${P.version} = ${latestVersion}` : undefined,
      ),
    )
    .orderBy(desc(P.year), sql`${P.regionId} collate "C"`, desc(P.version));
  return rows.map((row) => toSubsidyPolicy(row, ctx.actor));
}

async function readPolicy(ctx: Ctx, id: string): Promise<SubsidyPolicy> {
  const [row] = await selectPolicies(ctx.db).where(and(eq(P.id, id), policyReach(ctx.actor)));
  if (!row) throw notFound('subsidy policy');
  return toSubsidyPolicy(row, ctx.actor);
}

/** One version within reach (another region's is a 404). */
export function getPolicy(ctx: Ctx, id: string): Promise<SubsidyPolicy> {
  authorize(ctx.actor, subsidyPolicy, 'readPolicies');
  return readPolicy(ctx, id);
}

type PolicyFields = Omit<CreateSubsidyPolicyRequest, 'regionId' | 'year'>;

function rowValues(input: PolicyFields) {
  return {
    effectiveFrom: input.effectiveFrom,
    ratesFen: input.ratesFen,
    rateWithoutCertificateFen: input.rateWithoutCertificateFen,
    advanceRatioBp: input.advanceRatioBp,
    advanceBasis: input.advanceBasis,
    minCentralisedHours: input.minCentralisedHours,
    onlineShareCapBp: input.onlineShareCapBp,
    videoShareMinBp: input.videoShareMinBp,
    minYears: input.minYears,
    maxYears: input.maxYears,
    maxYearsWithReason: input.maxYearsWithReason,
    noticeWorkingDays: input.noticeWorkingDays,
    isDemo: input.isDemo ?? false,
    note: input.note ?? '',
  };
}

/** Versions of one region and year are numbered one at a time: two editors at once cannot both write version n+1. */
async function lockRegionYear(db: Db, regionId: string, year: number) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`subsidy_policy:${regionId}:${year}`}))`);
}

async function latestOf(db: Db, regionId: string, year: number): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(P).where(and(eq(P.regionId, regionId), eq(P.year, year))).orderBy(desc(P.version)).limit(1);
  return row;
}

/** Writes version 1 of a region's policy for a cohort year (the HRSS bureau's own region; a system admin names one). */
export async function createPolicy(ctx: Ctx, input: CreateSubsidyPolicyRequest): Promise<SubsidyPolicy> {
  authorize(ctx.actor, subsidyPolicy, 'writePolicies');
  assertHrss(ctx.actor);
  let regionId = ctx.actor.regionId;
  if (ctx.actor.role === 'system_admin') {
    if (!input.regionId) throw invalid([{ path: 'body.regionId', code: 'REQUIRED', message: 'name the region the policy applies to' }]);
    regionId = input.regionId;
  } else if (input.regionId && input.regionId !== ctx.actor.regionId) {
    throw invalid([{ path: 'body.regionId', code: 'NOT_ALLOWED', message: 'an HRSS bureau sets the policy of its own region only' }]);
  }
  const [region] = await ctx.db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw invalid([{ path: 'body.regionId', code: 'UNKNOWN_REGION', message: 'no such region' }]);
  return inTransaction(ctx, async (tx) => {
    await lockRegionYear(tx.db, regionId, input.year);
    const existing = await latestOf(tx.db, regionId, input.year);
    if (existing) {
      throw new AppError('CONFLICT', `the region already has a policy for ${input.year}; revise it instead`, { existingId: existing.id });
    }
    const [row] = await tx.db
      .insert(P)
      .values({ regionId, year: input.year, version: 1, ...rowValues(input), createdBy: tx.actor.userId, createdAt: tx.clock.now() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      entityType: 'subsidy_policy',
      entityId: row.id,
      action: 'create',
      organisationId: tx.actor.organisationId,
      regionId,
      after: { year: row.year, version: 1, ...rowValues(input) },
    });
    return readPolicy(tx, row.id);
  });
}

/**
 * Writes the next version of a policy with every field restated and the reason. Only from the latest version
 * (someone else may have revised it meanwhile), and never effective before the version it replaces.
 */
export async function revisePolicy(ctx: Ctx, id: string, input: ReviseSubsidyPolicyRequest): Promise<SubsidyPolicy> {
  authorize(ctx.actor, subsidyPolicy, 'writePolicies');
  assertHrss(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [base] = await tx.db.select().from(P).where(and(eq(P.id, id), policyReach(tx.actor)));
    if (!base) throw notFound('subsidy policy');
    await lockRegionYear(tx.db, base.regionId, base.year);
    const latest = (await latestOf(tx.db, base.regionId, base.year))!;
    if (latest.id !== base.id) {
      throw new AppError('STALE_STATE', `version ${base.version} is not the latest (${latest.version}); revise the latest version`, { latestId: latest.id });
    }
    if (input.effectiveFrom < base.effectiveFrom) {
      throw invalid([{ path: 'body.effectiveFrom', code: 'BEFORE_PREVIOUS_VERSION', message: `not before ${base.effectiveFrom}, when version ${base.version} took effect` }]);
    }
    const values = rowValues(input);
    const [row] = await tx.db
      .insert(P)
      .values({ regionId: base.regionId, year: base.year, version: base.version + 1, ...values, reason: input.reason, createdBy: tx.actor.userId, createdAt: tx.clock.now() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const diff = changedFields(rowValues(base as unknown as PolicyFields) as Record<string, unknown>, values as Record<string, unknown>);
    await recordAudit(tx, {
      entityType: 'subsidy_policy',
      entityId: row.id,
      action: 'revise',
      organisationId: tx.actor.organisationId,
      regionId: base.regionId,
      before: { version: base.version, policyId: base.id, ...diff.before },
      after: { version: row.version, reason: input.reason, ...diff.after },
    });
    return readPolicy(tx, row.id);
  });
}

/** The version in force for a region's cohort year on a day: the latest one already effective; undefined when none. */
export async function findApplicablePolicy(db: Db, regionId: string, year: number, today: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(P)
    .where(and(eq(P.regionId, regionId), eq(P.year, year), lte(P.effectiveFrom, today)))
    .orderBy(desc(P.version))
    .limit(1);
  return row;
}

/** As findApplicablePolicy, for the steps that cannot go on without one: 409 NO_SUBSIDY_POLICY. */
export async function applicablePolicy(db: Db, regionId: string, year: number, today: string): Promise<PolicyRow> {
  const row = await findApplicablePolicy(db, regionId, year, today);
  if (!row) throw new AppError('NO_SUBSIDY_POLICY', `no subsidy policy of ${regionId} for ${year} is in force`, { regionId, year });
  return row;
}
