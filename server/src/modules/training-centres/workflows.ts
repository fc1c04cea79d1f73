import type { ApplicationStatus, ApplicationTransition, BatchStatus, BatchTransition } from '@fulcrum/shared';
import { defineWorkflow } from '../../lib/workflow.ts';

/** The roles of the applying enterprise that prepare and submit its application. */
const owners = ['enterprise_admin', 'training_manager'] as const;

/*
 * An enterprise's application for certification as a training centre. The HRSS bureau checks the documents
 * within 5 working days of submission, visits the site within 10 of that, and decides within 5 of the visit.
 * An approved application waits for a selection batch; the batch's operations move it on (add_to_batch,
 * remove_from_batch, certify, and exclude when an objection to the batch's public notice is upheld).
 */
export const applicationWorkflow = defineWorkflow<ApplicationStatus, ApplicationTransition>({
  process: 'training_centre_application',
  states: ['draft', 'submitted', 'documents_checked', 'onsite_checked', 'approved', 'returned', 'rejected', 'withdrawn', 'in_batch', 'certified'],
  initial: 'draft',
  final: ['rejected', 'withdrawn', 'certified'],
  deadlines: { submitted: 5, documents_checked: 10, onsite_checked: 5 },
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted', roles: owners, byOwner: true, comment: 'optional' },
    withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', roles: owners, byOwner: true, comment: 'optional' },
    check_documents: { from: ['submitted'], to: 'documents_checked', roles: ['department_officer'], department: 'hrss', comment: 'optional' },
    record_onsite_check: { from: ['documents_checked'], to: 'onsite_checked', roles: ['department_officer'], department: 'hrss', comment: 'optional' },
    approve: { from: ['onsite_checked'], to: 'approved', roles: ['department_reviewer'], department: 'hrss', comment: 'optional' },
    return: {
      from: ['submitted', 'documents_checked', 'onsite_checked'],
      to: 'returned',
      roles: ['department_officer', 'department_reviewer'],
      department: 'hrss',
      comment: 'required',
    },
    reject: {
      from: ['submitted', 'documents_checked', 'onsite_checked', 'approved'],
      to: 'rejected',
      roles: ['department_officer', 'department_reviewer'],
      department: 'hrss',
      comment: 'required',
    },
    add_to_batch: { from: ['approved'], to: 'in_batch', roles: ['department_officer'], department: 'hrss' },
    remove_from_batch: { from: ['in_batch'], to: 'approved', roles: ['department_officer'], department: 'hrss' },
    certify: { from: ['in_batch'], to: 'certified', roles: ['department_reviewer'], department: 'hrss' },
    exclude: { from: ['in_batch'], to: 'rejected', roles: ['department_reviewer'], department: 'hrss', comment: 'required' },
  },
});

/** Transitions the application routes take one by one; the rest belong to a batch's operations. */
export const directApplicationTransitions = ['submit', 'withdraw', 'check_documents', 'record_onsite_check', 'approve', 'return', 'reject'] as const;

/**
 * A selection batch of the HRSS bureau: open while applications are put into it, in public notice once its list
 * is published, certified after the notice. Only an empty open batch can be cancelled.
 */
export const batchWorkflow = defineWorkflow<BatchStatus, BatchTransition>({
  process: 'selection_batch',
  states: ['open', 'in_notice', 'certified', 'cancelled'],
  initial: 'open',
  final: ['certified', 'cancelled'],
  transitions: {
    publish_notice: { from: ['open'], to: 'in_notice', roles: ['department_officer'], department: 'hrss', comment: 'optional' },
    certify: { from: ['in_notice'], to: 'certified', roles: ['department_reviewer'], department: 'hrss', comment: 'optional' },
    cancel: { from: ['open'], to: 'cancelled', roles: ['department_officer'], department: 'hrss', comment: 'required' },
  },
});
