import { and, eq, sql } from 'drizzle-orm';
import type { LedgerEntryKind } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { subsidyLedgerEntries } from '../../db/schema/index.ts';
import { recordAuditMany } from '../../lib/audit.ts';
import type { Ctx } from '../../lib/context.ts';

export interface LedgerPosting {
  organisationId: string;
  regionId: string;
  classId: string;
  claimId: string | null;
  kind: LedgerEntryKind;
  /** Signed fen from the claimant's side: positive paid to it, negative taken back. */
  amountFen: number;
  bookedOn: string;
  bankReference: string | null;
  note: string | null;
  correctsEntryId?: string | null;
}

/**
 * Books entries in the caller's transaction, each with an audit entry. The only writer of the ledger: the table
 * refuses UPDATE and DELETE, so what is booked here stays as booked.
 */
export async function bookLedgerEntries(tx: Ctx, postings: readonly LedgerPosting[]) {
  if (!postings.length) return [];
  const rows = await tx.db
    .insert(subsidyLedgerEntries)
    .values(
      postings.map((p) => ({
        ...p,
        correctsEntryId: p.correctsEntryId ?? null,
        recordedBy: tx.actor.userId,
        recordedByName: tx.actor.displayName,
        createdAt: tx.clock.now(),
      })),
    )
    .returning();
  await recordAuditMany(
    tx,
    rows.map((row) => ({
      entityType: 'subsidy_ledger_entry',
      entityId: row.id,
      action: 'book',
      organisationId: row.organisationId,
      regionId: row.regionId,
      after: { kind: row.kind, amountFen: row.amountFen, classId: row.classId, claimId: row.claimId, bookedOn: row.bookedOn, bankReference: row.bankReference, correctsEntryId: row.correctsEntryId },
    })),
  );
  return rows;
}

/** The advance booked for a class (advance entries and corrections of them): what a settlement deducts. */
export async function advancePaidFen(db: Db, classId: string): Promise<number> {
  const [row] = await db
    .select({
      total: sql<string>`coalesce(sum(${subsidyLedgerEntries.amountFen}) filter (where ${subsidyLedgerEntries.kind} = 'advance'
        or (${subsidyLedgerEntries.kind} = 'correction' and ${subsidyLedgerEntries.correctsEntryId} in
          (select id from subsidy_ledger_entries a where a.class_id = ${classId} and a.kind = 'advance'))), 0)`,
    })
    .from(subsidyLedgerEntries)
    .where(and(eq(subsidyLedgerEntries.classId, classId)));
  return Number(row?.total ?? 0);
}
