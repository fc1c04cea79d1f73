import { definePolicy } from '../../lib/authorize.ts';

const employers = ['system_admin', 'department_officer', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'] as const;

/**
 * People are reached through employments: an organisation's HR sees the people it employs or employed,
 * a department the people employed in its region. Full resident IDs only through an audited reveal.
 */
export const personPolicy = definePolicy({
  list: [...employers, 'department_reviewer'],
  read: [...employers, 'department_reviewer'],
  update: employers,
  revealResidentId: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin'],
  listEmployees: [...employers, 'department_reviewer'],
  addEmployee: employers,
  endEmployment: employers,
  importEmployees: ['system_admin', 'enterprise_admin', 'training_manager', 'chamber_admin', 'university_admin'],
});
