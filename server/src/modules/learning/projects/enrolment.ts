import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CreateEnrolmentRuleRequest, EnrolmentResult, ProjectDetail } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { employments, learnerProfiles, people, projectEnrolmentRules, projectEnrolments, roleProfiles, stageProgress } from '../../../db/schema/index.ts';
import { recordAudit, recordAuditMany } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { addCalendarDays, shanghaiDateOf } from '../../../lib/working-days.ts';
import { projectPolicy } from './policy.ts';
import { refreshOnlineStages } from './progress.ts';
import { projectDetail } from './projects.ts';
// Loaded with enrolment so that online stages follow the projector wherever enrolments exist (server, demo, tools).
import { releaseSeatsOf } from './registrations.ts';
import { assertProjectStatus, findProject, stagesOf, type ProjectRow } from './queries.ts';

/*
 * Who takes part: rules (all current employees, a department, a role profile, new hires within N days) applied on
 * activation and on demand — idempotently, since a person enrolled once (even if withdrawn since) is never enrolled
 * again by a rule — plus manual enrolment. Each stage is due its due_days after the enrolment's Asia/Shanghai date.
 * A new enrolment's online stages start from what the person has already learnt (the public address names the
 * activities in the learning record).
 */

type RuleRow = typeof projectEnrolmentRules.$inferSelect;
const E = employments;

/** Employments open on the day at the organisation: the people a rule may enrol. */
const currentEmployment = (organisationId: string, today: string) =>
  and(eq(E.organisationId, organisationId), lte(E.startDate, today), or(isNull(E.endDate), gte(E.endDate, today)));

/** The people a rule selects today, among the organisation's current employees. */
async function candidatesOf(db: Db, organisationId: string, rule: RuleRow, today: string): Promise<string[]> {
  const filters: (SQL | undefined)[] = [currentEmployment(organisationId, today)];
  if (rule.kind === 'department') filters.push(eq(learnerProfiles.department, rule.value ?? ''));
  if (rule.kind === 'role_profile') filters.push(sql`${learnerProfiles.roleProfileId}::text = ${rule.value ?? ''}`);
  if (rule.kind === 'new_hires') filters.push(gte(E.startDate, addCalendarDays(today, -Number(rule.value))));
  const rows = await db
    .selectDistinct({ personId: E.personId })
    .from(E)
    .leftJoin(learnerProfiles, and(eq(learnerProfiles.organisationId, organisationId), eq(learnerProfiles.personId, E.personId)))
    .where(and(...filters));
  return rows.map((r) => r.personId);
}

/** Enrols the people not yet enrolled (in any state) and gives them one progress row per stage with its due date. */
async function enrol(ctx: Ctx, project: ProjectRow, people: { personId: string; ruleId: string | null }[], publicUrl: string): Promise<string[]> {
  if (!people.length) return [];
  const now = ctx.clock.now();
  const inserted = await ctx.db
    .insert(projectEnrolments)
    .values(people.map((p) => ({ projectId: project.id, personId: p.personId, organisationId: project.organisationId, enrolledAt: now, source: p.ruleId ? 'rule' : 'manual', ruleId: p.ruleId })))
    .onConflictDoNothing()
    .returning({ personId: projectEnrolments.personId });
  const ids = inserted.map((r) => r.personId);
  const stages = await stagesOf(ctx.db, [project.id]);
  const today = shanghaiDateOf(now);
  const rows = ids.flatMap((personId) =>
    stages.map((s) => ({ stageId: s.id, personId, projectId: project.id, dueOn: s.dueDays === null ? null : addCalendarDays(today, s.dueDays) })),
  );
  if (rows.length) await ctx.db.insert(stageProgress).values(rows).onConflictDoNothing();
  const sourceOf = new Map(people.map((p) => [p.personId, p.ruleId]));
  await recordAuditMany(
    ctx,
    ids.map((personId) => ({
      entityType: 'project_enrolment',
      entityId: `${project.id}:${personId}`,
      action: 'enrol',
      organisationId: project.organisationId,
      after: { projectId: project.id, personId, source: sourceOf.get(personId) ? 'rule' : 'manual', ruleId: sourceOf.get(personId) ?? null },
    })),
  );
  if (ids.length) await refreshOnlineStages(ctx, publicUrl, project.id, ids);
  return ids;
}

/** Applies every rule of an active project: only people not yet enrolled are added. */
export async function applyEnrolmentRules(ctx: Ctx, project: ProjectRow, publicUrl: string): Promise<string[]> {
  const rules = await ctx.db.select().from(projectEnrolmentRules).where(eq(projectEnrolmentRules.projectId, project.id)).orderBy(asc(projectEnrolmentRules.createdAt));
  const today = shanghaiDateOf(ctx.clock.now());
  const chosen = new Map<string, string>();
  for (const rule of rules) {
    for (const personId of await candidatesOf(ctx.db, project.organisationId, rule, today)) if (!chosen.has(personId)) chosen.set(personId, rule.id);
  }
  return enrol(ctx, project, [...chosen].map(([personId, ruleId]) => ({ personId, ruleId })), publicUrl);
}

/** Runs the rules again on demand (active projects). */
export async function runEnrolmentRules(ctx: Ctx, projectId: string, publicUrl: string): Promise<EnrolmentResult> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    assertProjectStatus(project, ['active'], 'enrol learners in');
    const personIds = await applyEnrolmentRules(tx, project, publicUrl);
    return { enrolled: personIds.length, personIds };
  });
}

