import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, claimFindings, employments } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { CLAIMS, CLASSES, castOf, completeClass, expectError, expectStatus, type Cast, type Claim } from './claim-test-support.ts';
import { seedApprentices, seedClass, seedPolicy, seedSession } from './test-support.ts';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cast } = await castOf(t));
  await seedPolicy(t);
});
afterAll(() => t.close());

const file = (classId: string, kind: 'advance' | 'settlement' = 'advance') => expectStatus<Claim>(cast.owner.post(CLAIMS, { classId, kind }), 201);
const endEmployment = (employmentId: string, on = '2026-03-01') => t.db.update(employments).set({ endDate: on }).where(eq(employments.id, employmentId));
const resolve = (claim: Claim, findingId: string, body: unknown, client = cast.officer) => client.post(`${CLAIMS}/${claim.id}/findings/${findingId}/resolve`, body);

describe('filing a claim', () => {
  it('refuses what may not be claimed, naming why, and stores nothing', async () => {
    const draft = await seedClass(t, cast.enterpriseId, { status: 'draft' });
    await seedApprentices(t, draft, 2);
    expect((await expectError(cast.owner.post(CLAIMS, { classId: draft.id, kind: 'advance' }), 409, 'CONFLICT')).details).toMatchObject({ status: 'draft' });
    const registered = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    await seedApprentices(t, registered, 2);
    expect((await expectError(cast.owner.post(CLAIMS, { classId: registered.id, kind: 'settlement' }), 409, 'CLASS_NOT_COMPLETED')).details).toEqual({ status: 'registered' });
    await expectError(cast.owner.get(`${CLASSES}/${registered.id}/claim-preview?kind=settlement`), 409, 'CLASS_NOT_COMPLETED');
    const bad = await expectError(cast.owner.post(CLAIMS, { classId: registered.id, kind: 'bonus' }), 400, 'VALIDATION_FAILED');
    expect(bad.details?.issues?.map((i) => i.path)).toEqual(['body.kind']);
    // Out of reach: another enterprise's class is not found; departments do not file.
    await expectError(cast.otherOwner.post(CLAIMS, { classId: registered.id, kind: 'advance' }), 404, 'NOT_FOUND');
    await expectError(cast.otherOwner.get(`${CLASSES}/${registered.id}/claim-preview?kind=advance`), 404, 'NOT_FOUND');
    await expectError(cast.officer.post(CLAIMS, { classId: registered.id, kind: 'advance' }), 403, 'FORBIDDEN');
    await expectError(cast.instructor.post(CLAIMS, { classId: registered.id, kind: 'advance' }), 403, 'FORBIDDEN');
    // No policy for the cohort year.
    const later = await seedClass(t, cast.enterpriseId, { status: 'registered', startsOn: '2029-03-01' });
    await seedApprentices(t, later, 1);
    expect((await expectError(cast.owner.post(CLAIMS, { classId: later.id, kind: 'advance' }), 409, 'NO_SUBSIDY_POLICY')).details).toMatchObject({ year: 2029 });
    expect((await cast.owner.get(CLAIMS)).json<{ total: number }>().total).toBe(0);

    // One live claim per class and kind; a settlement waits for the advance to be paid.
    const first = await file(registered.id);
    expect((await expectError(cast.owner.post(CLAIMS, { classId: registered.id, kind: 'advance' }), 409, 'CLAIM_EXISTS')).details).toMatchObject({ claimId: first.id });
    await completeClass(t, registered.id);
    expect((await expectError(cast.owner.post(CLAIMS, { classId: registered.id, kind: 'settlement' }), 409, 'CONFLICT')).details).toMatchObject({ advanceClaimId: first.id });
  });

  it('numbers claims per region and year', async () => {
    const a = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    const b = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    await seedApprentices(t, a, 1);
    await seedApprentices(t, b, 1);
    const [x, y] = [await file(a.id), await file(b.id)];
    const seq = (c: Claim) => Number(c.referenceNo.slice('BT120115-2026-'.length));
    expect(seq(y)).toBe(seq(x) + 1);
  });

  it('keeps a filed claim under its policy version while a new preview uses the next', async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    await seedApprentices(t, cls, 4);
    const claim = await file(cls.id);
    expect(claim.computation.policy.version).toBe(1);
    expect(claim.amountFen).toBe(1_000_000);
    await seedPolicy(t, 'baodi', { version: 2, ratesFen: { '4': 400_000, '3': 800_000, '2': 900_000, '1': 1_000_000 } });
    const again = await expectStatus<Claim>(cast.owner.get(`${CLAIMS}/${claim.id}`), 200);
    expect(again.amountFen).toBe(1_000_000);
    expect(again.computation).toEqual(claim.computation);
    const other = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    await seedApprentices(t, other, 4);
    const preview = await expectStatus<{ computation: Claim['computation'] }>(cast.owner.get(`${CLASSES}/${other.id}/claim-preview?kind=advance`), 200);
    expect(preview.computation.policy.version).toBe(2);
    expect(preview.computation.rateFen).toBe(800_000);
    expect(preview.computation.amountFen).toBe(1_600_000);
    // Nothing was stored by the preview.
    expect((await cast.owner.get(`${CLAIMS}?classId=${other.id}`)).json<{ total: number }>().total).toBe(0);
  });
});

