import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { formatYuan, type ClaimComputation } from '@fulcrum/shared';
import { auditLog, organisations, subsidyClaims, subsidyLedgerEntries } from '../../db/schema/index.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { buildTestApp, createOrganisation, createUser, signIn, type Client, type TestApp } from '../../test/app.ts';
import { bookLedgerEntries, type LedgerPosting } from './ledger-book.ts';
import { seedClass, seedPolicy } from './test-support.ts';

/*
 * The disbursement ledger: entries booked for three enterprises of Baodi and one of Tangshan; lists and balances as
 * each reader reaches them, totals over every matching entry, refunds and corrections booked by the finance bureau
 * only, and the table refusing any change to what was booked. The clock stands at 2026-06-15 09:00 Beijing time.
 */

let t: TestApp;
let finance: { id: string };
let financeActor: Actor;
let financeOfficer: Client;
let financeReviewer: Client;
let hrssOfficer: Client;
let tangshanFinanceOfficer: Client;
let sysadmin: Client;
let adminA: Client;
let adminB: Client;
let entA: { id: string; name: string };
let entB: { id: string; name: string };
let clsA1: Awaited<ReturnType<typeof seedClass>>;
let clsA2: Awaited<ReturnType<typeof seedClass>>;
let clsB: Awaited<ReturnType<typeof seedClass>>;
let clsC: Awaited<ReturnType<typeof seedClass>>;
let claimA1: { id: string; referenceNo: string };
const booked: Record<string, { id: string; seq: number }> = {};

interface Issue { path: string; code: string }
interface Entry { id: string; seq: number; organisationId: string; organisationName: string; regionId: string; classId: string; className: string; claimId: string | null; claimReferenceNo: string | null; kind: string; amountFen: number; bookedOn: string; bankReference: string | null; note: string | null; correctsEntryId: string | null; recordedByName: string | null }
interface Page { items: Entry[]; total: number; page: number; pageSize: number; totals: { balanceFen: number; byKind: Record<string, number> } }
interface Balance { organisationId: string; organisationName: string; classId: string | null; className: string | null; byKind: Record<string, number>; balanceFen: number; entries: number }

