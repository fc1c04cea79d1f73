import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreatedLrsClient, CreateLrsClientRequest, LrsClient, LrsClientPage, LrsScope, lrsClientListQuery } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { lrsClients, organisations, users, xapiStatements } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, definePolicy, reachOf } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { forgetClient, newCredentials } from './clients.ts';

/*
 * The console's side of the store: an enterprise's (or training institution's) administrators and training managers
 * hand out keys to the content packages and tools that report learning, see what each key stored, and revoke a key
 * that leaked or is no longer used. A system administrator may look at any organisation's keys and revoke them,
 * but keys are always created by the organisation that owns the learning records.
 */
export const lrsPolicy = definePolicy({
  createClient: ['enterprise_admin', 'training_manager'],
  listClients: ['system_admin', 'enterprise_admin', 'training_manager'],
  revokeClient: ['system_admin', 'enterprise_admin', 'training_manager'],
  browseStatements: ['enterprise_admin', 'training_manager'],
  readProgress: ['enterprise_admin', 'training_manager'],
});

/** The address a content package is configured with: the store's base, with the trailing slash tools expect. */
export const lrsEndpoint = (publicUrl: string) => `${publicUrl}/xapi/`;

type ListQuery = z.infer<typeof lrsClientListQuery>;
type ClientRow = typeof lrsClients.$inferSelect;

/** Keys the actor may see: every organisation's for a system admin, else their own organisation's. */
function clientReach(actor: Actor) {
  return reachOf(actor).kind === 'all' ? undefined : eq(lrsClients.organisationId, actor.organisationId);
}

const selectClients = (db: Db) =>
  db
    .select({ client: lrsClients, createdByName: users.displayName })
    .from(lrsClients)
    .leftJoin(users, eq(users.id, lrsClients.createdBy))
    .$dynamic();

/** How many statements each key stored (the organisation is in the condition so the stored index narrows the scan). */
async function statementCounts(db: Db, clients: ClientRow[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!clients.length) return counts;
  const rows = await db
    .select({ clientId: xapiStatements.clientId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(xapiStatements)
    .where(
      and(
        inArray(xapiStatements.organisationId, [...new Set(clients.map((c) => c.organisationId))]),
        inArray(
          xapiStatements.clientId,
          clients.map((c) => c.id),
        ),
      ),
    )
    .groupBy(xapiStatements.clientId);
  for (const row of rows) if (row.clientId) counts.set(row.clientId, row.n);
  return counts;
}

function toLrsClient(row: { client: ClientRow; createdByName: string | null }, statements: number, publicUrl: string): LrsClient {
  const c = row.client;
  return {
    id: c.id,
    organisationId: c.organisationId,
    name: c.name,
    key: c.key,
    scopes: c.scopes as LrsScope[],
    endpoint: lrsEndpoint(publicUrl),
    createdAt: c.createdAt.toISOString(),
    createdByName: row.createdByName,
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    statements,
  };
}

async function clientView(db: Db, actor: Actor, id: string, publicUrl: string): Promise<LrsClient> {
  const [row] = await selectClients(db).where(and(eq(lrsClients.id, id), clientReach(actor)));
  if (!row) throw notFound('LRS client');
  return toLrsClient(row, (await statementCounts(db, [row.client])).get(row.client.id) ?? 0, publicUrl);
}

/**
 * A new key pair for the actor's organisation. The secret is answered once and only its hash is kept, so the audit
 * entry records the name, key and scopes but never the secret.
 */
export async function createLrsClient(ctx: Ctx, input: CreateLrsClientRequest, publicUrl: string): Promise<CreatedLrsClient> {
  authorize(ctx.actor, lrsPolicy, 'createClient');
  const scopes = [...new Set(input.scopes)].sort();
  const { key, secret, secretHash } = newCredentials();
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(lrsClients)
      .values({ organisationId: tx.actor.organisationId, name: input.name, key, secretHash, scopes, createdBy: tx.actor.userId, createdAt: tx.clock.now() })
      .returning({ id: lrsClients.id });
    await recordAudit(tx, {
      entityType: 'lrs_client',
      entityId: row!.id,
      action: 'create',
      organisationId: tx.actor.organisationId,
      after: { name: input.name, key, scopes },
    });
    return row!.id;
  });
  return { client: await clientView(ctx.db, ctx.actor, id, publicUrl), secret };
}

/** The keys of the actor's organisation (a system admin: any organisation's, or one's), with what each has stored. */
export async function listLrsClients(db: Db, actor: Actor, query: ListQuery, publicUrl: string): Promise<LrsClientPage> {
  authorize(actor, lrsPolicy, 'listClients');
  const where = and(
    clientReach(actor),
    query.organisationId ? eq(lrsClients.organisationId, query.organisationId) : undefined,
    query.includeRevoked === 'true' ? undefined : isNull(lrsClients.revokedAt),
  );
  const page = await paginate(
    selectClients(db)
      .where(where)
      .orderBy(...orderBy(query.sort, { name: sql`${lrsClients.name} collate "C"`, createdAt: lrsClients.createdAt }, [desc(lrsClients.createdAt)], lrsClients.id)),
    db.select(countAll()).from(lrsClients).where(where),
    query,
    (row) => row,
  );
  const counts = await statementCounts(
    db,
    page.items.map((r) => r.client),
  );
  return { ...page, items: page.items.map((row) => toLrsClient(row, counts.get(row.client.id) ?? 0, publicUrl)) };
}

/**
 * Revokes a key at once: the next request made with it is answered 401. The key's statements stay in the store.
 * A key already revoked is a conflict, so a second click does not write a second audit entry.
 */
export async function revokeLrsClient(ctx: Ctx, id: string, publicUrl: string): Promise<LrsClient> {
  authorize(ctx.actor, lrsPolicy, 'revokeClient');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ id: lrsClients.id, key: lrsClients.key, name: lrsClients.name, organisationId: lrsClients.organisationId, regionId: organisations.regionId, revokedAt: lrsClients.revokedAt })
      .from(lrsClients)
      .innerJoin(organisations, eq(organisations.id, lrsClients.organisationId))
      .where(and(eq(lrsClients.id, id), clientReach(tx.actor)))
      .for('update', { of: lrsClients });
    if (!row) throw notFound('LRS client');
    if (row.revokedAt) throw new AppError('CONFLICT', `the key ${row.key} was revoked at ${row.revokedAt.toISOString()}`, { revokedAt: row.revokedAt.toISOString() });
    const now = tx.clock.now();
    await tx.db.update(lrsClients).set({ revokedAt: now }).where(eq(lrsClients.id, row.id));
    await recordAudit(tx, {
      entityType: 'lrs_client',
      entityId: row.id,
      action: 'revoke',
      organisationId: row.organisationId,
      regionId: row.regionId,
      before: { name: row.name, key: row.key, revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
  forgetClient(ctx.db, id);
  return clientView(ctx.db, ctx.actor, id, publicUrl);
}
