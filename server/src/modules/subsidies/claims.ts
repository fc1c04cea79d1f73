import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import type {
  AdvanceBasis,
  ClaimComputation,
  ClaimKind,
  ClaimPreview,
  ClaimStatus,
  CreateSubsidyClaimRequest,
  DisburseClaimRequest,
  ResolveFindingRequest,
  SubsidyClaimDetail,
  TransitionRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, apprentices, claimFindings, publicNotices, regions, subsidyClaims } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { expectUpdated, takeTransition } from '../../lib/workflow.ts';
import { assertNoticeCleared } from '../notices/service.ts';
import { runChecks, type CheckFinding } from './checks.ts';
import { findClaim, policyById, readClaimDetail, todayOf, type ClaimRow, type ClassRow, type PolicyRow } from './claim-queries.ts';
import { findClass } from './class-queries.ts';
import { applicablePolicy } from './policies.ts';
import { computeAdvance, computeSettlement, rateOf, type FormulaPolicy } from './formula.ts';
import { advancePaidFen, bookLedgerEntries, type LedgerPosting } from './ledger-book.ts';
import { assertHrss, subsidyPolicy } from './policy.ts';
import { assertMayTake, claimWorkflow, type plainClaimTransitions } from './workflows.ts';

const C = subsidyClaims;
const F = claimFindings;
/** Claim states after which an advance is settled business (paid, or out of the way). */
const ADVANCE_DONE: readonly ClaimStatus[] = ['disbursed', 'closed', 'rejected', 'withdrawn'];
export type PlainClaimTransition = (typeof plainClaimTransitions)[number];

const formulaPolicy = (p: PolicyRow): FormulaPolicy => ({
  ratesFen: p.ratesFen,
  rateWithoutCertificateFen: p.rateWithoutCertificateFen,
  advanceRatioBp: p.advanceRatioBp,
  advanceBasis: p.advanceBasis as AdvanceBasis,
});

/**
 * What a claim amounts to from the roster and the ledger under one policy version; the amount is never typed in.
 * Advance (预拨): apprentices not left. Settlement (清算): completers, certified at the target level or not, less
 * the advance; the advance of those who did not complete is clawed back (Qidong 2025 notice; Fujian practice).
 */
export async function computeClaim(db: Db, cls: ClassRow, kind: ClaimKind, policy: PolicyRow, excludedApprenticeIds: readonly string[]): Promise<ClaimComputation> {
  const roster = await db
    .select({ id: apprentices.id, status: apprentices.status, passed: apprentices.assessmentPassed, level: apprentices.levelReached, certificateNo: apprentices.certificateNo })
    .from(apprentices)
    .where(eq(apprentices.classId, cls.id));
  const excluded = new Set(excludedApprenticeIds);
  const counted = roster.filter((a) => !excluded.has(a.id));
  const fp = formulaPolicy(policy);
  const base = {
    policy: { id: policy.id, version: policy.version, year: policy.year, effectiveFrom: policy.effectiveFrom, isDemo: policy.isDemo },
    targetLevel: cls.targetLevel,
    years: cls.durationYears,
    rateFen: rateOf(fp, cls.targetLevel),
    rateWithoutCertificateFen: policy.rateWithoutCertificateFen,
    advanceRatioBp: policy.advanceRatioBp,
    advanceBasis: policy.advanceBasis as AdvanceBasis,
    excludedApprenticeIds: [...excludedApprenticeIds],
  };
  if (kind === 'advance') {
    const claimed = counted.filter((a) => a.status !== 'left').length;
    const result = computeAdvance({ policy: fp, targetLevel: cls.targetLevel, years: cls.durationYears, headcount: claimed });
    return {
      ...base,
      headcount: { roster: roster.length, claimed, certified: 0, completedWithoutCertificate: 0, nonCompleters: 0, excluded: excluded.size },
      perPersonAdvanceFen: result.perPersonAdvanceFen,
      advancePaidFen: 0,
      lines: result.lines,
      amountFen: result.amountFen,
    };
  }
  const completed = counted.filter((a) => a.status === 'completed');
  // A higher skill is a smaller number: level 3 reached satisfies a target of 3 or 4.
  const certified = completed.filter((a) => a.passed === true && a.level !== null && a.level <= cls.targetLevel && !!a.certificateNo).length;
  const completedWithoutCertificate = completed.length - certified;
  const [advance] = await db
    .select({ computation: C.computation })
    .from(C)
    .where(and(eq(C.classId, cls.id), eq(C.kind, 'advance'), inArray(C.status, ['disbursed', 'closed'])))
    .orderBy(desc(C.submittedAt))
    .limit(1);
  const advancedHeadcount = advance?.computation.headcount.claimed ?? 0;
  const perPersonAdvanceFen = advance?.computation.perPersonAdvanceFen ?? 0;
  const paid = await advancePaidFen(db, cls.id);
  const result = computeSettlement({
    policy: fp,
    targetLevel: cls.targetLevel,
    years: cls.durationYears,
    certified,
    completedWithoutCertificate,
    advancedHeadcount,
    perPersonAdvanceFen,
    advancePaidFen: paid,
  });
  return {
    ...base,
    headcount: {
      roster: roster.length,
      claimed: completed.length,
      certified,
      completedWithoutCertificate,
      nonCompleters: Math.max(0, advancedHeadcount - completed.length),
      excluded: excluded.size,
    },
    perPersonAdvanceFen,
    advancePaidFen: paid,
    lines: result.lines,
    amountFen: result.amountFen,
  };
}

