import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubsidyPolicy } from '@fulcrum/shared';
import { auditLog, subsidyClaims, subsidyPolicies } from '../../db/schema/index.ts';
import { buildTestApp, type Client, type TestApp } from '../../test/app.ts';
import { department, enterprise, expectStatus, issuePaths, member, type ErrorBody } from '../training-centres/test-support.ts';
import { applicablePolicy } from './policies.ts';
import { policyBody, seedClass, seedPolicy } from './test-support.ts';

const POLICIES = '/api/v1/subsidy-policies';

let t: TestApp;
let officer: Client;
let reviewer: Client;
let ficOfficer: Client;
let financeOfficer: Client;
let farOfficer: Client;
let admin: Client;
let entAdmin: Client;
let entA: { id: string };

const { year: _year, ...revisionFields } = policyBody();
const revision = (overrides: Record<string, unknown> = {}) => ({ ...revisionFields, reason: '市人社局、财政局联合通知调整标准', ...overrides });
const policyCount = async () => Number((await t.db.select({ n: count() }).from(subsidyPolicies))[0]!.n);

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  officer = await member(t, hrss.id, 'department_officer');
  reviewer = await member(t, hrss.id, 'department_reviewer');
  admin = await member(t, hrss.id, 'system_admin');
  ficOfficer = await member(t, (await department(t, 'baodi', 'fic')).id, 'department_officer');
  financeOfficer = await member(t, (await department(t, 'baodi', 'finance')).id, 'department_officer');
  farOfficer = await member(t, (await department(t, 'tangshan')).id, 'department_officer');
  entA = await enterprise(t);
  entAdmin = await member(t, entA.id, 'enterprise_admin');
});
afterAll(() => t.close());

describe('writing a policy', () => {
  it('writes version 1 of the HRSS bureau’s own region, with warnings computed against the national rules', async () => {
    const policy = await expectStatus<SubsidyPolicy>(officer.post(POLICIES, policyBody()), 201);
    expect(policy).toMatchObject({ regionId: 'baodi', regionName: '天津市宝坻区', year: 2026, version: 1, isLatest: true, claimCount: 0, reason: null, advanceRatioBp: 5_000 });
    expect(policy.createdByName).toMatch(/department_officer/);
    // 中级工 4,000 yuan is below the 5,000 floor; the rate without a certificate is the reduced rate and exempt.
    expect(policy.warnings).toEqual([expect.objectContaining({ path: 'ratesFen.4', code: 'BELOW_NATIONAL_FLOOR' })]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'subsidy_policy'), eq(auditLog.entityId, policy.id)));
    expect(audit).toMatchObject({ action: 'create', regionId: 'baodi' });
  });

  it('refuses a second version 1 for the same region and year with 409 CONFLICT naming the existing one', async () => {
    const [existing] = await t.db.select().from(subsidyPolicies).where(and(eq(subsidyPolicies.regionId, 'baodi'), eq(subsidyPolicies.year, 2026)));
    const before = await policyCount();
    const body = await expectStatus<ErrorBody & { error: { details: { existingId: string } } }>(reviewer.post(POLICIES, policyBody()), 409);
    expect(body.error).toMatchObject({ code: 'CONFLICT', details: { existingId: existing!.id } });
    expect(await policyCount()).toBe(before);
  });

  it('saves an advance above the national ceiling, with a warning at advanceRatioBp', async () => {
    const policy = await expectStatus<SubsidyPolicy>(
      officer.post(POLICIES, policyBody({ year: 2027, advanceRatioBp: 6_000, ratesFen: { '4': 500_000, '3': 600_000, '2': 700_000, '1': 800_000 } })),
      201,
    );
    expect(policy.warnings).toEqual([expect.objectContaining({ path: 'advanceRatioBp', code: 'ABOVE_NATIONAL_ADVANCE_CEILING' })]);
  });

  it('is the HRSS bureau’s alone: enterprises, the FIC and the finance bureau get 403 and nothing is written', async () => {
    const before = await policyCount();
    for (const client of [entAdmin, ficOfficer, financeOfficer]) {
      expect((await client.post(POLICIES, policyBody({ year: 2030 }))).statusCode).toBe(403);
    }
    expect(await policyCount()).toBe(before);
  });

  it('makes a system admin name the region (400 REQUIRED at body.regionId), an unknown one 400', async () => {
    const missing = await expectStatus<ErrorBody>(admin.post(POLICIES, policyBody({ year: 2031 })), 400);
    expect(missing.error.details?.issues).toEqual([expect.objectContaining({ path: 'body.regionId', code: 'REQUIRED' })]);
    expect(issuePaths(await expectStatus<ErrorBody>(admin.post(POLICIES, { ...policyBody({ year: 2031 }), regionId: 'atlantis' }), 400))).toEqual(['body.regionId']);
    const tangshan = await expectStatus<SubsidyPolicy>(admin.post(POLICIES, { ...policyBody({ year: 2031 }), regionId: 'tangshan' }), 201);
    expect(tangshan).toMatchObject({ regionId: 'tangshan', year: 2031, version: 1 });
  });

  it('refuses years out of order in the contract (maxYears below minYears)', async () => {
    const body = await expectStatus<ErrorBody>(officer.post(POLICIES, policyBody({ year: 2032, minYears: 2, maxYears: 1 })), 400);
    expect(issuePaths(body)).toContain('body.maxYears');
  });
});

