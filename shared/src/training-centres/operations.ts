import { z } from 'zod';
import { personNameField, residentIdField } from '../common/fields.ts';
import { isoDate, listQuery, pageOf, queryBoolean } from '../common/pagination.ts';
import { workflowEvent } from '../common/workflow.ts';
import { centreStatuses, occupationField, skillLevelField } from './occupations.ts';

/*
 * What a certified training centre does with its rights: in-house skill assessments (企业自主评价) and trainings
 * within its certified scope, its annual report, and the HRSS bureau's annual review of it (年审).
 * Routes: /api/v1/training-centres/:id/{assessments,trainings,annual-figures,annual-reviews}, /api/v1/annual-reviews.
 */

type Label = { 'zh-CN': string; 'en-US': string };

/** A year a record can carry (query strings arrive as text). */
const yearField = z.coerce.number().int().min(2000).max(2100);
const levelQuery = z.coerce.number().int().min(1).max(5);

// ---------- In-house skill assessments ----------

/**
 * POST /training-centres/:id/assessments. The person is found by resident ID, or created (then `name` is required);
 * a known person with another name is refused (400 NAME_MISMATCH at body.name). `assessedOn` may not be in the
 * future nor before the centre's certification. (occupation, level) outside the scope → 422 OUTSIDE_SCOPE naming
 * body.occupation or body.level; a centre without rights → 409 CENTRE_NOT_ACTIVE (details.effectiveStatus).
 */
export const recordAssessmentRequest = z.strictObject({
  name: personNameField.optional().describe('required when the resident ID is not known yet'),
  residentId: residentIdField,
  occupation: occupationField,
  level: skillLevelField,
  assessedOn: isoDate,
  score: z.number().int().min(0).max(100),
  passed: z.boolean(),
  matchId: z.uuid().optional().describe('an accepted or completed match of this centre the trainee came through'),
});
export type RecordAssessmentRequest = z.infer<typeof recordAssessmentRequest>;

/** One recorded assessment; the resident ID is always masked. */
export const skillAssessment = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  residentIdMasked: z.string(),
  occupation: z.string(),
  level: z.number().int(),
  assessedOn: isoDate,
  score: z.number().int(),
  passed: z.boolean(),
  certificateNo: z.string().nullable().describe('skill certificate number of a passed assessment: <centre certificate>-<year>-<00001>'),
  matchId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SkillAssessment = z.infer<typeof skillAssessment>;

export const assessmentSortKeys = ['assessedOn', 'score', 'createdAt'] as const;
export const listAssessmentsQuery = listQuery(assessmentSortKeys).extend({
  year: yearField.optional(),
  occupation: occupationField.optional(),
  level: levelQuery.optional(),
  passed: queryBoolean.optional(),
  matchId: z.uuid().optional(),
});
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuery>;
export const skillAssessmentPage = pageOf(skillAssessment);

// ---------- Trainings ----------

/** POST /training-centres/:id/trainings: a class the centre delivers, within its scope (422 OUTSIDE_SCOPE otherwise). */
export const recordTrainingRequest = z
  .strictObject({
    occupation: occupationField,
    level: skillLevelField,
    title: z.string().trim().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    traineeCount: z.number().int().min(1).max(10_000),
    matchId: z.uuid().optional().describe('an accepted or completed match of this centre the training serves'),
  })
  .refine((t) => t.endsOn >= t.startsOn, { path: ['endsOn'], message: 'must not be before startsOn', params: { code: 'DATE_ORDER' } });
export type RecordTrainingRequest = z.infer<typeof recordTrainingRequest>;

export const centreTraining = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  occupation: z.string(),
  level: z.number().int(),
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  traineeCount: z.number().int(),
  matchId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CentreTraining = z.infer<typeof centreTraining>;

export const trainingSortKeys = ['startsOn', 'createdAt'] as const;
export const listTrainingsQuery = listQuery(trainingSortKeys).extend({
  year: yearField.optional().describe('trainings starting in this year'),
  occupation: occupationField.optional(),
});
export type ListTrainingsQuery = z.infer<typeof listTrainingsQuery>;
export const centreTrainingPage = pageOf(centreTraining);

// ---------- Annual figures ----------

export const annualFiguresQuery = z.strictObject({ year: yearField });

