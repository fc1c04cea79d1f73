import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import '../i18n.ts';
import { filtersInWords, ledgerFiltersOf, printPathOf } from './ledger-filters.ts';

const orgId = '0b8a7c3e-9f51-4c1d-8a3e-2f6d7b9c1e40';
const classId = '5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('ledger filters in the address', () => {
  it('keeps the filters the list accepts and drops the rest', () => {
    const params = new URLSearchParams({ kind: 'refund', year: '2025', organisationId: orgId, classId, page: '3', sort: '-seq' });
    expect(ledgerFiltersOf(params)).toEqual({ kind: 'refund', year: '2025', organisationId: orgId, classId });
    expect(ledgerFiltersOf(new URLSearchParams({ kind: 'bonus', year: '25', organisationId: 'x' }))).toEqual({});
  });
  it('opens the print page with the same filters', () => {
    expect(printPathOf({ kind: 'advance', year: '2025' })).toBe('/print/subsidy-ledger?kind=advance&year=2025');
    expect(printPathOf({})).toBe('/print/subsidy-ledger');
    expect(ledgerFiltersOf(new URL(`http://x${printPathOf({ classId, year: '2024' })}`).searchParams)).toEqual({ classId, year: '2024' });
  });
});

describe('filtersInWords', () => {
  it('says each filter in words, names looked up', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(filtersInWords(t, 'zh-CN', { year: '2025', kind: 'clawback', organisationId: orgId }, { organisation: '天津宝坻装备有限公司' })).toBe(
      '记账年度 2025 年；类别 预拨扣回；申领单位 天津宝坻装备有限公司',
    );
    expect(filtersInWords(i18n.getFixedT('en-US'), 'en-US', { kind: 'settlement', classId }, { class: 'Welding 2025' })).toBe('kind Settlement; class Welding 2025');
  });
  it('says "all" without filters', () => {
    expect(filtersInWords(i18n.getFixedT('zh-CN'), 'zh-CN', {}, {})).toBe('全部记录');
  });
});
