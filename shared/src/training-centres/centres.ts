import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';
import { centreStatuses, effectiveCentreStatuses, occupationField, occupationFields, scopeItem, skillLevelField } from './occupations.ts';

/*
 * Certified training centres (企业培训中心): one per enterprise, with a certificate number
 * (TC<region division code>-<year>-<sequence>), a validity period and a status. Anyone can verify a
 * certificate by its number (the QR code on the certificate points there) without signing in.
 */

export const trainingCentre = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  industryDivision: z.string().nullable().describe('GB/T 4754-2017 division of the enterprise'),
  industrialParkId: z.uuid().nullable(),
  industrialParkName: z.string().nullable(),
  issuerName: z.string().nullable().describe('the department that ran the selection batch: the issuer the certificate names'),
  certificateNo: z.string(),
  status: z.enum(centreStatuses).describe('as stored; see effectiveStatus'),
  effectiveStatus: z.enum(effectiveCentreStatuses).describe('the status today: a stored suspension or revocation, else expired past validUntil'),
  statusReason: z.string().nullable(),
  certifiedOn: isoDate,
  validUntil: isoDate,
  annualCapacity: z.number().int().describe('person-times per year'),
  scope: z.array(scopeItem),
  batchId: z.uuid().nullable(),
  applicationId: z.uuid().nullable(),
});
export type TrainingCentre = z.infer<typeof trainingCentre>;

export const centreSortKeys = ['certifiedOn', 'validUntil', 'organisationName'] as const;
export const listTrainingCentresQuery = listQuery(centreSortKeys).extend({
  effectiveStatus: z.enum(effectiveCentreStatuses).optional(),
  occupation: occupationField.optional(),
  level: z.coerce.number().pipe(skillLevelField).optional().describe('with or without occupation: a scope line with this level'),
  field: z.enum(occupationFields).optional().describe('an occupation field any scope line belongs to'),
  q: z.string().trim().max(100).optional().describe('part of the organisation name or the certificate number'),
  regionId: z.string().max(32).optional(),
});
export type ListTrainingCentresQuery = z.infer<typeof listTrainingCentresQuery>;
export const trainingCentrePage = pageOf(trainingCentre);

export const centreStatsDimensions = ['region', 'industry', 'field'] as const;
export type CentreStatsDimension = (typeof centreStatsDimensions)[number];

export const trainingCentreStatsQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(centreStatsDimensions).default('region'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from', params: { code: 'TO_BEFORE_FROM' } });
export type TrainingCentreStatsQuery = z.input<typeof trainingCentreStatsQuery>;

const statsCounts = {
  total: z.number().int().describe('centres certified on or before `to` and not revoked'),
  newInPeriod: z.number().int().describe('of them, centres certified from `from` to `to`'),
};
export const trainingCentreStats = z.object({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(centreStatsDimensions),
  ...statsCounts,
  groups: z.array(
    z.object({
      key: z.string().describe('region id, industry section letter (GB/T 4754-2017; "-" when not recorded) or occupation field'),
      labelZh: z.string(),
      labelEn: z.string(),
      ...statsCounts,
    }),
  ),
});
export type TrainingCentreStats = z.infer<typeof trainingCentreStats>;

export const certificateNoParam = z.strictObject({ certificateNo: z.string().trim().min(1).max(40) });

/** What anyone may read about a certificate: no person's data, only the enterprise, its status and scope. */
export const publicCentreVerification = z.object({
  certificateNo: z.string(),
  organisationName: z.string(),
  regionName: z.string(),
  regionNameEn: z.string(),
  effectiveStatus: z.enum(effectiveCentreStatuses),
  statusLabelZh: z.string(),
  statusLabelEn: z.string(),
  statusReason: z.string().nullable().describe('only for a suspended or revoked centre'),
  certifiedOn: isoDate,
  validUntil: isoDate,
  scope: z.array(
    z.object({
      occupation: z.string(),
      occupationZh: z.string(),
      occupationEn: z.string(),
      level: z.number().int(),
      levelZh: z.string(),
      levelEn: z.string(),
    }),
  ),
});
export type PublicCentreVerification = z.infer<typeof publicCentreVerification>;
