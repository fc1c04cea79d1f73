import { describe, expect, it } from 'vitest';
import { createSubsidyPolicyRequest, reviseSubsidyPolicyRequest, type SubsidyPolicy } from '@fulcrum/shared';
import { checkPolicy, createRequestOf, formPathOf, policyValuesOf, reviseRequestOf, serverIssuesOnForm, type PolicyValues } from './policy-form.ts';

const policy: SubsidyPolicy = {
  id: '7d0c6a53-2f1e-4b8a-9c3d-5e6f7a8b9c0d',
  regionId: 'baodi',
  regionName: '宝坻区',
  year: 2025,
  version: 2,
  effectiveFrom: '2025-03-01',
  ratesFen: { '4': 500_000, '3': 600_000, '2': 700_050, '1': 800_000 },
  rateWithoutCertificateFen: 250_000,
  advanceRatioBp: 5000,
  advanceBasis: 'one_year',
  minCentralisedHours: 160,
  onlineShareCapBp: 5000,
  videoShareMinBp: 2550,
  minYears: 1,
  maxYears: 2,
  maxYearsWithReason: 3,
  noticeWorkingDays: 5,
  isDemo: true,
  note: '津人社规字〔2021〕',
  reason: '调整',
  isLatest: true,
  claimCount: 4,
  createdByName: '人社局',
  createdAt: '2025-03-01T08:00:00+08:00',
  warnings: [],
};

const filled = (): PolicyValues => ({
  year: 2025,
  effectiveFrom: '2025-01-01',
  rates: { level4: '5,000', level3: '6000', level2: '7000.5', level1: '8000' },
  rateWithoutCertificate: '2500',
  advancePercent: 50,
  advanceBasis: 'one_year',
  minCentralisedHours: 160,
  onlineCapPercent: 50,
  videoMinPercent: 25,
  minYears: 1,
  maxYears: 2,
  maxYearsWithReason: 3,
  noticeWorkingDays: 5,
  isDemo: false,
  note: '',
});

describe('the policy form and its requests', () => {
  it('sends yuan as fen and per cent as basis points', () => {
    const checked = checkPolicy(createSubsidyPolicyRequest, createRequestOf(filled(), false));
    expect(checked.issues).toEqual([]);
    expect(checked.data).toMatchObject({
      year: 2025,
      ratesFen: { '4': 500_000, '3': 600_000, '2': 700_050, '1': 800_000 },
      rateWithoutCertificateFen: 250_000,
      advanceRatioBp: 5000,
      onlineShareCapBp: 5000,
      videoShareMinBp: 2500,
    });
    expect(createRequestOf(filled(), false)).not.toHaveProperty('regionId');
    expect(createRequestOf({ ...filled(), regionId: 'baodi' }, true)).toHaveProperty('regionId', 'baodi');
  });

  it('prefills a revision with the latest version, which restates it exactly', () => {
    const values = { ...policyValuesOf(policy), reason: '  按2025年通知调整  ' };
    expect(values.rates).toEqual({ level4: '5000', level3: '6000', level2: '7000.5', level1: '8000' });
    expect(values.videoMinPercent).toBe(25.5);
    const checked = checkPolicy(reviseSubsidyPolicyRequest, reviseRequestOf(values));
    expect(checked.issues).toEqual([]);
    expect(checked.data).toMatchObject({
      effectiveFrom: '2025-03-01',
      ratesFen: policy.ratesFen,
      rateWithoutCertificateFen: 250_000,
      videoShareMinBp: 2550,
      isDemo: true,
      note: policy.note,
      reason: '按2025年通知调整',
    });
  });

  it('names the form fields at fault: a missing rate is required, an unreadable one is not an amount', () => {
    const values = filled();
    values.rates = { ...values.rates, level3: '', level2: '7,000.555' };
    values.advancePercent = null;
    const checked = checkPolicy(createSubsidyPolicyRequest, createRequestOf(values, false));
    expect(checked.data).toBeNull();
    expect(checked.issues.map((i) => [i.path.join('.'), i.code])).toEqual(
      expect.arrayContaining([
        ['rates.level3', 'REQUIRED'],
        ['rates.level2', 'INVALID_AMOUNT'],
        ['advancePercent', 'REQUIRED'],
      ]),
    );
  });

  it('keeps the contract’s own codes (years out of order) and asks for the reason of a revision', () => {
    const outOfOrder = checkPolicy(reviseSubsidyPolicyRequest, reviseRequestOf({ ...filled(), minYears: 3, maxYears: 2, reason: '调整' }));
    expect(outOfOrder.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['maxYears', 'OUT_OF_ORDER']]);
    const noReason = checkPolicy(reviseSubsidyPolicyRequest, reviseRequestOf({ ...filled(), reason: '  ' }));
    expect(noReason.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['reason', 'REQUIRED']]);
  });

  it('puts the server’s issues on the form’s fields', () => {
    expect(formPathOf(['ratesFen', '4'])).toEqual(['rates', 'level4']);
    expect(formPathOf(['advanceRatioBp'])).toEqual(['advancePercent']);
    expect(formPathOf(['effectiveFrom'])).toEqual(['effectiveFrom']);
    expect(serverIssuesOnForm([{ path: 'body.ratesFen.3', code: 'TOO_BIG', message: 'x' }, { path: 'body.regionId', code: 'REQUIRED', message: 'y' }])).toEqual([
      { path: 'body.rates.level3', code: 'TOO_BIG', message: 'x' },
      { path: 'body.regionId', code: 'REQUIRED', message: 'y' },
    ]);
  });
});
