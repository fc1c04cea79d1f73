import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type {
  CertificateRule,
  CertificateRuleOptions,
  CertificateTriggerKind,
  CreateCertificateRuleRequest,
  ListCertificateRulesQuery,
  UpdateCertificateRuleRequest,
} from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { certificateRules, competencies, courses, exams, learningCertificates, trainingProjects } from '../../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { assertManager } from './policy.ts';

/* Certificate rules of an organisation: what triggers a certificate, how long it is valid, what level it vouches for. */

const R = certificateRules;
type RuleRow = typeof R.$inferSelect;

const triggerTables = { project: trainingProjects, course: courses, exam: exams } as const;

const triggerTitle = sql<string | null>`coalesce(
  (select ${trainingProjects.title} from ${trainingProjects} where ${trainingProjects.id} = ${R.triggerId} and ${R.triggerKind} = 'project'),
  (select ${courses.title} from ${courses} where ${courses.id} = ${R.triggerId} and ${R.triggerKind} = 'course'),
  (select ${exams.title} from ${exams} where ${exams.id} = ${R.triggerId} and ${R.triggerKind} = 'exam'))`;
const issuedCount = sql<number>`(select count(*) from ${learningCertificates} where ${learningCertificates.ruleId} = ${R.id})`.mapWith(Number);

function selectRules(db: Db) {
  return db
    .select({ rule: R, triggerTitle, issuedCount, competencyName: competencies.name })
    .from(R)
    .leftJoin(competencies, eq(competencies.id, R.competencyId));
}

function toRule(row: Awaited<ReturnType<typeof selectRules>>[number]): CertificateRule {
  const r = row.rule;
  return {
    id: r.id,
    title: r.title,
    triggerKind: r.triggerKind as CertificateTriggerKind,
    triggerId: r.triggerId,
    triggerTitle: row.triggerTitle,
    validityMonths: r.validityMonths,
    competencyId: r.competencyId,
    competencyName: row.competencyName,
    competencyLevel: r.competencyLevel,
    active: r.active,
    issuedCount: row.issuedCount,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The organisation's rules, newest first unless sorted otherwise. */
export function listRules(ctx: Ctx, query: ListCertificateRulesQuery): Promise<Page<CertificateRule>> {
  assertManager(ctx.actor);
  const where = and(
    eq(R.organisationId, ctx.actor.organisationId),
    query.active === undefined ? undefined : eq(R.active, query.active),
    query.triggerKind ? eq(R.triggerKind, query.triggerKind) : undefined,
  );
  const sorted = orderBy(query.sort, { title: R.title, createdAt: R.createdAt }, [sql`${R.createdAt} desc`], R.id);
  return paginate(selectRules(ctx.db).where(where).orderBy(...sorted).$dynamic(), ctx.db.select(countAll()).from(R).where(where), query, toRule);
}

async function readRule(ctx: Ctx, id: string): Promise<RuleRow> {
  const [row] = await ctx.db.select().from(R).where(and(eq(R.id, id), eq(R.organisationId, ctx.actor.organisationId)));
  if (!row) throw notFound('certificate rule');
  return row;
}

/** One rule of the organisation (another organisation's is a 404). */
export async function getRule(ctx: Ctx, id: string): Promise<CertificateRule> {
  assertManager(ctx.actor);
  await readRule(ctx, id);
  const [row] = await selectRules(ctx.db).where(eq(R.id, id));
  return toRule(row!);
}

/** What a rule can name: the organisation's projects, courses and exams, and the competencies within its reach. */
export async function ruleOptions(ctx: Ctx): Promise<CertificateRuleOptions> {
  assertManager(ctx.actor);
  const org = ctx.actor.organisationId;
  const titled = async (kind: CertificateTriggerKind) => {
    const table = triggerTables[kind];
    return ctx.db.select({ id: table.id, title: table.title }).from(table).where(eq(table.organisationId, org)).orderBy(asc(table.title));
  };
  return {
    project: await titled('project'),
    course: await titled('course'),
    exam: await titled('exam'),
    competencies: await ctx.db
      .select({ id: competencies.id, name: competencies.name, maxLevel: competencies.maxLevel })
      .from(competencies)
      .where(or(eq(competencies.organisationId, org), eq(competencies.visibility, 'district')))
      .orderBy(asc(competencies.name)),
  };
}

async function assertTrigger(ctx: Ctx, kind: CertificateTriggerKind, id: string): Promise<void> {
  const table = triggerTables[kind];
  const [found] = await ctx.db.select({ n: count() }).from(table).where(and(eq(table.id, id), eq(table.organisationId, ctx.actor.organisationId)));
  if (!found?.n) throw invalid([{ path: 'body.triggerId', code: 'UNKNOWN_TRIGGER', message: `no ${kind} of your organisation has this id` }]);
}

async function assertCompetency(ctx: Ctx, competencyId: string | null | undefined, level: number | null | undefined): Promise<void> {
  if (!competencyId) return;
  const reach: SQL = or(eq(competencies.organisationId, ctx.actor.organisationId), eq(competencies.visibility, 'district'))!;
  const [found] = await ctx.db.select({ maxLevel: competencies.maxLevel }).from(competencies).where(and(eq(competencies.id, competencyId), reach));
  if (!found) throw invalid([{ path: 'body.competencyId', code: 'UNKNOWN_COMPETENCY', message: 'no competency within your reach has this id' }]);
  if (level && level > found.maxLevel) throw invalid([{ path: 'body.competencyLevel', code: 'ABOVE_MAX_LEVEL', message: `the competency has levels 1–${found.maxLevel}` }]);
}

export async function createRule(ctx: Ctx, input: CreateCertificateRuleRequest): Promise<CertificateRule> {
  assertManager(ctx.actor);
  await assertTrigger(ctx, input.triggerKind, input.triggerId);
  await assertCompetency(ctx, input.competencyId, input.competencyLevel);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(R)
      .values({
        organisationId: ctx.actor.organisationId,
        title: input.title,
        triggerKind: input.triggerKind,
        triggerId: input.triggerId,
        validityMonths: input.validityMonths ?? null,
        competencyId: input.competencyId ?? null,
        competencyLevel: input.competencyLevel ?? null,
      })
      .returning();
    await recordAudit(tx, { entityType: 'certificate_rule', entityId: row!.id, action: 'create', organisationId: row!.organisationId, after: row });
    return row!.id;
  });
  return getRule(ctx, id);
}

