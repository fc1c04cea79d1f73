import { and, asc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Learner } from '@fulcrum/shared';
import { assignLearnersRequest, learnerListQuery } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { employments, learnerProfiles, people, roleProfiles } from '../../../db/schema/index.ts';
import { recordAuditMany } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { cataloguePolicy } from './policy.ts';

const lp = learnerProfiles;
/** The enterprise's current employees, each with the profile the platform keeps for them (if any). */
const staffOf = (actor: Actor) => and(eq(employments.organisationId, actor.organisationId), isNull(employments.endDate));
const profileJoin = (actor: Actor) => and(eq(lp.personId, people.id), eq(lp.organisationId, actor.organisationId));

function assertEnterprise(actor: Actor) {
  if (actor.organisationType !== 'enterprise') throw forbidden('learner profiles belong to enterprises');
}

/** The enterprise's employees with department and role profile, filtered by name, department and profile ('none': without one). */
export async function listLearners(db: Db, actor: Actor, query: z.output<typeof learnerListQuery>): Promise<Page<Learner>> {
  authorize(actor, cataloguePolicy, 'readLearners');
  assertEnterprise(actor);
  const where = and(
    staffOf(actor),
    query.q ? ilike(people.name, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    query.department ? eq(lp.department, query.department) : undefined,
    query.roleProfileId === 'none' ? isNull(lp.roleProfileId) : query.roleProfileId ? eq(lp.roleProfileId, query.roleProfileId) : undefined,
  );
  const rows = db
    .select({ personId: people.id, name: people.name, department: lp.department, roleProfileId: lp.roleProfileId, roleProfileName: roleProfiles.name, updatedAt: lp.updatedAt })
    .from(employments)
    .innerJoin(people, eq(people.id, employments.personId))
    .leftJoin(lp, profileJoin(actor))
    .leftJoin(roleProfiles, eq(roleProfiles.id, lp.roleProfileId))
    .where(where)
    .orderBy(...orderBy(query.sort, { name: people.name, department: lp.department }, [sql`${lp.department} nulls last`, asc(people.name)], people.id))
    .$dynamic();
  const total = db.select(countAll()).from(employments).innerJoin(people, eq(people.id, employments.personId)).leftJoin(lp, profileJoin(actor)).where(where);
  return paginate(rows, total, query, (r) => ({ ...r, updatedAt: r.updatedAt?.toISOString() ?? null }));
}

/** Checks that every person is a current employee and the profile is the enterprise's own (not a template). */
async function checkAssignment(db: Db, actor: Actor, input: z.output<typeof assignLearnersRequest>) {
  const staff = await db.select({ id: employments.personId }).from(employments).where(and(staffOf(actor), inArray(employments.personId, input.personIds)));
  const known = new Set(staff.map((s) => s.id));
  const issues = input.personIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `personIds.${i}`, code: 'NOT_AN_EMPLOYEE', message: 'not a current employee of the enterprise' }]));
  if (input.roleProfileId) {
    const [profile] = await db.select().from(roleProfiles).where(and(eq(roleProfiles.id, input.roleProfileId), eq(roleProfiles.organisationId, actor.organisationId)));
    if (!profile) issues.push({ path: 'roleProfileId', code: 'UNKNOWN_ROLE_PROFILE', message: 'not a role profile of the enterprise (copy a district template first)' });
  }
  if (issues.length) throw invalid(issues);
}

/** Sets the department and/or role profile of many employees at once (fields left out stay as they are). */
export async function assignLearners(ctx: Ctx, input: z.output<typeof assignLearnersRequest>): Promise<{ updated: number }> {
  authorize(ctx.actor, cataloguePolicy, 'editLearners');
  assertEnterprise(ctx.actor);
  if (input.department === undefined && input.roleProfileId === undefined) throw invalid([{ path: 'department', code: 'NOTHING_TO_CHANGE', message: 'give a department or a role profile' }]);
  const personIds = [...new Set(input.personIds)];
  await checkAssignment(ctx.db, ctx.actor, { ...input, personIds });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const before = await tx.db.select().from(lp).where(and(eq(lp.organisationId, tx.actor.organisationId), inArray(lp.personId, personIds)));
    const change = { ...(input.department !== undefined ? { department: input.department } : {}), ...(input.roleProfileId !== undefined ? { roleProfileId: input.roleProfileId } : {}) };
    await tx.db
      .insert(lp)
      .values(personIds.map((personId) => ({ organisationId: tx.actor.organisationId, personId, department: null, roleProfileId: null, ...change, updatedAt: now })))
      .onConflictDoUpdate({ target: [lp.organisationId, lp.personId], set: { ...change, updatedAt: now } });
    await recordAuditMany(tx, personIds.map((personId) => {
      const old = before.find((b) => b.personId === personId);
      return { entityType: 'learner_profile', entityId: personId, action: 'assign', organisationId: tx.actor.organisationId, before: old ? { department: old.department, roleProfileId: old.roleProfileId } : null, after: change };
    }));
    return { updated: personIds.length };
  });
}
