import { and, asc, eq, sql } from 'drizzle-orm';
import type { ChangePasswordRequest, LoginRequest, Membership, SessionResponse } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { employments, memberships, organisations, people, sessions, users } from '../../db/schema/index.ts';
import { toEmployment, toPersonSummary } from '../people/queries.ts';
import { recordAudit } from '../../lib/audit.ts';
import { MINUTE, type Clock } from '../../lib/clock.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import {
  activeMemberships,
  createSession,
  deleteOtherSessions,
  IDLE_TIMEOUT_MS,
} from './sessions.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * MINUTE;

interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** Checks the password, counting failures toward a 15-minute lock after 5, and opens a session. */
export async function login(db: Db, clock: Clock, input: LoginRequest, meta: RequestMeta) {
  const now = clock.now();
  const username = input.username.toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  const audit = { db, clock, requestId: meta.requestId, ip: meta.ip, actor: null };
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', 'too many failed logins; try again later', { lockedUntil: user.lockedUntil.toISOString() });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countWrongPassword(audit, user.id, 'failed_logins');
    // The same answer as for an unknown username: no count that would tell the two apart.
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED', 'this account is disabled');
  const [first] = await activeMemberships(db, user.id);
  if (!first) throw new AppError('FORBIDDEN', 'this account has no membership in any organisation');
  if (user.failedLogins > 0 || user.lockedUntil) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  const session = await createSession(db, { userId: user.id, membershipId: first.id, now, ...meta });
  // The user signing in is the actor of their own sign-in.
  const actor: Actor = {
    userId: user.id,
    displayName: user.displayName,
    locale: user.locale as Actor['locale'],
    membershipId: first.id,
    role: first.role as Actor['role'],
    organisationId: first.organisationId,
    organisationType: first.organisationType as Actor['organisationType'],
    departmentKind: first.departmentKind as Actor['departmentKind'],
    regionId: first.regionId,
  };
  await recordAudit({ ...audit, actor }, {
    entityType: 'user', entityId: user.id, action: 'login', organisationId: first.organisationId, regionId: first.regionId,
  });
  return { token: session.token, view: await sessionView(db, user.id, first.id, now, session.absoluteExpiresAt) };
}

/**
 * Counts a wrong password (at sign-in or when changing it) in one atomic update; the fifth locks the account
 * for 15 minutes and is answered with ACCOUNT_LOCKED.
 */
async function countWrongPassword(
  ctx: Pick<Ctx, 'db' | 'clock' | 'requestId' | 'ip'> & { actor: Actor | null },
  userId: string,
  reason: 'failed_logins' | 'failed_password_change',
) {
  const [counted] = await ctx.db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  if ((counted?.failedLogins ?? 0) < MAX_FAILED_LOGINS) return;
  const lockedUntil = new Date(ctx.clock.now().getTime() + LOCKOUT_MS);
  await ctx.db.update(users).set({ failedLogins: 0, lockedUntil }).where(eq(users.id, userId));
  // Guessing the current password means someone holds a session: end them all. (Failed sign-ins leave
  // existing sessions alone, so a stranger cannot sign the real user out.)
  if (reason === 'failed_password_change') await deleteOtherSessions(ctx.db, userId);
  await recordAudit(ctx, { entityType: 'user', entityId: userId, action: 'lock', organisationId: null, after: { lockedUntil: lockedUntil.toISOString(), reason } });
  throw new AppError('ACCOUNT_LOCKED', 'too many wrong passwords; try again later', { lockedUntil: lockedUntil.toISOString() });
}

/** What the web app needs to know about the signed-in user and where they act from. */
export async function sessionView(
  db: Db,
  userId: string,
  membershipId: string,
  lastSeenAt: Date,
  absoluteExpiresAt: Date,
): Promise<SessionResponse> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const list = (await activeMemberships(db, userId)) as Membership[];
  const active = list.find((m) => m.id === membershipId);
  if (!user || !active) throw new AppError('UNAUTHENTICATED', 'not signed in');
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, locale: user.locale as 'zh-CN' | 'en-US' },
    activeMembership: active,
    memberships: list,
    idleExpiresAt: new Date(lastSeenAt.getTime() + IDLE_TIMEOUT_MS).toISOString(),
    absoluteExpiresAt: absoluteExpiresAt.toISOString(),
  };
}

export async function switchMembership(db: Db, actor: Actor, tokenHash: string, membershipId: string) {
  const list = await activeMemberships(db, actor.userId);
  if (!list.some((m) => m.id === membershipId)) throw new AppError('NOT_FOUND', 'membership not found');
  await db.update(sessions).set({ membershipId }).where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.userId, actor.userId)));
}

/** Changes the password after checking the current one, and signs out the user's other sessions. */
export async function changePassword(ctx: Ctx, tokenHash: string, input: ChangePasswordRequest) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED', 'not signed in');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await countWrongPassword(ctx, user.id, 'failed_password_change');
    throw new AppError('WRONG_PASSWORD', 'the current password is wrong', {
      issues: [{ path: 'body.currentPassword', code: 'WRONG_PASSWORD', message: 'the current password is wrong' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('PASSWORD_POLICY', 'the new password must differ from the current one', {
      issues: [{ path: 'body.newPassword', code: 'PASSWORD_UNCHANGED', message: 'must differ from the current password' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ passwordHash, passwordChangedAt: tx.clock.now() }).where(eq(users.id, user.id));
    await deleteOtherSessions(tx.db, user.id, tokenHash);
    await recordAudit(tx, { entityType: 'user', entityId: user.id, action: 'change_password', organisationId: ctx.actor.organisationId });
  });
}

export async function setLocale(ctx: Ctx, locale: 'zh-CN' | 'en-US') {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, ctx.actor.userId));
}

/** The signed-in user's own person record with all their employments (their own data, so nothing is scoped away). */
export async function ownProfile(db: Db, userId: string) {
  const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  if (!user?.personId) return { person: null };
  const [row] = await db.select().from(people).where(eq(people.id, user.personId));
  if (!row) return { person: null };
  const rows = await db
    .select({ employment: employments, organisationName: organisations.name })
    .from(employments)
    .innerJoin(organisations, eq(organisations.id, employments.organisationId))
    // Only the jobs at organisations this account is a member of: an account an employer created sees no other employer's records.
    .where(
      and(
        eq(employments.personId, row.id),
        sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${userId} and ${memberships.organisationId} = ${employments.organisationId} and ${memberships.revokedAt} is null)`,
      ),
    )
    .orderBy(asc(employments.startDate));
  return { person: { ...toPersonSummary(row), employments: rows.map((r) => toEmployment(r.employment, r.organisationName)) } };
}
