import type { FastifyInstance } from 'fastify';
import {
  formatYuan,
  ledgerBalanceList,
  ledgerBalancesQuery,
  ledgerEntry,
  ledgerEntryKindLabels,
  ledgerPage,
  listLedgerQuery,
  recordLedgerEntryRequest,
  subsidyStatistics,
  subsidyStatisticsQuery,
  type LedgerEntry,
  type Locale,
} from '@fulcrum/shared';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { ledgerBalances, listLedger, recordLedgerEntry } from './ledger.ts';
import { subsidyStatisticsOf } from './statistics.ts';

const tags = ['apprenticeship subsidies'];

/** A row of the ledger workbook: an entry, or the closing total over every entry the filters match. */
type LedgerSheetRow = { entry: LedgerEntry } | { totalFen: number };

const ledgerColumns = (locale: Locale): Column<LedgerSheetRow>[] => {
  const of = <V>(pick: (e: LedgerEntry) => V) => (row: LedgerSheetRow) => ('entry' in row ? pick(row.entry) : null);
  return [
    { zh: '序号', en: 'Seq.', width: 10, value: (row) => ('entry' in row ? row.entry.seq : locale === 'zh-CN' ? '合计' : 'Total') },
    { zh: '记账日期', en: 'Booked on', width: 14, value: of((e) => e.bookedOn) },
    { zh: '企业', en: 'Enterprise', width: 36, value: of((e) => e.organisationName) },
    { zh: '培训班', en: 'Class', width: 32, value: of((e) => e.className) },
    { zh: '申领编号', en: 'Claim no.', width: 22, value: of((e) => e.claimReferenceNo) },
    { zh: '类别', en: 'Kind', width: 14, value: of((e) => ledgerEntryKindLabels[e.kind][locale]) },
    { zh: '金额（元）', en: 'Amount (yuan)', width: 16, value: (row) => formatYuan('entry' in row ? row.entry.amountFen : row.totalFen) },
    { zh: '银行流水号', en: 'Bank reference', width: 24, value: of((e) => e.bankReference) },
    { zh: '说明', en: 'Note', width: 36, value: of((e) => e.note) },
    { zh: '更正条目', en: 'Corrects entry', width: 38, value: of((e) => e.correctsEntryId) },
    { zh: '经办人', en: 'Recorded by', width: 16, value: of((e) => e.recordedByName) },
  ];
};

/** The disbursement ledger, balances and refund/correction entries, and the departments' subsidy statistics. */
export const ledgerRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.get(
    '/subsidy-ledger',
    {
      schema: {
        tags,
        summary: 'Ledger entries within reach, latest first, with totals over every entry matching the filters; format=xlsx exports them',
        querystring: listLedgerQuery,
        response: { 200: ledgerPage },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const page = await listLedger(db, actor, request.query);
      if (request.query.format === 'json') return page;
      const rows: LedgerSheetRow[] = [...page.items.map((entry) => ({ entry })), { totalFen: page.totals.balanceFen }];
      await sendList(reply, 'xlsx', { ...page, items: rows }, { name: 'ledger', filename: '补贴拨付台账', columns: ledgerColumns(actor.locale), locale: actor.locale });
      return reply;
    },
  );

  app.get(
    '/subsidy-ledger/balances',
    { schema: { tags, summary: 'Balances per claimant (or per class) within reach, largest first', querystring: ledgerBalancesQuery, response: { 200: ledgerBalanceList } } },
    (request) => ledgerBalances(db, actorOf(request), request.query),
  );

  app.post(
    '/subsidy-ledger/entries',
    {
      schema: {
        tags,
        summary: 'Book a refund received (stored negative) or a correction of an entry of the same class (finance bureau; audited)',
        body: recordLedgerEntryRequest,
        response: { 201: ledgerEntry },
      },
    },
    async (request, reply) => reply.status(201).send(await recordLedgerEntry(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/subsidy-statistics',
    {
      schema: {
        tags,
        summary: 'Net subsidy amounts of the region by industry group, industry, level, region, year or occupation, with distinct apprentices, classes and enterprises',
        querystring: subsidyStatisticsQuery,
        response: { 200: subsidyStatistics },
      },
    },
    (request) => subsidyStatisticsOf(db, actorOf(request), request.query),
  );
};
