import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { fulcrumVerbIri, RECERTIFICATION_WINDOW_DAYS, xapiVerbs } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { certificateRules, competencyLevelHistory, learningCertificates } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { systemClock, type Clock } from '../../../lib/clock.ts';
import type { Ctx } from '../../../lib/context.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { onProjected, type ProjectionListener } from '../../xapi/projector.ts';
import { refreshRollups } from '../reports/rollups.ts';
import { findCompletions, type Completion, type TriggerRule } from './completions.ts';

/*
 * Automatic issuance. A certificate certifies one completion and is dated by it, so issuing is a pure function of
 * the records: whichever path runs it (the projector's listener, the managers' button, the demo) and however often
 * (a rebuild replays every statement), the same certificates come out. For each rule and person the completions are
 * walked in time order; one is certified when the person holds no certificate of the rule yet, or when it comes after
 * the certified one and that one was revoked before it, or had entered its recertification window (60 days before
 * expiry) or expired by then: that issues the next cycle and supersedes the one before.
 */

type RuleRow = typeof certificateRules.$inferSelect;
type CertificateRow = typeof learningCertificates.$inferSelect;
const DAY_MS = 86_400_000;
/** The transaction-scoped advisory lock that serialises issuance (numbers are counted per organisation and year). */
const ISSUE_LOCK = 7_310_001;

/** Who asked for a run, for the audit trail; the projector's runs are the platform's own (no actor). */
export type IssueAuditor = Pick<Ctx, 'requestId' | 'ip'> & { actor: Ctx['actor'] | null };

export interface IssueOptions {
  publicUrl: string;
  personIds?: string[];
  organisationId?: string;
  by?: IssueAuditor;
}

/** The first instant after `months` calendar months from the Asia/Shanghai date of `from` (the day of month kept or clamped). */
export function expiryAfter(from: Date, months: number): Date {
  const [year, month, day] = shanghaiDateOf(from).split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  const date = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return new Date(`${date}T00:00:00+08:00`);
}

/** Whether a completion earns a (next) certificate, given the latest one the person holds of the rule. */
export function earnsCertificate(completedAt: Date, held: Pick<CertificateRow, 'completedAt' | 'status' | 'revokedAt' | 'expiresAt'> | undefined): boolean {
  if (!held) return true;
  if (completedAt <= held.completedAt) return false;
  if (held.status === 'revoked') return held.revokedAt !== null && completedAt > held.revokedAt;
  if (!held.expiresAt) return false;
  return completedAt.getTime() >= held.expiresAt.getTime() - RECERTIFICATION_WINDOW_DAYS * DAY_MS;
}

/** Certificate numbers ZD-<year>-<organisation>-<seq>: the organisation part is the first six hex digits of its id. */
class NumberBook {
  private next = new Map<string, number>();
  constructor(private db: Db) {}

  async take(organisationId: string, issuedAt: Date): Promise<string> {
    const prefix = `ZD-${shanghaiDateOf(issuedAt).slice(0, 4)}-${organisationId.replace(/-/g, '').slice(0, 6).toUpperCase()}-`;
    let seq = this.next.get(prefix);
    if (seq === undefined) {
      const [row] = await this.db
        .select({ number: sql<string | null>`max(${learningCertificates.number})` })
        .from(learningCertificates)
        .where(like(learningCertificates.number, `${prefix}%`));
      seq = row?.number ? Number(row.number.slice(prefix.length)) + 1 : 1;
    }
    this.next.set(prefix, seq + 1);
    return `${prefix}${String(seq).padStart(5, '0')}`;
  }
}

/** The latest cycle each person holds of each rule. */
async function heldCertificates(db: Db, ruleIds: string[], personIds?: string[]): Promise<Map<string, CertificateRow>> {
  const C = learningCertificates;
  const rows = await db
    .select()
    .from(C)
    .where(and(inArray(C.ruleId, ruleIds), personIds ? inArray(C.personId, personIds) : undefined))
    .orderBy(desc(C.cycle));
  const held = new Map<string, CertificateRow>();
  for (const row of rows) if (!held.has(`${row.ruleId}\n${row.personId}`)) held.set(`${row.ruleId}\n${row.personId}`, row);
  return held;
}

