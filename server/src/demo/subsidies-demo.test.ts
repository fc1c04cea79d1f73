import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { equipmentManufacturingDivisions, type LedgerBalanceList, type SubsidyClaim, type SubsidyClaimDetail, type SubsidyStatistics } from '@fulcrum/shared';
import { apprenticeshipClasses, organisations, publicNotices, subsidyClaims } from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { buildTestApp, Client, type TestApp } from '../test/app.ts';
import { DEMO_PASSWORD, loadDemo } from './generate.ts';

/*
 * The demo district's apprenticeship subsidies, read back through the API as its users would: classes in several
 * states, an equipment manufacturer paid after a public notice, a claim held by a duplicate-person finding, and
 * every stored computation equal to what the server computes from the same records.
 */

const NOW = new Date('2026-11-25T02:00:00Z');
let t: TestApp;
const as = (username: string) => new Client(t.app).login(username, DEMO_PASSWORD);
const equipment = new Set<string>(equipmentManufacturingDivisions);

beforeAll(async () => {
  t = await buildTestApp({ clock: new ManualClock(NOW) });
  await loadDemo(t.db, { now: NOW });
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe("the demo district's apprenticeship subsidies", () => {
  it('has classes in several states, drafts only in the organisers own view', async () => {
    const counts = (await (await as('hrss-officer')).get('/api/v1/apprenticeship-classes/counts')).json<{ byStatus: Record<string, number>; overdue: number }>();
    for (const status of ['filed', 'returned', 'registered', 'completed']) expect(counts.byStatus[status], status).toBeGreaterThan(0);
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.byStatus.draft ?? 0).toBe(0);
    const drafts = await t.db.select().from(apprenticeshipClasses).where(eq(apprenticeshipClasses.status, 'draft'));
    expect(drafts.length).toBeGreaterThan(0);
  });

  it('paid an equipment manufacturer after a public notice that ended', async () => {
    const officer = await as('finance-officer');
    const closed = (await officer.get('/api/v1/subsidy-claims?status=closed&pageSize=100')).json<{ items: SubsidyClaim[] }>().items;
    const [paid] = await Promise.all(
      closed.map(async (claim) => {
        const [org] = await t.db.select().from(organisations).where(eq(organisations.id, claim.organisationId));
        return equipment.has(org?.industryDivision ?? '') && claim.noticeId ? claim : null;
      }),
    ).then((rows) => rows.filter((c): c is SubsidyClaim => c !== null));
    expect(paid).toBeDefined();
    expect(paid!.disbursedOn).not.toBeNull();
    const notice = (await new Client(t.app).get(`/api/v1/public/notices/${paid!.noticeId}`)).json<{ state: string; endsOn: string }>();
    expect(notice.state).toBe('ended');
    expect(paid!.disbursedOn! > notice.endsOn).toBe(true);
    const ledger = (await officer.get(`/api/v1/subsidy-ledger?classId=${paid!.classId}`)).json<{ items: { claimId: string | null; amountFen: number }[] }>();
    expect(ledger.items.filter((e) => e.claimId === paid!.id).reduce((sum, e) => sum + e.amountFen, 0)).toBe(paid!.amountFen);
  });

  it('holds a claim on a duplicate-person finding the HRSS officer has to resolve', async () => {
    const officer = await as('hrss-officer');
    const waiting = (await officer.get('/api/v1/subsidy-claims?withOpenFindings=true&pageSize=100')).json<{ items: SubsidyClaim[] }>().items;
    const details = await Promise.all(waiting.map(async (c) => (await officer.get(`/api/v1/subsidy-claims/${c.id}`)).json<SubsidyClaimDetail>()));
    const flagged = details.find((d) => d.findings.some((f) => f.code === 'DUPLICATE_SUBSIDY' && f.status === 'open'));
    expect(flagged).toBeDefined();
    expect(flagged!.findings.find((f) => f.code === 'DUPLICATE_SUBSIDY')!.message['zh-CN']).toMatch(/已/);
    const approve = await officer.post(`/api/v1/subsidy-claims/${flagged!.id}/hrss-approve`, {});
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('FINDINGS_UNRESOLVED');
  });

  it('stored each open claim as the server computes it now, findings included', async () => {
    const officer = await as('hrss-officer');
    const open = (await t.db.select().from(subsidyClaims)).filter((c) => ['submitted', 'finance_review', 'approved'].includes(c.status));
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const claim of open) {
      const preview = await officer.get(`/api/v1/apprenticeship-classes/${claim.classId}/claim-preview?kind=${claim.kind}`);
      expect(preview.statusCode, preview.body).toBe(200);
      const body = preview.json<{ computation: unknown; findings: { code: string }[] }>();
      expect(body.computation).toEqual(claim.computation);
      const detail = (await officer.get(`/api/v1/subsidy-claims/${claim.id}`)).json<SubsidyClaimDetail>();
      expect(body.findings.map((f) => f.code).sort()).toEqual(detail.findings.map((f) => f.code).sort());
    }
  });

  it('answers which industries the first batch of last year reached, from the ledger', async () => {
    const officer = await as('hrss-officer');
    const notices = await t.db.select().from(publicNotices).where(eq(publicNotices.subjectType, 'subsidy_claims'));
    const first = notices.filter((n) => n.startsOn.startsWith('2025')).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0]!;
    expect(first.title).toMatch(/^2025年第1批/);
    const stats = (await officer.get(`/api/v1/subsidy-statistics?dimension=industryGroup&noticeId=${first.id}`)).json<SubsidyStatistics>();
    const equipmentRow = stats.rows.find((r) => r.key === 'equipment');
    expect(equipmentRow?.amountFen).toBeGreaterThan(0);
    expect(stats.rows[0]!.key).toBe('equipment');
    const claims = (await t.db.select().from(subsidyClaims)).filter((c) => c.noticeId === first.id);
    expect(stats.totals.amountFen).toBe(claims.reduce((sum, c) => sum + c.amountFen, 0));
  });

  it('keeps balances that are the sums of the disbursed claims', async () => {
    const officer = await as('finance-officer');
    const balances = (await officer.get('/api/v1/subsidy-ledger/balances')).json<LedgerBalanceList>();
    const paid = (await t.db.select().from(subsidyClaims)).filter((c) => c.disbursedOn !== null);
    expect(balances.totalFen).toBe(paid.reduce((sum, c) => sum + c.amountFen, 0));
    // One class settled with a refund due: its settlement is negative.
    expect(paid.some((c) => c.kind === 'settlement' && c.amountFen < 0)).toBe(true);
  });

  it('labels the demo policies as demo values and keeps the version the settlements used', async () => {
    const policies = (await (await as('hrss-officer')).get('/api/v1/subsidy-policies?year=2025')).json<{ items: { version: number; isDemo: boolean; claimCount: number }[] }>().items;
    expect(policies.map((p) => p.version).sort()).toEqual([1, 2]);
    expect(policies.every((p) => p.isDemo)).toBe(true);
    expect(policies.every((p) => p.claimCount > 0)).toBe(true);
  });

  it('shows the showcase enterprise its own class, claim and ledger only', async () => {
    const admin = await as('ent-admin');
    const classes = (await admin.get('/api/v1/apprenticeship-classes?pageSize=100')).json<{ items: { organisationId: string }[] }>().items;
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes.map((c) => c.organisationId)).size).toBe(1);
    const ledger = (await admin.get('/api/v1/subsidy-ledger')).json<{ items: { organisationId: string }[]; totals: { balanceFen: number } }>();
    expect(ledger.items.length).toBeGreaterThan(0);
    expect(new Set(ledger.items.map((e) => e.organisationId))).toEqual(new Set([classes[0]!.organisationId]));
    expect(ledger.totals.balanceFen).toBeGreaterThan(0);
  });

  it('counts the showcase apprentices’ platform study time as online hours of their class', async () => {
    const admin = await as('ent-admin');
    const [cls] = (await admin.get('/api/v1/apprenticeship-classes?status=registered&pageSize=10')).json<{ items: { id: string }[] }>().items;
    const courses = (await admin.get(`/api/v1/apprenticeship-classes/${cls!.id}/online-courses`)).json<{ items: { platformMinutes: number }[] }>().items;
    expect(courses.length).toBeGreaterThan(0);
    expect(courses.some((c) => c.platformMinutes > 0)).toBe(true);
    const progress = (await admin.get(`/api/v1/apprenticeship-classes/${cls!.id}/progress`)).json<{ apprentices: { hours: { platformMinutes: number; onlineMinutes: number } }[] }>();
    const studying = progress.apprentices.filter((a) => a.hours.platformMinutes > 0);
    expect(studying.length).toBeGreaterThan(0);
    for (const a of studying) expect(a.hours.onlineMinutes).toBeGreaterThanOrEqual(a.hours.platformMinutes);
  });
});
