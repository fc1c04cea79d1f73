import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AttendanceState, CheckInRefusal, CheckInResult, CheckInToken, CorrectAttendanceRequest, RosterEntry, SessionRoster } from '@fulcrum/shared';
import { offlineSessions, people, projectEnrolments, sessionCheckIns, sessionRegistrations, trainingProjects } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { recordLearning } from '../record.ts';
import { issueToken, parseToken, verifyToken } from './check-in-token.ts';
import { projectPolicy } from './policy.ts';
import { refreshOfflineStage } from './progress.ts';
import { findTaughtSession, requirePerson, selectSessions, type SessionRow } from './queries.ts';

/*
 * QR check-in at offline sessions. The instructor's page shows a token that rotates (check-in-token.ts); a learner's
 * scan is accepted only with a fresh token, inside the session's window (from 30 minutes before the start to the end),
 * for people actively enrolled and holding a seat (not waitlisted), once per person. Attendance: full when checked in
 * by start + 15 minutes, partial later, absent with no check-in by the end. Instructors correct it with a note (audited).
 */

const OPENS_BEFORE_MS = 30 * 60_000;
const FULL_UNTIL_MS = 15 * 60_000;

export const windowOf = (session: Pick<SessionRow, 'startsAt' | 'endsAt'>) => ({
  opensAt: new Date(session.startsAt.getTime() - OPENS_BEFORE_MS),
  fullUntil: new Date(session.startsAt.getTime() + FULL_UNTIL_MS),
  closesAt: session.endsAt,
});

const refuse = (reason: CheckInRefusal, message: string, extra: Record<string, unknown> = {}) => {
  if (reason === 'TOKEN_INVALID' || reason === 'TOKEN_EXPIRED') {
    return new AppError('VALIDATION_FAILED', message, { reason, issues: [{ path: 'body.token', code: reason, message }] });
  }
  const code = reason === 'NOT_ENROLLED' || reason === 'NOT_REGISTERED' || reason === 'WAITLISTED' ? 'FORBIDDEN' : 'CONFLICT';
  return new AppError(code, message, { reason, ...extra });
};

/** The current token of a session I run, with the URL the QR code encodes. */
export async function currentToken(ctx: Ctx, publicUrl: string, sessionId: string): Promise<CheckInToken> {
  authorize(ctx.actor, projectPolicy, 'teach');
  const session = await findTaughtSession(ctx.db, ctx.actor, sessionId);
  if (session.status !== 'scheduled') throw refuse('SESSION_CANCELLED', 'the session was cancelled');
  const issued = issueToken(session.id, session.checkInSecret, ctx.clock.now());
  return {
    token: issued.token,
    url: `${publicUrl}/m/check-in?t=${encodeURIComponent(issued.token)}`,
    issuedAt: issued.issuedAt.toISOString(),
    expiresAt: issued.expiresAt.toISOString(),
  };
}

async function sessionOfToken(ctx: Ctx, token: string) {
  const parsed = parseToken(token);
  const [row] = parsed
    ? await ctx.db
        .select({ session: offlineSessions, projectTitle: trainingProjects.title })
        .from(offlineSessions)
        .innerJoin(trainingProjects, eq(trainingProjects.id, offlineSessions.projectId))
        .where(and(eq(offlineSessions.id, parsed.sessionId), eq(offlineSessions.organisationId, ctx.actor.organisationId)))
    : [];
  if (!parsed || !row) throw refuse('TOKEN_INVALID', 'this is not a check-in code of your organisation');
  const verdict = verifyToken(parsed, row.session.checkInSecret, ctx.clock.now());
  if (verdict === 'invalid') throw refuse('TOKEN_INVALID', 'this is not a valid check-in code');
  if (verdict === 'expired') throw refuse('TOKEN_EXPIRED', 'the code has changed since it was scanned; scan the code on screen again');
  return row;
}