/** Writes one certificate, supersedes the cycle before, and records what it vouches for. */
async function issueOne(db: Db, clock: Clock, rule: RuleRow, completion: Completion, previous: CertificateRow | undefined, numbers: NumberBook, by: IssueAuditor) {
  const issuedAt = completion.completedAt;
  const [certificate] = await db
    .insert(learningCertificates)
    .values({
      organisationId: rule.organisationId,
      ruleId: rule.id,
      personId: completion.personId,
      title: rule.title,
      number: await numbers.take(rule.organisationId, issuedAt),
      cycle: (previous?.cycle ?? 0) + 1,
      issuedAt,
      expiresAt: rule.validityMonths ? expiryAfter(issuedAt, rule.validityMonths) : null,
      previousId: previous?.id ?? null,
      verificationCode: randomBytes(18).toString('base64url'),
      sourceKind: completion.sourceKind,
      sourceId: completion.sourceId,
      completedAt: completion.completedAt,
    })
    .returning();
  if (previous?.status === 'valid') await db.update(learningCertificates).set({ status: 'superseded' }).where(eq(learningCertificates.id, previous.id));
  if (rule.competencyId && rule.competencyLevel) {
    await db.insert(competencyLevelHistory).values({
      organisationId: rule.organisationId,
      personId: completion.personId,
      competencyId: rule.competencyId,
      level: rule.competencyLevel,
      source: 'certificate',
      effectiveAt: issuedAt,
    });
  }
  await refreshRollups(db, [{ organisationId: rule.organisationId, day: shanghaiDateOf(issuedAt) }]);
  await recordAudit({ db, clock, ...by }, {
    entityType: 'learning_certificate',
    entityId: certificate!.id,
    action: 'issue',
    organisationId: rule.organisationId,
    after: { number: certificate!.number, cycle: certificate!.cycle, ruleId: rule.id, personId: completion.personId, previousId: certificate!.previousId },
  });
  return certificate!;
}

/**
 * Issues every certificate the active rules owe (of some people, or of one organisation) and answers how many.
 * Idempotent: completions already certified are skipped.
 */
export async function issueDueCertificates(db: Db, clock: Clock, options: IssueOptions): Promise<number> {
  if (options.personIds && !options.personIds.length) return 0;
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${ISSUE_LOCK})`);
    const R = certificateRules;
    const rules = await tx
      .select()
      .from(R)
      .where(and(eq(R.active, true), options.organisationId ? eq(R.organisationId, options.organisationId) : undefined));
    if (!rules.length) return 0;
    const completions = await findCompletions(tx, options.publicUrl, rules as TriggerRule[], options.personIds);
    const held = await heldCertificates(tx, rules.map((r) => r.id), options.personIds);
    const ruleById = new Map(rules.map((r) => [r.id, r]));
    const numbers = new NumberBook(tx);
    const by = options.by ?? { actor: null, requestId: null, ip: null };
    let issued = 0;
    for (const completion of completions.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime())) {
      const key = `${completion.ruleId}\n${completion.personId}`;
      if (!earnsCertificate(completion.completedAt, held.get(key))) continue;
      held.set(key, await issueOne(tx, clock, ruleById.get(completion.ruleId)!, completion, held.get(key), numbers, by));
      issued++;
    }
    return issued;
  });
}

/** Verbs after which a person may have completed something: a course or exam, or a project's last stage (a check-in). */
const completingVerbs = (publicUrl: string) => new Set<string>([xapiVerbs.completed, xapiVerbs.passed, xapiVerbs.attended, fulcrumVerbIri(publicUrl, 'checked-in')]);

/** Completions arrive as statements (courses, exams, projects' stages): certify them in the projection's transaction. */
export const issueOnProjection: ProjectionListener = async (tx, statements, publicUrl) => {
  const verbs = completingVerbs(publicUrl);
  const personIds = [...new Set(statements.filter((s) => !s.voided && verbs.has(s.verbId)).map((s) => s.personId))];
  if (personIds.length) await issueDueCertificates(tx, systemClock, { publicUrl, personIds });
};
onProjected(issueOnProjection);
