import { departmentRoles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

/** Who organises classes: an enterprise's admins and training managers, a chamber's admin, the FIC's officers. */
const organiserRoles = ['enterprise_admin', 'training_manager', 'chamber_admin', 'department_officer'] as const;

/*
 * Apprenticeship subsidies. Organisers see their own classes and claims; the departments of the region (HRSS,
 * finance, FIC …) see all of the region's, system admins everything. Instructors of the enterprise record sessions
 * and assessments. Writing policies is the HRSS bureau's; ledger entries outside a claim are the finance bureau's.
 * Which transitions a role takes is declared in workflows.ts.
 */
export const subsidyPolicy = definePolicy({
  readPolicies: ['system_admin', ...departmentRoles, 'enterprise_admin', 'training_manager', 'chamber_admin'],
  writePolicies: ['system_admin', ...departmentRoles],
  readClasses: ['system_admin', ...departmentRoles, 'enterprise_admin', 'training_manager', 'instructor', 'chamber_admin'],
  createClass: organiserRoles,
  editRoster: organiserRoles,
  recordProgress: [...organiserRoles, 'instructor'],
  readClaims: ['system_admin', ...departmentRoles, 'enterprise_admin', 'training_manager', 'chamber_admin'],
  fileClaim: organiserRoles,
  resolveFindings: departmentRoles,
  publishNotice: departmentRoles,
  readLedger: ['system_admin', ...departmentRoles, 'enterprise_admin', 'training_manager', 'chamber_admin'],
  writeLedger: ['department_officer'],
  readStatistics: ['system_admin', ...departmentRoles],
});

/** HRSS-only powers outside a transition (policies, findings, notices): the bureau's staff or a system admin. */
export function assertHrss(actor: Actor): void {
  if (actor.role !== 'system_admin' && actor.departmentKind !== 'hrss') throw forbidden('only the HRSS bureau may do this');
}

/** Finance-only powers outside a transition (refunds, corrections). */
export function assertFinance(actor: Actor): void {
  if (actor.departmentKind !== 'finance') throw forbidden('only the finance bureau may do this');
}

/** An organiser acting as a department must be the FIC (grouped classes); other departments do not organise classes. */
export function assertOrganiser(actor: Actor): void {
  if (actor.organisationType === 'government_department' && actor.departmentKind !== 'fic') throw forbidden('only enterprises, chambers and the FIC organise classes');
  if (actor.organisationType !== 'government_department' && actor.organisationType !== 'enterprise' && actor.organisationType !== 'chamber') {
    throw forbidden('only enterprises, chambers and the FIC organise classes');
  }
}
