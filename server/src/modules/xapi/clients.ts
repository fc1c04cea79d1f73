import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { LrsScope } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { lrsClients } from '../../db/schema/index.ts';
import type { LrsPrincipal } from './types.ts';

/** The stored form of a secret: random and long, so one SHA-256 is enough to check it quickly. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new key pair: the key names the client in Basic auth, the 32-byte secret is shown once. */
export function newCredentials(): { key: string; secret: string; secretHash: string } {
  const key = `lrs_${randomBytes(9).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  return { key, secret, secretHash: hashSecret(secret) };
}

/** The agent a client's statements carry as `authority`: the client's key under this server's address. */
export function clientAuthority(publicUrl: string, client: { key: string; name: string }) {
  return { objectType: 'Agent' as const, name: client.name, account: { homePage: `${publicUrl}/xapi/clients`, name: client.key } };
}

const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 60_000;

/**
 * The principal of an HTTP Basic `Authorization` header, or null when the key is unknown, revoked or the secret wrong.
 * `last_used_at` is written at most once a minute per client, so reporting does not turn every request into a write.
 */
export async function principalFromBasic(db: Db, header: string, publicUrl: string, now: Date): Promise<LrsPrincipal | null> {
  const remembered = checkedKeys(db).get(header);
  if (remembered && remembered.until > now.getTime()) return remembered.principal;
  const principal = await checkBasic(db, header, publicUrl, now);
  if (principal) {
    const cache = checkedKeys(db);
    if (cache.size >= CHECKED_MAX) cache.clear();
    cache.set(header, { principal, until: now.getTime() + CHECKED_FOR_MS });
  }
  return principal;
}

/**
 * Keys checked in the last few seconds, per database, by their Authorization header: content reporting a stream of
 * statements costs one lookup every few seconds instead of one per request. Revoking a key in this process forgets it
 * at once (`forgetClient`); another process on the same database stops accepting it within CHECKED_FOR_MS.
 */
const checked = new WeakMap<Db, Map<string, { principal: LrsPrincipal; until: number }>>();
const CHECKED_FOR_MS = 5_000;
const CHECKED_MAX = 10_000;

function checkedKeys(db: Db) {
  let cache = checked.get(db);
  if (!cache) checked.set(db, (cache = new Map()));
  return cache;
}

/** Forgets a key's remembered checks, so a revocation takes effect with the next request. */
export function forgetClient(db: Db, clientId: string): void {
  const cache = checked.get(db);
  for (const [header, entry] of cache ?? []) if (entry.principal.clientId === clientId) cache!.delete(header);
}

async function checkBasic(db: Db, header: string, publicUrl: string, now: Date): Promise<LrsPrincipal | null> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const key = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const [client] = await db
    .select()
    .from(lrsClients)
    .where(and(eq(lrsClients.key, key), isNull(lrsClients.revokedAt)))
    .limit(1);
  if (!client) return null;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(client.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  const touched = lastTouched.get(client.id) ?? 0;
  if (now.getTime() - touched > TOUCH_EVERY_MS) {
    lastTouched.set(client.id, now.getTime());
    await db.update(lrsClients).set({ lastUsedAt: now }).where(eq(lrsClients.id, client.id));
  }
  const scopes = client.scopes as LrsScope[];
  return {
    organisationId: client.organisationId,
    canRead: scopes.includes('read'),
    canWrite: scopes.includes('write'),
    clientId: client.id,
    authority: clientAuthority(publicUrl, client),
    learner: null,
  };
}