describe('findings and their resolution', () => {
  it('holds HRSS approval until every finding is resolved; excluding recomputes the amount', async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    const roster = await seedApprentices(t, cls, 3);
    await endEmployment(roster[0]!.employmentId);
    await endEmployment(roster[1]!.employmentId);
    const claim = await file(cls.id);
    // The advance claim is filed at the policy then in force (version 2: 8,000 yuan × 50 %).
    expect(claim.amountFen).toBe(1_200_000);
    expect(claim.findings.map((f) => [f.code, f.apprenticeId]).sort()).toEqual(
      [
        ['NOT_EMPLOYED', roster[0]!.id],
        ['NOT_EMPLOYED', roster[1]!.id],
      ].sort(),
    );
    expect((await expectError(cast.officer.post(`${CLAIMS}/${claim.id}/hrss-approve`), 409, 'FINDINGS_UNRESOLVED')).details).toEqual({ open: 2 });
    const gone = claim.findings.find((f) => f.apprenticeId === roster[0]!.id)!;
    const back = claim.findings.find((f) => f.apprenticeId === roster[1]!.id)!;

    await expectError(resolve(claim, gone.id, { resolution: 'excluded', note: '已离职' }, cast.owner), 403, 'FORBIDDEN');
    await expectError(resolve(claim, gone.id, { resolution: 'excluded', note: '已离职' }, cast.finance), 403, 'FORBIDDEN');
    const noNote = await expectError(resolve(claim, gone.id, { resolution: 'excluded' }), 400, 'VALIDATION_FAILED');
    expect(noNote.details?.issues?.map((i) => i.path)).toEqual(['body.note']);
    await expectError(resolve(claim, crypto.randomUUID(), { resolution: 'accepted', note: '核实' }), 404, 'NOT_FOUND');

    const excluded = await expectStatus<Claim>(resolve(claim, gone.id, { resolution: 'excluded', note: '学徒已离职，不计入补贴' }), 200);
    expect(excluded.amountFen).toBe(800_000);
    expect(excluded.computation.headcount).toMatchObject({ roster: 3, claimed: 2, excluded: 1 });
    expect(excluded.computation.excludedApprenticeIds).toEqual([roster[0]!.id]);
    expect(excluded.findingsOpen).toBe(1);
    await expectError(resolve(claim, gone.id, { resolution: 'accepted', note: '再改' }), 409, 'CONFLICT');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, claim.id), eq(auditLog.action, 'resolve_finding')));
    expect(audit).toMatchObject({ before: { amountFen: 1_200_000 }, after: { amountFen: 800_000, resolution: 'excluded' } });

    const accepted = await expectStatus<Claim>(resolve(claim, back.id, { resolution: 'accepted', note: '已重新签订劳动合同' }), 200);
    expect(accepted.amountFen).toBe(800_000);
    expect(accepted.findings.find((f) => f.id === back.id)).toMatchObject({ status: 'accepted', resolutionNote: '已重新签订劳动合同' });
    expect((await expectStatus<Claim>(cast.officer.post(`${CLAIMS}/${claim.id}/hrss-approve`), 200)).status).toBe('finance_review');
    // Once past HRSS review, findings are settled.
    await expectError(resolve(claim, back.id, { resolution: 'excluded', note: '改主意' }), 409, 'CONFLICT');
  });

  it("settles an excluded apprentice's other open findings with the exclusion", async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    const roster = await seedApprentices(t, cls, 2);
    const tired = roster[0]!;
    // Twelve hours in one day, and the apprentice has since left the enterprise: two findings about one person.
    for (const [startTime, endTime] of [['08:00', '14:00'], ['14:00', '20:00']] as const) {
      await seedSession(t, cls.id, [{ apprenticeId: tired.id, personId: tired.personId, present: true }], { date: '2026-04-01', startTime, endTime });
    }
    await endEmployment(tired.employmentId);
    const claim = await file(cls.id);
    const mine = claim.findings.filter((f) => f.apprenticeId === tired.id);
    expect(mine.map((f) => f.code).sort()).toEqual(['DAY_OVER_10_HOURS', 'NOT_EMPLOYED']);
    const after = await expectStatus<Claim>(resolve(claim, mine.find((f) => f.code === 'NOT_EMPLOYED')!.id, { resolution: 'excluded', note: '已离职，不计入补贴' }), 200);
    expect(after.findings.filter((f) => f.apprenticeId === tired.id).map((f) => f.status)).toEqual(['excluded', 'excluded']);
    expect(after.findingsOpen).toBe(0);
    expect(after.computation.headcount).toMatchObject({ claimed: 1, excluded: 1 });
  });

  it('reruns the checks on resubmission: exclusions stay, earlier resolutions carry over, new problems open', async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    const roster = await seedApprentices(t, cls, 4);
    await endEmployment(roster[0]!.employmentId);
    await endEmployment(roster[1]!.employmentId);
    const claim = await file(cls.id);
    const f0 = claim.findings.find((f) => f.apprenticeId === roster[0]!.id)!;
    const f1 = claim.findings.find((f) => f.apprenticeId === roster[1]!.id)!;
    await expectStatus(resolve(claim, f0.id, { resolution: 'excluded', note: '已离职' }), 200);
    await expectStatus(resolve(claim, f1.id, { resolution: 'accepted', note: '劳动合同续签中' }), 200);
    await expectStatus(cast.officer.post(`${CLAIMS}/${claim.id}/return`, { comment: '请补充续签合同' }), 200);
    await endEmployment(roster[2]!.employmentId, '2026-03-02');
    const again = await expectStatus<Claim>(cast.owner.post(`${CLAIMS}/${claim.id}/resubmit`), 200);
    expect(again.round).toBe(2);
    expect(again.computation.excludedApprenticeIds).toEqual([roster[0]!.id]);
    expect(again.computation.headcount.claimed).toBe(3);
    const round2 = again.findings.filter((f) => f.round === 2);
    expect(round2.map((f) => [f.apprenticeId, f.status])).toEqual([
      [roster[2]!.id, 'open'],
      [roster[1]!.id, 'accepted'],
    ]);
    expect(round2.find((f) => f.status === 'accepted')!.resolutionNote).toBe('劳动合同续签中');
    // Round 1 stays as it was, listed after the current round.
    expect(again.findings.slice(2).map((f) => [f.round, f.apprenticeId, f.status]).sort()).toEqual(
      [
        [1, roster[0]!.id, 'excluded'],
        [1, roster[1]!.id, 'accepted'],
      ].sort(),
    );
    expect(again).toMatchObject({ findingsOpen: 1, findingsTotal: 2 });
    expect((await t.db.select().from(claimFindings).where(eq(claimFindings.claimId, claim.id))).length).toBe(4);
    await expectError(cast.officer.post(`${CLAIMS}/${claim.id}/hrss-approve`), 409, 'FINDINGS_UNRESOLVED');
  });
});

