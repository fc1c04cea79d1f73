import { definePolicy } from '../../lib/authorize.ts';

/**
 * An enterprise's admins and training managers post needs and request centres; the departments of the region (and
 * system admins) watch the matching; a centre's staff answer requests (see workflow.ts for who takes which step).
 * Which needs and matches a role reaches: its own enterprise's (as requester or as centre), its region's, or all.
 */
export const matchingPolicy = definePolicy({
  postNeed: ['enterprise_admin', 'training_manager'],
  readNeeds: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager'],
  cancelNeed: ['enterprise_admin', 'training_manager'],
  requestMatch: ['enterprise_admin', 'training_manager'],
  /** Instructors of a centre see its matches: they record the trainees' assessments against them. */
  readMatches: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'instructor'],
});
