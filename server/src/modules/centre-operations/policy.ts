import { definePolicy } from '../../lib/authorize.ts';

/**
 * A certified centre's staff record its assessments and trainings and file its annual report; the departments of
 * its region (and system admins) read them; deciding an annual review is the HRSS bureau's power (see workflow.ts).
 * Which centres a role reaches is the organisation reach rule applied to the centre's enterprise.
 */
export const centreOperationsPolicy = definePolicy({
  read: ['system_admin', 'department_officer', 'department_reviewer', 'enterprise_admin', 'training_manager', 'instructor'],
  recordAssessment: ['enterprise_admin', 'training_manager', 'instructor'],
  recordTraining: ['enterprise_admin', 'training_manager', 'instructor'],
  fileAnnualReview: ['enterprise_admin', 'training_manager'],
  /** The HRSS queue of annual reviews of the region. */
  listAnnualReviews: ['system_admin', 'department_officer', 'department_reviewer'],
  decideAnnualReview: ['system_admin', 'department_officer', 'department_reviewer'],
});
