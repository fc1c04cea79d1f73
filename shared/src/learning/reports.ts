import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';

/*
 * Reports (智能报表): skill attainment now and at any past date, completion, study hours, exam pass rates,
 * certificates, training costs and ROI. Enterprises see their own organisation by department and role profile; the
 * HRSS bureau sees the organisations within its reach by organisation, industry, region and training centre.
 */

/** A knowledge point counts as mastered after at least this many graded answers on it … */
export const MASTERY_MIN_ANSWERS = 3;
/** … of which at least this share (over all of them) is correct. */
export const MASTERY_MIN_CORRECT_RATE = 0.8;

export const enterpriseDimensions = ['department', 'roleProfile'] as const;
export const districtDimensions = ['organisation', 'industry', 'region', 'centre'] as const;
export const reportDimensions = [...enterpriseDimensions, ...districtDimensions] as const;
export type ReportDimension = (typeof reportDimensions)[number];

const format = z.enum(['json', 'xlsx']).default('json');

/** A period (from … to, both inclusive, Asia/Shanghai days; default the last 90 days) and the two attainment dates. */
export const reportQuery = z.strictObject({
  from: isoDate.optional().describe('first day of the period (default: 89 days before `to`)'),
  to: isoDate.optional().describe('last day of the period (default: today)'),
  asOf: isoDate.optional().describe('attainment at the end of this day (default: `to`)'),
  compareTo: isoDate.optional().describe('attainment to compare with, at the end of this day (default: the day before `from`)'),
  format,
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const breakdownQuery = reportQuery.extend({ dimension: z.enum(reportDimensions) });
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

export const learnersQuery = listQuery(['name', 'department', 'studySeconds', 'gaps'] as const).extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
  department: z.string().trim().min(1).max(100).optional(),
  roleProfileId: z.uuid().optional(),
  attained: z.enum(['true', 'false']).optional().describe('only those who meet (true) or miss (false) their profile'),
});
export type LearnersQuery = z.infer<typeof learnersQuery>;

export const roiQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  hourlyCostFen: z.coerce.number().int().min(0).max(10_000_000).optional().describe("the enterprise's cost of one study hour, in fen"),
  format,
});
export type RoiQuery = z.infer<typeof roiQuery>;

export const attainmentFigure = z.object({
  learners: z.number().int().describe('employees with a role profile'),
  attained: z.number().int().describe('of them, meeting every required level'),
  rate: z.number().nullable().describe('attained / learners, 0..1 (null without learners)'),
});
export type AttainmentFigure = z.infer<typeof attainmentFigure>;

export const attainmentComparison = z.object({
  asOf: attainmentFigure,
  compareTo: attainmentFigure,
  /** rate(asOf) − rate(compareTo), in percentage points. */
  changePoints: z.number().nullable(),
});
export type AttainmentComparison = z.infer<typeof attainmentComparison>;

export const activityFigures = z.object({
  studySeconds: z.number().int(),
  completions: z.number().int().describe('activities completed for the first time in the period'),
  examAttempts: z.number().int().describe('graded exam attempts submitted in the period'),
  examPasses: z.number().int(),
  passRate: z.number().nullable(),
  certificates: z.number().int().describe('certificates issued in the period'),
});
export type ActivityFigures = z.infer<typeof activityFigures>;

export const reportDates = z.object({ from: z.string(), to: z.string(), asOf: z.string(), compareTo: z.string() });
export type ReportDates = z.infer<typeof reportDates>;

export const dailyFigure = z.object({
  day: z.string(),
  studySeconds: z.number().int(),
  completions: z.number().int(),
  examAttempts: z.number().int(),
  examPasses: z.number().int(),
  certificates: z.number().int(),
});
export type DailyFigure = z.infer<typeof dailyFigure>;

export const reportSummary = z.object({
  scope: z.enum(['organisation', 'district']),
  organisations: z.number().int(),
  dates: reportDates,
  attainment: attainmentComparison,
  activity: activityFigures,
  projects: z.object({ enrolments: z.number().int(), completed: z.number().int(), rate: z.number().nullable() }),
  daily: z.array(dailyFigure),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const breakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  attainment: attainmentComparison,
  activity: activityFigures,
});
export type BreakdownRow = z.infer<typeof breakdownRow>;
export const breakdownReport = z.object({ dimension: z.enum(reportDimensions), dates: reportDates, rows: z.array(breakdownRow) });
export type BreakdownReport = z.infer<typeof breakdownReport>;

export const competencyGap = z.object({ competencyId: z.string(), competencyName: z.string(), requiredLevel: z.number().int(), level: z.number().int() });
export type CompetencyGap = z.infer<typeof competencyGap>;

export const learnerReportRow = z.object({
  personId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  roleProfileId: z.string(),
  roleProfileName: z.string(),
  attained: z.boolean(),
  gaps: z.array(competencyGap).describe('requirements not met at asOf'),
  studySeconds: z.number().int(),
  completions: z.number().int(),
  examAttempts: z.number().int(),
  examPasses: z.number().int(),
  certificates: z.number().int(),
});
export type LearnerReportRow = z.infer<typeof learnerReportRow>;
export const learnerReportPage = pageOf(learnerReportRow);
export type LearnerReportPage = z.infer<typeof learnerReportPage>;

export const roiReport = z.object({
  dates: reportDates,
  inputs: z.object({
    studySeconds: z.number().int(),
    hourlyCostFen: z.number().int().nullable(),
    studyCostFen: z.number().int().nullable().describe('study hours × the hourly cost, when one is given'),
    trainingCostsFen: z.number().int().describe('training costs the enterprise recorded in the period'),
    subsidyReceivedFen: z.number().int().describe('subsidy ledger entries of the enterprise booked in the period (refunds negative)'),
    netCostFen: z.number().int().describe('study cost + training costs − subsidy received'),
  }),
  outputs: z.object({
    attainment: attainmentComparison,
    certificates: z.number().int(),
    examPasses: z.number().int(),
    completions: z.number().int(),
  }),
  /** Net cost per additional employee meeting their profile (null when attainment did not rise). */
  costPerAttainedFen: z.number().int().nullable(),
});
export type RoiReport = z.infer<typeof roiReport>;

// Training costs ------------------------------------------------------------------------------------------------

export const trainingCost = z.object({
  id: z.string(),
  spentOn: z.string(),
  amountFen: z.number().int(),
  description: z.string(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  createdAt: z.string(),
});
export type TrainingCost = z.infer<typeof trainingCost>;
export const trainingCostPage = pageOf(trainingCost).extend({ totalFen: z.number().int() });
export type TrainingCostPage = z.infer<typeof trainingCostPage>;

export const trainingCostsQuery = listQuery(['spentOn', 'amountFen'] as const).extend({ from: isoDate.optional(), to: isoDate.optional() });
export type TrainingCostsQuery = z.infer<typeof trainingCostsQuery>;

export const saveTrainingCostRequest = z.strictObject({
  spentOn: isoDate,
  amountFen: z.number().int().min(1).max(100_000_000_000).describe('integer fen, more than zero'),
  description: z.string().trim().min(1).max(200),
  projectId: z.uuid().nullable().optional(),
});
export type SaveTrainingCostRequest = z.infer<typeof saveTrainingCostRequest>;
