import { z } from 'zod';
import { isoDate, listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { transitionRequest, workflowEvent } from '../common/workflow.ts';
import { advanceBases } from './policies.ts';

/*
 * Subsidy claims (补贴申领): an advance claim (预拨) once the class is registered, a settlement claim (清算) once it is
 * completed. Amounts are computed from the policy version and the records, never typed in; checks run on submission
 * and each finding must be resolved by the HRSS officer. submitted → HRSS review → finance review → approved →
 * public notice → disbursed (date, bank reference; ledger entries) → closed.
 */

export const claimKinds = ['advance', 'settlement'] as const;
export type ClaimKind = (typeof claimKinds)[number];
export const claimKindLabels: Record<ClaimKind, { 'zh-CN': string; 'en-US': string }> = {
  advance: { 'zh-CN': '预拨', 'en-US': 'Advance' },
  settlement: { 'zh-CN': '清算', 'en-US': 'Settlement' },
};

export const claimStatuses = ['submitted', 'returned', 'finance_review', 'approved', 'in_notice', 'disbursed', 'closed', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
/** Claims in these no longer block a new claim of the same kind for the class. */
export const voidClaimStatuses = ['rejected', 'withdrawn'] as const satisfies readonly ClaimStatus[];

export const claimStatusLabels: Record<ClaimStatus, { 'zh-CN': string; 'en-US': string }> = {
  submitted: { 'zh-CN': '人社审核中', 'en-US': 'HRSS review' },
  returned: { 'zh-CN': '退回修改', 'en-US': 'Returned' },
  finance_review: { 'zh-CN': '财政审核中', 'en-US': 'Finance review' },
  approved: { 'zh-CN': '待公示', 'en-US': 'Approved, awaiting notice' },
  in_notice: { 'zh-CN': '公示中', 'en-US': 'In public notice' },
  disbursed: { 'zh-CN': '已拨付', 'en-US': 'Disbursed' },
  closed: { 'zh-CN': '已办结', 'en-US': 'Closed' },
  rejected: { 'zh-CN': '不予补贴', 'en-US': 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};

export const claimTransitions = [
  'submit',
  'resubmit',
  'withdraw',
  'return',
  'hrss_approve',
  'finance_return',
  'finance_approve',
  'reject',
  'publish_notice',
  'disburse',
  'close',
] as const;
export type ClaimTransition = (typeof claimTransitions)[number];

// --- findings ------------------------------------------------------------------------------------------------------

/** The checks run before a claim can be submitted (MISSION.md "Real rules"; the 2022 national audit's findings). */
export const findingCodes = [
  'DUPLICATE_SUBSIDY',
  'LEVEL_ALREADY_HELD',
  'OTHER_PROGRAMME',
  'CENTRALISED_HOURS_BELOW_MINIMUM',
  'ONLINE_SHARE_ABOVE_CAP',
  'VIDEO_SHARE_BELOW_MINIMUM',
  'DAY_OVER_10_HOURS',
  'OVERLAPPING_SESSIONS',
  'NOT_EMPLOYED',
] as const;
export type FindingCode = (typeof findingCodes)[number];

export const findingCodeLabels: Record<FindingCode, { 'zh-CN': string; 'en-US': string }> = {
  DUPLICATE_SUBSIDY: { 'zh-CN': '同一职业同一等级已享受补贴', 'en-US': 'Same occupation and level already subsidised' },
  LEVEL_ALREADY_HELD: { 'zh-CN': '已持有同级或更高等级证书', 'en-US': 'Holds this level or a higher one already' },
  OTHER_PROGRAMME: { 'zh-CN': '学徒期间参加其他补贴项目', 'en-US': 'In another subsidised programme during the apprenticeship' },
  CENTRALISED_HOURS_BELOW_MINIMUM: { 'zh-CN': '集中学时不足', 'en-US': 'Centralised hours below the minimum' },
  ONLINE_SHARE_ABOVE_CAP: { 'zh-CN': '线上学时占比超限', 'en-US': 'Online share above the cap' },
  VIDEO_SHARE_BELOW_MINIMUM: { 'zh-CN': '录像学时占比不足', 'en-US': 'Video-recorded share below the minimum' },
  DAY_OVER_10_HOURS: { 'zh-CN': '单日学时超过10小时', 'en-US': 'More than 10 hours in one day' },
  OVERLAPPING_SESSIONS: { 'zh-CN': '同一时间出现在两地', 'en-US': 'In two places at once' },
  NOT_EMPLOYED: { 'zh-CN': '学徒已不在职', 'en-US': 'No longer employed' },
};

export const findingStatuses = ['open', 'accepted', 'excluded'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingStatusLabels: Record<FindingStatus, { 'zh-CN': string; 'en-US': string }> = {
  open: { 'zh-CN': '待处理', 'en-US': 'Open' },
  accepted: { 'zh-CN': '核实无误，予以认可', 'en-US': 'Accepted after checking' },
  excluded: { 'zh-CN': '该学徒不计入补贴', 'en-US': 'Apprentice excluded from the claim' },
};

/** A check's finding as the preview shows it (before a claim exists). */
export const findingDraft = z.object({
  code: z.enum(findingCodes),
  apprenticeId: z.uuid().nullable().describe('null for a finding about the class as a whole'),
  personName: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).describe('the numbers behind the finding (hours, dates, the other class …)'),
  message: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
export type FindingDraft = z.infer<typeof findingDraft>;

export const claimFinding = findingDraft.extend({
  id: z.uuid(),
  round: z.number().int().describe('the submission round the finding was raised in'),
  status: z.enum(findingStatuses),
  resolutionNote: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ClaimFinding = z.infer<typeof claimFinding>;

/** The HRSS officer's resolution: accepted (checked, counts) or excluded (the apprentice is left out; amounts recomputed). */
export const resolveFindingRequest = z.strictObject({
  resolution: z.enum(['accepted', 'excluded']),
  note: z.string().trim().min(1).max(1000),
});
export type ResolveFindingRequest = z.infer<typeof resolveFindingRequest>;
export const claimFindingParams = z.strictObject({ id: z.uuid(), findingId: z.uuid() });

// --- computation ---------------------------------------------------------------------------------------------------

export const computationLine = z.object({
  key: z.enum(['advance', 'settlement', 'clawback']),
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  formula: z.string().describe('the arithmetic in yuan, e.g. "45 人 × 5,000.00 元 × 50% × 1 年"'),
  amountFen: z.number().int(),
});
export type ComputationLine = z.infer<typeof computationLine>;

/** Everything an amount was computed from, kept with the claim: a later policy edit never changes it. */
export const claimComputation = z.object({
  policy: z.object({ id: z.uuid(), version: z.number().int(), year: z.number().int(), effectiveFrom: isoDate, isDemo: z.boolean() }),
  targetLevel: z.number().int(),
  years: z.number().int(),
  rateFen: z.number().int().describe('per person-year at the target level'),
  rateWithoutCertificateFen: z.number().int(),
  advanceRatioBp: z.number().int(),
  advanceBasis: z.enum(advanceBases),
  headcount: z.object({
    roster: z.number().int(),
    claimed: z.number().int().describe('advance: apprentices on the roster and not excluded; settlement: completers not excluded'),
    certified: z.number().int(),
    completedWithoutCertificate: z.number().int(),
    nonCompleters: z.number().int().describe('advanced apprentices who did not complete (their advance is clawed back)'),
    excluded: z.number().int(),
  }),
  excludedApprenticeIds: z.array(z.uuid()),
  perPersonAdvanceFen: z.number().int(),
  advancePaidFen: z.number().int().describe('settlement: the advance booked in the ledger for the class'),
  lines: z.array(computationLine),
  amountFen: z.number().int().describe('net: positive is paid to the claimant, negative is a refund due'),
});
export type ClaimComputation = z.infer<typeof claimComputation>;

// --- claims --------------------------------------------------------------------------------------------------------

export const subsidyClaim = z.object({
  id: z.uuid(),
  referenceNo: z.string().describe('申领编号: BT<division>-<year>-<seq>'),
  classId: z.uuid(),
  className: z.string(),
  classRegistrationNo: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  kind: z.enum(claimKinds),
  status: z.enum(claimStatuses),
  round: z.number().int().describe('1 on submission, +1 on each resubmission after a return'),
  amountFen: z.number().int(),
  computation: claimComputation,
  findingsOpen: z.number().int(),
  findingsTotal: z.number().int(),
  noticeId: z.uuid().nullable(),
  noticeEndsOn: isoDate.nullable(),
  disbursedOn: isoDate.nullable(),
  bankReference: z.string().nullable(),
  submittedAt: z.iso.datetime({ offset: true }),
  dueOn: isoDate.nullable(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  availableTransitions: z.array(z.enum(claimTransitions)),
});
export type SubsidyClaim = z.infer<typeof subsidyClaim>;

export const subsidyClaimDetail = subsidyClaim.extend({
  findings: z.array(claimFinding).describe('current round first, open first'),
  history: z.array(workflowEvent),
});
export type SubsidyClaimDetail = z.infer<typeof subsidyClaimDetail>;

/** Files a claim: computed and checked now, submitted to the HRSS bureau at once. */
export const createSubsidyClaimRequest = z.strictObject({
  classId: z.uuid(),
  kind: z.enum(claimKinds),
  comment: z.string().trim().max(2000).nullable().optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type CreateSubsidyClaimRequest = z.infer<typeof createSubsidyClaimRequest>;

export const claimPreviewQuery = z.strictObject({ kind: z.enum(claimKinds) });
/** What a claim would be if filed now: the computation and the findings, nothing stored. */
export const claimPreview = z.object({ computation: claimComputation, findings: z.array(findingDraft) });
export type ClaimPreview = z.infer<typeof claimPreview>;

export const claimSortKeys = ['submittedAt', 'updatedAt', 'dueOn', 'amountFen'] as const;
export const listSubsidyClaimsQuery = listQuery(claimSortKeys).extend({
  status: z.enum(claimStatuses).optional(),
  kind: z.enum(claimKinds).optional(),
  classId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('part of the organisation or class name, or the reference number'),
  overdue: queryBoolean.optional(),
  withOpenFindings: queryBoolean.optional(),
});
export type ListSubsidyClaimsQuery = z.infer<typeof listSubsidyClaimsQuery>;
export const subsidyClaimPage = pageOf(subsidyClaim);
export type SubsidyClaimPage = z.infer<typeof subsidyClaimPage>;

export const subsidyClaimCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byStatus: z.record(z.enum(claimStatuses), z.number().int()),
});
export type SubsidyClaimCounts = z.infer<typeof subsidyClaimCounts>;

export const claimTransitionRequest = transitionRequest;

/** Finance records the transfer (or, for a negative settlement, the refund received). */
export const disburseClaimRequest = z.strictObject({
  disbursedOn: isoDate,
  bankReference: z.string().trim().min(1).max(64),
  comment: z.string().trim().max(2000).nullable().optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type DisburseClaimRequest = z.infer<typeof disburseClaimRequest>;

/** Publishes approved claims of the region as one public notice (公示); each goes into notice. */
export const publishClaimsNoticeRequest = z.strictObject({
  claimIds: z.array(z.uuid()).min(1).max(200),
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().trim().min(1).max(4000).optional(),
  workingDays: z.number().int().min(1).max(30).optional(),
});
export type PublishClaimsNoticeRequest = z.infer<typeof publishClaimsNoticeRequest>;
export const publishClaimsNoticeResult = z.object({ noticeId: z.uuid(), endsOn: isoDate, claims: z.number().int() });
export type PublishClaimsNoticeResult = z.infer<typeof publishClaimsNoticeResult>;