const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;
const ledgerCount = async () => Number((await t.db.select({ n: count() }).from(subsidyLedgerEntries))[0]!.n);
const list = async (client: Client, query = '') => {
  const response = await client.get(`/api/v1/subsidy-ledger${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
};
const balances = async (client: Client, query = '') => {
  const response = await client.get(`/api/v1/subsidy-ledger/balances${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Balance[]; totalFen: number }>();
};
const record = (client: Client, body: Record<string, unknown>) =>
  client.post('/api/v1/subsidy-ledger/entries', { kind: 'refund', classId: clsB.id, amountFen: 200_000, bookedOn: '2026-06-12', bankReference: 'HX20260612001', note: '企业退回多领补贴', ...body });

async function book(name: string, posting: Omit<LedgerPosting, 'regionId' | 'organisationId' | 'bankReference' | 'note'> & { bankReference?: string; note?: string }, cls: { organisationId: string; regionId: string }) {
  const ctx: Ctx = { db: t.db, actor: financeActor, clock: t.clock, requestId: null, ip: null };
  const [row] = await t.db.transaction((tx) =>
    bookLedgerEntries({ ...ctx, db: tx as unknown as Ctx['db'] }, [
      { organisationId: cls.organisationId, regionId: cls.regionId, bankReference: posting.bankReference ?? null, note: posting.note ?? null, ...posting },
    ]),
  );
  booked[name] = { id: row!.id, seq: row!.seq };
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set(new Date('2026-06-15T09:00:00+08:00'));
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  await t.db.update(organisations).set({ departmentKind: 'platform' }).where(eq(organisations.id, platform.id));
  const hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  finance = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi', name: '天津市宝坻区财政局' });
  const tangshanFinance = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  await t.db.update(organisations).set({ departmentKind: 'finance' }).where(eq(organisations.id, finance.id));
  await t.db.update(organisations).set({ departmentKind: 'finance' }).where(eq(organisations.id, tangshanFinance.id));
  entA = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi', name: '天津宝坻华信汽车部件有限公司' });
  entB = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi', name: '天津宝坻精工机械有限公司' });
  const entC = await createOrganisation(t.db, { type: 'enterprise', regionId: 'tangshan' });

  const { user, membership } = await createUser(t.db, finance.id, 'department_officer');
  financeActor = {
    userId: user.id,
    displayName: user.displayName,
    membershipId: membership.id,
    role: 'department_officer',
    organisationId: finance.id,
    organisationType: 'government_department',
    departmentKind: 'finance',
    regionId: 'baodi',
    locale: 'zh-CN',
  };
  financeOfficer = await signIn(t, finance.id, 'department_officer');
  financeReviewer = await signIn(t, finance.id, 'department_reviewer');
  hrssOfficer = await signIn(t, hrss.id, 'department_officer');
  tangshanFinanceOfficer = await signIn(t, tangshanFinance.id, 'department_officer');
  sysadmin = await signIn(t, platform.id, 'system_admin');
  adminA = await signIn(t, entA.id, 'enterprise_admin');
  adminB = await signIn(t, entB.id, 'enterprise_admin');

  const policy = await seedPolicy(t);
  clsA1 = await seedClass(t, entA.id);
  clsA2 = await seedClass(t, entA.id, { occupation: 'electrician', startsOn: '2025-09-01' });
  clsB = await seedClass(t, entB.id);
  clsC = await seedClass(t, entC.id, { regionId: 'tangshan' });
  // The ledger reads only a claim's reference number; the computation is not what these tests are about.
  const [claim] = await t.db
    .insert(subsidyClaims)
    .values({
      referenceNo: 'BT120115-2026-0001',
      classId: clsA1.id,
      organisationId: entA.id,
      regionId: 'baodi',
      kind: 'advance',
      status: 'disbursed',
      policyId: policy.id,
      computation: {} as ClaimComputation,
      amountFen: 2_000_000,
      submittedAt: t.clock.now(),
    })
    .returning();
  claimA1 = claim!;

  await book('a2Advance', { classId: clsA2.id, claimId: null, kind: 'advance', amountFen: 1_500_000, bookedOn: '2025-12-01', bankReference: 'HX20251201001' }, clsA2);
  await book('a1Advance', { classId: clsA1.id, claimId: claimA1.id, kind: 'advance', amountFen: 2_000_000, bookedOn: '2026-03-10', bankReference: 'HX20260310001', note: '预拨 50%' }, clsA1);
  await book('bAdvance', { classId: clsB.id, claimId: null, kind: 'advance', amountFen: 1_000_000, bookedOn: '2026-04-02' }, clsB);
  await book('cAdvance', { classId: clsC.id, claimId: null, kind: 'advance', amountFen: 900_000, bookedOn: '2026-04-03' }, clsC);
  await book('a1Clawback', { classId: clsA1.id, claimId: null, kind: 'clawback', amountFen: -300_000, bookedOn: '2026-05-10' }, clsA1);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /subsidy-ledger', () => {
  it("shows a department its region's entries, latest posting first, with names and the claim's reference number", async () => {
    const page = await list(financeOfficer);
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.id)).toEqual([booked.a1Clawback!.id, booked.bAdvance!.id, booked.a1Advance!.id, booked.a2Advance!.id]);
    const advance = page.items.find((e) => e.id === booked.a1Advance!.id)!;
    expect(advance).toMatchObject({
      organisationId: entA.id,
      organisationName: '天津宝坻华信汽车部件有限公司',
      className: clsA1.name,
      claimId: claimA1.id,
      claimReferenceNo: 'BT120115-2026-0001',
      kind: 'advance',
      amountFen: 2_000_000,
      bookedOn: '2026-03-10',
      bankReference: 'HX20260310001',
      recordedByName: financeActor.displayName,
    });
    // 2,000,000 + 1,500,000 + 1,000,000 − 300,000; Tangshan's 900,000 is out of reach.
    expect(page.totals).toEqual({ balanceFen: 4_200_000, byKind: { advance: 4_500_000, settlement: 0, clawback: -300_000, refund: 0, correction: 0 } });
  });

  it('computes the totals over every matching entry, not the page shown', async () => {
    const first = await list(financeOfficer, '?pageSize=2');
    const second = await list(financeOfficer, '?pageSize=2&page=2');
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(4);
    expect(first.totals.balanceFen).toBe(4_200_000);
    expect(second.totals.balanceFen).toBe(4_200_000);
  });

  it('filters by kind, class, organisation and year of booking, and sorts on request', async () => {
    const advances = await list(financeOfficer, '?kind=advance');
    expect(advances.total).toBe(3);
    expect(advances.totals.balanceFen).toBe(4_500_000);
    expect(advances.totals.byKind.clawback).toBe(0);
    const a1 = await list(financeOfficer, `?classId=${clsA1.id}`);
    expect(a1.items.map((e) => e.id).sort()).toEqual([booked.a1Advance!.id, booked.a1Clawback!.id].sort());
    expect(a1.totals.balanceFen).toBe(1_700_000);
    const ofB = await list(financeOfficer, `?organisationId=${entB.id}`);
    expect(ofB.items.map((e) => e.id)).toEqual([booked.bAdvance!.id]);
    const of2025 = await list(financeOfficer, '?year=2025');
    expect(of2025.items.map((e) => e.id)).toEqual([booked.a2Advance!.id]);
    expect(of2025.totals.balanceFen).toBe(1_500_000);
    const byAmount = await list(financeOfficer, '?sort=-amountFen');
    expect(byAmount.items.map((e) => e.amountFen)).toEqual([2_000_000, 1_500_000, 1_000_000, -300_000]);
  });

  it("shows an enterprise only its own entries; another enterprise's stay invisible even when asked for", async () => {
    const own = await list(adminA);
    expect(own.items.map((e) => e.organisationId)).toEqual([entA.id, entA.id, entA.id]);
    expect(own.totals.balanceFen).toBe(3_200_000);
    const other = await list(adminA, `?organisationId=${entB.id}`);
    expect(other.total).toBe(0);
    expect(other.totals.balanceFen).toBe(0);
    expect((await list(adminB)).items.map((e) => e.id)).toEqual([booked.bAdvance!.id]);
  });

  it("keeps another region's entries from a department; a system admin sees every region", async () => {
    const tangshan = await list(tangshanFinanceOfficer);
    expect(tangshan.items.map((e) => e.id)).toEqual([booked.cAdvance!.id]);
    const all = await list(sysadmin);
    expect(all.total).toBe(5);
    expect(all.totals.balanceFen).toBe(5_100_000);
  });

  it('rejects an unknown filter value with the field at fault', async () => {
    const response = await financeOfficer.get('/api/v1/subsidy-ledger?kind=bonus');
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)[0]!.path).toBe('query.kind');
  });
});

