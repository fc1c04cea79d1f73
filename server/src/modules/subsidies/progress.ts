import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import {
  type ApprenticeHours,
  type ApprenticeStatus,
  type ClassProgress,
  type ClassSession,
  type ListClassSessionsQuery,
  type RecordClassSessionRequest,
  type SessionKind,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprentices, classSessions, people, sessionAttendance, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../lib/list.ts';
import { invalidTransition } from '../../lib/workflow.ts';
import { findClass, todayOf, type ClassRow } from './class-queries.ts';
import { platformMinutesByApprentice } from './online-hours.ts';
import { findApplicablePolicy } from './policies.ts';
import { assertOrganiser, subsidyPolicy } from './policy.ts';
import { classWorkflow } from './workflows.ts';

/*
 * Sessions and progress: every teaching session of a registered class with who attended, and each apprentice's
 * hours against the policy in force. Tianjin (2021): at least 160 hours of centralised teaching, online theory at
 * most 50 % of the hours, at least 25 % of the hours video-recorded — the 2022 national audit found fabricated
 * attendance, so hours come only from recorded sessions.
 */

const S = classSessions;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const emptyHours = (): ApprenticeHours => ({
  centralisedMinutes: 0,
  onlineMinutes: 0,
  platformMinutes: 0,
  onTheJobMinutes: 0,
  videoMinutes: 0,
  totalMinutes: 0,
  sessionsAttended: 0,
  sessionsMissed: 0,
});

/**
 * Each apprentice's hours in a class from the attendance rows and the credited study time on the class's platform
 * courses (online): the figures the roster, the progress page and the claim checks share.
 */
export async function hoursByApprentice(db: Db, classId: string): Promise<Map<string, ApprenticeHours>> {
  const [rows, platform] = await Promise.all([
    db
      .select({
        apprenticeId: sessionAttendance.apprenticeId,
        kind: S.kind,
        present: sessionAttendance.present,
        minutes: sql<number>`sum(${S.minutes})`.mapWith(Number),
        videoMinutes: sql<number>`sum(case when ${S.videoRecorded} then ${S.minutes} else 0 end)`.mapWith(Number),
        sessions: sql<number>`count(*)`.mapWith(Number),
      })
      .from(sessionAttendance)
      .innerJoin(S, eq(S.id, sessionAttendance.sessionId))
      .where(eq(S.classId, classId))
      .groupBy(sessionAttendance.apprenticeId, S.kind, sessionAttendance.present),
    platformMinutesByApprentice(db, classId),
  ]);
  const result = new Map<string, ApprenticeHours>();
  for (const row of rows) {
    const hours = result.get(row.apprenticeId) ?? emptyHours();
    if (row.present) {
      if (row.kind === 'centralised') hours.centralisedMinutes += row.minutes;
      else if (row.kind === 'online') hours.onlineMinutes += row.minutes;
      else hours.onTheJobMinutes += row.minutes;
      hours.totalMinutes += row.minutes;
      hours.videoMinutes += row.videoMinutes;
      hours.sessionsAttended += row.sessions;
    } else {
      hours.sessionsMissed += row.sessions;
    }
    result.set(row.apprenticeId, hours);
  }
  for (const [apprenticeId, minutes] of platform) {
    const hours = result.get(apprenticeId) ?? emptyHours();
    hours.platformMinutes = minutes;
    hours.onlineMinutes += minutes;
    hours.totalMinutes += minutes;
    result.set(apprenticeId, hours);
  }
  return result;
}

/** Who records sessions and assessments: the organiser's own staff (instructors included), never a department of another organisation. */
export function assertRecorder(actor: Actor, row: ClassRow) {
  assertOrganiser(actor);
  if (actor.organisationId !== row.organisationId) throw forbidden('only the organiser of the class records its sessions');
}

function selectSessions(db: Db) {
  return db
    .select({
      session: S,
      recordedByName: users.displayName,
      attendedCount: sql<number>`(select count(*) from ${sessionAttendance} sa where sa.session_id = ${S.id} and sa.present)`.mapWith(Number),
      absentCount: sql<number>`(select count(*) from ${sessionAttendance} sa where sa.session_id = ${S.id} and not sa.present)`.mapWith(Number),
    })
    .from(S)
    .leftJoin(users, eq(users.id, S.recordedBy));
}
type SessionSelection = Awaited<ReturnType<typeof selectSessions>>[number];

function toClassSession(row: SessionSelection): ClassSession {
  const s = row.session;
  return {
    id: s.id,
    classId: s.classId,
    date: s.date,
    kind: s.kind as SessionKind,
    startTime: s.startTime,
    endTime: s.endTime,
    minutes: s.minutes,
    location: s.location,
    topic: s.topic,
    videoRecorded: s.videoRecorded,
    attendedCount: row.attendedCount,
    absentCount: row.absentCount,
    recordedByName: row.recordedByName,
    createdAt: s.createdAt.toISOString(),
  };
}

/**
 * Records one session of a registered class: within the class's dates and not in the future, not overlapping
 * another session of the class on that day, attended only by apprentices in training. Every active apprentice gets
 * an attendance row, present or absent, so absences count as much as presence.
 */
export async function recordSession(ctx: Ctx, classId: string, input: RecordClassSessionRequest): Promise<ClassSession> {
  authorize(ctx.actor, subsidyPolicy, 'recordProgress');
  return inTransaction(ctx, async (tx) => {
    const row = await findClass(tx.db, tx.actor, classId, true);
    if (!row) throw notFound('apprenticeship class');
    assertRecorder(tx.actor, row);
    if (row.status !== 'registered') throw invalidTransition(classWorkflow.process, 'record_session', row.status, []);
    const today = todayOf(tx);
    if (input.date < row.startsOn || input.date > row.endsOn) {
      throw invalid([{ path: 'body.date', code: 'OUT_OF_RANGE', message: `within the class, ${row.startsOn} to ${row.endsOn}` }]);
    }
    if (input.date > today) throw invalid([{ path: 'body.date', code: 'IN_FUTURE', message: 'a session is recorded once it has taken place' }]);
    const active = await tx.db
      .select({ id: apprentices.id, personId: apprentices.personId })
      .from(apprentices)
      .where(and(eq(apprentices.classId, classId), eq(apprentices.status, 'active')));
    const activeIds = new Set(active.map((a) => a.id));
    const issues = input.attendeeIds.flatMap((id, i) =>
      activeIds.has(id) ? [] : [{ path: `body.attendeeIds.${i}`, code: 'UNKNOWN_APPRENTICE', message: 'not an apprentice in training in this class' }],
    );
    if (issues.length) throw invalid(issues);
    const [overlap] = await tx.db
      .select({ id: S.id, startTime: S.startTime, endTime: S.endTime })
      .from(S)
      .where(and(eq(S.classId, classId), eq(S.date, input.date), lt(S.startTime, input.endTime), gt(S.endTime, input.startTime)));
    if (overlap) {
      throw new AppError('CONFLICT', `the class already has a session from ${overlap.startTime} to ${overlap.endTime} that day`, {
        sessionId: overlap.id,
        startTime: overlap.startTime,
        endTime: overlap.endTime,
      });
    }
    const minutes = minutesOf(input.endTime) - minutesOf(input.startTime);
    const [session] = await tx.db
      .insert(S)
      .values({
        classId,
        date: input.date,
        kind: input.kind,
        startTime: input.startTime,
        endTime: input.endTime,
        minutes,
        location: input.location,
        topic: input.topic,
        videoRecorded: input.videoRecorded ?? false,
        recordedBy: tx.actor.userId,
        createdAt: tx.clock.now(),
      })
      .returning();
    if (!session) throw new Error('insert returned nothing');
    const present = new Set(input.attendeeIds);
    if (active.length) {
      await tx.db.insert(sessionAttendance).values(active.map((a) => ({ sessionId: session.id, apprenticeId: a.id, personId: a.personId, present: present.has(a.id) })));
    }
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: classId,
      action: 'record_session',
      organisationId: row.organisationId,
      regionId: row.regionId,
      after: { sessionId: session.id, date: input.date, kind: input.kind, startTime: input.startTime, endTime: input.endTime, minutes, present: present.size, absent: active.length - present.size },
    });
    const [shaped] = await selectSessions(tx.db).where(eq(S.id, session.id));
    return toClassSession(shaped!);
  });
}

