import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import {
  ledgerEntryKinds,
  type LedgerBalance,
  type LedgerBalanceList,
  type LedgerBalancesQuery,
  type LedgerEntry,
  type LedgerEntryKind,
  type LedgerPage,
  type ListLedgerQuery,
  type RecordLedgerEntryRequest,
} from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClasses, organisations, subsidyClaims, subsidyLedgerEntries as E } from '../../db/schema/index.ts';
import { authorize, reachOf, reaches } from '../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../lib/list.ts';
import { shanghaiDateOf } from '../../lib/working-days.ts';
import { bookLedgerEntries } from './ledger-book.ts';
import { assertFinance, subsidyPolicy } from './policy.ts';

/*
 * The disbursement ledger (补贴拨付台账) as its readers see it: entries within reach, sums by kind, balances per
 * claimant or class; and the finance bureau's entries outside a claim (refunds received, compensating corrections).
 * Nothing here changes an entry: the table is append-only and bookLedgerEntries is its only writer.
 */

/** Which entries an actor sees: the claimant's own (enterprises, chambers), the region's (departments), all (admins). */
export function ledgerReach(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach.kind === 'all') return undefined;
  if (reach.kind === 'region') return eq(E.regionId, reach.regionId);
  return eq(E.organisationId, reach.organisationId);
}

/** The bookedOn range of a calendar year, for the year filters of the ledger and the statistics. */
export const bookedInYear = (year: number | undefined): SQL | undefined =>
  year === undefined ? undefined : and(gte(E.bookedOn, `${year}-01-01`), lte(E.bookedOn, `${year}-12-31`));

/** Every kind as a key, 0 when none was booked: readers compare kinds without guarding for missing ones. */
export const zeroByKind = (): Record<LedgerEntryKind, number> => Object.fromEntries(ledgerEntryKinds.map((k) => [k, 0])) as Record<LedgerEntryKind, number>;

const entryColumns = {
  entry: E,
  organisationName: organisations.name,
  className: apprenticeshipClasses.name,
  claimReferenceNo: subsidyClaims.referenceNo,
};

const selectEntries = (db: Db) =>
  db
    .select(entryColumns)
    .from(E)
    .innerJoin(organisations, eq(organisations.id, E.organisationId))
    .innerJoin(apprenticeshipClasses, eq(apprenticeshipClasses.id, E.classId))
    .leftJoin(subsidyClaims, eq(subsidyClaims.id, E.claimId));

type EntryRow = { entry: typeof E.$inferSelect; organisationName: string; className: string; claimReferenceNo: string | null };

