import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import '../i18n.ts';
import { periodText } from './period-text.ts';
import { statsSentence } from './stats-sentence.ts';

describe('periodText', () => {
  it('says whole months as months, the year once', () => {
    expect(periodText('2025-01-01', '2025-04-30', 'zh-CN')).toBe('2025年1–4月');
    expect(periodText('2025-01-01', '2025-04-30', 'en-US')).toBe('Jan–Apr 2025');
    expect(periodText('2024-02-01', '2024-02-29', 'zh-CN')).toBe('2024年2月');
    expect(periodText('2024-11-01', '2025-02-28', 'zh-CN')).toBe('2024年11月–2025年2月');
    expect(periodText('2024-11-01', '2025-02-28', 'en-US')).toBe('Nov 2024 – Feb 2025');
  });
  it('says a whole year as the year', () => {
    expect(periodText('2025-01-01', '2025-12-31', 'zh-CN')).toBe('2025年');
    expect(periodText('2025-01-01', '2025-12-31', 'en-US')).toBe('2025');
  });
  it('does not take a month that ends early (28 Feb in a leap year) for a whole month', () => {
    expect(periodText('2024-01-01', '2024-02-28', 'zh-CN')).toBe('2024年1月1日–2月28日');
  });
  it('says other periods with their days', () => {
    expect(periodText('2026-01-01', '2026-03-02', 'zh-CN')).toBe('2026年1月1日–3月2日');
    expect(periodText('2026-01-01', '2026-03-02', 'en-US')).toBe('1 Jan – 2 Mar 2026');
    expect(periodText('2025-12-15', '2026-03-02', 'zh-CN')).toBe('2025年12月15日–2026年3月2日');
    expect(periodText('2026-03-02', '2026-03-02', 'zh-CN')).toBe('2026年3月2日');
  });
});

describe('statsSentence', () => {
  const stats = { from: '2025-01-01', to: '2025-04-30', newInPeriod: 2, total: 28 };
  it('reads like the report in Chinese', () => {
    expect(statsSentence(i18n.getFixedT('zh-CN'), 'zh-CN', stats)).toBe('2025年1–4月新增 2 家，总量 28 家');
  });
  it('has its English counterpart', () => {
    expect(statsSentence(i18n.getFixedT('en-US'), 'en-US', stats)).toBe('Jan–Apr 2025: 2 newly certified, 28 in total');
  });
  it('takes its figures from the statistics, not from the period', () => {
    expect(statsSentence(i18n.getFixedT('zh-CN'), 'zh-CN', { from: '2026-01-01', to: '2026-03-02', newInPeriod: 0, total: 5 })).toBe('2026年1月1日–3月2日新增 0 家，总量 5 家');
  });
});
