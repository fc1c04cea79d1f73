import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { DepartmentKind, Locale, OrganisationType, Role } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/context.ts';
import { HOUR, MINUTE } from '../../lib/clock.ts';

export const SESSION_COOKIE = 'fulcrum_session';
export const IDLE_TIMEOUT_MS = 30 * MINUTE;
export const ABSOLUTE_TIMEOUT_MS = 12 * HOUR;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = MINUTE;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  input: { userId: string; membershipId: string; now: Date; ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    membershipId: input.membershipId,
    createdAt: input.now,
    lastSeenAt: input.now,
    absoluteExpiresAt: new Date(input.now.getTime() + ABSOLUTE_TIMEOUT_MS),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, absoluteExpiresAt: new Date(input.now.getTime() + ABSOLUTE_TIMEOUT_MS) };
}

export type SessionLookup =
  | { status: 'valid'; actor: Actor; tokenHash: string; lastSeenAt: Date; absoluteExpiresAt: Date }
  | { status: 'expired' }
  | { status: 'unknown' };

/** Resolves a cookie token to its actor, expiring idle (30 min) and old (12 h) sessions. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      userId: users.id,
      displayName: users.displayName,
      locale: users.locale,
      disabled: users.disabled,
      membershipId: memberships.id,
      revokedAt: memberships.revokedAt,
      role: memberships.role,
      organisationId: organisations.id,
      organisationType: organisations.type,
      departmentKind: organisations.departmentKind,
      regionId: organisations.regionId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return { status: 'unknown' };
  const idle = now.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (idle || now >= row.absoluteExpiresAt) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: 'expired' };
  }
  if (row.disabled || row.revokedAt) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: 'unknown' };
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    lastSeenAt = now;
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return {
    status: 'valid',
    tokenHash,
    lastSeenAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    actor: {
      userId: row.userId,
      displayName: row.displayName,
      locale: row.locale as Locale,
      membershipId: row.membershipId,
      role: row.role as Role,
      organisationId: row.organisationId,
      organisationType: row.organisationType as OrganisationType,
      departmentKind: row.departmentKind as DepartmentKind | null,
      regionId: row.regionId,
    },
  };
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user but one (after a password change) or all of them. */
export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash?: string) {
  await db
    .delete(sessions)
    .where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}

/** A user's active memberships with their organisations, oldest first. */
export function activeMemberships(db: Db, userId: string) {
  return db
    .select({
      id: memberships.id,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationType: organisations.type,
      departmentKind: organisations.departmentKind,
      regionId: organisations.regionId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)))
    .orderBy(memberships.createdAt, memberships.id);
}
