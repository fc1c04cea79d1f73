import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../common/pagination.ts';

/*
 * The disbursement ledger (补贴拨付台账): append-only entries per claimant and class. Amounts are signed fen from the
 * claimant's side: positive is paid to it, negative is taken back. Balances are sums of entries; a mistake is
 * corrected by a compensating entry, never by changing one.
 */

export const ledgerEntryKinds = ['advance', 'settlement', 'clawback', 'refund', 'correction'] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];
export const ledgerEntryKindLabels: Record<LedgerEntryKind, { 'zh-CN': string; 'en-US': string }> = {
  advance: { 'zh-CN': '预拨', 'en-US': 'Advance' },
  settlement: { 'zh-CN': '清算拨付', 'en-US': 'Settlement' },
  clawback: { 'zh-CN': '预拨扣回', 'en-US': 'Clawback of advance' },
  refund: { 'zh-CN': '退回', 'en-US': 'Refund' },
  correction: { 'zh-CN': '更正', 'en-US': 'Correction' },
};

export const ledgerEntry = z.object({
  id: z.uuid(),
  seq: z.number().int().describe('posting order across the installation'),
  organisationId: z.uuid(),
  organisationName: z.string(),
  regionId: z.string(),
  classId: z.uuid(),
  className: z.string(),
  claimId: z.uuid().nullable(),
  claimReferenceNo: z.string().nullable(),
  kind: z.enum(ledgerEntryKinds),
  amountFen: z.number().int(),
  bookedOn: isoDate,
  bankReference: z.string().nullable(),
  note: z.string().nullable(),
  correctsEntryId: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const listLedgerQuery = listQuery(['seq', 'bookedOn', 'amountFen']).extend({
  organisationId: z.uuid().optional(),
  classId: z.uuid().optional(),
  kind: z.enum(ledgerEntryKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('year of bookedOn'),
});
export type ListLedgerQuery = z.infer<typeof listLedgerQuery>;
export const ledgerPage = pageOf(ledgerEntry).extend({
  totals: z.object({
    balanceFen: z.number().int().describe('sum of every entry matching the filters (not just this page)'),
    byKind: z.record(z.enum(ledgerEntryKinds), z.number().int()),
  }),
});
export type LedgerPage = z.infer<typeof ledgerPage>;

export const ledgerBalancesQuery = z.strictObject({
  groupBy: z.enum(['organisation', 'class']).default('organisation'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type LedgerBalancesQuery = z.infer<typeof ledgerBalancesQuery>;
export const ledgerBalance = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  classId: z.uuid().nullable(),
  className: z.string().nullable(),
  byKind: z.record(z.enum(ledgerEntryKinds), z.number().int()),
  balanceFen: z.number().int(),
  entries: z.number().int(),
});
export type LedgerBalance = z.infer<typeof ledgerBalance>;
export const ledgerBalanceList = z.object({ items: z.array(ledgerBalance), totalFen: z.number().int() });
export type LedgerBalanceList = z.infer<typeof ledgerBalanceList>;

/**
 * A finance entry outside a claim: a refund received (amount given positive, booked negative) or a correction — a
 * compensating entry naming the entry it corrects, signed as given.
 */
export const recordLedgerEntryRequest = z
  .strictObject({
    kind: z.enum(['refund', 'correction']),
    classId: z.uuid(),
    amountFen: z.number().int().min(-100_000_000).max(100_000_000).refine((v) => v !== 0, { message: 'not zero', params: { code: 'ZERO_AMOUNT' } }),
    bookedOn: isoDate,
    bankReference: z.string().trim().min(1).max(64).nullable().default(null),
    note: z.string().trim().min(1).max(1000),
    correctsEntryId: z.uuid().nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'correction' && !e.correctsEntryId) ctx.addIssue({ code: 'custom', path: ['correctsEntryId'], message: 'a correction names the entry it corrects', params: { code: 'REQUIRED' } });
    if (e.kind === 'refund' && e.amountFen < 0) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'give the refund received as a positive amount', params: { code: 'NEGATIVE' } });
  });
export type RecordLedgerEntryRequest = z.input<typeof recordLedgerEntryRequest>;

// --- statistics ------------------------------------------------------------------------------------------------------

/**
 * 装备制造业 as the National Bureau of Statistics groups it: GB/T 4754-2017 divisions 33–40 (metal products, general
 * and special equipment, automobiles, railway/ship/aerospace, electrical machinery, computers and electronics,
 * instruments). Baodi's first 2025 subsidies reached "装备制造等支柱产业".
 */
export const equipmentManufacturingDivisions = ['33', '34', '35', '36', '37', '38', '39', '40'] as const;

export const statisticsDimensions = ['industryGroup', 'industry', 'level', 'region', 'year', 'occupation'] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];

export const subsidyStatisticsQuery = z.strictObject({
  dimension: z.enum(statisticsDimensions).default('industryGroup'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('year the ledger entries were booked'),
  noticeId: z.uuid().optional().describe('only claims published in this notice (e.g. the first batch of 2025)'),
});
export type SubsidyStatisticsQuery = z.infer<typeof subsidyStatisticsQuery>;

export const subsidyStatisticsRow = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  amountFen: z.number().int().describe('net ledger amount'),
  apprentices: z.number().int().describe('distinct apprentices counted in the claims behind the amount'),
  classes: z.number().int(),
  enterprises: z.number().int(),
});
export type SubsidyStatisticsRow = z.infer<typeof subsidyStatisticsRow>;
export const subsidyStatistics = z.object({
  dimension: z.enum(statisticsDimensions),
  rows: z.array(subsidyStatisticsRow).describe('largest amount first'),
  totals: subsidyStatisticsRow.omit({ key: true, label: true }),
});
export type SubsidyStatistics = z.infer<typeof subsidyStatistics>;
