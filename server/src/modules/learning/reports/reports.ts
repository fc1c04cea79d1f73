import { and, between, eq, inArray, sum } from 'drizzle-orm';
import {
  districtDimensions,
  enterpriseDimensions,
  industryDivisions,
  type BreakdownQuery,
  type BreakdownReport,
  type BreakdownRow,
  type LearnerReportPage,
  type LearnerReportRow,
  type LearnersQuery,
  type Locale,
  type ReportDimension,
  type ReportQuery,
  type ReportSummary,
  type RoiQuery,
  type RoiReport,
} from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { learnerProfiles, organisations, people, regions, roleProfiles, subsidyLedgerEntries, trainingCentres, trainingCosts } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import {
  addCounts,
  attainmentAt,
  attainmentFigureOf,
  comparisonOf,
  dailyActivity,
  emptyCounts,
  gapsAt,
  organisationActivity,
  personActivity,
  projectFigures,
  withPassRate,
  type PersonAttainment,
} from './figures.ts';
import { datesOf, enterpriseOf, scopeOf, type ReportScope } from './scope.ts';

/** The report of everything in the reader's scope: attainment then and now, activity over the period, projects, days. */
export async function reportSummary(ctx: Ctx, query: ReportQuery): Promise<ReportSummary> {
  const scope = await scopeOf(ctx);
  const dates = datesOf(ctx, query);
  const ids = scope.organisationIds;
  // Independent reads: on PostgreSQL they run side by side on the pool's connections.
  const [asOf, compareTo, byOrganisation, projects, daily] = await Promise.all([
    attainmentAt(ctx.db, ids, dates.asOf),
    attainmentAt(ctx.db, ids, dates.compareTo),
    organisationActivity(ctx.db, ids, dates.from, dates.to),
    projectFigures(ctx.db, ids, dates.to),
    dailyActivity(ctx.db, ids, dates.from, dates.to),
  ]);
  const activity = emptyCounts();
  for (const counts of byOrganisation.values()) addCounts(activity, counts);
  return {
    scope: scope.kind,
    organisations: ids.length,
    dates,
    attainment: comparisonOf(attainmentFigureOf(asOf), attainmentFigureOf(compareTo)),
    activity: withPassRate(activity),
    projects,
    daily,
  };
}

/** How a dimension groups: people (department, role profile) or organisations (the district's dimensions). */
interface Grouping {
  labels: Map<string, string>;
  personKey?: (personId: string) => string | null;
  organisationKey?: (organisationId: string) => string | null;
}

async function personGrouping(db: Db, organisationId: string, dimension: 'department' | 'roleProfile'): Promise<Grouping> {
  const profiles = await db
    .select({ personId: learnerProfiles.personId, department: learnerProfiles.department, roleProfileId: learnerProfiles.roleProfileId, roleName: roleProfiles.name })
    .from(learnerProfiles)
    .leftJoin(roleProfiles, eq(roleProfiles.id, learnerProfiles.roleProfileId))
    .where(eq(learnerProfiles.organisationId, organisationId));
  const keys = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const p of profiles) {
    const key = dimension === 'department' ? (p.department ?? '') : (p.roleProfileId ?? '');
    keys.set(p.personId, key);
    labels.set(key, dimension === 'department' ? key : (p.roleName ?? ''));
  }
  return { labels, personKey: (personId) => keys.get(personId) ?? '' };
}

async function organisationGrouping(db: Db, organisationIds: readonly string[], dimension: ReportDimension, locale: Locale): Promise<Grouping> {
  const orgs = organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name, division: organisations.industryDivision, regionId: organisations.regionId, regionZh: regions.nameZh, regionEn: regions.nameEn, centreNo: trainingCentres.certificateNo })
        .from(organisations)
        .innerJoin(regions, eq(regions.id, organisations.regionId))
        .leftJoin(trainingCentres, eq(trainingCentres.organisationId, organisations.id))
        .where(inArray(organisations.id, [...organisationIds]))
    : [];
  const keys = new Map<string, string | null>();
  const labels = new Map<string, string>();
  const zh = locale === 'zh-CN';
  for (const o of orgs) {
    const [key, label] =
      dimension === 'industry'
        ? [o.division ?? '', divisionLabel(o.division, zh)]
        : dimension === 'region'
          ? [o.regionId, zh ? o.regionZh : o.regionEn]
          : dimension === 'centre'
            ? [o.centreNo ? o.id : null, `${o.name}（${o.centreNo ?? ''}）`]
            : [o.id, o.name];
    keys.set(o.id, key);
    if (key !== null) labels.set(key, label);
  }
  return { labels, organisationKey: (id) => keys.get(id) ?? null };
}

