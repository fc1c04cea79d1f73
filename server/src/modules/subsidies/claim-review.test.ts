import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apprentices, people, publicNotices, subsidyLedgerEntries } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, type TestApp } from '../../test/app.ts';
import { member, trailOf } from '../training-centres/test-support.ts';
import { CLAIMS, CLASSES, castOf, completeClass, dayAfter, expectError, expectStatus, fullHours, setDay, type Cast, type Claim } from './claim-test-support.ts';
import { seedApprentices, seedAssessment, seedClass, seedPolicy } from './test-support.ts';

let t: TestApp;
let cast: Cast;
let signIn: () => Promise<void>;

beforeAll(async () => {
  t = await buildTestApp();
  ({ cast, signIn } = await castOf(t));
  await seedPolicy(t);
});
afterAll(() => t.close());

const OBJECTOR = { name: '李异议', residentId: syntheticResidentId(303), phone: '13912345678' };

const file = (classId: string, kind: 'advance' | 'settlement', client = cast.owner) => expectStatus<Claim>(client.post(CLAIMS, { classId, kind }), 201);
const act = (client: Client, id: string, path: string, body?: unknown) => client.post(`${CLAIMS}/${id}/${path}`, body);

/** HRSS approves, finance approves: the claim waits for the notice. */
async function approve(id: string) {
  await expectStatus(act(cast.officer, id, 'hrss-approve'), 200);
  return expectStatus<Claim>(act(cast.finance, id, 'finance-approve'), 200);
}

/** Publishes the claims, moves past the notice and signs everyone in again; returns the notice. */
async function publishAndWait(ids: string[]) {
  const published = await expectStatus<{ noticeId: string; endsOn: string; claims: number }>(cast.officer.post('/api/v1/subsidy-notices', { claimIds: ids }), 201);
  setDay(t, dayAfter(published.endsOn));
  await signIn();
  return published;
}

