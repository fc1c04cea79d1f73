import { and, eq, inArray } from 'drizzle-orm';
import type {
  CreateTrainingMatchRequest,
  CreateTrainingNeedRequest,
  TrainingMatchDetail,
  TrainingMatchStatus,
  TrainingNeedDetail,
  TrainingProposal,
  TransitionRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { industrialParks, trainingCentres, trainingMatches, trainingNeeds } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid } from '../../lib/errors.ts';
import { expectUpdated, historyOf, invalidTransition, recordCreated, takeTransition, toWorkflowEvent } from '../../lib/workflow.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { assessmentsOfMatch } from '../centre-operations/assessments.ts';
import { assertCentreHasRights, certifiedLevels } from '../centre-operations/centres.ts';
import { matchingPolicy } from './policy.ts';
import { byRank, MAX_PROPOSALS, scoreCentres } from './proposals.ts';
import { findMatch, findNeed, matchesOfNeed, toTrainingMatch, toTrainingNeed, type MatchRow } from './queries.ts';
import { matchWorkflow, sideOf } from './workflow.ts';

type Clocked = { actor: Actor; clock: Ctx['clock'] };
const todayOf = (ctx: Pick<Ctx, 'clock'>) => shanghaiDateOf(ctx.clock.now());

/** A need's move between its own states (open → matched → closed, open → cancelled), audited as a status change. */
async function setNeedStatus(tx: Ctx, need: typeof trainingNeeds.$inferSelect, from: string, to: string, why: Record<string, unknown>) {
  expectUpdated(
    await tx.db
      .update(trainingNeeds)
      .set({ status: to, updatedAt: tx.clock.now() })
      .where(and(eq(trainingNeeds.id, need.id), eq(trainingNeeds.status, from)))
      .returning({ id: trainingNeeds.id }),
    'training_need',
  );
  await recordAudit(tx, {
    entityType: 'training_need',
    entityId: need.id,
    action: to === 'cancelled' ? 'cancel' : 'status_change',
    organisationId: need.organisationId,
    regionId: need.regionId,
    before: { status: from },
    after: { status: to, ...why },
  });
}

// ---------- Needs ----------

/** Posts an enterprise's training need; the park, if given, must be one of the enterprise's region. */
export async function createNeed(ctx: Ctx, input: CreateTrainingNeedRequest): Promise<TrainingNeedDetail> {
  authorize(ctx.actor, matchingPolicy, 'postNeed');
  if (ctx.actor.organisationType !== 'enterprise') throw forbidden('only an enterprise posts training needs');
  if (input.industrialParkId) {
    const [park] = await ctx.db.select().from(industrialParks).where(eq(industrialParks.id, input.industrialParkId));
    if (!park || park.regionId !== ctx.actor.regionId) {
      throw invalid([{ path: 'body.industrialParkId', code: 'UNKNOWN_PARK', message: "no such industrial park in the enterprise's region" }]);
    }
  }
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(trainingNeeds)
      .values({
        organisationId: tx.actor.organisationId,
        regionId: tx.actor.regionId,
        occupation: input.occupation,
        level: input.level,
        headcount: input.headcount,
        preferredStart: input.preferredStart,
        preferredEnd: input.preferredEnd,
        industrialParkId: input.industrialParkId ?? null,
        location: input.location || null,
        note: input.note || null,
        status: 'open',
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      entityType: 'training_need',
      entityId: row.id,
      action: 'create',
      organisationId: row.organisationId,
      regionId: row.regionId,
      after: { ...input, status: row.status },
    });
    return row.id;
  });
  return getNeed(ctx.db, ctx.actor, id);
}

/** One need with its matches. */
export async function getNeed(db: Db, actor: Actor, id: string): Promise<TrainingNeedDetail> {
  authorize(actor, matchingPolicy, 'readNeeds');
  const row = await findNeed(db, actor, id);
  return { ...toTrainingNeed(row, actor), matches: await matchesOfNeed(db, actor, id) };
}

/** Cancels an open need (no accepted match yet); its requests still waiting for an answer are cancelled with it. */
export async function cancelNeed(ctx: Ctx, id: string, comment: string | null | undefined): Promise<TrainingNeedDetail> {
  authorize(ctx.actor, matchingPolicy, 'cancelNeed');
  await inTransaction(ctx, async (tx) => {
    const { need } = await findNeed(tx.db, tx.actor, id, { lock: true });
    if (need.organisationId !== tx.actor.organisationId) throw forbidden('only the enterprise that posted the need cancels it');
    if (need.status !== 'open') throw invalidTransition('training_need', 'cancel', need.status, []);
    const waiting = await tx.db
      .select()
      .from(trainingMatches)
      .where(and(eq(trainingMatches.needId, need.id), eq(trainingMatches.status, 'requested')))
      .for('update');
    for (const match of waiting) {
      await takeTransition(tx, matchWorkflow, 'cancel', { id: match.id, status: 'requested', organisationId: match.organisationId, regionId: match.regionId }, {
        comment: comment || '培训需求已取消 (the training need was cancelled)',
        data: { reason: 'need_cancelled' },
      });
      await moveMatch(tx, match.id, 'requested', { status: 'cancelled' });
    }
    await setNeedStatus(tx, need, 'open', 'cancelled', { comment: comment || null, cancelledMatches: waiting.map((m) => m.id) });
  });
  return getNeed(ctx.db, ctx.actor, id);
}

