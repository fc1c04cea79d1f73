import type { Role, SubsidyClaim } from '@fulcrum/shared';

/**
 * The departments' staff (and system admins) review claims; everyone else who reads claims organises classes. The
 * page leads with what each needs (findings for officers) and hides what the server would refuse anyway.
 */
export const isOfficer = (role: Role) => role === 'department_officer' || role === 'department_reviewer' || role === 'system_admin';

/**
 * Whether the signed-in user resolves findings now: the HRSS bureau while the claim waits for its review. The server
 * says so by offering the HRSS review's steps (approve or return) on this claim; the route checks again.
 */
export function mayResolveFindings(claim: Pick<SubsidyClaim, 'status' | 'availableTransitions'>): boolean {
  return claim.status === 'submitted' && (claim.availableTransitions.includes('hrss_approve') || claim.availableTransitions.includes('return'));
}

/** Whether the user may put this claim into a public notice now (the HRSS bureau, an approved claim). */
export const mayPublish = (claim: Pick<SubsidyClaim, 'availableTransitions'>) => claim.availableTransitions.includes('publish_notice');