function divisionLabel(code: string | null, zh: boolean): string {
  const division = industryDivisions.find((d) => d.code === code);
  return division ? `${division.code} ${zh ? division.nameZh : division.nameEn}` : '';
}

function checkDimension(scope: ReportScope, dimension: ReportDimension) {
  const allowed: readonly ReportDimension[] = scope.kind === 'organisation' ? enterpriseDimensions : districtDimensions;
  if (!allowed.includes(dimension)) {
    throw invalid([{ path: 'query.dimension', code: 'DIMENSION_NOT_AVAILABLE', message: `choose one of ${allowed.join(', ')}` }]);
  }
}

/** Attainment then and now and activity over the period, grouped by one dimension. */
export async function reportBreakdown(ctx: Ctx, query: BreakdownQuery): Promise<BreakdownReport> {
  const scope = await scopeOf(ctx);
  checkDimension(scope, query.dimension);
  const dates = datesOf(ctx, query);
  const ids = scope.organisationIds;
  const byPerson = scope.kind === 'organisation';
  const grouping = byPerson
    ? await personGrouping(ctx.db, ids[0]!, query.dimension as 'department' | 'roleProfile')
    : await organisationGrouping(ctx.db, ids, query.dimension, ctx.actor.locale);
  const keyOfPerson = (p: Pick<PersonAttainment, 'organisationId' | 'personId'>) =>
    grouping.personKey ? grouping.personKey(p.personId) : grouping.organisationKey!(p.organisationId);
  const activity = byPerson ? await personActivity(ctx.db, ids[0]!, dates.from, dates.to) : await organisationActivity(ctx.db, ids, dates.from, dates.to);
  const keyOfActivity = (id: string) => (byPerson ? grouping.personKey!(id) : grouping.organisationKey!(id));

  const groups = new Map<string, { asOf: PersonAttainment[]; compareTo: PersonAttainment[]; counts: ReturnType<typeof emptyCounts> }>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { asOf: [], compareTo: [], counts: emptyCounts() }));
    return group;
  };
  for (const [when, day] of [['asOf', dates.asOf], ['compareTo', dates.compareTo]] as const) {
    for (const person of await attainmentAt(ctx.db, ids, day)) {
      const key = keyOfPerson(person);
      if (key !== null) groupOf(key)[when].push(person);
    }
  }
  for (const [id, counts] of activity) {
    const key = keyOfActivity(id);
    if (key !== null) addCounts(groupOf(key).counts, counts);
  }
  const rows: BreakdownRow[] = [...groups].map(([key, g]) => ({
    key,
    label: grouping.labels.get(key) ?? '',
    attainment: comparisonOf(attainmentFigureOf(g.asOf), attainmentFigureOf(g.compareTo)),
    activity: withPassRate(g.counts),
  }));
  rows.sort((a, b) => b.attainment.asOf.learners - a.attainment.asOf.learners || a.label.localeCompare(b.label, 'zh-CN'));
  return { dimension: query.dimension, dates, rows };
}

const learnerSorts: Record<string, (a: LearnerReportRow, b: LearnerReportRow) => number> = {
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  department: (a, b) => (a.department ?? '').localeCompare(b.department ?? '', 'zh-CN'),
  studySeconds: (a, b) => a.studySeconds - b.studySeconds,
  gaps: (a, b) => a.gaps.length - b.gaps.length,
};

