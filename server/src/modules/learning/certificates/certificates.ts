import { and, asc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  maskName,
  RECERTIFICATION_WINDOW_DAYS,
  type CertificateCycle,
  type CertificateStatus,
  type CertificateTriggerKind,
  type LearningCertificate,
  type LearningCertificateDetail,
  type ListCertificatesQuery,
  type PublicLearningCertificate,
  type RevokeCertificateRequest,
} from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { certificateRules, learningCertificates, organisations, people, users } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import type { Clock } from '../../../lib/clock.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { assertManager } from './policy.ts';

/* An organisation's certificates, a person's own, revocation, and the public check by verification code. */

const C = learningCertificates;
type CertificateRow = typeof C.$inferSelect;
const DAY_MS = 86_400_000;

/** The status a reader sees: revoked and superseded as stored, otherwise expired once past the expiry. */
export function statusAt(row: Pick<CertificateRow, 'status' | 'expiresAt'>, now: Date): CertificateStatus {
  if (row.status === 'revoked' || row.status === 'superseded') return row.status;
  return row.expiresAt && row.expiresAt <= now ? 'expired' : 'valid';
}

/** Valid, with the expiry within the recertification window. */
export function isDueAt(row: Pick<CertificateRow, 'status' | 'expiresAt'>, now: Date): boolean {
  return statusAt(row, now) === 'valid' && row.expiresAt !== null && row.expiresAt.getTime() - now.getTime() <= RECERTIFICATION_WINDOW_DAYS * DAY_MS;
}

function selectCertificates(db: Db) {
  return db
    .select({ certificate: C, personName: people.name, triggerKind: certificateRules.triggerKind, organisationName: organisations.name })
    .from(C)
    .innerJoin(people, eq(people.id, C.personId))
    .innerJoin(organisations, eq(organisations.id, C.organisationId))
    .innerJoin(certificateRules, eq(certificateRules.id, C.ruleId));
}
type CertificateSelection = Awaited<ReturnType<typeof selectCertificates>>[number];

function toCertificate(row: CertificateSelection, now: Date): LearningCertificate {
  const c = row.certificate;
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    cycle: c.cycle,
    ruleId: c.ruleId,
    triggerKind: row.triggerKind as CertificateTriggerKind,
    personId: c.personId,
    personName: row.personName,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    status: statusAt(c, now),
    isDueForRecertification: isDueAt(c, now),
    previousId: c.previousId,
    verificationCode: c.verificationCode,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
  };
}

function statusFilter(status: CertificateStatus | undefined, now: Date): SQL | undefined {
  if (!status) return undefined;
  if (status === 'valid') return and(eq(C.status, 'valid'), or(isNull(C.expiresAt), gt(C.expiresAt, now)));
  if (status === 'expired') return and(eq(C.status, 'valid'), lte(C.expiresAt, now));
  return eq(C.status, status);
}

/** The organisation's certificates with filters; `expiringWithinDays` keeps the valid ones expiring that soon. */
export function listCertificates(ctx: Ctx, query: ListCertificatesQuery): Promise<Page<LearningCertificate>> {
  assertManager(ctx.actor);
  const now = ctx.clock.now();
  const where = and(
    eq(C.organisationId, ctx.actor.organisationId),
    statusFilter(query.status, now),
    query.expiringWithinDays ? and(statusFilter('valid', now), lte(C.expiresAt, new Date(now.getTime() + query.expiringWithinDays * DAY_MS))) : undefined,
    query.personId ? eq(C.personId, query.personId) : undefined,
    query.ruleId ? eq(C.ruleId, query.ruleId) : undefined,
  );
  const sorted = orderBy(query.sort, { issuedAt: C.issuedAt, expiresAt: C.expiresAt, number: C.number }, [sql`${C.issuedAt} desc`], C.id);
  return paginate(selectCertificates(ctx.db).where(where).orderBy(...sorted).$dynamic(), ctx.db.select(countAll()).from(C).where(where), query, (row) =>
    toCertificate(row, now),
  );
}

