import { auditLog } from '../db/schema/index.ts';
import type { Ctx } from './context.ts';
import { chunks, INSERT_CHUNK } from './list.ts';

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  /** The organisation the entity belongs to: whose admins may read this entry. */
  organisationId: string | null;
  regionId?: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditCtx = Pick<Ctx, 'db' | 'clock' | 'requestId' | 'ip'> & { actor: Ctx['actor'] | null };

/** Appends one entry to the audit trail; call it inside the transaction of the change it records. */
export async function recordAudit(ctx: AuditCtx, entry: AuditInput) {
  await recordAuditMany(ctx, [entry]);
}

/** Appends several entries in one statement (imports write one per record). */
export async function recordAuditMany(ctx: AuditCtx, entries: AuditInput[]) {
  if (!entries.length) return;
  const at = ctx.clock.now();
  for (const chunk of chunks(entries, INSERT_CHUNK)) await ctx.db.insert(auditLog).values(chunk.map((entry) => ({
    at,
    actorUserId: ctx.actor?.userId ?? null,
    actorMembershipId: ctx.actor?.membershipId ?? null,
    actorRole: ctx.actor?.role ?? null,
    organisationId: entry.organisationId,
    // Entries without a region of their own belong to the actor's, so department officers see them too.
    regionId: entry.regionId ?? ctx.actor?.regionId ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  })));
}

/** JSON with object keys sorted: values read back from jsonb come with their keys reordered. */
const canonicalJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );

/** Only the fields that changed, for compact before/after records. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (canonicalJson(before[key]) !== canonicalJson(value)) {
      b[key] = before[key];
      a[key] = value;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