/** The checks of a claim of this class under this policy. */
function checksOf(db: Db, cls: ClassRow, kind: ClaimKind, policy: PolicyRow, today: string, excludedApprenticeIds: readonly string[]) {
  return runChecks(db, {
    classId: cls.id,
    occupation: cls.occupation,
    targetLevel: cls.targetLevel,
    startsOn: cls.startsOn,
    endsOn: cls.endsOn,
    kind,
    today,
    policy: { minCentralisedHours: policy.minCentralisedHours, onlineShareCapBp: policy.onlineShareCapBp, videoShareMinBp: policy.videoShareMinBp },
    excludedApprenticeIds,
  });
}

/** The live claim of a class and kind (not rejected or withdrawn), if any. */
async function liveClaimOf(db: Db, classId: string, kind: ClaimKind) {
  const [row] = await db
    .select({ id: C.id, status: C.status })
    .from(C)
    .where(and(eq(C.classId, classId), eq(C.kind, kind), notInArray(C.status, ['rejected', 'withdrawn'])))
    .limit(1);
  return row;
}

/**
 * When a class may claim: an advance once registered; a settlement once completed and with no advance claim still
 * under way. The policy is the region's for the cohort year (the year the class starts), in force today.
 */
async function preconditions(db: Db, cls: ClassRow, kind: ClaimKind, today: string, checkExisting: boolean): Promise<PolicyRow> {
  if (kind === 'advance' && cls.status !== 'registered') {
    throw new AppError('CONFLICT', 'an advance is claimed for a registered class in training', { status: cls.status });
  }
  if (kind === 'settlement') {
    if (cls.status !== 'completed') throw new AppError('CLASS_NOT_COMPLETED', 'a settlement needs the class completed', { status: cls.status });
    const [open] = await db
      .select({ id: C.id, status: C.status })
      .from(C)
      .where(and(eq(C.classId, cls.id), eq(C.kind, 'advance'), notInArray(C.status, [...ADVANCE_DONE])))
      .limit(1);
    if (open) throw new AppError('CONFLICT', 'the advance claim of the class is still under way', { advanceClaimId: open.id, status: open.status });
  }
  if (checkExisting) {
    const live = await liveClaimOf(db, cls.id, kind);
    if (live) throw new AppError('CLAIM_EXISTS', `the class has a ${kind} claim already`, { claimId: live.id, status: live.status });
  }
  return applicablePolicy(db, cls.regionId, Number(cls.startsOn.slice(0, 4)), today);
}

