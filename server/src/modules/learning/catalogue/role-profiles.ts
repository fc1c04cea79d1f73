import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { RoleProfile } from '@fulcrum/shared';
import { copyRoleProfileRequest, roleProfileRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { competencies, learnerProfiles, organisations, roleProfileRequirements, roleProfiles } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { invalid, notFound } from '../../../lib/errors.ts';
import { assertEditor, cataloguePolicy, isHrss, visibleTo } from './policy.ts';

type Row = typeof roleProfiles.$inferSelect;
type Requirement = z.output<typeof roleProfileRequest>['requirements'][number];
const rp = roleProfiles;
const req = roleProfileRequirements;

/** The actor's organisation's profiles and the district templates of their region. */
function profilesVisibleTo(actor: Actor, templatesOnly: boolean | undefined): SQL | undefined {
  const region = sql`(select ${organisations.id} from ${organisations} where ${organisations.regionId} = ${actor.regionId})`;
  const templates = and(eq(rp.isTemplate, true), inArray(rp.organisationId, region));
  const scope = actor.role === 'system_admin' ? undefined : or(eq(rp.organisationId, actor.organisationId), templates);
  if (templatesOnly === undefined) return scope;
  return and(scope, eq(rp.isTemplate, templatesOnly));
}

async function present(db: Db, rows: (Row & { organisationName: string })[]): Promise<RoleProfile[]> {
  const ids = rows.map((r) => r.id);
  const requirements = ids.length
    ? await db
        .select({ roleProfileId: req.roleProfileId, competencyId: req.competencyId, requiredLevel: req.requiredLevel, weight: req.weight, competencyName: competencies.name, maxLevel: competencies.maxLevel })
        .from(req)
        .innerJoin(competencies, eq(competencies.id, req.competencyId))
        .where(inArray(req.roleProfileId, ids))
        .orderBy(desc(req.weight), asc(competencies.code))
    : [];
  const learners = ids.length
    ? await db.select({ id: learnerProfiles.roleProfileId, n: sql<number>`count(*)::int` }).from(learnerProfiles).where(inArray(learnerProfiles.roleProfileId, ids)).groupBy(learnerProfiles.roleProfileId)
    : [];
  return rows.map((row) => ({
    id: row.id, organisationId: row.organisationId, organisationName: row.organisationName, name: row.name, description: row.description,
    isTemplate: row.isTemplate, copiedFromId: row.copiedFromId, updatedAt: row.updatedAt.toISOString(),
    requirements: requirements.filter((r) => r.roleProfileId === row.id).map(({ roleProfileId: _id, ...r }) => r),
    learnerCount: Number(learners.find((l) => l.id === row.id)?.n ?? 0),
  }));
}

const selectProfiles = (db: Db, where: SQL | undefined) =>
  db.select({ ...getColumns(), organisationName: organisations.name }).from(rp).innerJoin(organisations, eq(organisations.id, rp.organisationId)).where(where);
const getColumns = () => ({ id: rp.id, organisationId: rp.organisationId, name: rp.name, description: rp.description, isTemplate: rp.isTemplate, copiedFromId: rp.copiedFromId, createdAt: rp.createdAt, updatedAt: rp.updatedAt });

export async function listRoleProfiles(db: Db, actor: Actor, templates: boolean | undefined): Promise<RoleProfile[]> {
  authorize(actor, cataloguePolicy, 'read');
  return present(db, await selectProfiles(db, profilesVisibleTo(actor, templates)).orderBy(asc(rp.isTemplate), asc(rp.name)));
}

async function findProfile(db: Db, actor: Actor, id: string) {
  authorize(actor, cataloguePolicy, 'read');
  const [row] = await selectProfiles(db, and(eq(rp.id, id), profilesVisibleTo(actor, undefined)));
  if (!row) throw notFound('role profile');
  return row;
}

export async function getRoleProfile(db: Db, actor: Actor, id: string): Promise<RoleProfile> {
  return (await present(db, [await findProfile(db, actor, id)]))[0]!;
}

/** Weights add up to 100, each competency once, levels within the competency's, competencies the actor may use. */
async function checkRequirements(db: Db, actor: Actor, requirements: Requirement[]) {
  const issues: { path: string; code: string; message: string }[] = [];
  const total = requirements.reduce((sum, r) => sum + r.weight, 0);
  if (total !== 100) issues.push({ path: 'requirements', code: 'WEIGHTS_NOT_100', message: `the weights add up to ${total}, not 100` });
  const ids = requirements.map((r) => r.competencyId);
  const found = await db.select().from(competencies).where(and(inArray(competencies.id, ids), visibleTo(actor, competencies)));
  requirements.forEach((r, i) => {
    const competency = found.find((c) => c.id === r.competencyId);
    if (ids.indexOf(r.competencyId) !== i) issues.push({ path: `requirements.${i}.competencyId`, code: 'DUPLICATE', message: 'each competency once' });
    else if (!competency) issues.push({ path: `requirements.${i}.competencyId`, code: 'UNKNOWN_COMPETENCY', message: 'no competency you may use has this id' });
    else if (r.requiredLevel > competency.maxLevel) issues.push({ path: `requirements.${i}.requiredLevel`, code: 'LEVEL_ABOVE_MAX', message: `levels run from 1 to ${competency.maxLevel}` });
  });
  if (issues.length) throw invalid(issues);
}

async function writeProfile(tx: Ctx, values: { name: string; description: string; isTemplate: boolean; copiedFromId: string | null }, requirements: Requirement[]) {
  const now = tx.clock.now();
  const [row] = await tx.db.insert(rp).values({ ...values, organisationId: tx.actor.organisationId, createdAt: now, updatedAt: now }).returning();
  await tx.db.insert(req).values(requirements.map((r) => ({ ...r, roleProfileId: row!.id })));
  return row!;
}

/** A new profile of the actor's organisation; the HRSS bureau's profiles are the district's templates. */
export async function createRoleProfile(ctx: Ctx, input: z.output<typeof roleProfileRequest>): Promise<RoleProfile> {
  assertEditor(ctx.actor);
  await checkRequirements(ctx.db, ctx.actor, input.requirements);
  const row = await inTransaction(ctx, async (tx) => {
    const created = await writeProfile(tx, { name: input.name, description: input.description, isTemplate: isHrss(tx.actor), copiedFromId: null }, input.requirements);
    await recordAudit(tx, { entityType: 'role_profile', entityId: created.id, action: 'create', organisationId: created.organisationId, after: input });
    return created;
  });
  return getRoleProfile(ctx.db, ctx.actor, row.id);
}

export async function updateRoleProfile(ctx: Ctx, id: string, input: z.output<typeof roleProfileRequest>): Promise<RoleProfile> {
  assertEditor(ctx.actor);
  const before = await getRoleProfile(ctx.db, ctx.actor, id);
  if (before.organisationId !== ctx.actor.organisationId) throw notFound('role profile');
  await checkRequirements(ctx.db, ctx.actor, input.requirements);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(rp).set({ name: input.name, description: input.description, updatedAt: tx.clock.now() }).where(eq(rp.id, id));
    await tx.db.delete(req).where(eq(req.roleProfileId, id));
    await tx.db.insert(req).values(input.requirements.map((r) => ({ ...r, roleProfileId: id })));
    await recordAudit(tx, { entityType: 'role_profile', entityId: id, action: 'update', organisationId: before.organisationId, before: { name: before.name, requirements: before.requirements }, after: input });
  });
  return getRoleProfile(ctx.db, ctx.actor, id);
}

/** Copies a district template into the actor's organisation as its own profile (remembering where it came from), to edit there. */
export async function copyRoleProfile(ctx: Ctx, id: string, input: z.output<typeof copyRoleProfileRequest>): Promise<RoleProfile> {
  assertEditor(ctx.actor);
  const source = await getRoleProfile(ctx.db, ctx.actor, id);
  if (!source.isTemplate) throw invalid([{ path: 'id', code: 'NOT_A_TEMPLATE', message: 'only district templates are copied' }]);
  const row = await inTransaction(ctx, async (tx) => {
    const requirements = source.requirements.map(({ competencyId, requiredLevel, weight }) => ({ competencyId, requiredLevel, weight }));
    const created = await writeProfile(tx, { name: input.name ?? source.name, description: source.description, isTemplate: false, copiedFromId: source.id }, requirements);
    await recordAudit(tx, { entityType: 'role_profile', entityId: created.id, action: 'copy', organisationId: created.organisationId, after: { copiedFromId: source.id, name: created.name } });
    return created;
  });
  return getRoleProfile(ctx.db, ctx.actor, row.id);
}
