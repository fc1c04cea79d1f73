import { defineWorkflow } from '../../lib/workflow.ts';

const enterpriseStaff = ['enterprise_admin', 'training_manager'] as const;

/**
 * A request from a need's enterprise to a certified centre. The centre accepts or declines (with a reason); the
 * requester may cancel while it waits; the centre completes an accepted one. Who is on which side is checked by the
 * service (the requester's or the centre's enterprise); the roles here are the staff who may act for either.
 * `withdraw` is taken by the system side of another action: the need was matched elsewhere or cancelled.
 */
export const matchWorkflow = defineWorkflow({
  process: 'training_match',
  states: ['requested', 'accepted', 'declined', 'cancelled', 'completed'] as const,
  initial: 'requested',
  final: ['declined', 'cancelled', 'completed'],
  transitions: {
    accept: { from: ['requested'], to: 'accepted', roles: enterpriseStaff, byOwner: true, comment: 'optional' },
    decline: { from: ['requested'], to: 'declined', roles: enterpriseStaff, byOwner: true, comment: 'required' },
    cancel: { from: ['requested'], to: 'cancelled', roles: enterpriseStaff, byOwner: true, comment: 'optional' },
    withdraw: { from: ['requested'], to: 'cancelled', roles: enterpriseStaff, byOwner: true, comment: 'required' },
    complete: { from: ['accepted'], to: 'completed', roles: enterpriseStaff, byOwner: true, comment: 'optional', attachments: 'optional' },
  },
});

/** Which side of a match takes each transition a user can ask for. */
export const sideOf = { accept: 'centre', decline: 'centre', complete: 'centre', cancel: 'requester' } as const;
