import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { RegistrationResult } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { offlineSessions, projectEnrolments, sessionRegistrations, trainingProjects } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { notify } from './notifications.ts';
import { requirePerson, type SessionRow } from './queries.ts';

/*
 * Seats at offline sessions: registrations beyond the capacity go on the waitlist in the order they came; a seat
 * given up promotes the first on the waitlist at once (audited, and the person is notified).
 */

const R = sessionRegistrations;
const regKey = (sessionId: string, personId: string) => and(eq(R.sessionId, sessionId), eq(R.personId, personId));

/** A waitlisted person's place (1 = next), null for everyone else. */
export async function waitlistPosition(db: Db, sessionId: string, personId: string): Promise<number | null> {
  const [mine] = await db.select().from(R).where(regKey(sessionId, personId));
  if (mine?.status !== 'waitlisted') return null;
  const [ahead] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(R)
    .where(and(eq(R.sessionId, sessionId), eq(R.status, 'waitlisted'), sql`(${R.registeredAt}, ${R.personId}) < (${mine.registeredAt}, ${personId})`));
  return ahead!.n + 1;
}

/** A session of a project the person is actively enrolled in, locked; 404 for anyone else. */
async function sessionForLearner(ctx: Ctx, sessionId: string, personId: string): Promise<SessionRow & { projectTitle: string }> {
  const [row] = await ctx.db
    .select({ session: offlineSessions, projectTitle: trainingProjects.title })
    .from(offlineSessions)
    .innerJoin(trainingProjects, eq(trainingProjects.id, offlineSessions.projectId))
    .innerJoin(projectEnrolments, and(eq(projectEnrolments.projectId, offlineSessions.projectId), eq(projectEnrolments.personId, personId)))
    .where(and(eq(offlineSessions.id, sessionId), eq(offlineSessions.organisationId, ctx.actor.organisationId), eq(projectEnrolments.status, 'active')))
    .for('update', { of: offlineSessions });
  if (!row) throw notFound('offline session');
  return { ...row.session, projectTitle: row.projectTitle };
}

async function assertOneSessionPerStage(db: Db, session: SessionRow, personId: string) {
  const [other] = await db
    .select({ id: offlineSessions.id })
    .from(R)
    .innerJoin(offlineSessions, eq(offlineSessions.id, R.sessionId))
    .where(and(eq(R.personId, personId), eq(offlineSessions.stageId, session.stageId), inArray(R.status, ['registered', 'waitlisted']), sql`${offlineSessions.id} <> ${session.id}`));
  if (other) throw new AppError('CONFLICT', 'you already hold a place at another session of this stage; cancel it first', { sessionId: other.id });
}

async function seatsTaken(db: Db, sessionId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(R).where(and(eq(R.sessionId, sessionId), eq(R.status, 'registered')));
  return row!.n;
}

/** Registers me for a session: a seat while there is one, otherwise the waitlist. Registering again answers my place. */
export async function register(ctx: Ctx, sessionId: string): Promise<RegistrationResult> {
  return inTransaction(ctx, async (tx) => {
    const personId = await requirePerson(tx.db, tx.actor, 'offline session');
    const session = await sessionForLearner(tx, sessionId, personId);
    if (session.status !== 'scheduled') throw new AppError('CONFLICT', 'the session was cancelled', { reason: 'SESSION_CANCELLED' });
    if (session.endsAt <= tx.clock.now()) throw new AppError('CONFLICT', 'the session is over', { reason: 'SESSION_ENDED' });
    const [existing] = await tx.db.select().from(R).where(regKey(sessionId, personId));
    if (existing && existing.status !== 'cancelled') return resultOf(tx.db, sessionId, personId, existing.status);
    await assertOneSessionPerStage(tx.db, session, personId);
    const status = (await seatsTaken(tx.db, sessionId)) < session.capacity ? 'registered' : 'waitlisted';
    const values = { status, registeredAt: tx.clock.now(), promotedAt: null };
    if (existing) await tx.db.update(R).set(values).where(regKey(sessionId, personId));
    else await tx.db.insert(R).values({ sessionId, personId, ...values });
    await recordAudit(tx, { entityType: 'session_registration', entityId: `${sessionId}:${personId}`, action: status === 'registered' ? 'register' : 'waitlist', organisationId: session.organisationId, after: { status } });
    return resultOf(tx.db, sessionId, personId, status);
  });
}

