import { z } from 'zod';
import { mobileField, personNameField, residentIdField } from '../common/fields.ts';
import { isoDate, listQuery, MAX_PAGE_SIZE, pageOf } from '../common/pagination.ts';

/*
 * Public notices (公示): a decision's list published for a number of working days, open to real-name objections
 * from the public; every objection gets a recorded outcome before the decision may proceed.
 */

/** Where a notice stands today (Beijing): not yet started, open to objections, or over. */
export const noticeStates = ['upcoming', 'open', 'ended'] as const;
export type NoticeState = (typeof noticeStates)[number];
export const objectionOutcomes = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];
export const objectionStatuses = ['open', 'handled'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];

/** The shortest and longest notice period an installation may require, in working days. */
export const NOTICE_MIN_WORKING_DAYS_RANGE = { min: 1, max: 30 } as const;

export const noticeColumn = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  mask: z.enum(['name', 'residentId']).optional().describe('how the column was masked at publication'),
});
export type NoticeColumnView = z.infer<typeof noticeColumn>;
export const noticeEntry = z.object({
  ref: z.string().describe('the record behind the entry; what an objection names'),
  cells: z.record(z.string(), z.string()).describe('by column key, private persons already masked'),
});
export type NoticeEntryView = z.infer<typeof noticeEntry>;

const objectionCounts = z.object({ open: z.number().int(), handled: z.number().int() });

const period = {
  startsOn: isoDate.describe('the publication day (Beijing)'),
  endsOn: isoDate.describe('the last day objections are accepted, until 24:00 Beijing time'),
  workingDays: z.number().int().describe('the period in working days after the publication day'),
  state: z.enum(noticeStates),
  workingDaysLeft: z.number().int().describe('working days after today up to endsOn (0 on the last day and after)'),
};

// ---------------------------------------------------------------------------------------------
// Officers' view

export const listNoticesQuery = listQuery(['publishedAt', 'endsOn', 'title']).extend({
  state: z.enum(noticeStates).optional(),
  subjectType: z.string().trim().min(1).max(50).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListNoticesQuery = z.infer<typeof listNoticesQuery>;

export const noticeSummary = z.object({
  id: z.uuid(),
  regionId: z.string(),
  organisationId: z.uuid(),
  publisherName: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid(),
  title: z.string(),
  ...period,
  publishedAt: z.iso.datetime({ offset: true }),
  entryCount: z.number().int(),
  objections: objectionCounts,
});
export type NoticeSummary = z.infer<typeof noticeSummary>;
export const noticePage = pageOf(noticeSummary);
export type NoticePage = z.infer<typeof noticePage>;

export const noticeObjection = z.object({
  id: z.uuid(),
  entryRef: z.string().nullable().describe('null: against the notice as a whole'),
  referenceCode: z.string(),
  objectorName: z.string(),
  objectorPhone: z.string(),
  objectorResidentIdMasked: z.string(),
  content: z.string(),
  filedAt: z.iso.datetime({ offset: true }),
  status: z.enum(objectionStatuses),
  outcome: z.enum(objectionOutcomes).nullable(),
  handlingNote: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type NoticeObjection = z.infer<typeof noticeObjection>;

export const noticeDetail = noticeSummary.extend({
  body: z.string(),
  columns: z.array(noticeColumn),
  entries: z.array(noticeEntry),
  objectionList: z.array(noticeObjection),
  canHandle: z.boolean().describe('whether the signed-in user may handle this notice\'s objections'),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

/** A notice as JSON, or — with `format=xlsx` — its table (columns and masked entries) as a workbook download. */
export const noticeFormatQuery = z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') });
export type NoticeFormatQuery = z.infer<typeof noticeFormatQuery>;

export const noticeObjectionParams = z.strictObject({ id: z.uuid(), objectionId: z.uuid() });
export const handleObjectionRequest = z.strictObject({
  outcome: z.enum(objectionOutcomes).describe('upheld: the entry (or notice) objected to does not go ahead'),
  note: z.string().trim().min(2).max(2000),
});
export type HandleObjectionRequest = z.infer<typeof handleObjectionRequest>;

export const noticeSettings = z.object({
  minWorkingDays: z.number().int().describe('the shortest notice period, in working days after the publication day'),
});
export type NoticeSettings = z.infer<typeof noticeSettings>;
export const updateNoticeSettingsRequest = z.strictObject({
  minWorkingDays: z.number().int().min(NOTICE_MIN_WORKING_DAYS_RANGE.min).max(NOTICE_MIN_WORKING_DAYS_RANGE.max),
});
export type UpdateNoticeSettingsRequest = z.infer<typeof updateNoticeSettingsRequest>;

// ---------------------------------------------------------------------------------------------
// The public's view (no sign-in): never any objector's data

export const publicNoticesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  regionId: z.string().trim().min(1).max(50).optional(),
  state: z.enum(['open', 'ended']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PublicNoticesQuery = z.infer<typeof publicNoticesQuery>;

export const publicNoticeSummary = z.object({
  id: z.uuid(),
  regionId: z.string(),
  publisherName: z.string(),
  title: z.string(),
  ...period,
  publishedAt: z.iso.datetime({ offset: true }),
  entryCount: z.number().int(),
});
export type PublicNoticeSummary = z.infer<typeof publicNoticeSummary>;
export const publicNoticePage = pageOf(publicNoticeSummary);
export type PublicNoticePage = z.infer<typeof publicNoticePage>;

export const publicNotice = publicNoticeSummary.extend({
  body: z.string(),
  columns: z.array(noticeColumn.omit({ mask: true })),
  entries: z.array(noticeEntry),
  objections: objectionCounts.describe('how many objections were filed and how many have an outcome'),
});
export type PublicNotice = z.infer<typeof publicNotice>;

/** An objection in the objector's real name; the ID number is checked (GB 11643) and never shown publicly. */
export const fileObjectionRequest = z.strictObject({
  name: personNameField,
  residentId: residentIdField,
  phone: mobileField,
  entryRef: z.string().trim().min(1).max(100).nullable().optional().describe("the entry objected to (its ref); omit for the notice as a whole"),
  content: z.string().trim().min(10).max(2000),
});
export type FileObjectionRequest = z.infer<typeof fileObjectionRequest>;
export const fileObjectionResponse = z.object({
  referenceCode: z.string().describe('quote it with your phone number to look the objection up'),
  filedAt: z.iso.datetime({ offset: true }),
});
export type FileObjectionResponse = z.infer<typeof fileObjectionResponse>;

/** Reference codes: 10 characters of Crockford base32 (no I, L, O, U). */
export const REFERENCE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const referenceCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, { message: 'a 10-character reference code' });

export const objectionLookupRequest = z.strictObject({ referenceCode: referenceCodeField, phone: mobileField });
export type ObjectionLookupRequest = z.infer<typeof objectionLookupRequest>;
export const objectionLookupResponse = z.object({
  status: z.enum(objectionStatuses),
  outcome: z.enum(objectionOutcomes).nullable(),
  handlingNote: z.string().nullable(),
  filedAt: z.iso.datetime({ offset: true }),
  handledAt: z.iso.datetime({ offset: true }).nullable(),
  noticeTitle: z.string(),
});
export type ObjectionLookupResponse = z.infer<typeof objectionLookupResponse>;