describe('revising a policy', () => {
  let v1: SubsidyPolicy;
  beforeAll(async () => {
    v1 = await expectStatus<SubsidyPolicy>(officer.post(POLICIES, policyBody({ year: 2028, effectiveFrom: '2028-01-01' })), 201);
  });

  it('writes version 2 with the reason; version 1 stays as it was and is no longer the latest; the audit keeps the changed fields', async () => {
    const v2 = await expectStatus<SubsidyPolicy>(
      officer.post(`${POLICIES}/${v1.id}/revisions`, revision({ effectiveFrom: '2028-07-01', ratesFen: { '4': 500_000, '3': 500_000, '2': 600_000, '1': 700_000 } })),
      201,
    );
    expect(v2).toMatchObject({ year: 2028, version: 2, isLatest: true, reason: '市人社局、财政局联合通知调整标准', effectiveFrom: '2028-07-01', warnings: [] });
    const old = await expectStatus<SubsidyPolicy>(officer.get(`${POLICIES}/${v1.id}`), 200);
    expect(old).toMatchObject({ version: 1, isLatest: false, effectiveFrom: '2028-01-01', ratesFen: v1.ratesFen });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'subsidy_policy'), eq(auditLog.entityId, v2.id)));
    expect(audit!.action).toBe('revise');
    expect(audit!.before).toEqual({ version: 1, policyId: v1.id, effectiveFrom: '2028-01-01', ratesFen: v1.ratesFen });
    expect(audit!.after).toMatchObject({ version: 2, reason: '市人社局、财政局联合通知调整标准', effectiveFrom: '2028-07-01', ratesFen: { '4': 500_000 } });
  });

  it('refuses a revision of an older version with 409 STALE_STATE naming the latest', async () => {
    const [latest] = await t.db.select().from(subsidyPolicies).where(and(eq(subsidyPolicies.year, 2028), eq(subsidyPolicies.version, 2)));
    const before = await policyCount();
    const body = await expectStatus<ErrorBody & { error: { details: { latestId: string } } }>(officer.post(`${POLICIES}/${v1.id}/revisions`, revision({ effectiveFrom: '2028-08-01' })), 409);
    expect(body.error).toMatchObject({ code: 'STALE_STATE', details: { latestId: latest!.id } });
    expect(await policyCount()).toBe(before);
  });

  it('refuses an effective date before the previous version’s at body.effectiveFrom, and a missing reason', async () => {
    const [latest] = await t.db.select().from(subsidyPolicies).where(and(eq(subsidyPolicies.year, 2028), eq(subsidyPolicies.version, 2)));
    const before = await policyCount();
    expect(issuePaths(await expectStatus<ErrorBody>(officer.post(`${POLICIES}/${latest!.id}/revisions`, revision({ effectiveFrom: '2028-06-30' })), 400))).toEqual(['body.effectiveFrom']);
    const { reason: _reason, ...withoutReason } = revision({ effectiveFrom: '2028-07-01' });
    expect(issuePaths(await expectStatus<ErrorBody>(officer.post(`${POLICIES}/${latest!.id}/revisions`, withoutReason), 400))).toEqual(['body.reason']);
    expect(await policyCount()).toBe(before);
  });

  it('is refused to the FIC (403) and to another region’s bureau (404)', async () => {
    const [latest] = await t.db.select().from(subsidyPolicies).where(and(eq(subsidyPolicies.year, 2028), eq(subsidyPolicies.version, 2)));
    expect((await ficOfficer.post(`${POLICIES}/${latest!.id}/revisions`, revision({ effectiveFrom: '2028-07-01' }))).statusCode).toBe(403);
    expect((await farOfficer.post(`${POLICIES}/${latest!.id}/revisions`, revision({ effectiveFrom: '2028-07-01' }))).statusCode).toBe(404);
  });
});

