import { defineWorkflow } from '../../lib/workflow.ts';

/**
 * A centre's annual review (年审): the centre files its report with the figures computed from its records; the HRSS
 * bureau decides within 20 working days. A decision may be revised (e.g. pass once a suspended centre has put things
 * right) until the centre is revoked, which is final.
 */
/** Working days the HRSS bureau has to decide a filed report. */
export const DECISION_DEADLINE_DAYS = 20;

export const annualReviewWorkflow = defineWorkflow({
  process: 'centre_annual_review',
  states: ['filed', 'decided'] as const,
  initial: 'filed',
  final: [],
  deadlines: { filed: DECISION_DEADLINE_DAYS },
  transitions: {
    decide: {
      from: ['filed', 'decided'],
      to: 'decided',
      roles: ['department_officer', 'department_reviewer', 'system_admin'],
      department: 'hrss',
      comment: 'optional',
      attachments: 'optional',
    },
  },
});