export async function updateRule(ctx: Ctx, id: string, input: UpdateCertificateRuleRequest): Promise<CertificateRule> {
  assertManager(ctx.actor);
  const before = await readRule(ctx, id);
  const competencyId = input.competencyId === undefined ? before.competencyId : input.competencyId;
  const competencyLevel = input.competencyLevel === undefined ? before.competencyLevel : input.competencyLevel;
  if (Boolean(competencyId) !== Boolean(competencyLevel)) {
    throw invalid([{ path: 'body.competencyLevel', code: 'COMPETENCY_LEVEL_PAIR', message: 'a competency and its level go together' }]);
  }
  await assertCompetency(ctx, competencyId, competencyLevel);
  const values = { title: input.title, validityMonths: input.validityMonths, competencyId, competencyLevel };
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(R).set({ ...values, updatedAt: tx.clock.now() }).where(eq(R.id, id));
    const { before: was, after: now } = changedFields(before, values);
    await recordAudit(tx, { entityType: 'certificate_rule', entityId: id, action: 'update', organisationId: before.organisationId, before: was, after: now });
  });
  return getRule(ctx, id);
}

/** Deactivated rules issue nothing more; their certificates stay as they are. */
export async function setRuleActive(ctx: Ctx, id: string, active: boolean): Promise<CertificateRule> {
  assertManager(ctx.actor);
  const before = await readRule(ctx, id);
  if (before.active !== active) {
    await inTransaction(ctx, async (tx) => {
      await tx.db.update(R).set({ active, updatedAt: tx.clock.now() }).where(eq(R.id, id));
      await recordAudit(tx, { entityType: 'certificate_rule', entityId: id, action: active ? 'activate' : 'deactivate', organisationId: before.organisationId, before: { active: before.active }, after: { active } });
    });
  }
  return getRule(ctx, id);
}