describe('reading policies', () => {
  it('lists the own region’s versions, newest year and newest version first; enterprises read them too', async () => {
    const list = await expectStatus<{ items: SubsidyPolicy[] }>(entAdmin.get(POLICIES), 200);
    expect(list.items.every((p) => p.regionId === 'baodi')).toBe(true);
    const keys = list.items.map((p) => `${p.year}v${p.version}`);
    expect(keys.slice(0, 4)).toEqual(['2028v2', '2028v1', '2027v1', '2026v1']);
    const latest = await expectStatus<{ items: SubsidyPolicy[] }>(entAdmin.get(`${POLICIES}?latestOnly=true&year=2028`), 200);
    expect(latest.items.map((p) => p.version)).toEqual([2]);
  });

  it('keeps another region’s policies out of reach: an empty list and 404, while a system admin sees every region', async () => {
    const [baodi] = await t.db.select().from(subsidyPolicies).where(eq(subsidyPolicies.regionId, 'baodi')).limit(1);
    expect((await expectStatus<{ items: SubsidyPolicy[] }>(farOfficer.get(`${POLICIES}?regionId=baodi`), 200)).items).toEqual([]);
    expect((await farOfficer.get(`${POLICIES}/${baodi!.id}`)).statusCode).toBe(404);
    const all = await expectStatus<{ items: SubsidyPolicy[] }>(admin.get(POLICIES), 200);
    expect(new Set(all.items.map((p) => p.regionId))).toEqual(new Set(['baodi', 'tangshan']));
    const tangshan = await expectStatus<{ items: SubsidyPolicy[] }>(admin.get(`${POLICIES}?regionId=tangshan`), 200);
    expect(tangshan.items.map((p) => p.year)).toEqual([2031]);
  });

  it('counts the claims computed under a version', async () => {
    const [v2026] = await t.db.select().from(subsidyPolicies).where(and(eq(subsidyPolicies.regionId, 'baodi'), eq(subsidyPolicies.year, 2026)));
    const cls = await seedClass(t, entA.id);
    await t.db.insert(subsidyClaims).values({
      referenceNo: 'XTBZ-TEST-0001',
      classId: cls.id,
      organisationId: entA.id,
      regionId: 'baodi',
      kind: 'advance',
      status: 'submitted',
      policyId: v2026!.id,
      computation: {} as never,
      amountFen: 100,
      submittedAt: new Date(),
    });
    expect((await expectStatus<SubsidyPolicy>(officer.get(`${POLICIES}/${v2026!.id}`), 200)).claimCount).toBe(1);
  });
});

describe('the policy in force', () => {
  it('is the latest version already effective; a version effective later does not apply yet; none effective is NO_SUBSIDY_POLICY', async () => {
    await seedPolicy(t, 'tongzhou', { year: 2029, effectiveFrom: '2029-01-01', version: 1 });
    await seedPolicy(t, 'tongzhou', { year: 2029, effectiveFrom: '2029-06-01', version: 2 });
    expect((await applicablePolicy(t.db, 'tongzhou', 2029, '2029-05-31')).version).toBe(1);
    expect((await applicablePolicy(t.db, 'tongzhou', 2029, '2029-06-01')).version).toBe(2);
    await expect(applicablePolicy(t.db, 'tongzhou', 2029, '2028-12-31')).rejects.toMatchObject({ code: 'NO_SUBSIDY_POLICY', details: { regionId: 'tongzhou', year: 2029 } });
    await expect(applicablePolicy(t.db, 'tongzhou', 2030, '2030-06-01')).rejects.toMatchObject({ code: 'NO_SUBSIDY_POLICY' });
  });
});