/** What a claim would be if filed now: computation and findings, nothing stored. */
export async function previewClaim(ctx: Ctx, classId: string, kind: ClaimKind): Promise<ClaimPreview> {
  authorize(ctx.actor, subsidyPolicy, 'readClaims');
  const cls = await findClass(ctx.db, ctx.actor, classId);
  if (!cls) throw notFound('class');
  const today = todayOf(ctx);
  const policy = await preconditions(ctx.db, cls, kind, today, false);
  const [computation, findings] = await Promise.all([computeClaim(ctx.db, cls, kind, policy, []), checksOf(ctx.db, cls, kind, policy, today, [])]);
  return { computation, findings: findings.map(({ personId: _personId, ...draft }) => draft) };
}

/** The next reference number of a region and year: BT<division code>-<year>-<0001…>. */
async function nextReferenceNo(db: Db, regionId: string, year: number): Promise<string> {
  const [region] = await db.select({ divisionCode: regions.divisionCode }).from(regions).where(eq(regions.id, regionId));
  const prefix = `BT${region?.divisionCode ?? regionId}-${year}-`;
  // Two claims filed at once must not draw the same number: one numbering per prefix at a time.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const taken = await db.select({ no: C.referenceNo }).from(C).where(like(C.referenceNo, `${prefix}%`));
  const last = taken.reduce((max, r) => Math.max(max, Number(r.no.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** Stores a round's findings; one resolved in an earlier round for the same (code, apprentice) keeps its resolution. */
async function storeFindings(tx: Ctx, claimId: string, round: number, drafts: readonly CheckFinding[]) {
  if (!drafts.length) return;
  const earlier = round > 1 ? await tx.db.select().from(F).where(and(eq(F.claimId, claimId), notInArray(F.status, ['open']))).orderBy(asc(F.round)) : [];
  const resolved = new Map(earlier.map((f) => [`${f.code}|${f.apprenticeId ?? ''}`, f]));
  await tx.db.insert(F).values(
    drafts.map((d) => {
      const before = resolved.get(`${d.code}|${d.apprenticeId ?? ''}`);
      return {
        claimId,
        round,
        code: d.code,
        apprenticeId: d.apprenticeId,
        personId: d.personId,
        detail: d.detail,
        status: before?.status ?? 'open',
        resolutionNote: before?.resolutionNote ?? null,
        resolvedBy: before?.resolvedBy ?? null,
        resolvedByName: before?.resolvedByName ?? null,
        resolvedAt: before?.resolvedAt ?? null,
      };
    }),
  );
}

const isOneLiveViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
  return cause?.code === '23505' && (cause.constraint === undefined || cause.constraint === 'subsidy_claims_one_live');
};

async function detailOf(tx: Ctx, id: string): Promise<SubsidyClaimDetail> {
  const row = await findClaim(tx.db, tx.actor, id);
  if (!row) throw notFound('subsidy claim');
  return readClaimDetail(tx, row);
}

/** Reads one claim within reach with its findings and history; 404 otherwise. */
export async function getClaim(ctx: Ctx, id: string): Promise<SubsidyClaimDetail> {
  authorize(ctx.actor, subsidyPolicy, 'readClaims');
  return detailOf(ctx, id);
}

/**
 * Files a claim of the organiser's class: computed under the policy in force, checked, and submitted to the HRSS
 * bureau at once (round 1). One live claim per class and kind.
 */
export async function createClaim(ctx: Ctx, input: CreateSubsidyClaimRequest): Promise<SubsidyClaimDetail> {
  authorize(ctx.actor, subsidyPolicy, 'fileClaim');
  const found = await findClass(ctx.db, ctx.actor, input.classId);
  if (!found) throw notFound('class');
  assertMayTake(claimWorkflow, 'submit', ctx.actor, found.organisationId);
  try {
    return await inTransaction(ctx, async (tx) => {
      const cls = (await findClass(tx.db, tx.actor, input.classId, true))!;
      const today = todayOf(tx);
      const policy = await preconditions(tx.db, cls, input.kind, today, true);
      const computation = await computeClaim(tx.db, cls, input.kind, policy, []);
      if (input.kind === 'advance' && computation.headcount.claimed === 0) {
        throw new AppError('CONFLICT', 'no apprentice on the roster to claim an advance for', { claimed: 0 });
      }
      const findings = await checksOf(tx.db, cls, input.kind, policy, today, []);
      const referenceNo = await nextReferenceNo(tx.db, cls.regionId, Number(today.slice(0, 4)));
      const id = randomUUID();
      const step = await takeTransition(
        tx,
        claimWorkflow,
        'submit',
        { id, status: 'submitted', organisationId: cls.organisationId, regionId: cls.regionId },
        { comment: input.comment, attachmentIds: input.attachmentIds, data: { referenceNo, kind: input.kind, amountFen: computation.amountFen, policyVersion: policy.version, findings: findings.length } },
      );
      const now = tx.clock.now();
      await tx.db.insert(C).values({
        id,
        referenceNo,
        classId: cls.id,
        organisationId: cls.organisationId,
        regionId: cls.regionId,
        kind: input.kind,
        status: step.to,
        round: 1,
        policyId: policy.id,
        computation,
        amountFen: computation.amountFen,
        dueOn: step.dueOn,
        submittedAt: now,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await storeFindings(tx, id, 1, findings);
      return detailOf(tx, id);
    });
  } catch (error) {
    if (!isOneLiveViolation(error)) throw error;
    const live = await liveClaimOf(ctx.db, input.classId, input.kind);
    throw new AppError('CLAIM_EXISTS', `the class has a ${input.kind} claim already`, { claimId: live?.id ?? null });
  }
}

const subjectOf = (row: ClaimRow) => ({ id: row.id, status: row.status as ClaimStatus, organisationId: row.organisationId, regionId: row.regionId });

async function lockedClaim(tx: Ctx, id: string): Promise<ClaimRow> {
  const row = await findClaim(tx.db, tx.actor, id, true);
  if (!row) throw notFound('subsidy claim');
  return row;
}

async function classOfClaim(db: Db, row: ClaimRow): Promise<ClassRow> {
  const [cls] = await db.select().from(apprenticeshipClasses).where(eq(apprenticeshipClasses.id, row.classId));
  return cls!;
}

/**
 * The HRSS officer's resolution of a finding of the current round while the claim is under HRSS review. Excluding
 * the apprentice recomputes the claim (under its own policy version) in the same transaction; audited with the
 * amount before and after.
 */
export async function resolveFinding(ctx: Ctx, claimId: string, findingId: string, input: ResolveFindingRequest): Promise<SubsidyClaimDetail> {
  authorize(ctx.actor, subsidyPolicy, 'resolveFindings');
  return inTransaction(ctx, async (tx) => {
    const claim = await lockedClaim(tx, claimId);
    assertHrss(tx.actor);
    const [finding] = await tx.db.select().from(F).where(and(eq(F.id, findingId), eq(F.claimId, claim.id)));
    if (!finding) throw notFound('finding');
    if (claim.status !== 'submitted' || finding.round !== claim.round || finding.status !== 'open') {
      throw new AppError('CONFLICT', 'only an open finding of the current round of a claim under HRSS review is resolved', {
        claimStatus: claim.status,
        round: claim.round,
        findingRound: finding.round,
        findingStatus: finding.status,
      });
    }
    if (input.resolution === 'excluded' && !finding.apprenticeId) {
      throw invalid([{ path: 'body.resolution', code: 'NO_APPRENTICE', message: 'only a finding about an apprentice can exclude one' }]);
    }
    const now = tx.clock.now();
    const updated = await tx.db
      .update(F)
      .set({ status: input.resolution, resolutionNote: input.note, resolvedBy: tx.actor.userId, resolvedByName: tx.actor.displayName, resolvedAt: now })
      .where(and(eq(F.id, finding.id), eq(F.status, 'open')))
      .returning({ id: F.id });
    expectUpdated(updated, 'claim_finding');
    // An excluded apprentice is out of the claim: their other open findings of the round go with them.
    const alsoExcluded =
      input.resolution === 'excluded'
        ? await tx.db
            .update(F)
            .set({ status: 'excluded', resolutionNote: input.note, resolvedBy: tx.actor.userId, resolvedByName: tx.actor.displayName, resolvedAt: now })
            .where(and(eq(F.claimId, claim.id), eq(F.round, claim.round), eq(F.apprenticeId, finding.apprenticeId!), eq(F.status, 'open')))
            .returning({ id: F.id })
        : [];
    let amountAfter = claim.amountFen;
    if (input.resolution === 'excluded' && !claim.computation.excludedApprenticeIds.includes(finding.apprenticeId!)) {
      const cls = await classOfClaim(tx.db, claim);
      const policy = await policyById(tx.db, claim.policyId);
      const computation = await computeClaim(tx.db, cls, claim.kind as ClaimKind, policy, [...claim.computation.excludedApprenticeIds, finding.apprenticeId!]);
      amountAfter = computation.amountFen;
      const rows = await tx.db
        .update(C)
        .set({ computation, amountFen: computation.amountFen, updatedAt: now })
        .where(and(eq(C.id, claim.id), eq(C.status, 'submitted'), eq(C.round, claim.round)))
        .returning({ id: C.id });
      expectUpdated(rows, claimWorkflow.process);
    } else {
      await tx.db.update(C).set({ updatedAt: now }).where(eq(C.id, claim.id));
    }
    await recordAudit(tx, {
      entityType: claimWorkflow.process,
      entityId: claim.id,
      action: 'resolve_finding',
      organisationId: claim.organisationId,
      regionId: claim.regionId,
      before: { findingStatus: 'open', amountFen: claim.amountFen },
      after: { findingId: finding.id, code: finding.code, apprenticeId: finding.apprenticeId, resolution: input.resolution, note: input.note, amountFen: amountAfter, alsoExcluded: alsoExcluded.map((f) => f.id) },
    });
    return detailOf(tx, claim.id);
  });
}

/** Open findings of the claim's current round. */
async function openFindings(db: Db, claim: ClaimRow): Promise<number> {
  const [row] = await db.select({ n: count() }).from(F).where(and(eq(F.claimId, claim.id), eq(F.round, claim.round), eq(F.status, 'open')));
  return Number(row?.n ?? 0);
}

/**
 * Takes one of the review transitions. HRSS approval needs every finding of the round resolved; a resubmission
 * starts the next round: recomputed (same policy version, exclusions kept) and checked again, earlier resolutions
 * carried over.
 */
export async function transitionClaim(ctx: Ctx, id: string, transition: PlainClaimTransition, input: TransitionRequest): Promise<SubsidyClaimDetail> {
  authorize(ctx.actor, subsidyPolicy, 'readClaims');
  return inTransaction(ctx, async (tx) => {
    const claim = await lockedClaim(tx, id);
    assertMayTake(claimWorkflow, transition, tx.actor, claim.organisationId);
    const data = transition === 'resubmit' ? { round: claim.round + 1 } : undefined;
    const result = await takeTransition(tx, claimWorkflow, transition, subjectOf(claim), { ...input, data });
    if (transition === 'hrss_approve') {
      const open = await openFindings(tx.db, claim);
      if (open) throw new AppError('FINDINGS_UNRESOLVED', `${open} finding(s) of the claim have no resolution yet`, { open });
    }
    const now = tx.clock.now();
    let changes: Partial<typeof C.$inferInsert> = {};
    if (transition === 'resubmit') {
      const cls = await classOfClaim(tx.db, claim);
      const policy = await policyById(tx.db, claim.policyId);
      const excluded = claim.computation.excludedApprenticeIds;
      const computation = await computeClaim(tx.db, cls, claim.kind as ClaimKind, policy, excluded);
      const findings = await checksOf(tx.db, cls, claim.kind as ClaimKind, policy, todayOf(tx), excluded);
      await storeFindings(tx, claim.id, claim.round + 1, findings);
      changes = { round: claim.round + 1, computation, amountFen: computation.amountFen };
      if (computation.amountFen !== claim.amountFen) {
        await recordAudit(tx, {
          entityType: claimWorkflow.process,
          entityId: claim.id,
          action: 'recompute',
          organisationId: claim.organisationId,
          regionId: claim.regionId,
          before: { amountFen: claim.amountFen, round: claim.round },
          after: { amountFen: computation.amountFen, round: claim.round + 1 },
        });
      }
    }
    const rows = await tx.db
      .update(C)
      .set({ ...changes, status: result.to, dueOn: result.dueOn, updatedAt: now })
      .where(and(eq(C.id, claim.id), eq(C.status, result.from), eq(C.round, claim.round)))
      .returning({ id: C.id });
    expectUpdated(rows, claimWorkflow.process);
    return detailOf(tx, claim.id);
  });
}

/**
 * Finance records the transfer after the public notice has ended with every objection handled, and books it in the
 * ledger in the same transaction: an advance entry, or the settlement and clawback lines of a settlement (for a
 * negative net the bank reference is that of the refund received).
 */
export async function disburseClaim(ctx: Ctx, id: string, input: DisburseClaimRequest): Promise<SubsidyClaimDetail> {
  authorize(ctx.actor, subsidyPolicy, 'readClaims');
  return inTransaction(ctx, async (tx) => {
    const claim = await lockedClaim(tx, id);
    assertMayTake(claimWorkflow, 'disburse', tx.actor, claim.organisationId);
    const result = await takeTransition(tx, claimWorkflow, 'disburse', subjectOf(claim), {
      comment: input.comment,
      attachmentIds: input.attachmentIds,
      data: { disbursedOn: input.disbursedOn, bankReference: input.bankReference, amountFen: claim.amountFen },
    });
    const today = todayOf(tx);
    const [notice] = claim.noticeId ? await tx.db.select().from(publicNotices).where(eq(publicNotices.id, claim.noticeId)) : [];
    if (!notice) throw new AppError('NOTICE_NOT_ENDED', 'the claim has not been in a public notice', { endsOn: null });
    const { upheldRefs } = await assertNoticeCleared(tx.db, notice.subjectType, notice.subjectId, today);
    if (upheldRefs.has(claim.id) || upheldRefs.has('*')) {
      throw new AppError('CONFLICT', 'an objection to the claim was upheld in its public notice; the HRSS bureau rejects it', { upheldObjection: true, noticeId: notice.id });
    }
    if (input.disbursedOn > today) throw invalid([{ path: 'body.disbursedOn', code: 'IN_FUTURE', message: 'the transfer cannot be dated after today' }]);
    if (input.disbursedOn <= notice.endsOn) {
      throw invalid([{ path: 'body.disbursedOn', code: 'BEFORE_NOTICE_END', message: `the public notice ran until ${notice.endsOn}` }]);
    }
    const common = {
      organisationId: claim.organisationId,
      regionId: claim.regionId,
      classId: claim.classId,
      claimId: claim.id,
      bookedOn: input.disbursedOn,
      bankReference: input.bankReference,
    };
    const postings: LedgerPosting[] =
      claim.kind === 'advance'
        ? [{ ...common, kind: 'advance', amountFen: claim.amountFen, note: `${claim.referenceNo} 预拨` }]
        : claim.computation.lines
            .filter((line) => line.key === 'settlement' || (line.key === 'clawback' && line.amountFen !== 0))
            .map((line) => ({ ...common, kind: line.key as 'settlement' | 'clawback', amountFen: line.amountFen, note: `${claim.referenceNo} ${line.label['zh-CN']}` }));
    await bookLedgerEntries(tx, postings);
    const rows = await tx.db
      .update(C)
      .set({ status: result.to, dueOn: result.dueOn, disbursedOn: input.disbursedOn, bankReference: input.bankReference, updatedAt: tx.clock.now() })
      .where(and(eq(C.id, claim.id), eq(C.status, result.from)))
      .returning({ id: C.id });
    expectUpdated(rows, claimWorkflow.process);
    return detailOf(tx, claim.id);
  });
}