/** A centre's figures for a year, computed from its records on every call (never typed in). */
export const annualFigures = z.object({
  year: z.number().int(),
  trainings: z.number().int().describe('trainings starting in the year'),
  personTimes: z.number().int().describe('sum of those trainings\' trainee counts (人次)'),
  assessments: z.number().int().describe('assessments dated in the year'),
  passed: z.number().int(),
  passRate: z.number().nullable().describe('passed / assessments as a fraction 0..1; null without assessments'),
  byOccupation: z.array(
    z.object({ occupation: z.string(), level: z.number().int(), assessments: z.number().int(), passed: z.number().int() }),
  ),
  matchesCompleted: z.number().int().describe('resource-matching requests completed in the year (Beijing time)'),
});
export type AnnualFigures = z.infer<typeof annualFigures>;

// ---------- Annual reviews (年审) ----------

export const annualReviewStatuses = ['filed', 'decided'] as const;
export type AnnualReviewStatus = (typeof annualReviewStatuses)[number];
export const annualReviewDecisions = ['pass', 'conditional', 'suspend', 'revoke'] as const;
export type AnnualReviewDecision = (typeof annualReviewDecisions)[number];
/** The centre status each decision sets at once. */
export const decisionCentreStatus: Record<AnnualReviewDecision, (typeof centreStatuses)[number]> = {
  pass: 'active',
  conditional: 'conditional',
  suspend: 'suspended',
  revoke: 'revoked',
};

export const annualReviewStatusLabels: Record<AnnualReviewStatus, Label> = {
  filed: { 'zh-CN': '待审核', 'en-US': 'Filed' },
  decided: { 'zh-CN': '已审核', 'en-US': 'Decided' },
};
export const annualReviewDecisionLabels: Record<AnnualReviewDecision, Label> = {
  pass: { 'zh-CN': '通过', 'en-US': 'Pass' },
  conditional: { 'zh-CN': '限期整改', 'en-US': 'Conditional' },
  suspend: { 'zh-CN': '暂停', 'en-US': 'Suspend' },
  revoke: { 'zh-CN': '撤销', 'en-US': 'Revoke' },
};

/** POST /training-centres/:id/annual-reviews: one per centre and year (409 CONFLICT); the figures are computed at filing. */
export const fileAnnualReviewRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100).describe('not after the current year, not before the certification year'),
  narrative: z.string().trim().min(10).max(8000),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
});
export type FileAnnualReviewRequest = z.input<typeof fileAnnualReviewRequest>;

/** POST /annual-reviews/:id/decide (HRSS): the centre's status changes at once; a comment is required unless pass. */
export const decideAnnualReviewRequest = z
  .strictObject({
    decision: z.enum(annualReviewDecisions),
    comment: z.string().trim().max(2000).nullable().optional(),
    attachmentIds: z.array(z.uuid()).max(20).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== 'pass' && !d.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'a reason is required unless the decision is pass', params: { code: 'REQUIRED' } });
    }
  });
export type DecideAnnualReviewRequest = z.infer<typeof decideAnnualReviewRequest>;

export const annualReview = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  certificateNo: z.string(),
  centreStatus: z.enum(centreStatuses).describe('the centre\'s stored status now'),
  year: z.number().int(),
  status: z.enum(annualReviewStatuses),
  figures: annualFigures.describe('as computed when filed'),
  narrative: z.string(),
  attachmentIds: z.array(z.uuid()),
  decision: z.enum(annualReviewDecisions).nullable(),
  decisionNote: z.string().nullable(),
  filedAt: z.iso.datetime({ offset: true }),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  dueOn: isoDate.nullable().describe('decision deadline (20 working days after filing) while filed'),
  overdue: z.boolean(),
  availableTransitions: z.array(z.string()).describe('what the signed-in actor may do now, e.g. ["decide"]'),
});
export type AnnualReview = z.infer<typeof annualReview>;

export const annualReviewDetail = annualReview.extend({ history: z.array(workflowEvent) });
export type AnnualReviewDetail = z.infer<typeof annualReviewDetail>;

export const annualReviewList = z.array(annualReview);

export const annualReviewSortKeys = ['filedAt', 'year', 'organisationName'] as const;
/** GET /annual-reviews: the HRSS queue of the region (system admin: all). */
export const listAnnualReviewsQuery = listQuery(annualReviewSortKeys).extend({
  status: z.enum(annualReviewStatuses).optional(),
  year: yearField.optional(),
  decision: z.enum(annualReviewDecisions).optional(),
  centreId: z.uuid().optional(),
});
export type ListAnnualReviewsQuery = z.infer<typeof listAnnualReviewsQuery>;
export const annualReviewPage = pageOf(annualReview);
