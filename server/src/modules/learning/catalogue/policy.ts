import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CatalogueVisibility } from '@fulcrum/shared';
import { organisations } from '../../../db/schema/index.ts';
import { authorize, definePolicy } from '../../../lib/authorize.ts';
import type { Actor } from '../../../lib/context.ts';
import { AppError, forbidden } from '../../../lib/errors.ts';

/*
 * Who does what in the catalogue. An enterprise's admins and training managers edit their organisation's catalogue,
 * its instructors read it all, its employees read what is published. The HRSS bureau's officers author the district
 * templates and the district-visible content of their department. District-visible content reaches every
 * organisation of the owner's region; another organisation's own records (and drafts) are 404.
 */
export const cataloguePolicy = definePolicy({
  read: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'instructor', 'employee'],
  edit: ['department_officer', 'enterprise_admin', 'training_manager'],
  readLearners: ['enterprise_admin', 'training_manager', 'instructor'],
  editLearners: ['enterprise_admin', 'training_manager'],
});

/** True for the HRSS bureau's staff, who author the district's shared content. */
export const isHrss = (actor: Actor) => actor.organisationType === 'government_department' && actor.departmentKind === 'hrss';

/** An editor of their own organisation's catalogue: enterprise staff, or HRSS officers (other departments do not author). */
export function assertEditor(actor: Actor): void {
  authorize(actor, cataloguePolicy, 'edit');
  if (actor.organisationType === 'government_department' && !isHrss(actor)) throw forbidden('only the HRSS bureau authors district content');
}

/** Department content is the district's: it must be district-visible. */
export function checkVisibility(actor: Actor, visibility: CatalogueVisibility | undefined, path = 'visibility'): void {
  if (isHrss(actor) && visibility === 'organisation') {
    throw new AppError('VALIDATION_FAILED', 'the HRSS bureau’s content is visible to the district', {
      issues: [{ path, code: 'DISTRICT_ONLY', message: 'content of a department is district-visible' }],
    });
  }
}

/** Roles that see their own organisation's drafts and archived courses. */
export const seesDrafts = (actor: Actor) => actor.role !== 'employee';

/** Organisations of the actor's region (district-visible content reaches them). */
const regionOrganisations = (actor: Actor) => sql`(select ${organisations.id} from ${organisations} where ${organisations.regionId} = ${actor.regionId})`;

/** Rows of the actor's organisation, or district-visible rows of an organisation in the actor's region. */
export function visibleTo(actor: Actor, table: { organisationId: AnyPgColumn; visibility: AnyPgColumn }): SQL {
  if (actor.role === 'system_admin') return sql`true`;
  return or(eq(table.organisationId, actor.organisationId), and(eq(table.visibility, 'district'), inArray(table.organisationId, regionOrganisations(actor))))!;
}

/** Courses the actor may open: their organisation's (employees: published only), and published district courses of the region. */
export function coursesVisibleTo(actor: Actor, table: { organisationId: AnyPgColumn; visibility: AnyPgColumn; status: AnyPgColumn }): SQL {
  if (actor.role === 'system_admin') return sql`true`;
  const own = seesDrafts(actor) ? eq(table.organisationId, actor.organisationId) : and(eq(table.organisationId, actor.organisationId), eq(table.status, 'published'));
  const district = and(eq(table.visibility, 'district'), eq(table.status, 'published'), inArray(table.organisationId, regionOrganisations(actor)));
  return or(own, district)!;
}

/** May the actor change this organisation's record (an editor of that very organisation). */
export const canEdit = (actor: Actor, organisationId: string) =>
  organisationId === actor.organisationId && cataloguePolicy.edit.includes(actor.role) && (actor.organisationType !== 'government_department' || isHrss(actor));
