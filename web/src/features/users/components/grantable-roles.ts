import { roleOrganisationTypes, roles, type OrganisationType, type Role } from '@fulcrum/shared';

/**
 * The roles an actor may grant in an organisation of this type: those the type can hold (roleOrganisationTypes),
 * and never system administrator unless the actor is one (the server refuses it otherwise).
 */
export function grantableRoles(actorRole: Role, organisationType: OrganisationType | undefined): Role[] {
  if (!organisationType) return [];
  return roles.filter((r) => roleOrganisationTypes[r].includes(organisationType) && (r !== 'system_admin' || actorRole === 'system_admin'));
}
