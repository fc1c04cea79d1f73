import type { Membership } from '@fulcrum/shared';

/** May this membership edit its organisation's catalogue (as the server's policy decides): enterprise admins and training managers, HRSS officers. */
export function canEditCatalogue(membership: Membership): boolean {
  if (membership.role === 'enterprise_admin' || membership.role === 'training_manager') return true;
  return membership.role === 'department_officer' && membership.departmentKind === 'hrss';
}
