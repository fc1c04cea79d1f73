import type { ClaimStatus, ClaimTransition, ClassStatus, ClassTransition } from '@fulcrum/shared';
import type { Actor } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { availableTransitions, defineWorkflow, type WorkflowSpec } from '../../lib/workflow.ts';

/**
 * Who prepares a class and its claims: the enterprise's admins and training managers, a chamber's admin for a
 * grouped class, and the FIC's officers for one they organise (`department: 'fic'` keeps other departments out).
 */
const organiserRoles = ['enterprise_admin', 'training_manager', 'chamber_admin', 'department_officer'] as const;
const hrssStaff = ['department_officer', 'department_reviewer'] as const;

/*
 * Class registration (备案): the organiser files, the HRSS bureau registers within 5 working days or returns it
 * with a comment (the organiser has 10 to file again). A registered class is in training until the organiser
 * completes it — possible once every apprentice has been assessed or has left.
 */
export const classWorkflow = defineWorkflow<ClassStatus, ClassTransition>({
  process: 'apprenticeship_class',
  states: ['draft', 'filed', 'returned', 'registered', 'completed', 'rejected', 'withdrawn'],
  initial: 'draft',
  final: ['completed', 'rejected', 'withdrawn'],
  deadlines: { filed: 5, returned: 10 },
  transitions: {
    file: { from: ['draft', 'returned'], to: 'filed', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
    withdraw: { from: ['draft', 'filed', 'returned'], to: 'withdrawn', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
    return: { from: ['filed'], to: 'returned', roles: hrssStaff, department: 'hrss', comment: 'required' },
    register: { from: ['filed'], to: 'registered', roles: hrssStaff, department: 'hrss', comment: 'optional' },
    reject: { from: ['filed'], to: 'rejected', roles: hrssStaff, department: 'hrss', comment: 'required' },
    complete: { from: ['registered'], to: 'completed', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
  },
});

/*
 * A subsidy claim: filed by the organiser straight into HRSS review (10 working days), then finance review (10),
 * then the HRSS bureau publishes approved claims in a public notice (within 5); after the notice, finance records
 * the disbursement, and the organiser confirms receipt (or the HRSS bureau closes it). A return sends the claim
 * back to the organiser (10 working days to resubmit); finance returns it to HRSS review. Each step keeps history.
 */
export const claimWorkflow = defineWorkflow<ClaimStatus, ClaimTransition>({
  process: 'subsidy_claim',
  states: ['submitted', 'returned', 'finance_review', 'approved', 'in_notice', 'disbursed', 'closed', 'rejected', 'withdrawn'],
  initial: 'submitted',
  final: ['closed', 'rejected', 'withdrawn'],
  deadlines: { submitted: 10, returned: 10, finance_review: 10, approved: 5 },
  transitions: {
    submit: { from: ['submitted'], to: 'submitted', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
    resubmit: { from: ['returned'], to: 'submitted', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
    withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', roles: organiserRoles, department: 'fic', byOwner: true, comment: 'optional' },
    return: { from: ['submitted'], to: 'returned', roles: hrssStaff, department: 'hrss', comment: 'required' },
    hrss_approve: { from: ['submitted'], to: 'finance_review', roles: hrssStaff, department: 'hrss', comment: 'optional' },
    finance_return: { from: ['finance_review'], to: 'submitted', roles: hrssStaff, department: 'finance', comment: 'required' },
    finance_approve: { from: ['finance_review'], to: 'approved', roles: hrssStaff, department: 'finance', comment: 'optional' },
    reject: { from: ['submitted', 'finance_review', 'in_notice'], to: 'rejected', roles: hrssStaff, department: 'hrss', comment: 'required' },
    publish_notice: { from: ['approved'], to: 'in_notice', roles: hrssStaff, department: 'hrss', comment: 'optional' },
    disburse: { from: ['in_notice'], to: 'disbursed', roles: hrssStaff, department: 'finance', comment: 'optional', attachments: 'optional' },
    close: { from: ['disbursed'], to: 'closed', roles: [...organiserRoles, 'department_reviewer'], comment: 'optional' },
  },
});

/** Claim transitions the routes take one by one (submit happens on filing; publish_notice and disburse have their own bodies). */
export const plainClaimTransitions = ['resubmit', 'withdraw', 'return', 'hrss_approve', 'finance_return', 'finance_approve', 'reject', 'close'] as const;

/**
 * The engine decides by role and department; the owner's transitions also need the actor to be the record's own
 * organisation (an FIC officer may file the FIC's grouped class, not an enterprise's), and `close` is the owner's
 * or the HRSS bureau's. Returns what the page offers as buttons.
 */
export function offeredTransitions<S extends string, T extends string>(wf: WorkflowSpec<S, T>, actor: Actor, subject: { status: S; organisationId: string }): T[] {
  return availableTransitions(wf, actor, subject.status).filter((name) => isAllowedFor(wf, name, actor, subject.organisationId));
}

function isAllowedFor<S extends string, T extends string>(wf: WorkflowSpec<S, T>, name: T, actor: Actor, organisationId: string): boolean {
  const spec = wf.transitions[name];
  const isOwner = actor.organisationId === organisationId;
  if (spec.byOwner) return isOwner;
  if (wf.process === claimWorkflow.process && name === 'close') return isOwner || actor.departmentKind === 'hrss' || actor.role === 'system_admin';
  // Department powers are never the organiser's own (the FIC does not register the class it organises).
  return !isOwner || actor.role === 'system_admin';
}

/** The owner check before `takeTransition` (which checks role, department and state). */
export function assertMayTake<S extends string, T extends string>(wf: WorkflowSpec<S, T>, name: T, actor: Actor, organisationId: string): void {
  if (!isAllowedFor(wf, name, actor, organisationId)) throw forbidden(`only ${wf.transitions[name].byOwner ? 'the organiser' : 'the reviewing department'} may ${name}`);
}
