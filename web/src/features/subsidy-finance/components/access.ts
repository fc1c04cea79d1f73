import { departmentRoles, type DepartmentKind, type Membership, type Role } from '@fulcrum/shared';
import { useActor } from '../../../lib/session.ts';

const isDepartmentRole = (role: Role) => (departmentRoles as readonly Role[]).includes(role);

/** Policies are the HRSS bureau's to set (a system admin's anywhere), as server/src/modules/subsidies/policy.ts rules. */
export const mayWritePolicies = (role: Role, kind: DepartmentKind | null | undefined) => role === 'system_admin' || (isDepartmentRole(role) && kind === 'hrss');

/** Refunds and corrections are booked by the finance bureau's officers only. */
export const mayWriteLedger = (role: Role, kind: DepartmentKind | null | undefined) => role === 'department_officer' && kind === 'finance';

/** Claimants (enterprises, chambers) see their own ledger only: no claimant filter, nothing to write. */
export const isClaimant = (membership: Pick<Membership, 'organisationType'>) => membership.organisationType !== 'government_department';

/** Which bureau the user acts for: null outside a department (the session's membership names it). */
export function useDepartmentKind(): DepartmentKind | null {
  return useActor().activeMembership.departmentKind;
}