describe('GET /subsidy-ledger/balances', () => {
  it('sums each claimant by kind, largest balance first, with the total of the region', async () => {
    const result = await balances(financeOfficer);
    expect(result.items.map((b) => [b.organisationName, b.balanceFen, b.entries])).toEqual([
      ['天津宝坻华信汽车部件有限公司', 3_200_000, 3],
      ['天津宝坻精工机械有限公司', 1_000_000, 1],
    ]);
    expect(result.items[0]!.byKind).toEqual({ advance: 3_500_000, settlement: 0, clawback: -300_000, refund: 0, correction: 0 });
    expect(result.items[0]!.classId).toBeNull();
    expect(result.totalFen).toBe(4_200_000);
  });

  it('groups by class on request and filters by the year of booking', async () => {
    const byClass = await balances(financeOfficer, '?groupBy=class');
    expect(byClass.items.map((b) => [b.classId, b.balanceFen])).toEqual([
      [clsA1.id, 1_700_000],
      [clsA2.id, 1_500_000],
      [clsB.id, 1_000_000],
    ]);
    expect(byClass.items[0]!.className).toBe(clsA1.name);
    const of2026 = await balances(financeOfficer, '?year=2026');
    expect(of2026.items.map((b) => [b.organisationId, b.balanceFen])).toEqual([
      [entA.id, 1_700_000],
      [entB.id, 1_000_000],
    ]);
    expect(of2026.totalFen).toBe(2_700_000);
  });

  it("shows an enterprise its own balance only", async () => {
    const result = await balances(adminB);
    expect(result.items.map((b) => b.organisationId)).toEqual([entB.id]);
    expect(result.totalFen).toBe(1_000_000);
  });
});