async function assertMaySeat(ctx: Ctx, session: SessionRow, personId: string) {
  const now = ctx.clock.now();
  const window = windowOf(session);
  const times = { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() };
  if (session.status !== 'scheduled') throw refuse('SESSION_CANCELLED', 'the session was cancelled');
  if (now < window.opensAt) throw refuse('NOT_OPEN_YET', 'check-in opens 30 minutes before the session starts', times);
  if (now > window.closesAt) throw refuse('ALREADY_ENDED', 'the session is over', times);
  const [enrolment] = await ctx.db
    .select({ status: projectEnrolments.status })
    .from(projectEnrolments)
    .where(and(eq(projectEnrolments.projectId, session.projectId), eq(projectEnrolments.personId, personId)));
  if (enrolment?.status !== 'active' && enrolment?.status !== 'completed') throw refuse('NOT_ENROLLED', 'you are not enrolled in this training project');
  const [registration] = await ctx.db
    .select({ status: sessionRegistrations.status })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, session.id), eq(sessionRegistrations.personId, personId)));
  if (registration?.status === 'waitlisted') throw refuse('WAITLISTED', 'you are on the waitlist of this session, not registered');
  if (registration?.status !== 'registered') throw refuse('NOT_REGISTERED', 'you have not registered for this session');
}

/** A learner's scan of the QR code: checks them in once, or answers their earlier check-in. */
export async function checkIn(ctx: Ctx, publicUrl: string, token: string): Promise<CheckInResult> {
  const personId = await requirePerson(ctx.db, ctx.actor, 'enrolment');
  const result = await inTransaction(ctx, async (tx) => {
    const { session, projectTitle } = await sessionOfToken(tx, token);
    const base = { sessionId: session.id, sessionTitle: session.title, projectId: session.projectId, projectTitle, venue: session.venue, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() };
    const [earlier] = await tx.db.select().from(sessionCheckIns).where(and(eq(sessionCheckIns.sessionId, session.id), eq(sessionCheckIns.personId, personId))).for('update');
    if (earlier?.checkedInAt) return { ...base, checkedInAt: earlier.checkedInAt.toISOString(), state: earlier.state as AttendanceState, alreadyCheckedIn: true, session };
    await assertMaySeat(tx, session, personId);
    const now = tx.clock.now();
    const state: AttendanceState = now <= windowOf(session).fullUntil ? 'full' : 'partial';
    const values = { state, checkedInAt: now, method: 'qr', updatedAt: now };
    await tx.db.insert(sessionCheckIns).values({ sessionId: session.id, personId, ...values }).onConflictDoUpdate({ target: [sessionCheckIns.sessionId, sessionCheckIns.personId], set: values });
    await recordAudit(tx, { entityType: 'session_check_in', entityId: `${session.id}:${personId}`, action: 'check_in', organisationId: session.organisationId, after: { state, method: 'qr' } });
    await refreshOfflineStage(tx, session.stageId, session.projectId, personId);
    return { ...base, checkedInAt: now.toISOString(), state, alreadyCheckedIn: false, session };
  });
  const { session, ...answer } = result;
  if (!answer.alreadyCheckedIn) await recordAttendance(ctx, publicUrl, session, personId, 'checked-in', answer.state);
  return answer;
}

/** The attendance as a learning statement (after the change has committed). */
async function recordAttendance(ctx: Ctx, publicUrl: string, session: SessionRow, personId: string, verb: 'checked-in' | 'attended', state: AttendanceState) {
  await recordLearning({ db: ctx.db, clock: ctx.clock, publicUrl }, session.organisationId, [
    {
      personId,
      verb,
      activity: { kind: 'check-in', id: session.id, name: session.title },
      result: { success: state === 'full', extensions: { [`${publicUrl}/xapi/extensions/attendance`]: state } },
      timestamp: ctx.clock.now(),
      extensions: { [`${publicUrl}/xapi/extensions/project`]: session.projectId },
    },
  ]);
}

