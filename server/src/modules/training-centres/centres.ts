import { eq, sql } from 'drizzle-orm';
import {
  centreStatusLabels,
  effectiveCentreStatus,
  industryDivisions,
  industrySections,
  occupationByCode,
  occupationFieldLabels,
  occupationFields,
  skillLevelLabels,
  type CentreStatus,
  type PublicCentreVerification,
  type SkillLevel,
  type TrainingCentre,
  type TrainingCentreStats,
  type TrainingCentreStatsQuery,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { organisations, regions, trainingCentres } from '../../db/schema/index.ts';
import { authorize } from '../../lib/authorize.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { trainingCentrePolicy } from './policy.ts';
import { centresForStats, findCentre, scopesOf } from './queries.ts';

export async function getCentre(ctx: Ctx, id: string): Promise<TrainingCentre> {
  authorize(ctx.actor, trainingCentrePolicy, 'listCentres');
  const centre = await findCentre(ctx, { id });
  if (!centre) throw notFound('training centre');
  return centre;
}

/** The signed-in user's enterprise's centre (whatever its status); 404 when it has none. */
export async function myCentre(ctx: Ctx): Promise<TrainingCentre> {
  authorize(ctx.actor, trainingCentrePolicy, 'readOwnCentre');
  const centre = await findCentre(ctx, { organisationId: ctx.actor.organisationId });
  if (!centre) throw notFound('training centre');
  return centre;
}

const sectionOfDivision = new Map(industryDivisions.map((d) => [d.code, d.section]));
const sectionByCode = new Map(industrySections.map((s) => [s.code, s]));

/**
 * Centres within reach: the total certified by `to` and not revoked, and how many of them were certified within
 * [from, to], overall and per region, industry section or occupation field (a centre counts once in each field its
 * scope touches, so the fields' figures may add up to more than the total).
 */
export async function centreStats(ctx: Ctx, query: TrainingCentreStatsQuery & { groupBy: 'region' | 'industry' | 'field' }): Promise<TrainingCentreStats> {
  authorize(ctx.actor, trainingCentrePolicy, 'listCentres');
  const centres = await centresForStats(ctx, query.to);
  const isNew = (c: { certifiedOn: string }) => c.certifiedOn >= query.from;
  const groups = new Map<string, { total: number; newInPeriod: number }>();
  const count = (key: string, centre: { certifiedOn: string }) => {
    const group = groups.get(key) ?? { total: 0, newInPeriod: 0 };
    group.total++;
    if (isNew(centre)) group.newInPeriod++;
    groups.set(key, group);
  };
  for (const centre of centres) {
    if (query.groupBy === 'region') count(centre.regionId, centre);
    else if (query.groupBy === 'industry') count((centre.industryDivision && sectionOfDivision.get(centre.industryDivision)) || '-', centre);
    else for (const field of centre.fields) count(field, centre);
  }
  const regionNames = query.groupBy === 'region' ? new Map((await ctx.db.select().from(regions)).map((r) => [r.id, r])) : new Map();
  const labelOf = (key: string): { labelZh: string; labelEn: string } => {
    if (query.groupBy === 'region') {
      const region = regionNames.get(key);
      return { labelZh: region?.nameZh ?? key, labelEn: region?.nameEn ?? key };
    }
    if (query.groupBy === 'industry') {
      const section = sectionByCode.get(key);
      return section ? { labelZh: section.nameZh, labelEn: section.nameEn } : { labelZh: '未登记', labelEn: 'Not recorded' };
    }
    const field = occupationFieldLabels[key as (typeof occupationFields)[number]];
    return { labelZh: field['zh-CN'], labelEn: field['en-US'] };
  };
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    total: centres.length,
    newInPeriod: centres.filter(isNew).length,
    groups: [...groups]
      .map(([key, figures]) => ({ key, ...labelOf(key), ...figures }))
      .sort((a, b) => b.total - a.total || b.newInPeriod - a.newInPeriod || a.key.localeCompare(b.key)),
  };
}

/**
 * What anyone may check about a certificate by its number (the QR code on the certificate leads here): the
 * enterprise, its status today, validity and scope. Numbers match whatever their case and surrounding spaces.
 */
export async function verifyCertificate(db: Db, clock: Clock, certificateNo: string): Promise<PublicCentreVerification> {
  const [row] = await db
    .select({
      id: trainingCentres.id,
      certificateNo: trainingCentres.certificateNo,
      status: trainingCentres.status,
      statusReason: trainingCentres.statusReason,
      certifiedOn: trainingCentres.certifiedOn,
      validUntil: trainingCentres.validUntil,
      organisationName: organisations.name,
      regionName: regions.nameZh,
      regionNameEn: regions.nameEn,
    })
    .from(trainingCentres)
    .innerJoin(organisations, eq(organisations.id, trainingCentres.organisationId))
    .innerJoin(regions, eq(regions.id, trainingCentres.regionId))
    .where(eq(sql`upper(${trainingCentres.certificateNo})`, certificateNo.trim().toUpperCase()));
  if (!row) throw notFound('certificate');
  const status = effectiveCentreStatus({ status: row.status as CentreStatus, validUntil: row.validUntil }, shanghaiDateOf(clock.now()));
  const scope = (await scopesOf(db, [row.id])).get(row.id) ?? [];
  return {
    certificateNo: row.certificateNo,
    organisationName: row.organisationName,
    regionName: row.regionName,
    regionNameEn: row.regionNameEn,
    effectiveStatus: status,
    statusLabelZh: centreStatusLabels[status]['zh-CN'],
    statusLabelEn: centreStatusLabels[status]['en-US'],
    statusReason: status === 'suspended' || status === 'revoked' ? row.statusReason : null,
    certifiedOn: row.certifiedOn,
    validUntil: row.validUntil,
    scope: scope.flatMap((item) => {
      const occupation = occupationByCode.get(item.occupation);
      return item.levels.map((level) => ({
        occupation: item.occupation,
        occupationZh: occupation?.nameZh ?? item.occupation,
        occupationEn: occupation?.nameEn ?? item.occupation,
        level,
        levelZh: skillLevelLabels[level as SkillLevel]['zh-CN'],
        levelEn: skillLevelLabels[level as SkillLevel]['en-US'],
      }));
    }),
  };
}