/** The enterprise's learners with a role profile: whether they meet it at asOf, their gaps, and activity over the period. */
export async function reportLearners(ctx: Ctx, query: LearnersQuery): Promise<LearnerReportPage> {
  const organisationId = enterpriseOf(ctx);
  const dates = datesOf(ctx, query);
  const wanted = (await attainmentAt(ctx.db, [organisationId], dates.asOf)).filter(
    (p) =>
      (query.department === undefined || p.department === query.department) &&
      (query.roleProfileId === undefined || p.roleProfileId === query.roleProfileId) &&
      (query.attained === undefined || (p.gaps === 0) === (query.attained === 'true')),
  );
  const ids = wanted.map((p) => p.personId);
  const [activity, names, profiles, gaps] = [
    await personActivity(ctx.db, organisationId, dates.from, dates.to),
    ids.length ? await ctx.db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids)) : [],
    await ctx.db.select({ id: roleProfiles.id, name: roleProfiles.name }).from(roleProfiles).where(eq(roleProfiles.organisationId, organisationId)),
    await gapsAt(ctx.db, organisationId, ids, dates.asOf),
  ];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const profileName = new Map(profiles.map((p) => [p.id, p.name]));
  const rows: LearnerReportRow[] = wanted.map((p) => ({
    personId: p.personId,
    name: nameOf.get(p.personId) ?? '',
    department: p.department,
    roleProfileId: p.roleProfileId,
    roleProfileName: profileName.get(p.roleProfileId) ?? '',
    attained: p.gaps === 0,
    gaps: gaps.filter((g) => g.personId === p.personId).map(({ personId: _, ...gap }) => gap),
    ...(activity.get(p.personId) ?? emptyCounts()),
  }));
  const sortKey = query.sort ?? 'name';
  const compare = learnerSorts[sortKey.replace(/^-/, '')]!;
  rows.sort((a, b) => (sortKey.startsWith('-') ? -compare(a, b) : compare(a, b)) || a.personId.localeCompare(b.personId));
  const isExport = query.format === 'xlsx';
  const start = isExport ? 0 : (query.page - 1) * query.pageSize;
  return { items: isExport ? rows : rows.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: rows.length };
}

/** Training input (hours, their cost if stated, recorded costs, subsidy received) beside output over a period. */
export async function reportRoi(ctx: Ctx, query: RoiQuery): Promise<RoiReport> {
  const organisationId = enterpriseOf(ctx);
  const dates = datesOf(ctx, { from: query.from, to: query.to });
  const ids = [organisationId];
  const counts = (await organisationActivity(ctx.db, ids, dates.from, dates.to)).get(organisationId) ?? emptyCounts();
  const [costs] = await ctx.db
    .select({ total: sum(trainingCosts.amountFen) })
    .from(trainingCosts)
    .where(and(eq(trainingCosts.organisationId, organisationId), between(trainingCosts.spentOn, dates.from, dates.to)));
  const [subsidy] = await ctx.db
    .select({ total: sum(subsidyLedgerEntries.amountFen) })
    .from(subsidyLedgerEntries)
    .where(and(eq(subsidyLedgerEntries.organisationId, organisationId), between(subsidyLedgerEntries.bookedOn, dates.from, dates.to)));
  const hourlyCostFen = query.hourlyCostFen ?? null;
  const studyCostFen = hourlyCostFen === null ? null : Math.round((counts.studySeconds / 3600) * hourlyCostFen);
  const trainingCostsFen = Number(costs?.total ?? 0);
  const subsidyReceivedFen = Number(subsidy?.total ?? 0);
  const netCostFen = (studyCostFen ?? 0) + trainingCostsFen - subsidyReceivedFen;
  const attainment = comparisonOf(attainmentFigureOf(await attainmentAt(ctx.db, ids, dates.asOf)), attainmentFigureOf(await attainmentAt(ctx.db, ids, dates.compareTo)));
  const gained = attainment.asOf.attained - attainment.compareTo.attained;
  return {
    dates,
    inputs: { studySeconds: counts.studySeconds, hourlyCostFen, studyCostFen, trainingCostsFen, subsidyReceivedFen, netCostFen },
    outputs: { attainment, certificates: counts.certificates, examPasses: counts.examPasses, completions: counts.completions },
    costPerAttainedFen: gained > 0 ? Math.round(netCostFen / gained) : null,
  };
}