async function resultOf(db: Db, sessionId: string, personId: string, status: string): Promise<RegistrationResult> {
  return { sessionId, status: status as RegistrationResult['status'], waitlistPosition: await waitlistPosition(db, sessionId, personId) };
}

/** Gives up my seat or waitlist place before the session starts; a freed seat goes to the first waitlisted at once. */
export async function cancelRegistration(ctx: Ctx, sessionId: string): Promise<RegistrationResult> {
  return inTransaction(ctx, async (tx) => {
    const personId = await requirePerson(tx.db, tx.actor, 'offline session');
    const session = await sessionForLearner(tx, sessionId, personId);
    const [existing] = await tx.db.select().from(R).where(regKey(sessionId, personId));
    if (!existing || existing.status === 'cancelled') throw notFound('registration');
    if (session.startsAt <= tx.clock.now()) throw new AppError('CONFLICT', 'the session has started; ask the instructor instead', { reason: 'SESSION_STARTED' });
    await cancelAndPromote(tx, session, personId, existing.status);
    return resultOf(tx.db, sessionId, personId, 'cancelled');
  });
}

async function cancelAndPromote(ctx: Ctx, session: SessionRow & { projectTitle?: string }, personId: string, was: string) {
  await ctx.db.update(R).set({ status: 'cancelled' }).where(regKey(session.id, personId));
  await recordAudit(ctx, { entityType: 'session_registration', entityId: `${session.id}:${personId}`, action: 'cancel', organisationId: session.organisationId, before: { status: was }, after: { status: 'cancelled' } });
  if (was === 'registered') await promoteWaitlisted(ctx, session);
}

/** Fills free seats from the head of the waitlist, in order, notifying each person promoted. */
export async function promoteWaitlisted(ctx: Ctx, session: SessionRow): Promise<string[]> {
  const free = session.capacity - (await seatsTaken(ctx.db, session.id));
  if (free <= 0) return [];
  const next = await ctx.db.select().from(R).where(and(eq(R.sessionId, session.id), eq(R.status, 'waitlisted'))).orderBy(asc(R.registeredAt), asc(R.personId)).limit(free);
  const now = ctx.clock.now();
  for (const row of next) {
    await ctx.db.update(R).set({ status: 'registered', promotedAt: now }).where(regKey(session.id, row.personId));
    await recordAudit(ctx, { entityType: 'session_registration', entityId: `${session.id}:${row.personId}`, action: 'promote', organisationId: session.organisationId, before: { status: 'waitlisted' }, after: { status: 'registered' } });
  }
  await notify(
    ctx.db,
    now,
    next.map((row) => ({
      organisationId: session.organisationId,
      personId: row.personId,
      kind: 'waitlist_promoted',
      dedupeKey: `promoted:${session.id}:${row.registeredAt.toISOString()}`,
      title: { 'zh-CN': '候补成功：您已获得座位', 'en-US': 'You are off the waitlist' },
      body: { 'zh-CN': `线下课「${session.title}」有空位，您已由候补转为正式报名。`, 'en-US': `A seat at "${session.title}" is now yours.` },
      link: `/m/projects/${session.projectId}`,
    })),
  );
  return next.map((r) => r.personId);
}

/** A withdrawn learner's places at the project's sessions still to come are given up (seats go to the waitlist). */
export async function releaseSeatsOf(ctx: Ctx, projectId: string, personId: string): Promise<void> {
  const held = await ctx.db
    .select({ session: offlineSessions, status: R.status })
    .from(R)
    .innerJoin(offlineSessions, eq(offlineSessions.id, R.sessionId))
    .where(and(eq(R.personId, personId), eq(offlineSessions.projectId, projectId), inArray(R.status, ['registered', 'waitlisted']), gt(offlineSessions.startsAt, ctx.clock.now())));
  for (const { session, status } of held) await cancelAndPromote(ctx, session, personId, status);
}
