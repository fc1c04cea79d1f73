import { and, count, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import {
  centreHasRights,
  occupationByCode,
  proposalWeights,
  skillLevelLabels,
  type CentreStatus,
  type ProposalComponent,
  type SkillLevel,
  type TrainingProposal,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import {
  centreTrainings,
  industrialParks,
  organisations,
  regions,
  skillAssessments,
  trainingCentres,
  trainingCentreScopes,
  trainingMatches,
  trainingNeeds,
} from '../../db/schema/index.ts';

/*
 * Proposals for a training need: the certified centres with rights whose scope covers its occupation and level (never
 * the enterprise's own), ranked by a stated score in [0, 1]:
 *   score = 0.35·scopeFit + 0.25·capacity + 0.20·distance + 0.20·passRate
 *   scopeFit  1 when the level is in scope (only such centres are proposed)
 *   capacity  min(1, remaining / headcount); remaining = annual capacity − this year's trainees − accepted matches' headcount
 *   distance  same industrial park 1.0, same region 0.6, another region 0.2
 *   passRate  (passed + 1) / (assessed + 2) of the centre's assessments in the occupation (smoothed toward ½)
 * Every component carries a sentence with the numbers behind it, in both languages.
 */

export const MAX_PROPOSALS = 20;
const DISTANCE = { samePark: 1, sameRegion: 0.6, otherRegion: 0.2 } as const;

export interface NeedForScoring {
  id: string;
  organisationId: string;
  regionId: string;
  occupation: string;
  level: number;
  headcount: number;
  industrialParkId: string | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const percent = (x: number) => `${Math.round(x * 100)}%`;

function component(key: ProposalComponent['key'], value: number, reasonZh: string, reasonEn: string): ProposalComponent {
  return { key, weight: proposalWeights[key], value: round4(value), reasonZh, reasonEn };
}

/** Sum per centre of a grouped query, as a map. */
const mapOf = (rows: { centreId: string; n: number | string | null }[]) => new Map(rows.map((r) => [r.centreId, Number(r.n ?? 0)]));

/**
 * Scores the covering centres with rights for a need on a day (optionally only some centres), unsorted. Each is
 * returned with its components; the caller ranks them or keeps one as a match's snapshot.
 */
export async function scoreCentres(db: Db, need: NeedForScoring, today: string, onlyCentreIds?: readonly string[]): Promise<Omit<TrainingProposal, 'openMatchId' | 'openMatchStatus'>[]> {
  const candidates = await db
    .select({
      centre: trainingCentres,
      organisationName: organisations.name,
      parkId: organisations.industrialParkId,
      parkNameZh: industrialParks.nameZh,
      parkNameEn: industrialParks.nameEn,
    })
    .from(trainingCentres)
    .innerJoin(trainingCentreScopes, eq(trainingCentreScopes.centreId, trainingCentres.id))
    .innerJoin(organisations, eq(organisations.id, trainingCentres.organisationId))
    .leftJoin(industrialParks, eq(industrialParks.id, organisations.industrialParkId))
    .where(
      and(
        eq(trainingCentreScopes.occupation, need.occupation),
        eq(trainingCentreScopes.level, need.level),
        ne(trainingCentres.organisationId, need.organisationId),
        inArray(trainingCentres.status, ['active', 'conditional']),
        onlyCentreIds ? inArray(trainingCentres.id, [...onlyCentreIds]) : undefined,
      ),
    );
  const eligible = candidates.filter((c) => centreHasRights({ status: c.centre.status as CentreStatus, validUntil: c.centre.validUntil }, today));
  if (!eligible.length) return [];
  const ids = eligible.map((c) => c.centre.id);
  const year = today.slice(0, 4);

  // One query after another: inside a transaction they share one connection.
  const trained = await db
    .select({ centreId: centreTrainings.centreId, n: sql<number>`coalesce(sum(${centreTrainings.traineeCount}), 0)::int` })
    .from(centreTrainings)
    .where(and(inArray(centreTrainings.centreId, ids), gte(centreTrainings.startsOn, `${year}-01-01`), lte(centreTrainings.startsOn, `${year}-12-31`)))
    .groupBy(centreTrainings.centreId);
  const committed = await db
    .select({ centreId: trainingMatches.centreId, n: sql<number>`coalesce(sum(${trainingNeeds.headcount}), 0)::int` })
    .from(trainingMatches)
    .innerJoin(trainingNeeds, eq(trainingNeeds.id, trainingMatches.needId))
    .where(and(inArray(trainingMatches.centreId, ids), eq(trainingMatches.status, 'accepted')))
    .groupBy(trainingMatches.centreId);
  const assessed = await db
    .select({ centreId: skillAssessments.centreId, assessed: count(), passed: sql<number>`(count(*) filter (where ${skillAssessments.passed}))::int` })
    .from(skillAssessments)
    .where(and(inArray(skillAssessments.centreId, ids), eq(skillAssessments.occupation, need.occupation)))
    .groupBy(skillAssessments.centreId);
  // The need's place: its own park, else the requesting enterprise's.
  const needPlace = await db.select({ parkId: organisations.industrialParkId }).from(organisations).where(eq(organisations.id, need.organisationId));
  const regionRows = await db.select().from(regions);
  const trainedBy = mapOf(trained);
  const committedBy = mapOf(committed);
  const assessedBy = new Map(assessed.map((r) => [r.centreId, { assessed: Number(r.assessed), passed: Number(r.passed) }]));
  const needParkId = need.industrialParkId ?? needPlace[0]?.parkId ?? null;
  const regionName = new Map(regionRows.map((r) => [r.id, r]));

  return eligible.map((c) => ({
    centreId: c.centre.id,
    organisationId: c.centre.organisationId,
    organisationName: c.organisationName,
    certificateNo: c.centre.certificateNo,
    regionId: c.centre.regionId,
    industrialParkId: c.parkId,
    industrialParkName: c.parkNameZh,
    ...scoreProposal({
      need,
      needParkId,
      centre: { regionId: c.centre.regionId, annualCapacity: c.centre.annualCapacity, parkId: c.parkId, parkNameZh: c.parkNameZh, parkNameEn: c.parkNameEn },
      used: (trainedBy.get(c.centre.id) ?? 0) + (committedBy.get(c.centre.id) ?? 0),
      assessments: assessedBy.get(c.centre.id) ?? { assessed: 0, passed: 0 },
      regions: regionName,
    }),
  }));
}

/** What a proposal's score is computed from: the need, where it is, and the centre's figures. */
export interface ScoreInput {
  need: Pick<NeedForScoring, 'occupation' | 'level' | 'headcount' | 'regionId'>;
  /** The need's park (its own, else the requesting enterprise's). */
  needParkId: string | null;
  centre: { regionId: string; annualCapacity: number; parkId: string | null; parkNameZh: string | null; parkNameEn: string | null };
  /** Person-times used this year: trainings started plus accepted matches' headcount. */
  used: number;
  /** The centre's assessments in the need's occupation. */
  assessments: { assessed: number; passed: number };
  regions: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
}

/** The score of one covering centre for a need and each component's reason, from numbers alone. */
export function scoreProposal({ need, needParkId, centre, used, assessments: stats, regions }: ScoreInput): { score: number; components: ProposalComponent[] } {
  const occupation = occupationByCode.get(need.occupation);
  const level = skillLevelLabels[need.level as SkillLevel];
  const scopeFit = component(
    'scopeFit',
    1,
    `认定范围覆盖 ${occupation?.nameZh ?? need.occupation} ${level?.['zh-CN'] ?? need.level}`,
    `Certified scope covers ${occupation?.nameEn ?? need.occupation}, ${level?.['en-US'] ?? need.level}`,
  );

  const capacity = centre.annualCapacity;
  const remaining = Math.max(0, capacity - used);
  const capacityFit = component(
    'capacity',
    Math.min(1, remaining / need.headcount),
    `年度培训能力 ${capacity} 人次，已用 ${used}，可用 ${remaining}，需求 ${need.headcount} 人`,
    `Annual capacity ${capacity} person-times, used ${used}, available ${remaining}, need ${need.headcount} people`,
  );

  let distance: ProposalComponent;
  if (needParkId && centre.parkId === needParkId) {
    distance = component('distance', DISTANCE.samePark, `同一园区：${centre.parkNameZh}`, `Same industrial park: ${centre.parkNameEn}`);
  } else if (centre.regionId === need.regionId) {
    const region = regions.get(need.regionId);
    distance = component('distance', DISTANCE.sameRegion, `同一区域：${region?.nameZh ?? need.regionId}`, `Same region: ${region?.nameEn ?? need.regionId}`);
  } else {
    const region = regions.get(centre.regionId);
    distance = component('distance', DISTANCE.otherRegion, `跨区域：${region?.nameZh ?? centre.regionId}`, `Another region: ${region?.nameEn ?? centre.regionId}`);
  }

  const smoothed = (stats.passed + 1) / (stats.assessed + 2);
  const passRate = stats.assessed
    ? component(
        'passRate',
        smoothed,
        `该职业评价 ${stats.assessed} 人次，通过 ${stats.passed}，通过率 ${percent(stats.passed / stats.assessed)}`,
        `${stats.assessed} assessed in this occupation, ${stats.passed} passed, pass rate ${percent(stats.passed / stats.assessed)}`,
      )
    : component('passRate', smoothed, '该职业尚无评价记录，按 50% 计', 'No assessments in this occupation yet; counted as 50%');

  const components = [scopeFit, capacityFit, distance, passRate];
  return { score: round4(components.reduce((sum, x) => sum + x.weight * x.value, 0)), components };
}

/** Best first; equal scores by certificate number (code-point order, the same on every database). */
export const byRank = (a: { score: number; certificateNo: string }, b: { score: number; certificateNo: string }) =>
  b.score - a.score || (a.certificateNo < b.certificateNo ? -1 : a.certificateNo > b.certificateNo ? 1 : 0);
