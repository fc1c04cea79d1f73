import { organisationAdminRoles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';

/** The trail is read-only for everyone: a system admin reads all, a department officer its region, an organisation's admin its own. */
export const auditPolicy = definePolicy({
  read: ['system_admin', 'department_officer', ...organisationAdminRoles],
});