// ---------- Proposals ----------

/** The need's proposals: the top 20 covering centres with rights, best first, each with its reasons. */
export async function proposalsFor(ctx: Clocked & { db: Db }, id: string): Promise<TrainingProposal[]> {
  authorize(ctx.actor, matchingPolicy, 'readNeeds');
  const { need } = await findNeed(ctx.db, ctx.actor, id);
  const scored = (await scoreCentres(ctx.db, need, todayOf(ctx))).sort(byRank).slice(0, MAX_PROPOSALS);
  const open = await ctx.db
    .select({ id: trainingMatches.id, centreId: trainingMatches.centreId, status: trainingMatches.status })
    .from(trainingMatches)
    .where(and(eq(trainingMatches.needId, need.id), inArray(trainingMatches.status, ['requested', 'accepted'])));
  const openBy = new Map(open.map((m) => [m.centreId, m]));
  return scored.map((p) => {
    const match = openBy.get(p.centreId);
    return { ...p, openMatchId: match?.id ?? null, openMatchStatus: (match?.status as 'requested' | 'accepted' | undefined) ?? null };
  });
}

// ---------- Matches ----------

/** Moves a match row from one status to the next, guarded by the status it was read in. */
async function moveMatch(tx: Ctx, id: string, from: TrainingMatchStatus, set: Partial<typeof trainingMatches.$inferInsert>) {
  expectUpdated(
    await tx.db
      .update(trainingMatches)
      .set(set)
      .where(and(eq(trainingMatches.id, id), eq(trainingMatches.status, from)))
      .returning({ id: trainingMatches.id }),
    matchWorkflow.process,
  );
}

/**
 * Requests a centre for an open need: the centre must be one the need's proposals could list (its scope covers the
 * need: else 422 OUTSIDE_SCOPE; it has its rights: else 409 CENTRE_NOT_ACTIVE), once per need and centre at a time.
 * The score and its reasons are kept with the request.
 */
