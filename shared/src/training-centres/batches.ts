import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';
import { trainingCentreApplicationSummary } from './applications.ts';

/*
 * A selection batch (遴选批次) of the HRSS bureau: approved applications are put into it up to its quota, its list
 * is published as a public notice (公示, at least 5 working days), and after the notice it is certified: each
 * application becomes a certified centre, except those an upheld objection excludes.
 */

export const batchStatuses = ['open', 'in_notice', 'certified', 'cancelled'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const batchTransitions = ['publish_notice', 'certify', 'cancel'] as const;
export type BatchTransition = (typeof batchTransitions)[number];

export const batchStatusLabels: Record<BatchStatus, { 'zh-CN': string; 'en-US': string }> = {
  open: { 'zh-CN': '遴选中', 'en-US': 'Open' },
  in_notice: { 'zh-CN': '公示中', 'en-US': 'In public notice' },
  certified: { 'zh-CN': '已认定', 'en-US': 'Certified' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

/** The minimum length of a public notice (公示), in working days. */
export const MIN_NOTICE_WORKING_DAYS = 5;

export const selectionBatch = z.object({
  id: z.uuid(),
  regionId: z.string(),
  name: z.string(),
  year: z.number().int(),
  quota: z.number().int().describe('the most applications the batch may hold'),
  opensOn: isoDate,
  closesOn: isoDate,
  validityYears: z.number().int().describe('years a certificate of this batch is valid'),
  status: z.enum(batchStatuses),
  noticeId: z.uuid().nullable(),
  notice: z.object({ startsOn: isoDate, endsOn: isoDate }).nullable().describe('the objection period of the public notice'),
  applicationCount: z.number().int(),
  availableTransitions: z.array(z.enum(batchTransitions)).describe('the transitions the signed-in user may take now'),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SelectionBatch = z.infer<typeof selectionBatch>;

/** A batch with its applications. */
export const selectionBatchDetail = selectionBatch.extend({
  applications: z.array(trainingCentreApplicationSummary),
});
export type SelectionBatchDetail = z.infer<typeof selectionBatchDetail>;

/** The result of certifying a batch: the batch and how many applications were certified or excluded. */
export const certifySelectionBatchResult = selectionBatchDetail.extend({
  counts: z.object({
    certified: z.number().int(),
    excluded: z.number().int().describe('applications excluded by an upheld objection'),
  }),
});
export type CertifySelectionBatchResult = z.infer<typeof certifySelectionBatchResult>;

export const createSelectionBatchRequest = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    year: z.number().int().min(2000).max(2100),
    quota: z.number().int().min(1).max(500),
    opensOn: isoDate,
    closesOn: isoDate,
    validityYears: z.number().int().min(1).max(10).default(3),
  })
  .refine((b) => b.closesOn >= b.opensOn, { path: ['closesOn'], message: 'must not be before opensOn', params: { code: 'CLOSES_BEFORE_OPENS' } });
export type CreateSelectionBatchRequest = z.input<typeof createSelectionBatchRequest>;

export const batchSortKeys = ['createdAt', 'year', 'name'] as const;
export const listSelectionBatchesQuery = listQuery(batchSortKeys).extend({
  status: z.enum(batchStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional().describe('part of the batch name'),
});
export type ListSelectionBatchesQuery = z.infer<typeof listSelectionBatchesQuery>;
export const selectionBatchPage = pageOf(selectionBatch);

export const addBatchApplicationRequest = z.strictObject({ applicationId: z.uuid() });
export type AddBatchApplicationRequest = z.infer<typeof addBatchApplicationRequest>;
export const batchApplicationParams = z.strictObject({ id: z.uuid(), applicationId: z.uuid() });

/** Publishing the batch's list: title and body default to a standard text; the notice lasts at least 5 working days. */
export const publishBatchNoticeRequest = z.strictObject({
  title: z.string().trim().min(2).max(200).optional(),
  body: z.string().trim().min(1).max(8000).optional(),
  workingDays: z.number().int().min(MIN_NOTICE_WORKING_DAYS).max(30).optional(),
});
export type PublishBatchNoticeRequest = z.infer<typeof publishBatchNoticeRequest>;
