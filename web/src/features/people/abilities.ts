import type { Role } from '@fulcrum/shared';

/**
 * Which roles may do what with people, as the server's people policy decides (server/src/modules/people/policy.ts);
 * the page only hides what the server would refuse anyway.
 */
const employers: Role[] = ['system_admin', 'department_officer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'];
export const peopleAbilities = {
  update: employers,
  revealResidentId: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin'] as Role[],
  addEmployee: employers,
  endEmployment: employers,
  importEmployees: ['system_admin', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'] as Role[],
  /** Reading the audit trail (server/src/modules/audit/policy.ts), for the link to a person's entries. */
  readAudit: ['system_admin', 'department_officer', 'enterprise_admin', 'chamber_admin', 'university_admin'] as Role[],
};

export const can = (role: Role, ability: keyof typeof peopleAbilities) => peopleAbilities[ability].includes(role);