/** Enrols people by hand: each must be a current employee of the organisation. */
export async function enrolPeople(ctx: Ctx, projectId: string, personIds: string[], publicUrl: string): Promise<EnrolmentResult> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    assertProjectStatus(project, ['active'], 'enrol learners in');
    const today = shanghaiDateOf(tx.clock.now());
    const employed = await tx.db.selectDistinct({ personId: E.personId }).from(E).where(and(currentEmployment(project.organisationId, today), inArray(E.personId, personIds)));
    const known = new Set(employed.map((e) => e.personId));
    const issues = personIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.personIds.${i}`, code: 'NOT_AN_EMPLOYEE', message: 'not a current employee of your organisation' }]));
    if (issues.length) throw invalid(issues);
    const enrolled = await enrol(tx, project, [...new Set(personIds)].map((personId) => ({ personId, ruleId: null })), publicUrl);
    return { enrolled: enrolled.length, personIds: enrolled };
  });
}

/** Takes a learner out of an active project; their registrations for its sessions are given up. */
export async function withdrawEnrolment(ctx: Ctx, projectId: string, personId: string): Promise<void> {
  authorize(ctx.actor, projectPolicy, 'manage');
  await inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    const where = and(eq(projectEnrolments.projectId, projectId), eq(projectEnrolments.personId, personId));
    const [enrolment] = await tx.db.select().from(projectEnrolments).where(where).for('update');
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.status !== 'active') {
      throw new AppError('INVALID_TRANSITION', `cannot withdraw a ${enrolment.status} enrolment`, { currentState: enrolment.status, allowed: ['active'] });
    }
    await tx.db.update(projectEnrolments).set({ status: 'withdrawn' }).where(where);
    await recordAudit(tx, { entityType: 'project_enrolment', entityId: `${projectId}:${personId}`, action: 'withdraw', organisationId: project.organisationId, before: { status: 'active' }, after: { status: 'withdrawn' } });
    await releaseSeatsOf(tx, projectId, personId);
  });
}

async function checkRuleValue(db: Db, organisationId: string, input: { kind: string; value: string | null }) {
  const fail = (message: string) => invalid([{ path: 'body.value', code: 'INVALID_RULE_VALUE', message }]);
  if (input.kind === 'organisation') return null;
  if (!input.value) throw fail('this kind of rule needs a value');
  if (input.kind === 'new_hires' && !/^\d{1,4}$/.test(input.value)) throw fail('the number of days since hire, 0–9999');
  if (input.kind === 'role_profile') {
    const [profile] = await db.select({ id: roleProfiles.id }).from(roleProfiles).where(and(sql`${roleProfiles.id}::text = ${input.value}`, eq(roleProfiles.organisationId, organisationId)));
    if (!profile) throw fail('no such role profile in your organisation');
  }
  return input.value;
}

/** Adds an enrolment rule (not to a closed project); an active project applies it at once. */
export async function addEnrolmentRule(ctx: Ctx, projectId: string, input: CreateEnrolmentRuleRequest, publicUrl: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    assertProjectStatus(project, ['draft', 'active'], 'add rules to');
    const value = await checkRuleValue(tx.db, project.organisationId, { kind: input.kind, value: input.value ?? null });
    const [rule] = await tx.db.insert(projectEnrolmentRules).values({ projectId, kind: input.kind, value, createdAt: tx.clock.now() }).returning();
    await recordAudit(tx, { entityType: 'project_enrolment_rule', entityId: rule!.id, action: 'create', organisationId: project.organisationId, after: { projectId, kind: rule!.kind, value } });
    if (project.status === 'active') await applyEnrolmentRules(tx, project, publicUrl);
    return projectDetail(tx.db, projectId);
  });
}

/** Removes a rule; people it enrolled stay enrolled. */
export async function deleteEnrolmentRule(ctx: Ctx, projectId: string, ruleId: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    assertProjectStatus(project, ['draft', 'active'], 'remove rules from');
    const [rule] = await tx.db.delete(projectEnrolmentRules).where(and(eq(projectEnrolmentRules.id, ruleId), eq(projectEnrolmentRules.projectId, projectId))).returning();
    if (!rule) throw notFound('enrolment rule');
    await recordAudit(tx, { entityType: 'project_enrolment_rule', entityId: ruleId, action: 'delete', organisationId: project.organisationId, before: { kind: rule.kind, value: rule.value } });
    return projectDetail(tx.db, projectId);
  });
}

/** Current employees of the organisation to pick from for manual enrolment (by name), at most 50. */
export async function enrolmentCandidates(ctx: Ctx, q: string | undefined) {
  authorize(ctx.actor, projectPolicy, 'manage');
  const today = shanghaiDateOf(ctx.clock.now());
  const rows = await ctx.db
    .selectDistinctOn([people.name, E.personId], { personId: E.personId, name: people.name, position: E.position, department: learnerProfiles.department })
    .from(E)
    .innerJoin(people, eq(people.id, E.personId))
    .leftJoin(learnerProfiles, and(eq(learnerProfiles.organisationId, E.organisationId), eq(learnerProfiles.personId, E.personId)))
    .where(and(currentEmployment(ctx.actor.organisationId, today), q ? ilike(people.name, `%${q}%`) : undefined))
    .orderBy(asc(people.name), asc(E.personId))
    .limit(50);
  return { items: rows };
}
