import { organisationAdminRoles } from '@fulcrum/shared';
import { definePolicy } from '../../lib/authorize.ts';

/** A system administrator manages every account; an organisation's admin manages the accounts of their organisation. */
export const userPolicy = definePolicy({
  list: ['system_admin', ...organisationAdminRoles],
  create: ['system_admin', ...organisationAdminRoles],
  grantMembership: ['system_admin', ...organisationAdminRoles],
  revokeMembership: ['system_admin', ...organisationAdminRoles],
  unlock: ['system_admin', ...organisationAdminRoles],
});
