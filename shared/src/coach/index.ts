import { z } from 'zod';

/*
 * The AI coach (AI教练): mastery per knowledge point (Bayesian Knowledge Tracing), the gap to the employee's role
 * profile per competency, and the lessons and micro-courses it pushes, each with its reason in both languages built
 * from the numbers behind it. Employees see their own; an enterprise's managers see their team's gap heat map.
 */

/** Pushes per employee and Asia/Shanghai day at most. */
export const COACH_DAILY_PUSH_CAP = 3;
/** Live recommendations shown beside the day's pushes. */
export const COACH_RECOMMENDATION_LIMIT = 5;
/** A snooze lasts this many days unless the employee picks another. */
export const COACH_DEFAULT_SNOOZE_DAYS = 1;

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const timestamp = z.iso.datetime({ offset: true });

export const coachPushStatuses = ['pushed', 'opened', 'dismissed', 'snoozed', 'done'] as const;
export type CoachPushStatus = (typeof coachPushStatuses)[number];

/** One knowledge point behind a recommendation: where the learner stands, what the role asks, what the item is expected to add. */
export const coachReasonPoint = z.object({
  knowledgePointId: z.uuid(),
  name: z.string(),
  mastery: z.number().describe('BKT estimate that the learner knows it, 0..1'),
  requiredMastery: z.number(),
  weight: z.number(),
  expectedGain: z.number(),
  /** Set when the point is wanted as a prerequisite of this target rather than by the role itself. */
  prerequisiteOf: z.uuid().nullable(),
});
export type CoachReasonPoint = z.infer<typeof coachReasonPoint>;

/** A lesson or micro-course the coach recommends now, ranked by expected weighted gap closed per minute. */
export const coachRecommendation = z.object({
  lessonId: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  courseTitle: z.string(),
  lessonKind: z.string(),
  /** learn: new knowledge toward the role; review: a learned point due again (FSRS). */
  kind: z.enum(['learn', 'review']),
  minutes: z.number().int(),
  score: z.number(),
  reason: localized,
  points: z.array(coachReasonPoint),
});
export type CoachRecommendation = z.infer<typeof coachRecommendation>;

/** A recommendation pushed to the employee on a day (workbench card and in-app notification), and what became of it. */
export const coachPush = coachRecommendation.extend({
  id: z.uuid(),
  day: z.iso.date(),
  status: z.enum(coachPushStatuses),
  snoozedUntil: timestamp.nullable(),
  createdAt: timestamp,
});
export type CoachPush = z.infer<typeof coachPush>;

/** Where the employee stands on one competency of the role profile. */
export const coachCompetencyGap = z.object({
  competencyId: z.uuid(),
  name: z.string(),
  requiredLevel: z.number().int(),
  currentLevel: z.number().int(),
  /** currentLevel plus the share of the next level's knowledge points mastered. */
  progress: z.number(),
  source: z.enum(['knowledge', 'certificate', 'manager']),
  /** requiredLevel − progress, never below 0. */
  gap: z.number(),
  /** Weight in whole percent, as the role profile gives it. */
  weight: z.number().int(),
});
export type CoachCompetencyGap = z.infer<typeof coachCompetencyGap>;

/** The employee's coach: role, gaps, today's pushes (not dismissed, not snoozed) and live recommendations. */
export const myCoach = z.object({
  roleProfile: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  gaps: z.array(coachCompetencyGap),
  pushes: z.array(coachPush),
  recommendations: z.array(coachRecommendation),
  dailyCap: z.number().int(),
  pushedToday: z.number().int(),
});
export type MyCoach = z.infer<typeof myCoach>;

/** Mastery of one knowledge point. */
export const coachMasteryItem = z.object({
  knowledgePointId: z.uuid(),
  name: z.string(),
  mastery: z.number(),
  mastered: z.boolean(),
  answers: z.number().int(),
  correct: z.number().int(),
  /** Whether this point's BKT parameters were fitted from the district's answers or are still the defaults. */
  paramsSource: z.enum(['default', 'fitted']),
  reviewDueAt: timestamp.nullable(),
  lastAnsweredAt: timestamp.nullable(),
});
export type CoachMasteryItem = z.infer<typeof coachMasteryItem>;
export const myMastery = z.object({ items: z.array(coachMasteryItem) });
export type MyMastery = z.infer<typeof myMastery>;

export const snoozePushRequest = z.strictObject({
  days: z.number().int().min(1).max(30).default(COACH_DEFAULT_SNOOZE_DAYS).describe('days until the item may come back'),
});
export type SnoozePushRequest = z.infer<typeof snoozePushRequest>;

/** The team gap heat map: competency × person, for an enterprise's managers. */
export const heatmapQuery = z.strictObject({
  department: z.string().trim().min(1).max(100).optional(),
  roleProfileId: z.uuid().optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuery>;

export const teamHeatmap = z.object({
  competencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  people: z.array(z.object({ personId: z.uuid(), name: z.string(), department: z.string().nullable(), roleProfileName: z.string().nullable() })),
  /** One cell per person × competency their role profile requires. */
  cells: z.array(
    z.object({
      personId: z.uuid(),
      competencyId: z.uuid(),
      requiredLevel: z.number().int(),
      currentLevel: z.number().int(),
      progress: z.number(),
      gap: z.number(),
    }),
  ),
  /** Per competency: people it applies to, how many meet it, the mean gap. */
  summary: z.array(z.object({ competencyId: z.uuid(), people: z.number().int(), meeting: z.number().int(), meanGap: z.number() })),
});
export type TeamHeatmap = z.infer<typeof teamHeatmap>;