describe('POST /subsidy-ledger/entries', () => {
  it('is for the finance bureau only: HRSS, enterprises, reviewers and system admins get 403 and nothing is booked', async () => {
    const before = await ledgerCount();
    for (const client of [hrssOfficer, adminB, financeReviewer, sysadmin]) {
      const response = await record(client, {});
      expect(response.statusCode, response.body).toBe(403);
    }
    expect(await ledgerCount()).toBe(before);
  });

  it('books a refund received as a negative entry of the class, with an audit entry', async () => {
    const response = await record(financeOfficer, {});
    expect(response.statusCode, response.body).toBe(201);
    const entry = response.json<Entry>();
    expect(entry).toMatchObject({ kind: 'refund', amountFen: -200_000, classId: clsB.id, organisationId: entB.id, regionId: 'baodi', claimId: null, bankReference: 'HX20260612001', note: '企业退回多领补贴' });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'subsidy_ledger_entry'), eq(auditLog.entityId, entry.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.action).toBe('book');
    const result = await balances(adminB);
    expect(result.items[0]!).toMatchObject({ balanceFen: 800_000, byKind: { advance: 1_000_000, refund: -200_000 } });
  });

  it('books a correction of an entry of the same class signed as given', async () => {
    const response = await record(financeOfficer, { kind: 'correction', classId: clsA1.id, amountFen: -100_000, correctsEntryId: booked.a1Advance!.id, note: '预拨金额多计 1,000 元', bankReference: null });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Entry>()).toMatchObject({ kind: 'correction', amountFen: -100_000, correctsEntryId: booked.a1Advance!.id, organisationId: entA.id });
    expect((await list(financeOfficer, `?classId=${clsA1.id}`)).totals.balanceFen).toBe(1_600_000);
  });

  it('refuses a correction naming an entry of another class, or none that exists, at body.correctsEntryId', async () => {
    const before = await ledgerCount();
    for (const correctsEntryId of [booked.bAdvance!.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await record(financeOfficer, { kind: 'correction', classId: clsA1.id, amountFen: 50_000, correctsEntryId });
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response.body)).toEqual([expect.objectContaining({ path: 'body.correctsEntryId', code: 'UNKNOWN_ENTRY' })]);
    }
    const missing = await record(financeOfficer, { kind: 'correction', classId: clsA1.id, amountFen: 50_000 });
    expect(missing.statusCode).toBe(400);
    expect(issuesOf(missing.body)).toEqual([expect.objectContaining({ path: 'body.correctsEntryId', code: 'REQUIRED' })]);
    expect(await ledgerCount()).toBe(before);
  });

  it('refuses a zero amount, a negative refund and a booking date in the future, naming the field', async () => {
    const before = await ledgerCount();
    const zero = await record(financeOfficer, { amountFen: 0 });
    expect(zero.statusCode).toBe(400);
    expect(issuesOf(zero.body)).toEqual([expect.objectContaining({ path: 'body.amountFen', code: 'ZERO_AMOUNT' })]);
    const negative = await record(financeOfficer, { amountFen: -5_000 });
    expect(negative.statusCode).toBe(400);
    expect(issuesOf(negative.body)).toEqual([expect.objectContaining({ path: 'body.amountFen', code: 'NEGATIVE' })]);
    const future = await record(financeOfficer, { bookedOn: '2026-06-16' });
    expect(future.statusCode).toBe(400);
    expect(issuesOf(future.body)).toEqual([expect.objectContaining({ path: 'body.bookedOn', code: 'FUTURE_DATE' })]);
    expect(await ledgerCount()).toBe(before);
  });

  it("answers 404 for a class of another region, and lets that region's finance bureau book it", async () => {
    const before = await ledgerCount();
    const foreign = await record(financeOfficer, { classId: clsC.id });
    expect(foreign.statusCode).toBe(404);
    expect(await ledgerCount()).toBe(before);
    const own = await record(tangshanFinanceOfficer, { classId: clsC.id, amountFen: 100_000 });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<Entry>()).toMatchObject({ regionId: 'tangshan', amountFen: -100_000 });
  });
});

describe('the ledger is append-only', () => {
  it('refuses UPDATE and DELETE straight on the table and keeps the entry as booked', async () => {
    await expect(t.db.execute(sql`update subsidy_ledger_entries set amount_fen = 0 where id = ${booked.a1Advance!.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from subsidy_ledger_entries where id = ${booked.a1Advance!.id}`)).rejects.toThrow();
    const [row] = await t.db.select().from(subsidyLedgerEntries).where(eq(subsidyLedgerEntries.id, booked.a1Advance!.id));
    expect(row!.amountFen).toBe(2_000_000);
  });
});

describe('GET /subsidy-ledger?format=xlsx', () => {
  it('exports the matching entries with bilingual columns and a closing total over all of them', async () => {
    const response = await financeOfficer.get(`/api/v1/subsidy-ledger?format=xlsx&classId=${clsA1.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('补贴拨付台账'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
    expect(rows[0]).toEqual(['序号', '记账日期', '企业', '培训班', '申领编号', '类别', '金额（元）', '银行流水号', '说明', '更正条目', '经办人']);
    // Latest first: the correction, the clawback, the advance; then the total.
    expect(rows.slice(1).map((r) => [r[5] ?? null, r[6]])).toEqual([
      ['更正', '-1,000.00'],
      ['预拨扣回', '-3,000.00'],
      ['预拨', '20,000.00'],
      [null, formatYuan(1_600_000)],
    ]);
    const advance = rows[3]!;
    expect(advance.slice(0, 5)).toEqual([booked.a1Advance!.seq, '2026-03-10', '天津宝坻华信汽车部件有限公司', clsA1.name, 'BT120115-2026-0001']);
    expect(advance[7]).toBe('HX20260310001');
    expect(rows[4]![0]).toBe('合计');
  });
});
