import { and, eq, ne } from 'drizzle-orm';
import {
  selfEditableOrganisationFields,
  type CreateOrganisationRequest,
  type ErrorIssue,
  type UpdateOrganisationRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { industrialParks, organisations, regions } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../lib/audit.ts';
import { authorize, reachOf } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { organisationPolicy } from './policy.ts';
import { findOrganisation, toOrganisation } from './queries.ts';

type CreateInput = CreateOrganisationRequest & { stateOwned: boolean; contacts: NonNullable<CreateOrganisationRequest['contacts']> };

async function checkReferences(db: Db, regionId: string, parkId: string | null | undefined, uscc: string | undefined, selfId?: string) {
  const issues: ErrorIssue[] = [];
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!region) issues.push({ path: 'body.regionId', code: 'UNKNOWN_REGION', message: 'no such region' });
  if (parkId) {
    const [park] = await db.select().from(industrialParks).where(eq(industrialParks.id, parkId));
    if (!park || park.regionId !== regionId) {
      issues.push({ path: 'body.industrialParkId', code: 'UNKNOWN_PARK', message: 'no such industrial park in this region' });
    }
  }
  if (issues.length) throw invalid(issues);
  if (uscc) {
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.uscc, uscc), selfId ? ne(organisations.id, selfId) : undefined));
    if (clash) {
      throw new AppError('DUPLICATE_USCC', 'an organisation with this unified social credit code is registered', {
        issues: [{ path: 'body.uscc', code: 'DUPLICATE_USCC', message: 'already registered' }],
      });
    }
  }
}

/** Registers an organisation; a department officer may register non-government organisations of their own region. */
export async function createOrganisation(ctx: Ctx, input: CreateInput) {
  authorize(ctx.actor, organisationPolicy, 'create');
  const reach = reachOf(ctx.actor);
  if (reach.kind === 'region') {
    if (input.regionId !== reach.regionId) throw forbidden('you may only register organisations of your own region');
    if (input.type === 'government_department') throw forbidden('government departments are registered by a system administrator');
  }
  await checkReferences(ctx.db, input.regionId, input.industrialParkId, input.uscc);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(organisations)
      .values({
        type: input.type,
        regionId: input.regionId,
        name: input.name,
        departmentKind: input.departmentKind ?? null,
        uscc: input.uscc ?? null,
        industryDivision: input.industryDivision ?? null,
        industrialParkId: input.industrialParkId ?? null,
        size: input.size ?? null,
        stateOwned: input.stateOwned,
        employeeCount: input.employeeCount ?? null,
        contacts: input.contacts,
        createdAt: tx.clock.now(),
        updatedAt: tx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const created = toOrganisation(row);
    await recordAudit(tx, { entityType: 'organisation', entityId: row.id, action: 'create', organisationId: row.id, regionId: row.regionId, after: created });
    return created;
  });
}

/** Updates an organisation; its own admin may change only the fields it keeps (contacts, size, park, headcount). */
export async function updateOrganisation(ctx: Ctx, id: string, input: UpdateOrganisationRequest) {
  authorize(ctx.actor, organisationPolicy, 'update');
  const row = await findOrganisation(ctx.db, ctx.actor, id);
  if (!row) throw notFound('organisation');
  const reach = reachOf(ctx.actor);
  if (reach.kind === 'organisation') {
    const locked = Object.keys(input).filter((k) => !(selfEditableOrganisationFields as readonly string[]).includes(k));
    if (locked.length) {
      throw new AppError('FORBIDDEN', 'these fields are kept by the registering department', {
        issues: locked.map((k) => ({ path: `body.${k}`, code: 'NOT_EDITABLE', message: 'kept by the registering department' })),
      });
    }
  }
  if (reach.kind === 'region' && row.type === 'government_department') throw forbidden('government departments are kept by a system administrator');
  await checkReferences(ctx.db, row.regionId, input.industrialParkId, input.uscc, row.id);
  const before = toOrganisation(row);
  const diff = changedFields(before as unknown as Record<string, unknown>, input as Record<string, unknown>);
  if (!diff.changed) return before;
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(organisations)
      .set({ ...input, updatedAt: tx.clock.now() })
      .where(eq(organisations.id, id))
      .returning();
    if (!updated) throw notFound('organisation');
    await recordAudit(tx, {
      entityType: 'organisation', entityId: id, action: 'update', organisationId: id, regionId: row.regionId, before: diff.before, after: diff.after,
    });
    return toOrganisation(updated);
  });
}
