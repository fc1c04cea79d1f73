import { describe, expect, it } from 'vitest';
import type { SubsidyStatistics } from '@fulcrum/shared';
import { i18n } from '../../../i18n/index.ts';
import '../i18n.ts';
import { statisticsSentence } from './statistics-sentence.ts';

const row = (key: string, zh: string, en: string, amountFen: number, apprentices: number): SubsidyStatistics['rows'][number] => ({
  key,
  label: { 'zh-CN': zh, 'en-US': en },
  amountFen,
  apprentices,
  classes: 1,
  enterprises: 1,
});

const byGroup: SubsidyStatistics = {
  dimension: 'industryGroup',
  // The largest row is not the one the headline names: equipment manufacturing is Baodi's pillar.
  rows: [row('C', '制造业（其他）', 'Manufacturing (other)', 6_000_000, 12), row('equipment', '装备制造业', 'Equipment manufacturing', 3_000_000, 10), row('I', '信息技术', 'IT', 1_000_000, 3)],
  totals: { amountFen: 10_000_000, apprentices: 24, classes: 4, enterprises: 3 },
};

describe('statisticsSentence', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en-US');

  it('says the year, the amount and the distinct counts, and names equipment manufacturing by industry group', () => {
    expect(statisticsSentence(zh, 'zh-CN', byGroup, { year: 2025 })).toBe('2025年补贴共拨付 ¥100,000.00，惠及 3 家企业 24 名学徒，其中装备制造业占 30%');
    expect(statisticsSentence(en, 'en-US', byGroup, { year: 2025 })).toBe(
      '2025 subsidies: ¥100,000.00 paid · enterprises 3 · apprentices 24 · Equipment manufacturing 30%',
    );
  });

  it('names the largest group in other dimensions', () => {
    const byLevel: SubsidyStatistics = { ...byGroup, dimension: 'level', rows: [row('3', '三级/高级工', 'Senior', 7_500_000, 15), row('4', '四级/中级工', 'Intermediate', 2_500_000, 9)] };
    expect(statisticsSentence(zh, 'zh-CN', byLevel, {})).toBe('累计补贴共拨付 ¥100,000.00，惠及 3 家企业 24 名学徒，其中三级/高级工占 75%');
  });

  it('narrows to a notice, with or without the year', () => {
    const title = '2025年第一批新型学徒制培训补贴公示';
    expect(statisticsSentence(zh, 'zh-CN', byGroup, { noticeTitle: title })).toBe(`“${title}”所列补贴共拨付 ¥100,000.00，惠及 3 家企业 24 名学徒，其中装备制造业占 30%`);
    expect(statisticsSentence(zh, 'zh-CN', byGroup, { year: 2026, noticeTitle: title })).toMatch(/^2026年入账的“2025年第一批/);
  });

  it('leaves out the share when the net total is not positive', () => {
    const clawedBack = { ...byGroup, totals: { ...byGroup.totals, amountFen: -50_000 } };
    expect(statisticsSentence(zh, 'zh-CN', clawedBack, { year: 2025 })).toBe('2025年补贴共拨付 -¥500.00，惠及 3 家企业 24 名学徒');
  });

  it('says so when nothing was paid', () => {
    const none: SubsidyStatistics = { dimension: 'industryGroup', rows: [], totals: { amountFen: 0, apprentices: 0, classes: 0, enterprises: 0 } };
    expect(statisticsSentence(zh, 'zh-CN', none, { year: 2024 })).toBe('2024年补贴尚无拨付记录');
    expect(statisticsSentence(en, 'en-US', none, {})).toBe('All subsidies: nothing paid yet');
  });
});