export async function requestMatch(ctx: Ctx, needId: string, input: CreateTrainingMatchRequest): Promise<TrainingMatchDetail> {
  authorize(ctx.actor, matchingPolicy, 'requestMatch');
  const today = todayOf(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    const { need } = await findNeed(tx.db, tx.actor, needId, { lock: true });
    if (need.organisationId !== tx.actor.organisationId) throw forbidden('only the enterprise that posted the need requests centres for it');
    if (need.status !== 'open') throw invalidTransition('training_need', 'request_match', need.status, []);
    const [centre] = await tx.db.select().from(trainingCentres).where(eq(trainingCentres.id, input.centreId));
    if (!centre) throw invalid([{ path: 'body.centreId', code: 'UNKNOWN_CENTRE', message: 'no such certified training centre' }]);
    if (centre.organisationId === need.organisationId) {
      throw invalid([{ path: 'body.centreId', code: 'OWN_CENTRE', message: "an enterprise's own centre is not matched to its needs" }]);
    }
    const levels = await certifiedLevels(tx.db, centre.id, need.occupation);
    if (!levels.includes(need.level)) {
      throw new AppError('OUTSIDE_SCOPE', "the centre's scope does not cover the need", {
        issues: [{ path: 'body.centreId', code: 'OUTSIDE_SCOPE', message: `not certified for ${need.occupation} at level ${need.level}` }],
        occupation: need.occupation,
        certifiedLevels: levels,
      });
    }
    assertCentreHasRights(centre, [today]);
    const [openMatch] = await tx.db
      .select({ id: trainingMatches.id, status: trainingMatches.status })
      .from(trainingMatches)
      .where(and(eq(trainingMatches.needId, need.id), eq(trainingMatches.centreId, centre.id), inArray(trainingMatches.status, ['requested', 'accepted'])));
    if (openMatch) {
      throw new AppError('CONFLICT', 'this centre has an open request for the need already', {
        issues: [{ path: 'body.centreId', code: 'ALREADY_REQUESTED', message: `a ${openMatch.status} match exists` }],
        matchId: openMatch.id,
      });
    }
    const [proposal] = await scoreCentres(tx.db, need, today, [centre.id]);
    if (!proposal) throw new Error('a covering centre with rights was not scored');
    const [row] = await tx.db
      .insert(trainingMatches)
      .values({
        needId: need.id,
        centreId: centre.id,
        organisationId: need.organisationId,
        centreOrganisationId: centre.organisationId,
        regionId: need.regionId,
        status: matchWorkflow.initial,
        score: { score: proposal.score, components: proposal.components },
        message: input.message || null,
        requestedAt: tx.clock.now(),
        createdBy: tx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordCreated(tx, matchWorkflow, { id: row.id, status: 'requested', organisationId: row.organisationId, regionId: row.regionId }, {
      needId: row.needId,
      centreId: row.centreId,
      centreOrganisationId: row.centreOrganisationId,
      score: proposal.score,
      message: row.message,
    });
    return row.id;
  });
  return getMatch(ctx.db, ctx, id);
}

/**
 * A step of a match by one side: the centre accepts (the need becomes matched and the other waiting requests are
 * withdrawn), declines with a reason, or completes (the need is closed); the requester cancels while it waits.
 */
export async function moveMatchBy(ctx: Ctx, id: string, transition: 'accept' | 'decline' | 'cancel' | 'complete', input: TransitionRequest): Promise<TrainingMatchDetail> {
  authorize(ctx.actor, matchingPolicy, 'readMatches');
  const today = todayOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const seen: MatchRow = await findMatch(tx.db, tx.actor, id);
    const side = sideOf[transition];
    const sideOrganisationId = side === 'centre' ? seen.match.centreOrganisationId : seen.match.organisationId;
    if (tx.actor.organisationId !== sideOrganisationId) {
      throw forbidden(side === 'centre' ? 'only the requested centre may do this' : 'only the enterprise that requested may do this');
    }
    // Locks in the order every writer of a need and its matches takes them: the need first, then the match.
    const [need] = await tx.db.select().from(trainingNeeds).where(eq(trainingNeeds.id, seen.match.needId)).for('update');
    if (!need) throw new Error('a match without its need');
    const { match } = await findMatch(tx.db, tx.actor, id, { lock: true });
    const from = match.status as TrainingMatchStatus;
    const subject = { id: match.id, status: from, organisationId: sideOrganisationId, regionId: match.regionId };
    if (transition === 'accept') {
      const [centre] = await tx.db.select().from(trainingCentres).where(eq(trainingCentres.id, match.centreId)).for('update');
      if (!centre) throw new Error('a match without its centre');
      assertCentreHasRights(centre, [today]);
      if (from === 'requested' && need.status !== 'open') throw invalidTransition('training_need', 'accept', need.status, []);
    }
    const step = await takeTransition(tx, matchWorkflow, transition, subject, { comment: input.comment, attachmentIds: input.attachmentIds });
    const now = tx.clock.now();
    const note = input.comment?.trim() || null;
    if (transition === 'accept' || transition === 'decline') await moveMatch(tx, match.id, from, { status: step.to, respondedAt: now, responseNote: note });
    else if (transition === 'complete') await moveMatch(tx, match.id, from, { status: step.to, completedAt: now });
    else await moveMatch(tx, match.id, from, { status: step.to });

    if (transition === 'accept') {
      await setNeedStatus(tx, need, 'open', 'matched', { matchId: match.id, centreId: match.centreId });
      const others = await tx.db
        .select()
        .from(trainingMatches)
        .where(and(eq(trainingMatches.needId, need.id), eq(trainingMatches.status, 'requested')))
        .for('update');
      for (const other of others) {
        await takeTransition(tx, matchWorkflow, 'withdraw', { id: other.id, status: 'requested', organisationId: other.organisationId, regionId: other.regionId }, {
          comment: '培训需求已由其他培训中心承接 (the need was matched with another centre)',
          data: { reason: 'need_matched', matchId: match.id },
        });
        await moveMatch(tx, other.id, 'requested', { status: 'cancelled' });
      }
    }
    if (transition === 'complete') await setNeedStatus(tx, need, 'matched', 'closed', { matchId: match.id });
  });
  return getMatch(ctx.db, ctx, id);
}

/** One match with its history and its trainees' results (the centre's assessments recorded with it). */
export async function getMatch(db: Db, ctx: Clocked, id: string): Promise<TrainingMatchDetail> {
  authorize(ctx.actor, matchingPolicy, 'readMatches');
  const row = await findMatch(db, ctx.actor, id);
  const assessments = await assessmentsOfMatch(db, id);
  const passed = assessments.filter((a) => a.passed).length;
  const history = await historyOf(db, matchWorkflow.process, id);
  return {
    ...toTrainingMatch(row, ctx.actor),
    results: { assessed: assessments.length, passed, passRate: assessments.length ? passed / assessments.length : null, assessments },
    history: history.map(toWorkflowEvent),
  };
}

