import { randomBytes } from 'node:crypto';
import { and, asc, eq, exists, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  roleOrganisationTypes,
  type CreateUserRequest,
  type listUsersQuery,
  type Membership,
  type Role,
  type User,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';
import { recordAudit, recordAuditMany } from '../../lib/audit.ts';
import { authorize, reachOf } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findOrganisation, likePattern } from '../organisations/queries.ts';
import { findPerson } from '../people/queries.ts';
import { userPolicy } from './policy.ts';

type UserRow = typeof users.$inferSelect;

/** Users the actor manages: all for a system admin, else those with an active membership in the actor's organisation. */
function userReach(actor: Actor) {
  if (reachOf(actor).kind === 'all') return undefined;
  return exists(
    sql`(select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.organisationId} = ${actor.organisationId} and ${memberships.revokedAt} is null)`,
  );
}

async function membershipsOf(db: Db, actor: Actor, userIds: string[]): Promise<Map<string, Membership[]>> {
  const result = new Map<string, Membership[]>();
  if (!userIds.length) return result;
  const rows = await db
    .select({
      userId: memberships.userId,
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
    .where(
      and(
        inArray(memberships.userId, userIds),
        isNull(memberships.revokedAt),
        reachOf(actor).kind === 'all' ? undefined : eq(memberships.organisationId, actor.organisationId),
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  for (const { userId, ...m } of rows) {
    const list = result.get(userId) ?? [];
    list.push(m as Membership);
    result.set(userId, list);
  }
  return result;
}

function toUser(row: UserRow, list: Membership[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    personId: row.personId,
    locale: row.locale as User['locale'],
    disabled: row.disabled,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    memberships: list,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(ctx: Ctx, query: z.infer<typeof listUsersQuery>) {
  authorize(ctx.actor, userPolicy, 'list');
  const where = and(
    userReach(ctx.actor),
    query.q ? or(ilike(users.username, likePattern(query.q)), ilike(users.displayName, likePattern(query.q))) : undefined,
    // Outside a system admin's reach only the actor's own organisation may be filtered on, or the filter would betray memberships elsewhere.
    query.organisationId
      ? reachOf(ctx.actor).kind !== 'all' && query.organisationId !== ctx.actor.organisationId
        ? sql`false`
        : exists(
            sql`(select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.organisationId} = ${query.organisationId} and ${memberships.revokedAt} is null)`,
          )
      : undefined,
  );
  const page = await paginate(
    ctx.db.select().from(users).where(where).orderBy(...orderBy(query.sort, { username: sql`${users.username} collate "C"`, createdAt: users.createdAt }, [asc(sql`${users.username} collate "C"`)], users.id)).$dynamic(),
    ctx.db.select(countAll()).from(users).where(where),
    query,
    (row) => row,
  );
  const byUser = await membershipsOf(ctx.db, ctx.actor, page.items.map((u) => u.id));
  return { ...page, items: page.items.map((u) => toUser(u, byUser.get(u.id) ?? [])) };
}

async function findUser(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, id), userReach(ctx.actor)));
  if (!row) throw notFound('user');
  return row;
}

async function userView(ctx: Ctx, row: UserRow) {
  return toUser(row, (await membershipsOf(ctx.db, ctx.actor, [row.id])).get(row.id) ?? []);
}

/** Checks that the actor may grant this role in this organisation; returns the organisation. */
async function checkGrant(ctx: Ctx, grant: { organisationId: string; role: Role }, path: string) {
  const org = await findOrganisation(ctx.db, ctx.actor, grant.organisationId);
  if (!org) throw notFound('organisation');
  if (!roleOrganisationTypes[grant.role].includes(org.type as never)) {
    throw new AppError('ROLE_NOT_ALLOWED_FOR_ORGANISATION', `the role ${grant.role} does not exist in a ${org.type}`, {
      issues: [{ path: `${path}.role`, code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION', message: `not a role of a ${org.type}` }],
    });
  }
  if (reachOf(ctx.actor).kind !== 'all' && (grant.role === 'system_admin' || org.id !== ctx.actor.organisationId)) {
    throw forbidden('you may grant roles of your own organisation only');
  }
  return org;
}

export async function createUser(ctx: Ctx, input: CreateUserRequest) {
  authorize(ctx.actor, userPolicy, 'create');
  const orgs: { id: string; regionId: string }[] = [];
  for (const [i, grant] of input.memberships.entries()) orgs.push(await checkGrant(ctx, grant, `body.memberships.${i}`));
  if (input.personId) {
    if (!(await findPerson(ctx.db, ctx.actor, input.personId))) throw notFound('person');
    const [linked] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.personId, input.personId));
    if (linked) {
      throw new AppError('CONFLICT', 'this person already has an account', {
        issues: [{ path: 'body.personId', code: 'PERSON_HAS_ACCOUNT', message: 'already linked to an account' }],
      });
    }
  }
  const [clash] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (clash) {
    throw new AppError('DUPLICATE_USERNAME', 'this username is taken', {
      issues: [{ path: 'body.username', code: 'DUPLICATE_USERNAME', message: 'taken' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, personId: input.personId ?? null, passwordHash, createdAt: now, passwordChangedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const granted = await tx.db
      .insert(memberships)
      .values(input.memberships.map((m) => ({ userId: row.id, organisationId: m.organisationId, role: m.role, createdAt: now })))
      .onConflictDoNothing()
      .returning();
    await recordAuditMany(tx, [
      { entityType: 'user', entityId: row.id, action: 'create', organisationId: ctx.actor.organisationId, after: { username: row.username, displayName: row.displayName } },
      ...granted.map((m) => ({
        entityType: 'membership', entityId: m.id, action: 'grant', organisationId: m.organisationId,
        regionId: orgs.find((o) => o.id === m.organisationId)?.regionId ?? null, after: { userId: row.id, role: m.role },
      })),
    ]);
    return userView(tx, row);
  });
}

export async function grantMembership(ctx: Ctx, userId: string, grant: { organisationId: string; role: Role }) {
  authorize(ctx.actor, userPolicy, 'grantMembership');
  const user = await findUser(ctx, userId);
  const org = await checkGrant(ctx, grant, 'body');
  return inTransaction(ctx, async (tx) => {
    const [m] = await tx.db
      .insert(memberships)
      .values({ userId, organisationId: grant.organisationId, role: grant.role, createdAt: tx.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!m) throw new AppError('CONFLICT', 'the user already holds this role in this organisation');
    await recordAudit(tx, { entityType: 'membership', entityId: m.id, action: 'grant', organisationId: org.id, regionId: org.regionId, after: { userId, role: m.role } });
    return userView(tx, user);
  });
}

/** Revokes a membership; sessions acting through it end at their next request. */
export async function revokeMembership(ctx: Ctx, membershipId: string) {
  authorize(ctx.actor, userPolicy, 'revokeMembership');
  const [m] = await ctx.db.select().from(memberships).where(and(eq(memberships.id, membershipId), isNull(memberships.revokedAt)));
  const org = m ? await findOrganisation(ctx.db, ctx.actor, m.organisationId) : undefined;
  if (!m || !org || (reachOf(ctx.actor).kind !== 'all' && org.id !== ctx.actor.organisationId)) throw notFound('membership');
  if (m.id === ctx.actor.membershipId) throw new AppError('CONFLICT', 'you cannot revoke the membership you are acting through');
  await inTransaction(ctx, async (tx) => {
    const [revoked] = await tx.db
      .update(memberships)
      .set({ revokedAt: tx.clock.now() })
      .where(and(eq(memberships.id, m.id), isNull(memberships.revokedAt)))
      .returning({ id: memberships.id });
    if (!revoked) throw notFound('membership');
    await recordAudit(tx, { entityType: 'membership', entityId: m.id, action: 'revoke', organisationId: org.id, regionId: org.regionId, before: { userId: m.userId, role: m.role } });
  });
}

export async function unlockUser(ctx: Ctx, userId: string) {
  authorize(ctx.actor, userPolicy, 'unlock');
  const user = await findUser(ctx, userId);
  // A lock covers the whole account: an organisation's admin may lift it only for accounts that belong to that organisation alone.
  if (reachOf(ctx.actor).kind !== 'all') {
    const [elsewhere] = await ctx.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt), ne(memberships.organisationId, ctx.actor.organisationId)))
      .limit(1);
    if (elsewhere) throw forbidden('this account also belongs to another organisation; ask a system administrator to unlock it');
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, {
      entityType: 'user', entityId: userId, action: 'unlock', organisationId: ctx.actor.organisationId,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null }, after: { lockedUntil: null },
    });
    return userView(tx, row!);
  });
}

/** A password that meets the policy, for a first administrator when none is configured. */
function generatePassword() {
  return `Fc-${randomBytes(9).toString('base64url')}7a`;
}

/** False on a fresh installation: start-up then loads the demo district or creates the first administrator. */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  return Boolean(any);
}

/**
 * On an empty database, creates the platform's operating department and its first system administrator,
 * so a fresh installation can be signed into. Returns the credentials to print once, or null if users exist.
 */
export async function ensureBootstrapAdmin(db: Db, password: string | undefined, now: Date) {
  if (await hasAnyUser(db)) return null;
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  await db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ type: 'government_department', departmentKind: 'platform', regionId: 'baodi', name: '支点平台运维中心', createdAt: now, updatedAt: now })
      .returning();
    const [user] = await tx.insert(users).values({ username: 'admin', displayName: '系统管理员', passwordHash, createdAt: now, passwordChangedAt: now }).returning();
    await tx.insert(memberships).values({ userId: user!.id, organisationId: org!.id, role: 'system_admin', createdAt: now });
    await recordAudit({ db: tx as unknown as Db, clock: { now: () => now }, requestId: null, ip: null, actor: null }, {
      entityType: 'user', entityId: user!.id, action: 'bootstrap', organisationId: org!.id, regionId: 'baodi', after: { username: 'admin' },
    });
  });
  return { username: 'admin', password: chosen, generated: !password };
}
