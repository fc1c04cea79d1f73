import { departmentRoles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';

/** The roles of an enterprise that prepare its application and run its centre. */
const applicantRoles = ['enterprise_admin', 'training_manager'] as const;
/** Every role of an enterprise: all of them may see their own centre. */
const enterpriseRoles = ['enterprise_admin', 'training_manager', 'instructor', 'employee'] as const;

/*
 * Applications: the applying enterprise's admins and training managers prepare them; the region's departments
 * see them once submitted; the review transitions (and who takes them) are declared in workflows.ts, where the
 * HRSS-only powers carry `department: 'hrss'`. Batches are the departments' own; centres are seen by the
 * departments of their region and by their own enterprise, and verified by anyone through the public route.
 */
export const trainingCentrePolicy = definePolicy({
  listApplications: ['system_admin', ...departmentRoles, ...applicantRoles],
  createApplication: applicantRoles,
  updateApplication: applicantRoles,
  listBatches: ['system_admin', ...departmentRoles],
  createBatch: ['department_officer'],
  listCentres: ['system_admin', ...departmentRoles, ...enterpriseRoles],
  readOwnCentre: enterpriseRoles,
});

/** HRSS-only powers outside a workflow transition (e.g. opening a selection batch): the bureau's staff or a system admin. */
export function assertHrss(actor: Actor): void {
  if (actor.role !== 'system_admin' && actor.departmentKind !== 'hrss') throw forbidden('only the HRSS bureau may do this');
}
