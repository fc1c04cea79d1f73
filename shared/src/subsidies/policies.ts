import { z } from 'zod';
import { isoDate } from '../common/pagination.ts';

/*
 * Subsidy policy versions (新型学徒制补贴标准): per region and cohort year, effective-dated. Rates, ratios and
 * rules are data, never constants in code (MISSION.md "Real rules"). Editing a policy writes a new version; a claim
 * keeps the version it was computed under.
 */

/** Levels an apprenticeship may target: 中级工 (4) and above (人社部发〔2021〕39号). */
export const apprenticeshipLevels = [4, 3, 2, 1] as const;
export type ApprenticeshipLevel = (typeof apprenticeshipLevels)[number];
export const apprenticeshipLevelField = z.union([z.literal(4), z.literal(3), z.literal(2), z.literal(1)], {
  error: 'an apprenticeship targets 中级工 (4) or above',
});

/** What the advance ratio applies to: one year's amount (Qidong 2025, even for a two-year class) or the whole class. */
export const advanceBases = ['one_year', 'whole_class'] as const;
export type AdvanceBasis = (typeof advanceBases)[number];
export const advanceBasisLabels: Record<AdvanceBasis, { 'zh-CN': string; 'en-US': string }> = {
  one_year: { 'zh-CN': '按一年补贴额', 'en-US': "One year's amount" },
  whole_class: { 'zh-CN': '按全周期补贴额', 'en-US': 'The whole class' },
};

/**
 * 人社部发〔2021〕39号: the subsidy is "in principle not less than 5,000 yuan per person per year". A policy below it
 * is saved with a warning (cities set their own rates), not refused.
 */
export const NATIONAL_FLOOR_FEN_PER_YEAR = 500_000;
/** 人社部发〔2021〕39号: at most 50 % may be paid in advance; above it the policy is saved with a warning. */
export const NATIONAL_ADVANCE_CEILING_BP = 5_000;

/** An amount in integer fen (≤ 1,000,000 yuan). */
export const fenField = z.number().int().min(0).max(100_000_000);
/** A ratio in basis points: 5000 = 50 %. */
export const basisPointsField = z.number().int().min(0).max(10_000);

export const levelRates = z.strictObject({
  '4': fenField.describe('中级工, fen per person-year'),
  '3': fenField.describe('高级工'),
  '2': fenField.describe('技师'),
  '1': fenField.describe('高级技师'),
});
export type LevelRates = z.infer<typeof levelRates>;

const policyFields = {
  effectiveFrom: isoDate.describe('the version applies to claims filed on or after this date'),
  ratesFen: levelRates,
  rateWithoutCertificateFen: fenField.describe('per person-year for an apprentice who completed but did not reach the target certificate'),
  advanceRatioBp: basisPointsField,
  advanceBasis: z.enum(advanceBases),
  minCentralisedHours: z.number().int().min(0).max(5_000).describe('Tianjin 2021: at least 160 hours of centralised teaching'),
  onlineShareCapBp: basisPointsField.describe('online theory at most this share of all hours (Tianjin: 50 %)'),
  videoShareMinBp: basisPointsField.describe('at least this share of hours video-recorded (Tianjin: 25 %)'),
  minYears: z.number().int().min(1).max(3),
  maxYears: z.number().int().min(1).max(3).describe('longest class without a stated reason'),
  maxYearsWithReason: z.number().int().min(1).max(5),
  noticeWorkingDays: z.number().int().min(1).max(30).describe('length of the public notice of claims, working days'),
  isDemo: z.boolean().default(false).describe('demo values, labelled as such on every page'),
  note: z.string().trim().max(2000).default('').describe('the policy document it follows'),
};

const yearsInOrder = (p: { minYears?: number; maxYears?: number; maxYearsWithReason?: number }, ctx: z.RefinementCtx) => {
  if (p.minYears !== undefined && p.maxYears !== undefined && p.minYears > p.maxYears) {
    ctx.addIssue({ code: 'custom', path: ['maxYears'], message: 'not below minYears', params: { code: 'OUT_OF_ORDER' } });
  }
  if (p.maxYears !== undefined && p.maxYearsWithReason !== undefined && p.maxYears > p.maxYearsWithReason) {
    ctx.addIssue({ code: 'custom', path: ['maxYearsWithReason'], message: 'not below maxYears', params: { code: 'OUT_OF_ORDER' } });
  }
};

/** The first version of a region's policy for a cohort year (region: the HRSS bureau's own; system admins name it). */
export const createSubsidyPolicyRequest = z
  .strictObject({ regionId: z.string().min(1).max(40).optional(), year: z.number().int().min(2000).max(2100), ...policyFields })
  .superRefine(yearsInOrder);
export type CreateSubsidyPolicyRequest = z.input<typeof createSubsidyPolicyRequest>;

/** An edit: writes the next version (all fields restated); earlier versions and the claims under them stay as they were. */
export const reviseSubsidyPolicyRequest = z.strictObject({ ...policyFields, reason: z.string().trim().min(1).max(2000) }).superRefine(yearsInOrder);
export type ReviseSubsidyPolicyRequest = z.input<typeof reviseSubsidyPolicyRequest>;

export const policyWarning = z.object({ path: z.string(), code: z.enum(['BELOW_NATIONAL_FLOOR', 'ABOVE_NATIONAL_ADVANCE_CEILING']), message: z.string() });
export type PolicyWarning = z.infer<typeof policyWarning>;

export const subsidyPolicy = z.object({
  id: z.uuid(),
  regionId: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  version: z.number().int().describe('1, 2, …: each edit writes the next'),
  effectiveFrom: isoDate,
  ratesFen: levelRates,
  rateWithoutCertificateFen: z.number().int(),
  advanceRatioBp: z.number().int(),
  advanceBasis: z.enum(advanceBases),
  minCentralisedHours: z.number().int(),
  onlineShareCapBp: z.number().int(),
  videoShareMinBp: z.number().int(),
  minYears: z.number().int(),
  maxYears: z.number().int(),
  maxYearsWithReason: z.number().int(),
  noticeWorkingDays: z.number().int(),
  isDemo: z.boolean(),
  note: z.string(),
  reason: z.string().nullable().describe('why this version was written (null for version 1)'),
  isLatest: z.boolean().describe('the newest version of its region and year'),
  claimCount: z.number().int().describe('claims computed under this version'),
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  warnings: z.array(policyWarning).describe('national rules this version departs from (saved anyway)'),
});
export type SubsidyPolicy = z.infer<typeof subsidyPolicy>;

export const listSubsidyPoliciesQuery = z.strictObject({
  regionId: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  latestOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListSubsidyPoliciesQuery = z.infer<typeof listSubsidyPoliciesQuery>;
export const subsidyPolicyList = z.object({ items: z.array(subsidyPolicy) });
export type SubsidyPolicyList = z.infer<typeof subsidyPolicyList>;
