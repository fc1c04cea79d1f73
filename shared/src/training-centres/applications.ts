import { z } from 'zod';
import { isoDate, listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { transitionRequest } from '../common/workflow.ts';
import { occupationField, scopeField, scopeItem, skillLevelField } from './occupations.ts';

/*
 * An enterprise's application to become a certified training centre (企业培训中心, "技能强企"):
 * draft → submitted → documents_checked → onsite_checked → approved → in_batch → certified,
 * with returned / rejected / withdrawn on the way. HRSS checks the documents, visits the site and decides;
 * approved applications are put into a selection batch (batches.ts), whose list goes to public notice.
 */

export const applicationStatuses = [
  'draft',
  'submitted',
  'documents_checked',
  'onsite_checked',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
  'in_batch',
  'certified',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Statuses in which an application is no longer open: the enterprise may start a new one. */
export const closedApplicationStatuses = ['withdrawn', 'rejected', 'certified'] as const satisfies readonly ApplicationStatus[];

export const applicationTransitions = [
  'submit',
  'withdraw',
  'check_documents',
  'record_onsite_check',
  'approve',
  'return',
  'reject',
  'add_to_batch',
  'remove_from_batch',
  'certify',
  'exclude',
] as const;
export type ApplicationTransition = (typeof applicationTransitions)[number];

export const applicationStatusLabels: Record<ApplicationStatus, { 'zh-CN': string; 'en-US': string }> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  submitted: { 'zh-CN': '已提交', 'en-US': 'Submitted' },
  documents_checked: { 'zh-CN': '材料已审', 'en-US': 'Documents checked' },
  onsite_checked: { 'zh-CN': '已现场核查', 'en-US': 'On-site checked' },
  approved: { 'zh-CN': '审核通过', 'en-US': 'Approved' },
  returned: { 'zh-CN': '退回修改', 'en-US': 'Returned' },
  rejected: { 'zh-CN': '未通过', 'en-US': 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
  in_batch: { 'zh-CN': '已列入遴选批次', 'en-US': 'In a selection batch' },
  certified: { 'zh-CN': '已认定', 'en-US': 'Certified' },
};

/** Past trainings are reported for at most the three calendar years before the year of submission. */
export const PAST_TRAINING_YEARS = 3;

export const instructorItem = z.strictObject({
  name: z.string().trim().min(1).max(50),
  occupation: occupationField,
  level: skillLevelField,
  certificateNo: z.string().trim().min(1).max(50).optional(),
});
export type InstructorItem = z.infer<typeof instructorItem>;

export const pastTrainingItem = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  trainings: z.number().int().min(0).max(100_000),
  personTimes: z.number().int().min(0).max(10_000_000),
});
export type PastTrainingItem = z.infer<typeof pastTrainingItem>;

export const onsiteCheck = z.object({
  date: isoDate,
  findings: z.string(),
  passed: z.boolean(),
});
export type OnsiteCheck = z.infer<typeof onsiteCheck>;

const applicationFields = {
  scope: scopeField,
  facilities: z.string().trim().min(1).max(4000).describe('training rooms, equipment, practice stations'),
  instructors: z.array(instructorItem).min(1).max(200),
  annualPlan: z.string().trim().min(1).max(8000),
  annualCapacity: z.number().int().min(1).max(100_000).describe('person-times per year'),
  pastTraining: z
    .array(pastTrainingItem)
    .max(PAST_TRAINING_YEARS)
    .refine((rows) => new Set(rows.map((r) => r.year)).size === rows.length, { message: 'each year once', params: { code: 'DUPLICATE_YEAR' } })
    .describe(`trainings delivered in each of the ${PAST_TRAINING_YEARS} calendar years before the year of submission`),
  attachmentIds: z.array(z.uuid()).max(20).describe('uploaded documents of the applying enterprise (licence, floor plans, instructor certificates …)'),
};

/** Creates a draft; the enterprise is the signed-in user's organisation. */
export const createTrainingCentreApplicationRequest = z.strictObject({
  ...applicationFields,
  pastTraining: applicationFields.pastTraining.default([]),
  attachmentIds: applicationFields.attachmentIds.default([]),
});
export type CreateTrainingCentreApplicationRequest = z.input<typeof createTrainingCentreApplicationRequest>;

/** Edits a draft or a returned application: any subset of the fields. */
export const updateTrainingCentreApplicationRequest = z.strictObject(applicationFields).partial();
export type UpdateTrainingCentreApplicationRequest = z.infer<typeof updateTrainingCentreApplicationRequest>;

export const trainingCentreApplication = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  status: z.enum(applicationStatuses),
  scope: z.array(scopeItem),
  facilities: z.string(),
  instructors: z.array(instructorItem),
  annualPlan: z.string(),
  annualCapacity: z.number().int(),
  pastTraining: z.array(pastTrainingItem),
  attachmentIds: z.array(z.uuid()),
  onsiteCheck: onsiteCheck.nullable(),
  batchId: z.uuid().nullable(),
  batchName: z.string().nullable(),
  dueOn: isoDate.nullable().describe('deadline of the current state (working days); null when the state has none'),
  overdue: z.boolean().describe('dueOn is before today (Beijing date)'),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  availableTransitions: z.array(z.enum(applicationTransitions)).describe('the transitions the signed-in user may take now'),
});
export type TrainingCentreApplication = z.infer<typeof trainingCentreApplication>;

/** An application as a batch lists it. */
export const trainingCentreApplicationSummary = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  uscc: z.string().nullable(),
  industrialParkName: z.string().nullable(),
  status: z.enum(applicationStatuses),
  scope: z.array(scopeItem),
  annualCapacity: z.number().int(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TrainingCentreApplicationSummary = z.infer<typeof trainingCentreApplicationSummary>;

export const applicationSortKeys = ['submittedAt', 'updatedAt', 'dueOn'] as const;
export const listTrainingCentreApplicationsQuery = listQuery(applicationSortKeys).extend({
  status: z.enum(applicationStatuses).optional(),
  batchId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('part of the organisation name'),
  overdue: queryBoolean.optional(),
});
export type ListTrainingCentreApplicationsQuery = z.infer<typeof listTrainingCentreApplicationsQuery>;
export const trainingCentreApplicationPage = pageOf(trainingCentreApplication);

/** Applications within reach per status (drafts only for the enterprise's own users), for the queue's tabs. */
export const trainingCentreApplicationCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byStatus: z.record(z.enum(applicationStatuses), z.number().int()),
});
export type TrainingCentreApplicationCounts = z.infer<typeof trainingCentreApplicationCounts>;

/** The on-site check: when, what was found, whether it passed; recorded on the application and in its history. */
export const onsiteCheckRequest = z.strictObject({
  date: isoDate,
  findings: z.string().trim().min(1).max(4000),
  passed: z.boolean(),
  comment: z.string().trim().max(2000).nullable().optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type OnsiteCheckRequest = z.infer<typeof onsiteCheckRequest>;

/** Bodies of the plain transitions (submit, withdraw, check-documents, approve, return, reject). */
export const applicationTransitionRequest = transitionRequest;
export type ApplicationTransitionRequest = z.infer<typeof applicationTransitionRequest>;