const ledgerOf = (claimId: string) => t.db.select().from(subsidyLedgerEntries).where(eq(subsidyLedgerEntries.claimId, claimId)).orderBy(subsidyLedgerEntries.seq);
const today = () => t.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('the worked example, end to end', () => {
  it('advances 45 apprentices, then settles 33 certified with 12 gone: 11,250,000 then 21,750,000 fen', async () => {
    setDay(t, '2026-03-16');
    await signIn();
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered', targetLevel: 3, durationYears: 2 });
    const roster = await seedApprentices(t, cls, 45);

    const preview = await expectStatus<{ computation: Claim['computation']; findings: unknown[] }>(cast.owner.get(`${CLASSES}/${cls.id}/claim-preview?kind=advance`), 200);
    expect(preview.computation.amountFen).toBe(11_250_000);
    expect(preview.findings).toEqual([]);

    const advance = await file(cls.id, 'advance');
    expect(advance).toMatchObject({ status: 'submitted', round: 1, kind: 'advance', amountFen: 11_250_000, findingsOpen: 0 });
    expect(advance.referenceNo).toMatch(/^BT120115-2026-\d{4}$/);
    expect(advance.computation.headcount).toMatchObject({ roster: 45, claimed: 45 });
    expect(advance.computation.perPersonAdvanceFen).toBe(250_000);
    expect(advance.computation.lines).toEqual([expect.objectContaining({ key: 'advance', amountFen: 11_250_000 })]);
    expect(advance.history.map((h) => `${h.transition}:${h.fromState}>${h.toState}`)).toEqual(['submit:submitted>submitted']);
    expect(advance.dueOn).not.toBeNull();
    expect(advance.availableTransitions.sort()).toEqual(['withdraw']);

    await approve(advance.id);
    const { noticeId, endsOn } = await expectStatus<{ noticeId: string; endsOn: string; claims: number }>(cast.officer.post('/api/v1/subsidy-notices', { claimIds: [advance.id] }), 201);
    const inNotice = await expectStatus<Claim>(cast.owner.get(`${CLAIMS}/${advance.id}`), 200);
    expect(inNotice).toMatchObject({ status: 'in_notice', noticeId, noticeEndsOn: endsOn });

    // Disbursement waits for the end of the notice.
    await expectError(act(cast.finance, advance.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-0001' }), 409, 'NOTICE_NOT_ENDED');
    setDay(t, dayAfter(endsOn));
    await signIn();
    const early = await expectError(act(cast.finance, advance.id, 'disburse', { disbursedOn: endsOn, bankReference: 'BOC-0001' }), 400, 'VALIDATION_FAILED');
    expect(early.details?.issues?.map((i) => i.path)).toEqual(['body.disbursedOn']);
    const future = await expectError(act(cast.finance, advance.id, 'disburse', { disbursedOn: dayAfter(today()), bankReference: 'BOC-0001' }), 400, 'VALIDATION_FAILED');
    expect(future.details?.issues?.map((i) => i.path)).toEqual(['body.disbursedOn']);
    expect(await ledgerOf(advance.id)).toEqual([]);
    const paid = await expectStatus<Claim>(act(cast.finance, advance.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-0001' }), 200);
    expect(paid).toMatchObject({ status: 'disbursed', disbursedOn: today(), bankReference: 'BOC-0001' });
    expect((await ledgerOf(advance.id)).map((e) => [e.kind, e.amountFen, e.bankReference])).toEqual([['advance', 11_250_000, 'BOC-0001']]);
    const closed = await expectStatus<Claim>(act(cast.owner, advance.id, 'close', { comment: '补贴资金已到账' }), 200);
    expect(closed.history.map((h) => h.transition)).toEqual(['submit', 'hrss_approve', 'finance_approve', 'publish_notice', 'disburse', 'close']);

    // The class completes: 33 certified at 高级, 12 left.
    await fullHours(t, cls.id, roster.slice(0, 33));
    for (const a of roster.slice(0, 33)) await seedAssessment(t, a.id, { passed: true, level: 3 });
    for (const a of roster.slice(33)) await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-09-01' }).where(eq(apprentices.id, a.id));
    await completeClass(t, cls.id);

    const settlement = await file(cls.id, 'settlement');
    expect(settlement.findings).toEqual([]);
    expect(settlement.amountFen).toBe(21_750_000);
    expect(settlement.computation.lines.map((l) => [l.key, l.amountFen])).toEqual([
      ['settlement', 24_750_000],
      ['clawback', -3_000_000],
    ]);
    expect(settlement.computation.headcount).toMatchObject({ roster: 45, claimed: 33, certified: 33, completedWithoutCertificate: 0, nonCompleters: 12 });
    expect(settlement.computation.advancePaidFen).toBe(11_250_000);

    await approve(settlement.id);
    await publishAndWait([settlement.id]);
    await expectStatus(act(cast.finance, settlement.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-0002' }), 200);
    expect((await ledgerOf(settlement.id)).map((e) => [e.kind, e.amountFen])).toEqual([
      ['settlement', 24_750_000],
      ['clawback', -3_000_000],
    ]);
    // The ledger is append-only: the database itself refuses to change a booked entry.
    const [entry] = await ledgerOf(settlement.id);
    await expect(t.db.execute(sql`update subsidy_ledger_entries set amount_fen = 0 where id = ${entry!.id}`)).rejects.toThrow();
    expect((await ledgerOf(settlement.id))[0]!.amountFen).toBe(24_750_000);
  });

  it('settles to a refund due when most apprentices left: the net is negative and booked as two lines', async () => {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered', targetLevel: 3, durationYears: 2 });
    const roster = await seedApprentices(t, cls, 10);
    const advance = await file(cls.id, 'advance');
    expect(advance.amountFen).toBe(2_500_000);
    await approve(advance.id);
    await publishAndWait([advance.id]);
    await expectStatus(act(cast.finance, advance.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-0003' }), 200);
    await fullHours(t, cls.id, roster.slice(0, 1), '2026-05-01');
    await seedAssessment(t, roster[0]!.id, { passed: true, level: 3 });
    await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-06-01' }).where(and(eq(apprentices.classId, cls.id), eq(apprentices.status, 'active')));
    await completeClass(t, cls.id);
    // The advance is disbursed but not closed: a settlement may follow.
    const settlement = await file(cls.id, 'settlement');
    expect(settlement.computation.lines.map((l) => [l.key, l.amountFen])).toEqual([
      ['settlement', 750_000],
      ['clawback', -2_250_000],
    ]);
    expect(settlement.amountFen).toBe(-1_500_000);
    await approve(settlement.id);
    await publishAndWait([settlement.id]);
    await expectStatus(act(cast.finance, settlement.id, 'disburse', { disbursedOn: today(), bankReference: 'REFUND-0001' }), 200);
    const booked = await ledgerOf(settlement.id);
    expect(booked.map((e) => [e.kind, e.amountFen, e.bankReference])).toEqual([
      ['settlement', 750_000, 'REFUND-0001'],
      ['clawback', -2_250_000, 'REFUND-0001'],
    ]);
    expect(booked.reduce((sum, e) => sum + e.amountFen, 0)).toBe(-1_500_000);
  });
});

describe('the review chain', () => {
  async function submitted() {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    await seedApprentices(t, cls, 3);
    return file(cls.id, 'advance');
  }

  it('refuses by role, by department, by state, without a comment, and hides other enterprises’ claims', async () => {
    const claim = await submitted();
    // Role: an instructor does not read claims; the owner does not approve its own.
    await expectError(act(cast.instructor, claim.id, 'hrss-approve'), 403, 'FORBIDDEN');
    await expectError(act(cast.owner, claim.id, 'hrss-approve'), 403, 'FORBIDDEN');
    // Department: finance cannot take HRSS's step, HRSS cannot take finance's.
    await expectError(act(cast.finance, claim.id, 'hrss-approve'), 403, 'FORBIDDEN');
    // State: finance approval needs finance review.
    await expectError(act(cast.reviewer, claim.id, 'finance-approve'), 403, 'FORBIDDEN');
    const wrongState = await expectError(act(cast.finance, claim.id, 'finance-approve'), 409, 'INVALID_TRANSITION');
    expect(wrongState.details).toMatchObject({ currentState: 'submitted' });
    // Comment: a return says why.
    const bare = await expectError(act(cast.officer, claim.id, 'return'), 400, 'VALIDATION_FAILED');
    expect(bare.details?.issues?.map((i) => i.path)).toEqual(['body.comment']);
    await expectError(act(cast.officer, claim.id, 'reject', {}), 400, 'VALIDATION_FAILED');
    // Another enterprise: not found, whatever it tries.
    expect((await cast.otherOwner.get(`${CLAIMS}/${claim.id}`)).statusCode).toBe(404);
    await expectError(act(cast.otherOwner, claim.id, 'withdraw'), 404, 'NOT_FOUND');
    expect((await cast.otherOwner.get(CLAIMS)).json<{ items: Claim[] }>().items.map((c) => c.id)).not.toContain(claim.id);
    // Nothing above changed the claim or its history.
    const after = await expectStatus<Claim>(cast.owner.get(`${CLAIMS}/${claim.id}`), 200);
    expect(after.status).toBe('submitted');
    expect(after.history.map((h) => h.transition)).toEqual(['submit']);

    await expectStatus(act(cast.officer, claim.id, 'hrss-approve'), 200);
    await expectError(act(cast.officer, claim.id, 'finance-approve'), 403, 'FORBIDDEN');
    const back = await expectStatus<Claim>(act(cast.finance, claim.id, 'finance-return', { comment: '银行账户信息需核对' }), 200);
    expect(back.status).toBe('submitted');
    await expectStatus(act(cast.officer, claim.id, 'hrss-approve'), 200);
    const approved = await expectStatus<Claim>(act(cast.finance, claim.id, 'finance-approve'), 200);
    expect(approved.status).toBe('approved');
    const { audit } = await trailOf(t, 'subsidy_claim', claim.id);
    expect(audit.map((a) => a.action)).toEqual(['submit', 'hrss_approve', 'finance_return', 'hrss_approve', 'finance_approve']);
  });

  it('keeps a returned claim’s whole history through resubmission, and lets the organiser withdraw', async () => {
    const claim = await submitted();
    const returned = await expectStatus<Claim>(act(cast.officer, claim.id, 'return', { comment: '请补充学徒劳动合同' }), 200);
    expect(returned).toMatchObject({ status: 'returned' });
    expect(returned.availableTransitions.sort()).toEqual([]);
    expect((await expectStatus<Claim>(cast.owner.get(`${CLAIMS}/${claim.id}`), 200)).availableTransitions.sort()).toEqual(['resubmit', 'withdraw']);
    const again = await expectStatus<Claim>(act(cast.owner, claim.id, 'resubmit', { comment: '已补充' }), 200);
    expect(again).toMatchObject({ status: 'submitted', round: 2, referenceNo: claim.referenceNo });
    expect(again.history.map((h) => [h.transition, h.comment])).toEqual([
      ['submit', null],
      ['return', '请补充学徒劳动合同'],
      ['resubmit', '已补充'],
    ]);
    const withdrawn = await expectStatus<Claim>(act(cast.owner, claim.id, 'withdraw'), 200);
    expect(withdrawn.status).toBe('withdrawn');
    await expectError(act(cast.owner, claim.id, 'resubmit'), 409, 'INVALID_TRANSITION');
    // A withdrawn claim steps aside: the class may claim again.
    expect((await cast.owner.post(CLAIMS, { classId: claim.classId, kind: 'advance' })).statusCode).toBe(201);
  });

  it('lets only one of two officers approving at once succeed', async () => {
    const claim = await submitted();
    const second = await member(t, cast.hrssId, 'department_officer');
    const results = await Promise.all([act(cast.officer, claim.id, 'hrss-approve'), act(second, claim.id, 'hrss-approve')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(['INVALID_TRANSITION', 'STALE_STATE']).toContain(loser.json<{ error: { code: string } }>().error.code);
    const { events, audit } = await trailOf(t, 'subsidy_claim', claim.id);
    expect(events.filter((e) => e.transition === 'hrss_approve')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'hrss_approve')).toHaveLength(1);
  });
});

describe('public notice and disbursement', () => {
  async function approvedClaim(names: string[]) {
    const cls = await seedClass(t, cast.enterpriseId, { status: 'registered' });
    const roster = await seedApprentices(t, cls, names.length);
    for (const [i, a] of roster.entries()) await t.db.update(people).set({ name: names[i]! }).where(eq(people.id, a.personId));
    const claim = await file(cls.id, 'advance');
    await approve(claim.id);
    return { claim, roster };
  }

  it('publishes approved claims as one notice with masked names only, and refuses claims not approved', async () => {
    const a = await approvedClaim(['张小三', '欧阳小明']);
    const b = await approvedClaim(['王大锤']);
    const cls = await seedClass(t, cast.otherEnterpriseId, { status: 'registered' });
    await seedApprentices(t, cls, 1);
    const pending = await file(cls.id, 'advance', cast.otherOwner);
    const refused = await expectError(cast.officer.post('/api/v1/subsidy-notices', { claimIds: [a.claim.id, pending.id] }), 409, 'INVALID_TRANSITION');
    expect(refused.details).toMatchObject({ claimId: pending.id, currentState: 'submitted' });
    expect((await expectStatus<Claim>(cast.officer.get(`${CLAIMS}/${a.claim.id}`), 200)).status).toBe('approved');
    await expectError(cast.finance.post('/api/v1/subsidy-notices', { claimIds: [a.claim.id] }), 403, 'FORBIDDEN');
    await expectError(cast.owner.post('/api/v1/subsidy-notices', { claimIds: [a.claim.id] }), 403, 'FORBIDDEN');
    await expectError(cast.officer.post('/api/v1/subsidy-notices', { claimIds: [a.claim.id], workingDays: 3 }), 400, 'VALIDATION_FAILED');

    const published = await expectStatus<{ noticeId: string; endsOn: string; claims: number }>(cast.officer.post('/api/v1/subsidy-notices', { claimIds: [a.claim.id, b.claim.id] }), 201);
    expect(published.claims).toBe(2);
    const [notice] = await t.db.select().from(publicNotices).where(eq(publicNotices.id, published.noticeId));
    expect(notice!.subjectType).toBe('subsidy_claims');
    expect(notice!.title).toMatch(/^2026年第\d+批新型学徒制培训补贴拟拨付名单公示$/);
    expect(notice!.columns.map((c) => c.zh)).toEqual(['序号', '企业名称', '培训班', '职业及等级', '类别', '计划人数', '结业人数', '补贴金额（元）', '学徒名单']);
    expect(notice!.entries.map((e) => e.ref)).toEqual([a.claim.id, b.claim.id]);
    expect(notice!.entries[0]!.cells).toMatchObject({ seq: '1', kind: '预拨', planned: '2', completers: '—', amount: '5,000.00', apprentices: '张*三、欧**明' });
    expect(notice!.entries[0]!.cells.occupation).toBe('焊工三级/高级工');
    const stored = JSON.stringify(notice);
    for (const person of [...a.roster, ...b.roster]) {
      const [row] = await t.db.select().from(people).where(eq(people.id, person.personId));
      expect(stored).not.toContain(row!.name);
      expect(stored).not.toContain(row!.residentId);
    }
    for (const claim of [a.claim, b.claim]) {
      const seen = await expectStatus<Claim>(cast.owner.get(`${CLAIMS}/${claim.id}`), 200);
      expect(seen).toMatchObject({ status: 'in_notice', noticeId: published.noticeId });
    }
  });

  it('disburses only after every objection is handled, and not a claim whose objection was upheld', async () => {
    const kept = await approvedClaim(['赵一', '钱二']);
    const objected = await approvedClaim(['孙三', '李四']);
    const published = await expectStatus<{ noticeId: string; endsOn: string }>(cast.officer.post('/api/v1/subsidy-notices', { claimIds: [kept.claim.id, objected.claim.id] }), 201);
    const anonymous = new Client(t.app);
    const filed = async (entryRef: string) => {
      const res = await anonymous.post(`/api/v1/public/notices/${published.noticeId}/objections`, { ...OBJECTOR, entryRef, content: '该企业学徒名单中有人并未实际参加培训。' });
      expect(res.statusCode, res.body).toBe(201);
    };
    await filed(objected.claim.id);
    await filed(kept.claim.id);
    setDay(t, dayAfter(published.endsOn));
    await signIn();
    await expectError(act(cast.finance, kept.claim.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-1' }), 409, 'OBJECTIONS_UNHANDLED');
    const detail = await expectStatus<{ objectionList: { id: string; entryRef: string }[] }>(cast.officer.get(`/api/v1/notices/${published.noticeId}`), 200);
    for (const o of detail.objectionList) {
      const outcome = o.entryRef === objected.claim.id ? 'upheld' : 'dismissed';
      await expectStatus(cast.officer.post(`/api/v1/notices/${published.noticeId}/objections/${o.id}/handle`, { outcome, note: '经核查' + (outcome === 'upheld' ? '属实' : '不属实') }), 200);
    }
    const upheld = await expectError(act(cast.finance, objected.claim.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-2' }), 409, 'CONFLICT');
    expect(upheld.details).toMatchObject({ upheldObjection: true });
    expect(await ledgerOf(objected.claim.id)).toEqual([]);
    const rejected = await expectStatus<Claim>(act(cast.officer, objected.claim.id, 'reject', { comment: '公示期间异议成立' }), 200);
    expect(rejected.status).toBe('rejected');
    await expectError(act(cast.officer, kept.claim.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-1' }), 403, 'FORBIDDEN');
    await expectStatus(act(cast.finance, kept.claim.id, 'disburse', { disbursedOn: today(), bankReference: 'BOC-1' }), 200);
    expect((await ledgerOf(kept.claim.id)).map((e) => [e.kind, e.amountFen])).toEqual([['advance', 500_000]]);
    // HRSS may close a disbursed claim too; finance may not.
    await expectError(act(cast.finance, kept.claim.id, 'close'), 403, 'FORBIDDEN');
    expect((await expectStatus<Claim>(act(cast.reviewer, kept.claim.id, 'close'), 200)).status).toBe('closed');
  });
});