describe('lists and counts', () => {
  it('lists claims within reach with filters, counts them per status, and exports them', async () => {
    const page = await expectStatus<{ items: Claim[]; total: number }>(cast.officer.get(`${CLAIMS}?pageSize=100`), 200);
    expect(page.total).toBeGreaterThan(0);
    // Open findings come first by default.
    const flags = page.items.map((c) => c.findingsOpen > 0);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    const open = await expectStatus<{ items: Claim[] }>(cast.officer.get(`${CLAIMS}?withOpenFindings=true&pageSize=100`), 200);
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((c) => c.findingsOpen > 0)).toBe(true);
    const one = page.items[0]!;
    const byRef = await expectStatus<{ items: Claim[] }>(cast.officer.get(`${CLAIMS}?q=${one.referenceNo}`), 200);
    expect(byRef.items.map((c) => c.id)).toEqual([one.id]);
    const sorted = await expectStatus<{ items: Claim[] }>(cast.officer.get(`${CLAIMS}?sort=-amountFen&pageSize=100`), 200);
    const amounts = sorted.items.map((c) => c.amountFen);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect((await cast.otherOwner.get(CLAIMS)).json<{ total: number }>().total).toBe(0);
    expect((await cast.instructor.get(CLAIMS)).statusCode).toBe(403);

    const counts = await expectStatus<{ total: number; byStatus: Record<string, number> }>(cast.officer.get(`${CLAIMS}/counts`), 200);
    expect(counts.total).toBe(page.total);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(page.total);
    expect(counts.byStatus.finance_review).toBe(1);

    const xlsx = await cast.officer.get(`${CLAIMS}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(9).value).toBe('补贴金额（元）');
    expect(sheet.rowCount).toBe(page.total + 1);
  });
});
