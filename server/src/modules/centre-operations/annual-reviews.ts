import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  decisionCentreStatus,
  type AnnualFigures,
  type AnnualReview,
  type AnnualReviewDecision,
  type AnnualReviewDetail,
  type AnnualReviewStatus,
  type CentreStatus,
  type DecideAnnualReviewRequest,
  type FileAnnualReviewRequest,
  type ListAnnualReviewsQuery,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { centreAnnualReviews, organisations, trainingCentres } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, reachOf, reaches } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { availableTransitions, checkAttachments, expectUpdated, historyOf, invalidTransition, recordCreated, takeTransition, toWorkflowEvent } from '../../lib/workflow.ts';
import { loadCalendar, shanghaiDateOf, type WorkingDayCalendar } from '../../lib/working-days.ts';
import { findCentre, yearOf } from './centres.ts';
import { computeAnnualFigures } from './figures.ts';
import { centreOperationsPolicy } from './policy.ts';
import { annualReviewWorkflow, DECISION_DEADLINE_DAYS } from './workflow.ts';

const reviewColumns = {
  review: centreAnnualReviews,
  organisationName: organisations.name,
  certificateNo: trainingCentres.certificateNo,
  centreStatus: trainingCentres.status,
};
type ReviewRow = { review: typeof centreAnnualReviews.$inferSelect; organisationName: string; certificateNo: string; centreStatus: string };

const selectReviews = (db: Db) =>
  db
    .select(reviewColumns)
    .from(centreAnnualReviews)
    .innerJoin(trainingCentres, eq(trainingCentres.id, centreAnnualReviews.centreId))
    .innerJoin(organisations, eq(organisations.id, centreAnnualReviews.organisationId));

/** What a review looks like to an actor on a day: its decision deadline while filed, and what the actor may do. */
function toAnnualReview(row: ReviewRow, actor: Actor, calendar: WorkingDayCalendar, today: string): AnnualReview {
  const r = row.review;
  const status = r.status as AnnualReviewStatus;
  const dueOn = status === 'filed' ? calendar.addWorkingDays(shanghaiDateOf(r.filedAt), DECISION_DEADLINE_DAYS) : null;
  return {
    id: r.id,
    centreId: r.centreId,
    organisationId: r.organisationId,
    organisationName: row.organisationName,
    regionId: r.regionId,
    certificateNo: row.certificateNo,
    centreStatus: row.centreStatus as CentreStatus,
    year: r.year,
    status,
    figures: r.figures as AnnualFigures,
    narrative: r.narrative,
    attachmentIds: r.attachmentIds,
    decision: r.decision as AnnualReviewDecision | null,
    decisionNote: r.decisionNote,
    filedAt: r.filedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    dueOn,
    overdue: dueOn !== null && dueOn < today,
    availableTransitions: row.centreStatus === 'revoked' ? [] : availableTransitions(annualReviewWorkflow, actor, status),
  };
}

async function presenter(db: Db, ctx: { actor: Actor; clock: Ctx['clock'] }) {
  const calendar = await loadCalendar(db);
  const today = shanghaiDateOf(ctx.clock.now());
  return (row: ReviewRow) => toAnnualReview(row, ctx.actor, calendar, today);
}

/** One review if the actor reaches the centre's enterprise; 404 otherwise. */
async function findReview(db: Db, actor: Actor, id: string, options: { lock?: boolean } = {}) {
  const query = selectReviews(db).where(eq(centreAnnualReviews.id, id));
  const [row] = options.lock ? await query.for('update', { of: centreAnnualReviews }) : await query;
  if (!row || !reaches(actor, { id: row.review.organisationId, regionId: row.review.regionId })) throw notFound('annual review');
  return row;
}

/**
 * Files a centre's annual report for a year (one per year): the figures are computed from its records now and kept
 * with the report; the HRSS bureau has 20 working days to decide. A revoked centre files nothing.
 */
