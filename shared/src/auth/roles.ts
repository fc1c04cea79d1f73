export const organisationTypes = [
  'government_department',
  'enterprise',
  'chamber',
  'university',
  'training_institution',
  'expert_group',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Government departments named in the brief: HRSS, FIC, market regulation, state assets, EMB, party school. */
export const departmentKinds = ['hrss', 'fic', 'samr', 'sasac', 'emb', 'party_school', 'platform', 'finance'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export const roles = [
  'system_admin',
  'department_officer',
  'department_reviewer',
  'enterprise_admin',
  'training_manager',
  'instructor',
  'employee',
  'chamber_admin',
  'mediator',
  'university_admin',
  'student',
  'expert',
] as const;
export type Role = (typeof roles)[number];

/** Which organisation types a membership of each role may belong to. */
export const roleOrganisationTypes: Record<Role, readonly OrganisationType[]> = {
  system_admin: ['government_department'],
  department_officer: ['government_department'],
  department_reviewer: ['government_department'],
  enterprise_admin: ['enterprise', 'training_institution'],
  training_manager: ['enterprise', 'training_institution'],
  instructor: ['enterprise', 'training_institution', 'university', 'government_department'],
  employee: ['enterprise', 'training_institution', 'chamber', 'university', 'government_department'],
  chamber_admin: ['chamber'],
  mediator: ['chamber'],
  university_admin: ['university'],
  student: ['university'],
  expert: ['expert_group'],
};

/** Roles that administer their own organisation (its profile, members and audit trail). */
export const organisationAdminRoles = ['enterprise_admin', 'chamber_admin', 'university_admin'] as const satisfies readonly Role[];
export const departmentRoles = ['department_officer', 'department_reviewer'] as const satisfies readonly Role[];

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
