import { and, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { EndStudySessionRequest, HeartbeatReason, HeartbeatRequest, OpenStudySessionRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { studyDays, studySessions, watchedRanges } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import type { LearningAction } from '../record.ts';
import { findLesson, findStudiedLesson, learnerOf, type StudyLesson } from './access.ts';
import { checkBeat } from './flags.ts';
import {
  ABANDONED_AFTER_SECONDS,
  COMPLETION_SHARE,
  cutSegments,
  DAILY_CAP_SECONDS,
  IDLE_AFTER_SECONDS,
  isPlayedKind,
  markLearnedAfter,
  MAX_CREDIT_PER_BEAT_SECONDS,
  mergeRanges,
  rangeSeconds,
  REGULAR_BEATS,
  roundSeconds,
  type Range,
} from './rules.ts';
import { lessonStateOf, sessionView, studyTodayOf } from './state.ts';
import { completedAction, experiencedAction, recordSessionStatements } from './statements.ts';

/*
 * The player's side of study time: open a session, beat, end. Every decision is the server's (rules.ts). Heartbeats are
 * telemetry and not audited one by one; opening and ending a session, marking a lesson as learned and reviews are.
 */

type SessionRow = typeof studySessions.$inferSelect;
type Pending = { sessionId: string; action: LearningAction }[];
const SESSION = 'study_session';

/** The learner's own session, else 404. */
async function ownSession(db: Db, ctx: Ctx, personId: string, sessionId: string): Promise<SessionRow> {
  const [row] = await db
    .select()
    .from(studySessions)
    .where(and(eq(studySessions.id, sessionId), eq(studySessions.personId, personId), eq(studySessions.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('study session');
  return row;
}

/** Ends a session; its credited time (if any, and not withdrawn) becomes an experienced statement after commit. */
async function finish(db: Db, session: SessionRow, lesson: StudyLesson, now: Date, position: number | null, pending: Pending): Promise<SessionRow> {
  const [ended] = await db
    .update(studySessions)
    .set({ status: 'ended', endedAt: now, lastPosition: position ?? session.lastPosition })
    .where(eq(studySessions.id, session.id))
    .returning();
  if (session.creditedSeconds > 0 && !session.withdrawnAt) {
    pending.push({ sessionId: session.id, action: experiencedAction(session.personId, session.id, lesson, session.creditedSeconds, now) });
  }
  return ended!;
}

/** Ends the person's sessions left without a beat for ABANDONED_AFTER_SECONDS (a closed tab that sent no end). */
async function closeAbandoned(ctx: Ctx, personId: string, now: Date, pending: Pending): Promise<void> {
  const before = new Date(now.getTime() - ABANDONED_AFTER_SECONDS * 1000);
  const stale = await ctx.db
    .select()
    .from(studySessions)
    .where(and(eq(studySessions.personId, personId), ne(studySessions.status, 'ended'), lt(studySessions.lastBeatAt, before)));
  for (const session of stale) await finish(ctx.db, session, await findLesson(ctx.db, ctx.actor, session.lessonId), session.lastBeatAt, null, pending);
}

/** Only one item accrues time per learner: every other open session of theirs stops accruing. */
async function supersedeOthers(db: Db, personId: string, sessionId: string): Promise<void> {
  await db
    .update(studySessions)
    .set({ status: 'superseded' })
    .where(and(eq(studySessions.personId, personId), ne(studySessions.id, sessionId), inArray(studySessions.status, ['active', 'idle'])));
}

async function afterCommit(ctx: Ctx, publicUrl: string, pending: Pending): Promise<void> {
  await recordSessionStatements({ db: ctx.db, clock: ctx.clock, publicUrl }, ctx.actor.organisationId, pending);
}

/** Opens a study session for a lesson; the learner's other sessions stop accruing. */
export async function openSession(ctx: Ctx, publicUrl: string, input: OpenStudySessionRequest, userAgent: string | null) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const lesson = await findStudiedLesson(ctx.db, ctx.actor, input.lessonId);
  const now = ctx.clock.now();
  const pending: Pending = [];
  const session = await inTransaction(ctx, async (tx) => {
    await closeAbandoned(tx, personId, now, pending);
    const [row] = await tx.db
      .insert(studySessions)
      .values({ organisationId: ctx.actor.organisationId, personId, lessonId: lesson.id, clientKey: input.clientKey, status: 'active', startedAt: now, lastBeatAt: now, userAgent })
      .returning();
    await supersedeOthers(tx.db, personId, row!.id);
    await recordAudit(tx, { entityType: SESSION, entityId: row!.id, action: 'open', organisationId: ctx.actor.organisationId, after: { lessonId: lesson.id, clientKey: input.clientKey } });
    return row!;
  });
  await afterCommit(ctx, publicUrl, pending);
  return { session: sessionView(session), lesson: await lessonStateOf(ctx.db, personId, lesson), today: await studyTodayOf(ctx.db, personId, now) };
}

/** Why a beat earns nothing, or null when it earns its wall time. */
function refusal(session: SessionRow, lesson: StudyLesson, beat: HeartbeatRequest, now: Date): HeartbeatReason | null {
  if (session.status === 'superseded') return 'superseded';
  if (!beat.focused) return 'unfocused';
  if (isPlayedKind(lesson.kind)) return beat.playing ? null : 'paused';
  const interaction = beat.lastInteractionAt ? Math.min(new Date(beat.lastInteractionAt).getTime(), now.getTime()) : null;
  return interaction === null || now.getTime() - interaction > IDLE_AFTER_SECONDS * 1000 ? 'idle' : null;
}

/** Adds a beat's merged ranges; answers whether the lesson has just been completed. */
async function addRanges(db: Db, session: SessionRow, lesson: StudyLesson, segments: Range[], now: Date): Promise<boolean> {
  const [existing] = await db.select().from(watchedRanges).where(and(eq(watchedRanges.personId, session.personId), eq(watchedRanges.lessonId, lesson.id)));
  const ranges = mergeRanges([...(existing?.ranges ?? []), ...segments], lesson.durationSeconds).map(([a, b]): Range => [roundSeconds(a), roundSeconds(b)]);
  const watchedSeconds = roundSeconds(rangeSeconds(ranges));
  const isCompleted = !existing?.completedAt && lesson.durationSeconds > 0 && watchedSeconds >= lesson.durationSeconds * COMPLETION_SHARE;
  const completedAt = existing?.completedAt ?? (isCompleted ? now : null);
  await db
    .insert(watchedRanges)
    .values({ personId: session.personId, lessonId: lesson.id, organisationId: session.organisationId, ranges, watchedSeconds, completedAt, updatedAt: now })
    .onConflictDoUpdate({ target: [watchedRanges.personId, watchedRanges.lessonId], set: { ranges, watchedSeconds, completedAt, updatedAt: now } });
  return isCompleted;
}

/** Adds credited and claimed seconds to the person's day. */
async function addToDay(db: Db, session: SessionRow, day: string, credited: number, claimed: number): Promise<void> {
  await db
    .insert(studyDays)
    .values({ personId: session.personId, day, organisationId: session.organisationId, creditedSeconds: credited, claimedSeconds: claimed })
    .onConflictDoUpdate({
      target: [studyDays.personId, studyDays.day],
      set: { creditedSeconds: sql`${studyDays.creditedSeconds} + ${credited}`, claimedSeconds: sql`${studyDays.claimedSeconds} + ${claimed}` },
    });
}

/** Credit of a beat after the daily cap: what is left of the day's allowance. */
async function capped(db: Db, personId: string, day: string, seconds: number): Promise<number> {
  const [row] = await db.select({ seconds: studyDays.creditedSeconds }).from(studyDays).where(and(eq(studyDays.personId, personId), eq(studyDays.day, day)));
  return Math.max(0, Math.min(seconds, DAILY_CAP_SECONDS - (row?.seconds ?? 0)));
}

/** One beat: credit, ranges, the day's totals, the checks. */
async function applyBeat(tx: Ctx, session: SessionRow, lesson: StudyLesson, beat: HeartbeatRequest, pending: Pending) {
  const now = tx.clock.now();
  const day = shanghaiDateOf(now);
  const wall = Math.max(0, (now.getTime() - session.lastBeatAt.getTime()) / 1000);
  const refused = refusal(session, lesson, beat, now);
  const possible = Math.floor(Math.min(wall, MAX_CREDIT_PER_BEAT_SECONDS));
  const earned = refused ? 0 : await capped(tx.db, session.personId, day, possible);
  const reason: HeartbeatReason = refused ?? (earned < possible ? 'daily_cap' : 'credited');
  const accepts = session.status !== 'superseded' && beat.focused && isPlayedKind(lesson.kind);
  const segments = accepts ? cutSegments(beat.segments, wall) : [];
  const isCompleted = segments.length ? await addRanges(tx.db, session, lesson, segments, now) : false;
  const claimed = Math.round(isPlayedKind(lesson.kind) ? rangeSeconds(beat.segments) : refused ? 0 : wall);
  const intervals = [...session.recentIntervals, roundSeconds(wall)].slice(-REGULAR_BEATS);
  const byDay = { ...session.creditedByDay, [day]: (session.creditedByDay[day] ?? 0) + earned };
  const [updated] = await tx.db
    .update(studySessions)
    .set({
      status: reason === 'idle' ? 'idle' : 'active',
      lastBeatAt: now,
      beats: session.beats + 1,
      recentIntervals: intervals,
      creditedSeconds: session.creditedSeconds + earned,
      creditedByDay: byDay,
      lastPosition: beat.position ?? session.lastPosition,
    })
    .where(eq(studySessions.id, session.id))
    .returning();
  await addToDay(tx.db, session, day, earned, claimed);
  await checkBeat(tx.db, { ...session, sessionId: session.id, durationSeconds: lesson.durationSeconds, day, intervals }, now);
  await supersedeOthers(tx.db, session.personId, session.id);
  if (isCompleted) pending.push({ sessionId: session.id, action: await completedAction(tx.db, session.personId, session.id, lesson, now) });
  return { session: updated!, earned, reason };
}

/** A heartbeat of a session: what it earned and why, and where the learner now stands. */
export async function heartbeat(ctx: Ctx, publicUrl: string, sessionId: string, beat: HeartbeatRequest) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const pending: Pending = [];
  const result = await inTransaction(ctx, async (tx) => {
    const session = await ownSession(tx.db, tx, personId, sessionId);
    if (session.status === 'ended') throw new AppError('CONFLICT', 'the study session has ended; open a new one', { status: session.status });
    const lesson = await findLesson(tx.db, tx.actor, session.lessonId);
    return { ...(await applyBeat(tx, session, lesson, beat, pending)), lesson };
  });
  await afterCommit(ctx, publicUrl, pending);
  const now = ctx.clock.now();
  return {
    session: sessionView(result.session),
    creditedSeconds: result.earned,
    reason: result.reason,
    lesson: await lessonStateOf(ctx.db, personId, result.lesson),
    today: await studyTodayOf(ctx.db, personId, now),
  };
}

/** Ends a session (idempotent: ending an ended one changes nothing). */
export async function endSession(ctx: Ctx, publicUrl: string, sessionId: string, input: EndStudySessionRequest) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const pending: Pending = [];
  const session = await inTransaction(ctx, async (tx) => {
    const row = await ownSession(tx.db, tx, personId, sessionId);
    if (row.status === 'ended') return row;
    const lesson = await findLesson(tx.db, tx.actor, row.lessonId);
    const ended = await finish(tx.db, row, lesson, tx.clock.now(), input.position, pending);
    await recordAudit(tx, { entityType: SESSION, entityId: row.id, action: 'end', organisationId: row.organisationId, before: { status: row.status }, after: { status: 'ended', creditedSeconds: row.creditedSeconds } });
    return ended;
  });
  await afterCommit(ctx, publicUrl, pending);
  return sessionView(session);
}

/** Marks a document or rich-text lesson as learned, once the learner has the minimum credited time on it. */
export async function markLearned(ctx: Ctx, publicUrl: string, lessonId: string) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const lesson = await findLesson(ctx.db, ctx.actor, lessonId);
  if (lesson.kind !== 'document' && lesson.kind !== 'rich_text') {
    throw invalid([{ path: 'params.lessonId', code: 'NOT_MARKED_BY_HAND', message: `a ${lesson.kind} lesson is completed by watching it` }]);
  }
  const state = await lessonStateOf(ctx.db, personId, lesson);
  const required = markLearnedAfter(lesson.durationSeconds);
  if (state.completed) return state;
  if (state.creditedSeconds < required) {
    throw new AppError('CONFLICT', `at least ${required} credited seconds are needed, ${state.creditedSeconds} so far`, { requiredSeconds: required, creditedSeconds: state.creditedSeconds });
  }
  const now = ctx.clock.now();
  const pending: Pending = [];
  await inTransaction(ctx, async (tx) => {
    const [latest] = await tx.db
      .select({ id: studySessions.id })
      .from(studySessions)
      .where(and(eq(studySessions.personId, personId), eq(studySessions.lessonId, lesson.id), isNull(studySessions.withdrawnAt)))
      .orderBy(desc(studySessions.lastBeatAt))
      .limit(1);
    await tx.db
      .insert(watchedRanges)
      .values({ personId, lessonId: lesson.id, organisationId: ctx.actor.organisationId, completedAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [watchedRanges.personId, watchedRanges.lessonId], set: { completedAt: now, updatedAt: now } });
    await recordAudit(tx, { entityType: 'lesson', entityId: lesson.id, action: 'mark_learned', organisationId: ctx.actor.organisationId, after: { personId, creditedSeconds: state.creditedSeconds } });
    pending.push({ sessionId: latest!.id, action: await completedAction(tx.db, personId, latest!.id, lesson, now) });
  });
  await afterCommit(ctx, publicUrl, pending);
  return lessonStateOf(ctx.db, personId, lesson);
}