export async function fileAnnualReview(ctx: Ctx, centreId: string, input: Required<FileAnnualReviewRequest>): Promise<AnnualReview> {
  authorize(ctx.actor, centreOperationsPolicy, 'fileAnnualReview');
  const today = shanghaiDateOf(ctx.clock.now());
  const id = await inTransaction(ctx, async (tx) => {
    const { centre } = await findCentre(tx.db, tx.actor, centreId, { lock: true });
    if (input.year > yearOf(today)) throw invalid([{ path: 'body.year', code: 'FUTURE_YEAR', message: 'may not be after the current year' }]);
    if (input.year < yearOf(centre.certifiedOn)) {
      throw invalid([{ path: 'body.year', code: 'BEFORE_CERTIFICATION', message: `the centre was certified in ${yearOf(centre.certifiedOn)}` }]);
    }
    if (centre.status === 'revoked') {
      throw new AppError('CENTRE_NOT_ACTIVE', 'a revoked centre files no annual report', { effectiveStatus: 'revoked', statusReason: centre.statusReason });
    }
    const [existing] = await tx.db
      .select({ id: centreAnnualReviews.id })
      .from(centreAnnualReviews)
      .where(and(eq(centreAnnualReviews.centreId, centre.id), eq(centreAnnualReviews.year, input.year)));
    if (existing) {
      throw new AppError('CONFLICT', `the annual report for ${input.year} is filed already`, {
        issues: [{ path: 'body.year', code: 'ALREADY_FILED', message: 'filed already for this year' }],
        annualReviewId: existing.id,
      });
    }
    await checkAttachments(tx.db, input.attachmentIds, [centre.organisationId]);
    const figures = await computeAnnualFigures(tx.db, centre.id, input.year);
    const [row] = await tx.db
      .insert(centreAnnualReviews)
      .values({
        centreId: centre.id,
        organisationId: centre.organisationId,
        regionId: centre.regionId,
        year: input.year,
        status: annualReviewWorkflow.initial,
        figures,
        narrative: input.narrative,
        attachmentIds: input.attachmentIds,
        filedBy: tx.actor.userId,
        filedAt: tx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordCreated(tx, annualReviewWorkflow, { id: row.id, status: 'filed', organisationId: row.organisationId, regionId: row.regionId }, {
      centreId: row.centreId,
      year: row.year,
      figures,
      attachmentIds: row.attachmentIds,
    });
    return row.id;
  });
  const present = await presenter(ctx.db, ctx);
  return present(await findReview(ctx.db, ctx.actor, id));
}

/**
 * The HRSS decision on an annual review: the centre's status changes at once, in the same transaction (pass → active,
 * conditional → conditional, suspend → suspended, revoke → revoked), so its rights follow on the next request.
 */
export async function decideAnnualReview(ctx: Ctx, id: string, input: DecideAnnualReviewRequest): Promise<AnnualReviewDetail> {
  authorize(ctx.actor, centreOperationsPolicy, 'decideAnnualReview');
  await inTransaction(ctx, async (tx) => {
    const { review } = await findReview(tx.db, tx.actor, id, { lock: true });
    const [centre] = await tx.db.select().from(trainingCentres).where(eq(trainingCentres.id, review.centreId)).for('update');
    if (!centre) throw notFound('training centre');
    const from = review.status as AnnualReviewStatus;
    const comment = input.comment?.trim() || null;
    const transition = await takeTransition(tx, annualReviewWorkflow, 'decide', { id: review.id, status: from, organisationId: review.organisationId, regionId: review.regionId }, {
      comment,
      attachmentIds: input.attachmentIds,
      data: { decision: input.decision },
    });
    // Revocation is final: no later decision gives a revoked centre its rights back (a new certification does).
    if (centre.status === 'revoked') {
      const error = invalidTransition(annualReviewWorkflow.process, 'decide', from, []);
      throw new AppError(error.code, 'the centre is revoked; its reviews cannot be decided again', { ...(error.details as object), centreStatus: 'revoked' });
    }
    const now = tx.clock.now();
    expectUpdated(
      await tx.db
        .update(centreAnnualReviews)
        .set({ status: transition.to, decision: input.decision, decisionNote: comment, decidedBy: tx.actor.userId, decidedAt: now })
        .where(and(eq(centreAnnualReviews.id, review.id), eq(centreAnnualReviews.status, from)))
        .returning({ id: centreAnnualReviews.id }),
      annualReviewWorkflow.process,
    );
    const status = decisionCentreStatus[input.decision];
    await tx.db.update(trainingCentres).set({ status, statusReason: comment, updatedAt: now }).where(eq(trainingCentres.id, centre.id));
    await recordAudit(tx, {
      entityType: 'training_centre',
      entityId: centre.id,
      action: 'status_change',
      organisationId: centre.organisationId,
      regionId: centre.regionId,
      before: { status: centre.status, statusReason: centre.statusReason },
      after: { status, statusReason: comment, annualReviewId: review.id, year: review.year, decision: input.decision },
    });
  });
  return getAnnualReview(ctx.db, ctx, id);
}

/** One review with its history (the centre's own staff, the departments of its region, system admins). */
export async function getAnnualReview(db: Db, ctx: { actor: Actor; clock: Ctx['clock'] }, id: string): Promise<AnnualReviewDetail> {
  authorize(ctx.actor, centreOperationsPolicy, 'read');
  const row = await findReview(db, ctx.actor, id);
  const present = await presenter(db, ctx);
  const history = await historyOf(db, annualReviewWorkflow.process, id);
  return { ...present(row), history: history.map(toWorkflowEvent) };
}

/** A centre's reviews, latest year first. */
export async function listCentreAnnualReviews(db: Db, ctx: { actor: Actor; clock: Ctx['clock'] }, centreId: string): Promise<AnnualReview[]> {
  authorize(ctx.actor, centreOperationsPolicy, 'read');
  await findCentre(db, ctx.actor, centreId);
  const rows = await selectReviews(db).where(eq(centreAnnualReviews.centreId, centreId)).orderBy(desc(centreAnnualReviews.year));
  const present = await presenter(db, ctx);
  return rows.map(present);
}

/** The HRSS queue: the region's reviews (system admins: all), filed ones first by default, oldest first. */
export async function listAnnualReviews(db: Db, ctx: { actor: Actor; clock: Ctx['clock'] }, query: ListAnnualReviewsQuery) {
  authorize(ctx.actor, centreOperationsPolicy, 'listAnnualReviews');
  const reach = reachOf(ctx.actor);
  const where: SQL | undefined = and(
    reach.kind === 'region' ? eq(centreAnnualReviews.regionId, reach.regionId) : reach.kind === 'organisation' ? eq(centreAnnualReviews.organisationId, reach.organisationId) : undefined,
    query.status ? eq(centreAnnualReviews.status, query.status) : undefined,
    query.year ? eq(centreAnnualReviews.year, query.year) : undefined,
    query.decision ? eq(centreAnnualReviews.decision, query.decision) : undefined,
    query.centreId ? eq(centreAnnualReviews.centreId, query.centreId) : undefined,
  );
  const present = await presenter(db, ctx);
  const nameOrder = sql`${organisations.name} collate "C"`;
  return paginate(
    selectReviews(db)
      .where(where)
      .orderBy(
        ...orderBy(
          query.sort,
          { filedAt: centreAnnualReviews.filedAt, year: centreAnnualReviews.year, organisationName: nameOrder },
          [sql`(${centreAnnualReviews.status} = 'filed') desc`, asc(centreAnnualReviews.filedAt)],
          centreAnnualReviews.id,
        ),
      )
      .$dynamic(),
    db.select(countAll()).from(centreAnnualReviews).where(where),
    query,
    present,
  );
}