/** The people registered (and waitlisted) for a session I run, with their attendance. */
export async function sessionRoster(ctx: Ctx, sessionId: string): Promise<SessionRoster> {
  authorize(ctx.actor, projectPolicy, 'teach');
  const row = await findTaughtSession(ctx.db, ctx.actor, sessionId);
  const [session] = await selectSessions(ctx.db, eq(offlineSessions.id, sessionId));
  const ended = ctx.clock.now() > row.endsAt;
  const regs = await ctx.db
    .select({ registration: sessionRegistrations, name: people.name, checkIn: sessionCheckIns })
    .from(sessionRegistrations)
    .innerJoin(people, eq(people.id, sessionRegistrations.personId))
    .leftJoin(sessionCheckIns, and(eq(sessionCheckIns.sessionId, sessionRegistrations.sessionId), eq(sessionCheckIns.personId, sessionRegistrations.personId)))
    .where(and(eq(sessionRegistrations.sessionId, sessionId), inArray(sessionRegistrations.status, ['registered', 'waitlisted'])))
    .orderBy(asc(sessionRegistrations.status), asc(sessionRegistrations.registeredAt), asc(sessionRegistrations.personId));
  let waitlistRank = 0;
  const entries: RosterEntry[] = regs.map(({ registration: r, name, checkIn: c }) => {
    const isRegistered = r.status === 'registered';
    const state = c ? (c.state as AttendanceState) : ended && isRegistered ? 'absent' : null;
    return {
      personId: r.personId,
      name,
      registrationStatus: r.status as RosterEntry['registrationStatus'],
      registeredAt: r.registeredAt.toISOString(),
      waitlistPosition: isRegistered ? null : ++waitlistRank,
      state,
      checkedInAt: c?.checkedInAt?.toISOString() ?? null,
      method: (c?.method as RosterEntry['method']) ?? null,
      note: c?.note ?? null,
    };
  });
  const count = (state: AttendanceState) => entries.filter((e) => e.state === state).length;
  const window = windowOf(row);
  return {
    session: session!,
    window: { opensAt: window.opensAt.toISOString(), fullUntil: window.fullUntil.toISOString(), closesAt: window.closesAt.toISOString() },
    ended,
    counts: { registered: entries.length - waitlistRank, waitlisted: waitlistRank, full: count('full'), partial: count('partial'), absent: count('absent') },
    entries,
  };
}

/** An instructor's correction of one registered person's attendance, with the reason (audited). */
export async function correctAttendance(ctx: Ctx, publicUrl: string, sessionId: string, personId: string, input: CorrectAttendanceRequest): Promise<SessionRoster> {
  authorize(ctx.actor, projectPolicy, 'teach');
  const session = await inTransaction(ctx, async (tx) => {
    const row = await findTaughtSession(tx.db, tx.actor, sessionId, true);
    const [registration] = await tx.db.select().from(sessionRegistrations).where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.personId, personId)));
    if (!registration) throw notFound('registration');
    if (registration.status !== 'registered') throw invalid([{ path: 'params.personId', code: 'NOT_REGISTERED', message: 'only people holding a seat have attendance' }]);
    if (tx.clock.now() < windowOf(row).opensAt) throw new AppError('CONFLICT', 'attendance is corrected once check-in has opened', { reason: 'NOT_OPEN_YET' });
    const [before] = await tx.db.select().from(sessionCheckIns).where(and(eq(sessionCheckIns.sessionId, sessionId), eq(sessionCheckIns.personId, personId)));
    const now = tx.clock.now();
    const values = { state: input.state, method: 'manual', correctedBy: tx.actor.userId, note: input.note, updatedAt: now };
    await tx.db.insert(sessionCheckIns).values({ sessionId, personId, checkedInAt: null, ...values }).onConflictDoUpdate({ target: [sessionCheckIns.sessionId, sessionCheckIns.personId], set: values });
    await recordAudit(tx, {
      entityType: 'session_check_in',
      entityId: `${sessionId}:${personId}`,
      action: 'correct_attendance',
      organisationId: row.organisationId,
      before: before ? { state: before.state, method: before.method, note: before.note } : { state: null },
      after: { state: input.state, method: 'manual', note: input.note },
    });
    await refreshOfflineStage(tx, row.stageId, row.projectId, personId);
    return row;
  });
  if (input.state !== 'absent') await recordAttendance(ctx, publicUrl, session, personId, 'attended', input.state);
  return sessionRoster(ctx, sessionId);
}
