import { and, count, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { occupations, type AnnualFigures } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { centreTrainings, skillAssessments, trainingMatches } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { findCentre, yearBounds } from './centres.ts';
import { centreOperationsPolicy } from './policy.ts';

const catalogueOrder = new Map<string, number>(occupations.map((o, i) => [o.code, i]));

/** The first instant of a Beijing calendar year. */
const beijingNewYear = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * A centre's figures for a year, computed from its records: trainings starting in the year and their person-times,
 * assessments dated in the year (overall and per occupation and level), matches completed in the year.
 */
export async function computeAnnualFigures(db: Db, centreId: string, year: number): Promise<AnnualFigures> {
  const { first, last } = yearBounds(year);
  const [trainings] = await db
    .select({ trainings: count(), personTimes: sql<number>`coalesce(sum(${centreTrainings.traineeCount}), 0)::int` })
    .from(centreTrainings)
    .where(and(eq(centreTrainings.centreId, centreId), gte(centreTrainings.startsOn, first), lte(centreTrainings.startsOn, last)));
  const groups = await db
    .select({
      occupation: skillAssessments.occupation,
      level: skillAssessments.level,
      assessments: count(),
      passed: sql<number>`(count(*) filter (where ${skillAssessments.passed}))::int`,
    })
    .from(skillAssessments)
    .where(and(eq(skillAssessments.centreId, centreId), gte(skillAssessments.assessedOn, first), lte(skillAssessments.assessedOn, last)))
    .groupBy(skillAssessments.occupation, skillAssessments.level);
  const [matches] = await db
    .select({ n: count() })
    .from(trainingMatches)
    .where(
      and(
        eq(trainingMatches.centreId, centreId),
        eq(trainingMatches.status, 'completed'),
        gte(trainingMatches.completedAt, beijingNewYear(year)),
        lt(trainingMatches.completedAt, beijingNewYear(year + 1)),
      ),
    );
  const byOccupation = groups
    .map((g) => ({ occupation: g.occupation, level: g.level, assessments: Number(g.assessments), passed: Number(g.passed) }))
    .sort((a, b) => (catalogueOrder.get(a.occupation) ?? 999) - (catalogueOrder.get(b.occupation) ?? 999) || b.level - a.level);
  const assessments = byOccupation.reduce((sum, g) => sum + g.assessments, 0);
  const passed = byOccupation.reduce((sum, g) => sum + g.passed, 0);
  return {
    year,
    trainings: Number(trainings?.trainings ?? 0),
    personTimes: Number(trainings?.personTimes ?? 0),
    assessments,
    passed,
    passRate: assessments ? passed / assessments : null,
    byOccupation,
    matchesCompleted: Number(matches?.n ?? 0),
  };
}

export async function annualFiguresOf(db: Db, actor: Actor, centreId: string, year: number) {
  authorize(actor, centreOperationsPolicy, 'read');
  await findCentre(db, actor, centreId);
  return computeAnnualFigures(db, centreId, year);
}
