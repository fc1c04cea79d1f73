import {
  organisationAdminRoles,
  organisationTypes,
  selfEditableOrganisationFields,
  type Membership,
  type Organisation,
  type OrganisationType,
  type Role,
} from '@fulcrum/shared';
import { workbenches } from '../../../app/workbenches.ts';

/** The fields of an organisation's own admin may change; everything else is kept by the registering department. */
export type SelfEditableField = (typeof selfEditableOrganisationFields)[number];
/** What the actor may change on a record: every field, only the self-editable ones, or nothing. */
export type Editable = 'all' | readonly SelfEditableField[] | null;

// These mirror server/src/modules/organisations/{policy,service}.ts so the page offers only what the API will accept.

/** Departments register organisations; a system administrator any, a department officer non-government ones of their region. */
export const canCreateOrganisations = (role: Role) => role === 'system_admin' || role === 'department_officer';

export function creatableTypes(role: Role): readonly OrganisationType[] {
  if (role === 'system_admin') return organisationTypes;
  if (role === 'department_officer') return organisationTypes.filter((type) => type !== 'government_department');
  return [];
}

/** Whether a region is fixed for new records (a department officer registers only in their own region). */
export const fixedRegionOf = (membership: Membership) => (membership.role === 'system_admin' ? undefined : membership.regionId);

export function editableOf(membership: Membership, organisation: Organisation): Editable {
  if (membership.role === 'system_admin') return 'all';
  if (membership.role === 'department_officer') {
    return organisation.type !== 'government_department' && organisation.regionId === membership.regionId ? 'all' : null;
  }
  if ((organisationAdminRoles as readonly Role[]).includes(membership.role) && membership.organisationId === organisation.id) {
    return selfEditableOrganisationFields;
  }
  return null;
}

/** The audit link appears only for roles whose workbench has the audit trail. */
export const canSeeAudit = (role: Role) => workbenches[role].menu.some((item) => item.key === 'audit');

/** Whether the actor sees more than one region (and so needs the region filter and column). */
export const seesAllRegions = (role: Role) => role === 'system_admin';
