import { and, asc, eq, gt, inArray, isNotNull, or } from 'drizzle-orm';
import {
  COACH_DAILY_PUSH_CAP,
  parseLearningActivityIri,
  xapiVerbs,
  type CoachPush,
  type CoachPushStatus,
  type CoachReasonPoint,
  type MyCoach,
  type MyMastery,
  type SnoozePushRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import {
  coachKnowledgePointParams,
  coachMastery,
  coachPushes,
  coachReviewCards,
  courses,
  knowledgePoints,
  learnerProfiles,
  lessons,
  notifications,
} from '../../db/schema/index.ts';
import { recordAudit, recordAuditMany } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { JobDeps, JobSummary } from '../../lib/jobs.ts';
import { invalidTransition } from '../../lib/workflow.ts';
import { notify } from '../learning/projects/notifications.ts';
import { personOfUser } from '../learning/projects/queries.ts';
import { onProjected, type ProjectionListener } from '../xapi/projector.ts';
import { DEFAULT_BKT, MASTERED } from './model/bkt.ts';
import type { Recommendation } from './model/rank.ts';
import { gapsFor, inOrder, loadLearner, rankFor, reasonPoints, toRecommendation, type LearnerModel } from './learner.ts';
import { coachPolicy } from './policy.ts';

/*
 * Pushes: each Asia/Shanghai day the coach puts up to COACH_DAILY_PUSH_CAP of a learner's top recommendations in front
 * of them, as a workbench card and an in-app notification that links to the lesson. One push per person × lesson × day
 * and one notification per day × lesson (dedupe key), so running it again — the job, a retried request — adds
 * nothing. The learner opens, dismisses or snoozes a push (audited); dismissals and snoozes feed the ranking back.
 */

const DAY = 86_400_000;
/** How many learners the job takes per query (each then gets its pushes in its own short transaction). */
const JOB_PAGE = 200;

/** Which states each response may leave from: a dismissed push is final, a snoozed one may still be opened or dismissed. */
const responses = {
  open: { from: ['pushed', 'snoozed'], to: 'opened' },
  dismiss: { from: ['pushed', 'opened', 'snoozed'], to: 'dismissed' },
  snooze: { from: ['pushed', 'opened'], to: 'snoozed' },
} as const satisfies Record<string, { from: readonly CoachPushStatus[]; to: CoachPushStatus }>;
export type PushResponse = keyof typeof responses;

type PushRow = typeof coachPushes.$inferSelect;

/** Knowledge-point names for the points stored with pushes. */
async function pointNames(db: Db, rows: readonly PushRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => pointsOf(row).map((p) => p.knowledgePointId)))];
  if (!ids.length) return new Map();
  const names = await db.select({ id: knowledgePoints.id, name: knowledgePoints.name }).from(knowledgePoints).where(inArray(knowledgePoints.id, ids));
  return new Map(names.map((n) => [n.id, n.name]));
}

const pointsOf = (row: PushRow) => ((row.numbers as Recommendation['numbers']).points ?? []) as Omit<CoachReasonPoint, 'name'>[];