async function cyclesOf(db: Db, row: Pick<CertificateRow, 'ruleId' | 'personId'>, now: Date): Promise<CertificateCycle[]> {
  const rows = await db
    .select()
    .from(C)
    .where(and(eq(C.ruleId, row.ruleId), eq(C.personId, row.personId)))
    .orderBy(asc(C.cycle));
  return rows.map((c) => ({ id: c.id, number: c.number, cycle: c.cycle, issuedAt: c.issuedAt.toISOString(), expiresAt: c.expiresAt?.toISOString() ?? null, status: statusAt(c, now) }));
}

async function detailOf(db: Db, where: SQL, now: Date): Promise<LearningCertificateDetail | null> {
  const [row] = await selectCertificates(db).where(where);
  if (!row) return null;
  return { ...toCertificate(row, now), organisationName: row.organisationName, history: await cyclesOf(db, row.certificate, now) };
}

/** One certificate of the organisation with its cycles (another organisation's is a 404). */
export async function getCertificate(ctx: Ctx, id: string): Promise<LearningCertificateDetail> {
  assertManager(ctx.actor);
  const detail = await detailOf(ctx.db, and(eq(C.id, id), eq(C.organisationId, ctx.actor.organisationId))!, ctx.clock.now());
  if (!detail) throw notFound('certificate');
  return detail;
}

/** Revokes a certificate with a reason; a later completion of the trigger may earn a new cycle. */
export async function revokeCertificate(ctx: Ctx, id: string, input: RevokeCertificateRequest): Promise<LearningCertificateDetail> {
  assertManager(ctx.actor);
  const [row] = await ctx.db.select().from(C).where(and(eq(C.id, id), eq(C.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('certificate');
  if (row.status === 'revoked') throw new AppError('CONFLICT', 'the certificate is already revoked', { currentStatus: 'revoked' });
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db.update(C).set({ status: 'revoked', revokedAt: now, revokedBy: tx.actor.userId, revocationReason: input.reason }).where(eq(C.id, id));
    await recordAudit(tx, {
      entityType: 'learning_certificate',
      entityId: id,
      action: 'revoke',
      organisationId: row.organisationId,
      before: { status: row.status },
      after: { status: 'revoked', reason: input.reason },
    });
  });
  return getCertificate(ctx, id);
}

/** The signed-in person's certificates, newest first, each with its cycles. */
export async function myCertificates(ctx: Ctx): Promise<LearningCertificateDetail[]> {
  const [user] = await ctx.db.select({ personId: users.personId }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!user?.personId) return [];
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ id: C.id })
    .from(C)
    .where(and(eq(C.personId, user.personId), sql`${C.status} <> 'superseded'`))
    .orderBy(sql`${C.issuedAt} desc`, asc(C.id));
  const details = await Promise.all(rows.map((r) => detailOf(ctx.db, eq(C.id, r.id), now)));
  return details.filter((d): d is LearningCertificateDetail => d !== null);
}

/** The public check: what the certificate says, the holder's name masked, dates only; an unknown code is a 404. */
export async function verifyCertificate(db: Db, clock: Clock, code: string): Promise<PublicLearningCertificate> {
  const now = clock.now();
  const detail = await detailOf(db, eq(C.verificationCode, code.trim()), now);
  if (!detail) throw notFound('certificate');
  const dayOf = (iso: string | null) => (iso ? shanghaiDateOf(new Date(iso)) : null);
  return {
    number: detail.number,
    title: detail.title,
    organisationName: detail.organisationName,
    holderName: maskName(detail.personName),
    cycle: detail.cycle,
    issuedOn: shanghaiDateOf(new Date(detail.issuedAt)),
    expiresOn: dayOf(detail.expiresAt),
    status: detail.status,
    history: detail.history.map((h) => ({ cycle: h.cycle, issuedOn: shanghaiDateOf(new Date(h.issuedAt)), expiresOn: dayOf(h.expiresAt), status: h.status })),
  };
}