function toLedgerEntry({ entry: e, organisationName, className, claimReferenceNo }: EntryRow): LedgerEntry {
  return {
    id: e.id,
    seq: e.seq,
    organisationId: e.organisationId,
    organisationName,
    regionId: e.regionId,
    classId: e.classId,
    className,
    claimId: e.claimId,
    claimReferenceNo,
    kind: e.kind as LedgerEntryKind,
    amountFen: e.amountFen,
    bookedOn: e.bookedOn,
    bankReference: e.bankReference,
    note: e.note,
    correctsEntryId: e.correctsEntryId,
    recordedByName: e.recordedByName,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Ledger entries within reach, latest posting first, with totals over every entry the filters match (not one page). */
export async function listLedger(db: Db, actor: Actor, query: ListLedgerQuery): Promise<LedgerPage> {
  authorize(actor, subsidyPolicy, 'readLedger');
  const where = and(
    ledgerReach(actor),
    query.organisationId ? eq(E.organisationId, query.organisationId) : undefined,
    query.classId ? eq(E.classId, query.classId) : undefined,
    query.kind ? eq(E.kind, query.kind) : undefined,
    bookedInYear(query.year),
  );
  const [page, sums] = await Promise.all([
    paginate(
      selectEntries(db)
        .where(where)
        .orderBy(...orderBy(query.sort, { seq: E.seq, bookedOn: E.bookedOn, amountFen: E.amountFen }, [desc(E.seq)], E.id))
        .$dynamic(),
      db.select(countAll()).from(E).where(where),
      query,
      toLedgerEntry,
    ),
    db
      .select({ kind: E.kind, sum: sql<number>`coalesce(sum(${E.amountFen}), 0)`.mapWith(Number) })
      .from(E)
      .where(where)
      .groupBy(E.kind),
  ]);
  const byKind = zeroByKind();
  for (const s of sums) byKind[s.kind as LedgerEntryKind] = s.sum;
  return { ...page, totals: { balanceFen: sums.reduce((total, s) => total + s.sum, 0), byKind } };
}

/** Balances per claimant (or per class) within reach, largest first: what each has received net of what it returned. */
export async function ledgerBalances(db: Db, actor: Actor, query: LedgerBalancesQuery): Promise<LedgerBalanceList> {
  authorize(actor, subsidyPolicy, 'readLedger');
  const byClass = query.groupBy === 'class';
  const rows = await db
    .select({
      organisationId: E.organisationId,
      organisationName: organisations.name,
      classId: byClass ? E.classId : sql<string | null>`null`,
      className: byClass ? apprenticeshipClasses.name : sql<string | null>`null`,
      kind: E.kind,
      sum: sql<number>`coalesce(sum(${E.amountFen}), 0)`.mapWith(Number),
      entries: sql<number>`count(*)`.mapWith(Number),
    })
    .from(E)
    .innerJoin(organisations, eq(organisations.id, E.organisationId))
    .innerJoin(apprenticeshipClasses, eq(apprenticeshipClasses.id, E.classId))
    .where(and(ledgerReach(actor), bookedInYear(query.year)))
    .groupBy(...(byClass ? [E.organisationId, organisations.name, E.classId, apprenticeshipClasses.name, E.kind] : [E.organisationId, organisations.name, E.kind]));
  const balances = new Map<string, LedgerBalance>();
  for (const row of rows) {
    const key = byClass ? `${row.organisationId}/${row.classId}` : row.organisationId;
    let balance = balances.get(key);
    if (!balance) {
      balance = { organisationId: row.organisationId, organisationName: row.organisationName, classId: row.classId, className: row.className, byKind: zeroByKind(), balanceFen: 0, entries: 0 };
      balances.set(key, balance);
    }
    balance.byKind[row.kind as LedgerEntryKind] += row.sum;
    balance.balanceFen += row.sum;
    balance.entries += row.entries;
  }
  const items = [...balances.values()].sort(
    (a, b) => b.balanceFen - a.balanceFen || a.organisationId.localeCompare(b.organisationId) || (a.classId ?? '').localeCompare(b.classId ?? ''),
  );
  return { items, totalFen: items.reduce((total, b) => total + b.balanceFen, 0) };
}

/** One entry within reach; 404 when there is none or it is another organisation's or region's. */
export async function getLedgerEntry(db: Db, actor: Actor, id: string): Promise<LedgerEntry> {
  authorize(actor, subsidyPolicy, 'readLedger');
  const [row] = await selectEntries(db).where(and(eq(E.id, id), ledgerReach(actor)));
  if (!row) throw notFound('ledger entry');
  return toLedgerEntry(row);
}

/**
 * Books a refund received from a claimant (stored negative) or a correction naming an entry of the same class
 * (stored signed as given): the ledger is corrected by compensating entries, never by changing one. Finance only.
 */
export async function recordLedgerEntry(ctx: Ctx, input: RecordLedgerEntryRequest): Promise<LedgerEntry> {
  authorize(ctx.actor, subsidyPolicy, 'writeLedger');
  assertFinance(ctx.actor);
  const today = shanghaiDateOf(ctx.clock.now());
  const id = await inTransaction(ctx, async (tx) => {
    const [cls] = await tx.db
      .select({ id: apprenticeshipClasses.id, organisationId: apprenticeshipClasses.organisationId, regionId: apprenticeshipClasses.regionId })
      .from(apprenticeshipClasses)
      .where(eq(apprenticeshipClasses.id, input.classId));
    if (!cls || !reaches(tx.actor, { id: cls.organisationId, regionId: cls.regionId })) throw notFound('apprenticeship class');
    if (input.bookedOn > today) throw invalid([{ path: 'body.bookedOn', code: 'FUTURE_DATE', message: 'may not be in the future' }]);
    const correctsEntryId = input.correctsEntryId ?? null;
    if (correctsEntryId) {
      const [target] = await tx.db
        .select({ id: E.id })
        .from(E)
        .where(and(eq(E.id, correctsEntryId), eq(E.classId, cls.id)));
      if (!target) throw invalid([{ path: 'body.correctsEntryId', code: 'UNKNOWN_ENTRY', message: 'no ledger entry of this class has this id' }]);
    }
    const [booked] = await bookLedgerEntries(tx, [
      {
        organisationId: cls.organisationId,
        regionId: cls.regionId,
        classId: cls.id,
        claimId: null,
        kind: input.kind,
        amountFen: input.kind === 'refund' ? -input.amountFen : input.amountFen,
        bookedOn: input.bookedOn,
        bankReference: input.bankReference ?? null,
        note: input.note,
        correctsEntryId,
      },
    ]);
    if (!booked) throw new Error('insert returned nothing');
    return booked.id;
  });
  return getLedgerEntry(ctx.db, ctx.actor, id);
}