/** A class's sessions, newest first. */
export async function listSessions(ctx: Ctx, classId: string, query: ListClassSessionsQuery): Promise<Page<ClassSession>> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  if (!(await findClass(ctx.db, ctx.actor, classId))) throw notFound('apprenticeship class');
  const where = and(eq(S.classId, classId), query.kind ? eq(S.kind, query.kind) : undefined);
  return paginate(
    selectSessions(ctx.db)
      .where(where)
      .orderBy(...orderBy(query.sort, { date: S.date }, [desc(S.date), desc(S.startTime)], S.id))
      .$dynamic(),
    ctx.db.select(countAll()).from(S).where(where),
    query,
    toClassSession,
  );
}

/** A share in basis points, rounded down (0 when there is nothing to share). */
const shareBp = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 10_000) / whole) : 0);

/**
 * The class's hours against the policy in force for its region and cohort year, per apprentice: what the
 * settlement checks will flag, visible while the class is still training. Totals are the hours the class held.
 */
export async function classProgress(ctx: Ctx, classId: string): Promise<ClassProgress> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  const row = await findClass(ctx.db, ctx.actor, classId);
  if (!row) throw notFound('apprenticeship class');
  const policy = await findApplicablePolicy(ctx.db, row.regionId, Number(row.startsOn.slice(0, 4)), todayOf(ctx));
  const held = await ctx.db
    .select({
      kind: S.kind,
      sessions: sql<number>`count(*)`.mapWith(Number),
      minutes: sql<number>`coalesce(sum(${S.minutes}), 0)`.mapWith(Number),
      videoMinutes: sql<number>`coalesce(sum(case when ${S.videoRecorded} then ${S.minutes} else 0 end), 0)`.mapWith(Number),
    })
    .from(S)
    .where(eq(S.classId, classId))
    .groupBy(S.kind);
  const minutesOfKind = (kind: SessionKind) => held.find((h) => h.kind === kind)?.minutes ?? 0;
  const totals = {
    centralisedMinutes: minutesOfKind('centralised'),
    onlineMinutes: minutesOfKind('online'),
    onTheJobMinutes: minutesOfKind('on_the_job'),
    videoMinutes: held.reduce((sum, h) => sum + h.videoMinutes, 0),
    totalMinutes: held.reduce((sum, h) => sum + h.minutes, 0),
  };
  const roster = await ctx.db
    .select({ id: apprentices.id, status: apprentices.status, personName: people.name })
    .from(apprentices)
    .innerJoin(people, eq(people.id, apprentices.personId))
    .where(eq(apprentices.classId, classId))
    .orderBy(apprentices.joinedOn, apprentices.createdAt, apprentices.id);
  const hours = await hoursByApprentice(ctx.db, classId);
  return {
    policy: policy
      ? { id: policy.id, version: policy.version, minCentralisedHours: policy.minCentralisedHours, onlineShareCapBp: policy.onlineShareCapBp, videoShareMinBp: policy.videoShareMinBp, isDemo: policy.isDemo }
      : null,
    sessions: held.reduce((sum, h) => sum + h.sessions, 0),
    totals,
    apprentices: roster.map((a) => {
      const h = hours.get(a.id) ?? emptyHours();
      const held = h.sessionsAttended + h.sessionsMissed;
      return {
        apprenticeId: a.id,
        personName: a.personName,
        status: a.status as ApprenticeStatus,
        hours: h,
        onlineShareBp: shareBp(h.onlineMinutes, h.totalMinutes),
        videoShareBp: shareBp(h.videoMinutes, h.totalMinutes),
        attendanceBp: shareBp(h.sessionsAttended, held),
        belowMinimum: policy !== undefined && h.centralisedMinutes < policy.minCentralisedHours * 60,
        onlineAboveCap: policy !== undefined && h.onlineMinutes * 10_000 > policy.onlineShareCapBp * h.totalMinutes,
        videoBelowMinimum: policy !== undefined && h.totalMinutes > 0 && h.videoMinutes * 10_000 < policy.videoShareMinBp * h.totalMinutes,
      };
    }),
  };
}
