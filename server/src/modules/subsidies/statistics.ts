import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import {
  equipmentManufacturingDivisions,
  industryDivisions,
  industrySections,
  occupationByCode,
  skillLevelLabels,
  type SkillLevel,
  type StatisticsDimension,
  type SubsidyStatistics,
  type SubsidyStatisticsQuery,
  type SubsidyStatisticsRow,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses as C, apprentices, organisations as O, regions, subsidyClaims, subsidyLedgerEntries as E } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import type { Actor } from '../../lib/context.ts';
import { bookedInYear, ledgerReach } from './ledger.ts';
import { subsidyPolicy } from './policy.ts';

/*
 * Subsidy statistics for the departments: net ledger amounts by industry group, industry, level, region, year or
 * occupation, with distinct apprentices, classes and claimant enterprises behind each amount. Grouped in the
 * database; the totals row comes from the same GROUPING SETS, so its distinct counts are counted, not summed.
 */

type Label = SubsidyStatisticsRow['label'];

const EQUIPMENT = 'equipment';
const UNKNOWN = 'unknown';
const unknownLabel: Label = { 'zh-CN': '未填报', 'en-US': 'Not reported' };
const sectionByCode = new Map(industrySections.map((s) => [s.code, s]));
const divisionByCode = new Map(industryDivisions.map((d) => [d.code, d]));

/** GB/T 4754-2017 division → section, in SQL, from the shared reference (so the grouping is done by the database). */
const sectionOfDivision = (division: SQL | typeof O.industryDivision) =>
  sql`case ${division} ${sql.join(
    industryDivisions.map((d) => sql`when ${d.code} then ${d.section}`),
    sql` `,
  )} else ${UNKNOWN} end`;

/** The grouping key of an entry for each dimension. */
function keyOf(dimension: StatisticsDimension): SQL<string> {
  switch (dimension) {
    case 'industryGroup':
      // 装备制造业 as the National Bureau of Statistics groups it; every other division by its section.
      return sql<string>`case when ${O.industryDivision} is null then ${UNKNOWN}
        when ${inArray(O.industryDivision, [...equipmentManufacturingDivisions])} then ${EQUIPMENT}
        else ${sectionOfDivision(O.industryDivision)} end`;
    case 'industry':
      return sql<string>`coalesce(${O.industryDivision}, ${UNKNOWN})`;
    case 'level':
      return sql<string>`${C.targetLevel}::text`;
    case 'region':
      return sql<string>`${E.regionId}`;
    case 'year':
      return sql<string>`to_char(${E.bookedOn}, 'YYYY')`;
    case 'occupation':
      return sql<string>`${C.occupation}`;
  }
}

/** The label of a key in both languages; regions' names come from the database (regionName). */
function labelOf(dimension: StatisticsDimension, key: string, regionName: { zh: string | null; en: string | null }): Label {
  if (key === UNKNOWN && (dimension === 'industryGroup' || dimension === 'industry')) return unknownLabel;
  switch (dimension) {
    case 'industryGroup': {
      if (key === EQUIPMENT) return { 'zh-CN': '装备制造业', 'en-US': 'Equipment manufacturing' };
      const section = sectionByCode.get(key);
      if (!section) return { 'zh-CN': key, 'en-US': key };
      // Equipment manufacturing is its own group, so manufacturing here means the rest of section C.
      if (key === 'C') return { 'zh-CN': `${section.nameZh}（装备制造业除外）`, 'en-US': `${section.nameEn} (other than equipment)` };
      return { 'zh-CN': section.nameZh, 'en-US': section.nameEn };
    }
    case 'industry': {
      const division = divisionByCode.get(key);
      return division ? { 'zh-CN': division.nameZh, 'en-US': division.nameEn } : { 'zh-CN': key, 'en-US': key };
    }
    case 'level':
      return skillLevelLabels[Number(key) as SkillLevel] ?? { 'zh-CN': key, 'en-US': key };
    case 'region':
      return { 'zh-CN': regionName.zh ?? key, 'en-US': regionName.en ?? key };
    case 'year':
      return { 'zh-CN': `${key}年`, 'en-US': key };
    case 'occupation': {
      const occupation = occupationByCode.get(key);
      return occupation ? { 'zh-CN': occupation.nameZh, 'en-US': occupation.nameEn } : { 'zh-CN': key, 'en-US': key };
    }
  }
}

/**
 * The departments' subsidy figures from the ledger (net of clawbacks, refunds and corrections), grouped by one
 * dimension; their own region (system admins: all). Filters: the year entries were booked, the notice that published
 * the claims behind them.
 */
export async function subsidyStatisticsOf(db: Db, actor: Actor, query: SubsidyStatisticsQuery): Promise<SubsidyStatistics> {
  authorize(actor, subsidyPolicy, 'readStatistics');
  const where = and(
    ledgerReach(actor),
    bookedInYear(query.year),
    query.noticeId ? inArray(E.claimId, db.select({ id: subsidyClaims.id }).from(subsidyClaims).where(eq(subsidyClaims.noticeId, query.noticeId))) : undefined,
  );
  const base = db
    .select({
      key: keyOf(query.dimension).as('key'),
      amountFen: E.amountFen,
      classId: E.classId,
      organisationId: E.organisationId,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
    })
    .from(E)
    .innerJoin(O, eq(O.id, E.organisationId))
    .innerJoin(C, eq(C.id, E.classId))
    .innerJoin(regions, eq(regions.id, E.regionId))
    .where(where)
    .as('base');
  const isTotal = sql<number>`grouping(${base.key})`.mapWith(Number);
  const groupingSets = sql`grouping sets ((${base.key}), ())`;
  const [amounts, people] = await Promise.all([
    db
      .select({
        key: base.key,
        isTotal,
        amountFen: sql<number>`coalesce(sum(${base.amountFen}), 0)`.mapWith(Number),
        classes: sql<number>`count(distinct ${base.classId})`.mapWith(Number),
        enterprises: sql<number>`count(distinct ${base.organisationId})`.mapWith(Number),
        regionZh: sql<string | null>`min(${base.regionZh})`,
        regionEn: sql<string | null>`min(${base.regionEn})`,
      })
      .from(base)
      .groupBy(groupingSets),
    // Distinct people on the rosters of the classes behind the amounts; those who left the class are not counted.
    db
      .select({ key: base.key, isTotal, apprentices: sql<number>`count(distinct ${apprentices.personId})`.mapWith(Number) })
      .from(base)
      .innerJoin(apprentices, and(eq(apprentices.classId, base.classId), ne(apprentices.status, 'left')))
      .groupBy(groupingSets),
  ]);
  const apprenticesOf = new Map(people.map((p) => [p.isTotal ? null : p.key, p.apprentices]));
  const total = amounts.find((a) => a.isTotal);
  const rows = amounts
    .filter((a) => !a.isTotal)
    .map(
      (a): SubsidyStatisticsRow => ({
        key: a.key,
        label: labelOf(query.dimension, a.key, { zh: a.regionZh, en: a.regionEn }),
        amountFen: a.amountFen,
        apprentices: apprenticesOf.get(a.key) ?? 0,
        classes: a.classes,
        enterprises: a.enterprises,
      }),
    )
    .sort((a, b) => b.amountFen - a.amountFen || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    dimension: query.dimension,
    rows,
    totals: {
      amountFen: total?.amountFen ?? 0,
      apprentices: apprenticesOf.get(null) ?? 0,
      classes: total?.classes ?? 0,
      enterprises: total?.enterprises ?? 0,
    },
  };
}