/** Stored pushes in the response's shape, with their lesson and course. */
async function toPushes(db: Db, rows: readonly PushRow[]): Promise<CoachPush[]> {
  if (!rows.length) return [];
  const [names, lessonRows] = await inOrder(
    () => pointNames(db, rows),
    () =>
      db
        .select({ id: lessons.id, title: lessons.title, kind: lessons.kind, courseId: courses.id, courseTitle: courses.title })
        .from(lessons)
        .innerJoin(courses, eq(courses.id, lessons.courseId))
        .where(inArray(lessons.id, [...new Set(rows.map((r) => r.lessonId))])),
  );
  const lessonOf = new Map(lessonRows.map((l) => [l.id, l]));
  return rows.map((row) => {
    const lesson = lessonOf.get(row.lessonId)!;
    const numbers = row.numbers as Recommendation['numbers'];
    return {
      id: row.id,
      lessonId: row.lessonId,
      courseId: lesson.courseId,
      title: lesson.title,
      courseTitle: lesson.courseTitle,
      lessonKind: lesson.kind,
      kind: row.kind as CoachPush['kind'],
      minutes: numbers.minutes,
      score: row.score,
      reason: { 'zh-CN': row.reason['zh-CN'] ?? '', 'en-US': row.reason['en-US'] ?? '' },
      points: reasonPoints(pointsOf(row), (id) => names.get(id) ?? id),
      day: row.day,
      status: row.status as CoachPushStatus,
      snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Writes today's pushes for a learner up to the daily cap, each with its notification; answers what was new. */
export async function createPushesFor(db: Db, now: Date, organisationId: string, personId: string): Promise<{ pushes: number; notifications: number }> {
  return db.transaction(async (txDb) => {
    const tx = txDb as unknown as Db;
    // One writer per learner at a time, so two calls at once cannot both fill the day's slots.
    const [profile] = await tx
      .select({ personId: learnerProfiles.personId })
      .from(learnerProfiles)
      .where(and(eq(learnerProfiles.organisationId, organisationId), eq(learnerProfiles.personId, personId), isNotNull(learnerProfiles.roleProfileId)))
      .for('update');
    if (!profile) return { pushes: 0, notifications: 0 };
    const model = await loadLearner(tx, organisationId, personId, now);
    const ranked = rankFor(model, now, true);
    if (!ranked.length) return { pushes: 0, notifications: 0 };
    const inserted = await tx
      .insert(coachPushes)
      .values(ranked.map((r) => ({ organisationId, personId, lessonId: r.itemId, kind: r.kind, day: model.today, score: r.score, reason: r.reason, numbers: r.numbers as unknown as Record<string, unknown>, createdAt: now })))
      .onConflictDoNothing()
      .returning();
    const written = await notifyPushes(tx, now, model, inserted);
    await recordAuditMany(
      { db: tx, clock: { now: () => now }, actor: null, requestId: null, ip: null },
      inserted.map((row) => ({ entityType: 'coach_push', entityId: row.id, action: 'push', organisationId, after: { lessonId: row.lessonId, kind: row.kind, day: row.day, score: row.score } })),
    );
    return { pushes: inserted.length, notifications: written };
  });
}

const dedupeKeyOf = (row: PushRow) => `coach:${row.day}:${row.lessonId}`;

/** One in-app notification per new push (title: the lesson; body: the reason), linked back to the push. */
async function notifyPushes(tx: Db, now: Date, model: LearnerModel, rows: readonly PushRow[]): Promise<number> {
  if (!rows.length) return 0;
  const written = await notify(
    tx,
    now,
    rows.map((row) => {
      const title = model.lessons.get(row.lessonId)?.title['zh-CN'] ?? '';
      return {
        organisationId: row.organisationId,
        personId: row.personId,
        kind: 'coach_push',
        dedupeKey: dedupeKeyOf(row),
        title: row.kind === 'review' ? { 'zh-CN': `AI教练：复习「${title}」`, 'en-US': `Coach: review "${title}"` } : { 'zh-CN': `AI教练推荐：「${title}」`, 'en-US': `Coach pick: "${title}"` },
        body: { 'zh-CN': row.reason['zh-CN'] ?? '', 'en-US': row.reason['en-US'] ?? '' },
        link: `/m/lessons/${row.lessonId}`,
      };
    }),
  );
  const keys = rows.map(dedupeKeyOf);
  const sent = await tx
    .select({ id: notifications.id, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.personId, model.personId), inArray(notifications.dedupeKey, keys)));
  const idOf = new Map(sent.map((n) => [n.dedupeKey, n.id]));
  for (const row of rows) {
    const id = idOf.get(dedupeKeyOf(row));
    if (id) await tx.update(coachPushes).set({ notificationId: id }).where(eq(coachPushes.id, row.id));
  }
  return written;
}

/** The job: today's pushes for every learner with a role profile, a page of learners at a time. */
export async function runCoachPushes(deps: JobDeps): Promise<JobSummary> {
  const now = deps.clock.now();
  const summary = { learners: 0, pushes: 0, notifications: 0 };
  let after: { organisationId: string; personId: string } | null = null;
  for (;;) {
    const page: { organisationId: string; personId: string }[] = await deps.db
      .select({ organisationId: learnerProfiles.organisationId, personId: learnerProfiles.personId })
      .from(learnerProfiles)
      .where(
        and(
          isNotNull(learnerProfiles.roleProfileId),
          after
            ? or(gt(learnerProfiles.organisationId, after.organisationId), and(eq(learnerProfiles.organisationId, after.organisationId), gt(learnerProfiles.personId, after.personId)))
            : undefined,
        ),
      )
      .orderBy(asc(learnerProfiles.organisationId), asc(learnerProfiles.personId))
      .limit(JOB_PAGE);
    for (const learner of page) {
      const made = await createPushesFor(deps.db, now, learner.organisationId, learner.personId);
      summary.learners++;
      summary.pushes += made.pushes;
      summary.notifications += made.notifications;
    }
    if (page.length < JOB_PAGE) break;
    after = page[page.length - 1]!;
  }
  return summary;
}

/** The signed-in learner's person, or null for an account without one (it has no coach). */
async function learnerOf(ctx: Ctx): Promise<string | null> {
  authorize(ctx.actor, coachPolicy, 'learn');
  return personOfUser(ctx.db, ctx.actor.userId);
}

const emptyCoach = (): MyCoach => ({ roleProfile: null, gaps: [], pushes: [], recommendations: [], dailyCap: COACH_DAILY_PUSH_CAP, pushedToday: 0 });

/** A read of my coach: gaps, today's live pushes and the live recommendations (writes nothing). */
export async function myCoach(ctx: Ctx): Promise<MyCoach> {
  const personId = await learnerOf(ctx);
  if (!personId) return emptyCoach();
  const now = ctx.clock.now();
  const model = await loadLearner(ctx.db, ctx.actor.organisationId, personId, now);
  const shown = new Set<string>(['pushed', 'opened', 'done']);
  const todays = model.todaysPushes.filter((p) => p.organisationId === ctx.actor.organisationId && shown.has(p.status));
  return {
    roleProfile: model.roleProfile,
    gaps: gapsFor(model),
    pushes: await toPushes(ctx.db, todays),
    recommendations: rankFor(model, now, false).map((r) => toRecommendation(model, r)),
    dailyCap: COACH_DAILY_PUSH_CAP,
    pushedToday: model.pushedToday,
  };
}

/** Creates my pushes for today (within the cap, idempotent), then answers my coach. */
export async function pushMyCoach(ctx: Ctx): Promise<MyCoach> {
  const personId = await learnerOf(ctx);
  if (!personId) return emptyCoach();
  await createPushesFor(ctx.db, ctx.clock.now(), ctx.actor.organisationId, personId);
  return myCoach(ctx);
}

/** My mastery per knowledge point: the points of my role and every point I have answered on. */
export async function myMastery(ctx: Ctx): Promise<MyMastery> {
  const personId = await learnerOf(ctx);
  if (!personId) return { items: [] };
  const now = ctx.clock.now();
  const model = await loadLearner(ctx.db, ctx.actor.organisationId, personId, now);
  const answered = await ctx.db.select().from(coachMastery).where(eq(coachMastery.personId, personId));
  const ids = [...new Set([...model.points.keys(), ...answered.map((a) => a.knowledgePointId)])];
  if (!ids.length) return { items: [] };
  const [names, params, cards] = await Promise.all([
    ctx.db.select({ id: knowledgePoints.id, name: knowledgePoints.name }).from(knowledgePoints).where(inArray(knowledgePoints.id, ids)),
    ctx.db.select({ id: coachKnowledgePointParams.knowledgePointId, prior: coachKnowledgePointParams.prior, source: coachKnowledgePointParams.source }).from(coachKnowledgePointParams).where(inArray(coachKnowledgePointParams.knowledgePointId, ids)),
    ctx.db.select({ id: coachReviewCards.knowledgePointId, dueAt: coachReviewCards.dueAt }).from(coachReviewCards).where(and(eq(coachReviewCards.personId, personId), inArray(coachReviewCards.knowledgePointId, ids))),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const paramsOf = new Map(params.map((p) => [p.id, p]));
  const dueOf = new Map(cards.map((c) => [c.id, c.dueAt]));
  const rowOf = new Map(answered.map((a) => [a.knowledgePointId, a]));
  const items = ids.map((id) => {
    const row = rowOf.get(id);
    const mastery = row?.mastery ?? paramsOf.get(id)?.prior ?? DEFAULT_BKT.prior;
    return {
      knowledgePointId: id,
      name: nameOf.get(id) ?? id,
      mastery,
      mastered: mastery >= MASTERED,
      answers: row?.answers ?? 0,
      correct: row?.correct ?? 0,
      paramsSource: paramsOf.get(id)?.source === 'fitted' ? ('fitted' as const) : ('default' as const),
      reviewDueAt: dueOf.get(id)?.toISOString() ?? null,
      lastAnsweredAt: row?.lastAnsweredAt?.toISOString() ?? null,
    };
  });
  return { items: items.sort((x, y) => x.mastery - y.mastery || x.name.localeCompare(y.name, 'zh-CN')) };
}

/** My response to one of my pushes (open, dismiss, snooze for some days), audited; another's push is a 404. */
export async function respondToPush(ctx: Ctx, id: string, response: PushResponse, input?: SnoozePushRequest): Promise<CoachPush> {
  const personId = await learnerOf(ctx);
  if (!personId) throw notFound('coach push');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(coachPushes)
      .where(and(eq(coachPushes.id, id), eq(coachPushes.personId, personId), eq(coachPushes.organisationId, tx.actor.organisationId)))
      .for('update');
    if (!row) throw notFound('coach push');
    const rule = responses[response];
    if (!(rule.from as readonly string[]).includes(row.status)) {
      const allowed = (Object.keys(responses) as PushResponse[]).filter((name) => (responses[name].from as readonly string[]).includes(row.status));
      throw invalidTransition('coach_push', response, row.status, allowed);
    }
    const now = tx.clock.now();
    const snoozedUntil = response === 'snooze' ? new Date(now.getTime() + (input?.days ?? 1) * DAY) : null;
    const [updated] = await tx.db.update(coachPushes).set({ status: rule.to, respondedAt: now, snoozedUntil }).where(eq(coachPushes.id, id)).returning();
    await recordAudit(tx, {
      entityType: 'coach_push',
      entityId: id,
      action: response,
      organisationId: row.organisationId,
      before: { status: row.status, snoozedUntil: row.snoozedUntil?.toISOString() ?? null },
      after: { status: rule.to, snoozedUntil: snoozedUntil?.toISOString() ?? null, lessonId: row.lessonId },
    });
    return (await toPushes(tx.db, [updated!]))[0]!;
  });
}

const completionVerbs = new Set<string>([xapiVerbs.completed, xapiVerbs.passed]);
const OPEN_STATES = ['pushed', 'opened', 'snoozed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A push is done once its lesson's completion is projected (in the projection's transaction, audited without an
 * actor). A replay finds the push already done and changes nothing.
 */
export const markPushesDone: ProjectionListener = async (tx, statements, publicUrl) => {
  for (const statement of statements) {
    if (statement.voided || !statement.activityId || !completionVerbs.has(statement.verbId)) continue;
    const activity = parseLearningActivityIri(publicUrl, statement.activityId);
    if (!activity || (activity.kind !== 'lesson' && activity.kind !== 'micro-course') || !UUID.test(activity.id)) continue;
    const done = await tx
      .update(coachPushes)
      .set({ status: 'done', respondedAt: statement.timestamp })
      .where(and(eq(coachPushes.personId, statement.personId), eq(coachPushes.organisationId, statement.organisationId), eq(coachPushes.lessonId, activity.id), inArray(coachPushes.status, OPEN_STATES)))
      .returning({ id: coachPushes.id, lessonId: coachPushes.lessonId });
    await recordAuditMany(
      { db: tx, clock: { now: () => statement.timestamp }, actor: null, requestId: null, ip: null },
      done.map((row) => ({ entityType: 'coach_push', entityId: row.id, action: 'done', organisationId: statement.organisationId, after: { status: 'done', lessonId: row.lessonId, seq: statement.seq } })),
    );
  }
};
onProjected(markPushesDone);
