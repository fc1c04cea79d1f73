import { organisationAdminRoles, roles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';

/** Everyone sees the organisations within their reach; departments register them; admins keep their own up to date. */
export const organisationPolicy = definePolicy({
  list: roles,
  read: roles,
  create: ['system_admin', 'department_officer'],
  update: ['system_admin', 'department_officer', ...organisationAdminRoles],
});
