import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';
import { workflowEvent } from '../common/workflow.ts';
import { occupationField, skillLevelField } from './occupations.ts';
import { skillAssessment } from './operations.ts';

/*
 * Resource matching (资源对接): an enterprise posts a training need, Fulcrum proposes certified centres with rights
 * whose scope covers it (ranked by a stated score), the enterprise requests one, the centre accepts or declines,
 * and the match is tracked to completion with its trainees' assessment results.
 * Routes: /api/v1/training-needs, /api/v1/training-needs/:id/{proposals,matches,cancel}, /api/v1/training-matches.
 */

type Label = { 'zh-CN': string; 'en-US': string };

// ---------- Training needs ----------

/** open → matched (a match accepted) → closed (its match completed); open → cancelled. */
export const trainingNeedStatuses = ['open', 'matched', 'closed', 'cancelled'] as const;
export type TrainingNeedStatus = (typeof trainingNeedStatuses)[number];
export const trainingNeedStatusLabels: Record<TrainingNeedStatus, Label> = {
  open: { 'zh-CN': '待对接', 'en-US': 'Open' },
  matched: { 'zh-CN': '已对接', 'en-US': 'Matched' },
  closed: { 'zh-CN': '已完成', 'en-US': 'Closed' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

/** POST /training-needs (enterprise_admin, training_manager of an enterprise). */
export const createTrainingNeedRequest = z
  .strictObject({
    occupation: occupationField,
    level: skillLevelField,
    headcount: z.number().int().min(1).max(10_000),
    preferredStart: isoDate,
    preferredEnd: isoDate,
    industrialParkId: z.uuid().optional().describe("an industrial park of the enterprise's region"),
    location: z.string().trim().max(200).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((n) => n.preferredEnd >= n.preferredStart, { path: ['preferredEnd'], message: 'must not be before preferredStart', params: { code: 'DATE_ORDER' } });
export type CreateTrainingNeedRequest = z.infer<typeof createTrainingNeedRequest>;

export const trainingNeed = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  occupation: z.string(),
  level: z.number().int(),
  headcount: z.number().int(),
  preferredStart: isoDate,
  preferredEnd: isoDate,
  industrialParkId: z.uuid().nullable(),
  industrialParkName: z.string().nullable(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(trainingNeedStatuses),
  canCancel: z.boolean().describe('the signed-in actor may cancel it now'),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TrainingNeed = z.infer<typeof trainingNeed>;

export const trainingNeedSortKeys = ['createdAt', 'preferredStart'] as const;
export const listTrainingNeedsQuery = listQuery(trainingNeedSortKeys).extend({
  status: z.enum(trainingNeedStatuses).optional(),
  occupation: occupationField.optional(),
});
export type ListTrainingNeedsQuery = z.infer<typeof listTrainingNeedsQuery>;
export const trainingNeedPage = pageOf(trainingNeed);

/** POST /training-needs/:id/cancel: only an open need (its pending requests are withdrawn with it). */
export const cancelTrainingNeedRequest = z.strictObject({ comment: z.string().trim().max(2000).nullable().optional() });

// ---------- Proposals ----------

export const proposalComponentKeys = ['scopeFit', 'capacity', 'distance', 'passRate'] as const;
export type ProposalComponentKey = (typeof proposalComponentKeys)[number];
/** score = Σ weight × value, each value in [0, 1]. */
export const proposalWeights: Record<ProposalComponentKey, number> = { scopeFit: 0.35, capacity: 0.25, distance: 0.2, passRate: 0.2 };
export const proposalComponentLabels: Record<ProposalComponentKey, Label> = {
  scopeFit: { 'zh-CN': '认定范围匹配', 'en-US': 'Scope fit' },
  capacity: { 'zh-CN': '可用培训能力', 'en-US': 'Available capacity' },
  distance: { 'zh-CN': '距离', 'en-US': 'Distance' },
  passRate: { 'zh-CN': '评价通过率', 'en-US': 'Pass rate' },
};

export const proposalComponent = z.object({
  key: z.enum(proposalComponentKeys),
  weight: z.number(),
  value: z.number().describe('0..1'),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type ProposalComponent = z.infer<typeof proposalComponent>;

/** A certified centre with rights whose scope covers the need, with its score and why. */
export const trainingProposal = z.object({
  centreId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  certificateNo: z.string(),
  regionId: z.string(),
  industrialParkId: z.uuid().nullable(),
  industrialParkName: z.string().nullable(),
  score: z.number().describe('0..1, Σ weight × value'),
  components: z.array(proposalComponent),
  openMatchId: z.uuid().nullable().describe('this need\'s requested or accepted match with the centre, if any'),
  openMatchStatus: z.enum(['requested', 'accepted']).nullable(),
});
export type TrainingProposal = z.infer<typeof trainingProposal>;
/** GET /training-needs/:id/proposals: the top 20, best first (ties by certificate number). */
export const trainingProposalList = z.array(trainingProposal);

// ---------- Matches ----------

export const trainingMatchStatuses = ['requested', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export type TrainingMatchStatus = (typeof trainingMatchStatuses)[number];
export const trainingMatchStatusLabels: Record<TrainingMatchStatus, Label> = {
  requested: { 'zh-CN': '待响应', 'en-US': 'Requested' },
  accepted: { 'zh-CN': '已接受', 'en-US': 'Accepted' },
  declined: { 'zh-CN': '已拒绝', 'en-US': 'Declined' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
};
export const trainingMatchTransitions = ['accept', 'decline', 'cancel', 'complete'] as const;
export type TrainingMatchTransition = (typeof trainingMatchTransitions)[number];

/** POST /training-needs/:id/matches: the centre must be among the need's proposals; one open match per need and centre. */
export const createTrainingMatchRequest = z.strictObject({
  centreId: z.uuid(),
  message: z.string().trim().max(2000).optional(),
});
export type CreateTrainingMatchRequest = z.infer<typeof createTrainingMatchRequest>;

export const trainingMatch = z.object({
  id: z.uuid(),
  needId: z.uuid(),
  centreId: z.uuid(),
  organisationId: z.uuid().describe('the enterprise that posted the need'),
  organisationName: z.string(),
  centreOrganisationId: z.uuid(),
  centreOrganisationName: z.string(),
  certificateNo: z.string(),
  regionId: z.string(),
  status: z.enum(trainingMatchStatuses),
  score: z.number().describe('the proposal score when requested'),
  components: z.array(proposalComponent).describe('its explanation when requested'),
  message: z.string().nullable(),
  responseNote: z.string().nullable(),
  requestedAt: z.iso.datetime({ offset: true }),
  respondedAt: z.iso.datetime({ offset: true }).nullable(),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  need: z.object({
    occupation: z.string(),
    level: z.number().int(),
    headcount: z.number().int(),
    preferredStart: isoDate,
    preferredEnd: isoDate,
    location: z.string().nullable(),
    status: z.enum(trainingNeedStatuses),
  }),
  availableTransitions: z.array(z.enum(trainingMatchTransitions)).describe('what the signed-in actor may do now'),
});
export type TrainingMatch = z.infer<typeof trainingMatch>;

/** The trainees' results: the centre's assessments recorded with this match (resident IDs masked). */
export const trainingMatchResults = z.object({
  assessed: z.number().int(),
  passed: z.number().int(),
  passRate: z.number().nullable().describe('passed / assessed, 0..1; null when none assessed'),
  assessments: z.array(skillAssessment),
});
export type TrainingMatchResults = z.infer<typeof trainingMatchResults>;

export const trainingMatchDetail = trainingMatch.extend({ results: trainingMatchResults, history: z.array(workflowEvent) });
export type TrainingMatchDetail = z.infer<typeof trainingMatchDetail>;

export const trainingNeedDetail = trainingNeed.extend({ matches: z.array(trainingMatch) });
export type TrainingNeedDetail = z.infer<typeof trainingNeedDetail>;

export const trainingMatchSides = ['requester', 'centre'] as const;
export const trainingMatchSortKeys = ['requestedAt'] as const;
/** GET /training-matches: an enterprise sees its needs' matches and its own centre's (side narrows); departments their region. */
export const listTrainingMatchesQuery = listQuery(trainingMatchSortKeys).extend({
  side: z.enum(trainingMatchSides).optional(),
  status: z.enum(trainingMatchStatuses).optional(),
  needId: z.uuid().optional(),
  centreId: z.uuid().optional(),
});
export type ListTrainingMatchesQuery = z.infer<typeof listTrainingMatchesQuery>;
export const trainingMatchPage = pageOf(trainingMatch);
