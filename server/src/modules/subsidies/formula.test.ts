import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from '@fulcrum/shared';
import { computeAdvance, computeSettlement, perPersonAdvance, type FormulaPolicy } from './formula.ts';

const yuan = (n: number) => n * 100;

/** The public worked example: 高级 at 5,000 yuan per person-year, 50 % advance of one year's amount. */
const qidong: FormulaPolicy = {
  ratesFen: { '4': yuan(4_000), '3': yuan(5_000), '2': yuan(6_000), '1': yuan(7_000) },
  rateWithoutCertificateFen: yuan(3_000),
  advanceRatioBp: 5_000,
  advanceBasis: 'one_year',
};

describe('the worked example: an advanced 2-year class, 45 planned, 33 completed', () => {
  const advance = computeAdvance({ policy: qidong, targetLevel: 3, years: 2, headcount: 45 });

  it('advances 112,500 yuan (45 × 5,000 × 50 %, one year’s amount even for two years)', () => {
    expect(advance.amountFen).toBe(yuan(112_500));
    expect(advance.perPersonAdvanceFen).toBe(yuan(2_500));
    expect(advance.lines).toEqual([expect.objectContaining({ key: 'advance', amountFen: yuan(112_500), formula: '45 × ¥5,000.00 × 50% × 1' })]);
  });

  it('settles 217,500 yuan (33 × 5,000 × 2 − 112,500), the 12 non-completers’ advance clawed back', () => {
    const settlement = computeSettlement({
      policy: qidong,
      targetLevel: 3,
      years: 2,
      certified: 33,
      completedWithoutCertificate: 0,
      advancedHeadcount: 45,
      perPersonAdvanceFen: advance.perPersonAdvanceFen,
      advancePaidFen: advance.amountFen,
    });
    expect(settlement.amountFen).toBe(yuan(217_500));
    const byKey = Object.fromEntries(settlement.lines.map((l) => [l.key, l.amountFen]));
    expect(byKey).toEqual({ settlement: yuan(33 * 5_000 * 2 - 33 * 2_500), clawback: -yuan(12 * 2_500) });
    expect(byKey.settlement! + byKey.clawback!).toBe(yuan(217_500));
  });
});

describe('settlement edge cases', () => {
  it('is negative — a refund due — when few complete', () => {
    const s = computeSettlement({
      policy: qidong, targetLevel: 3, years: 2, certified: 5, completedWithoutCertificate: 0, advancedHeadcount: 45, perPersonAdvanceFen: yuan(2_500), advancePaidFen: yuan(112_500),
    });
    expect(s.amountFen).toBe(yuan(5 * 10_000 - 112_500));
    expect(s.amountFen).toBeLessThan(0);
    expect(s.lines.find((l) => l.key === 'clawback')?.amountFen).toBe(-yuan(40 * 2_500));
  });

  it('pays the rate without a certificate to completers without the target certificate', () => {
    const s = computeSettlement({
      policy: qidong, targetLevel: 3, years: 1, certified: 2, completedWithoutCertificate: 3, advancedHeadcount: 0, perPersonAdvanceFen: 0, advancePaidFen: 0,
    });
    expect(s.amountFen).toBe(yuan(2 * 5_000 + 3 * 3_000));
    expect(s.lines.find((l) => l.key === 'clawback')?.amountFen).toBe(-0);
  });

  it('never counts more of the advance than was actually paid', () => {
    // The advance claim covered 10 but only 8 persons' worth was booked (a correction took 2 back).
    const s = computeSettlement({
      policy: qidong, targetLevel: 3, years: 1, certified: 10, completedWithoutCertificate: 0, advancedHeadcount: 10, perPersonAdvanceFen: yuan(2_500), advancePaidFen: yuan(20_000),
    });
    expect(s.amountFen).toBe(yuan(50_000 - 20_000));
    expect(s.lines.find((l) => l.key === 'clawback')?.amountFen).toBe(-0);
  });
});

describe('advance bases and rounding', () => {
  it('applies the ratio to the whole class when the policy says so', () => {
    expect(perPersonAdvance({ ...qidong, advanceBasis: 'whole_class' }, 3, 2)).toBe(yuan(5_000));
  });

  it('rounds a per-person advance half up to the fen', () => {
    // 3,333.33 yuan × 33.33 % = 1,111.0000889 … → 111,100 fen; 0.05 yuan × 50 % = 2.5 fen → 3 fen.
    expect(perPersonAdvance({ ...qidong, ratesFen: { ...qidong.ratesFen, '3': 333_333 }, advanceRatioBp: 3_333 }, 3, 1)).toBe(111_100);
    expect(perPersonAdvance({ ...qidong, ratesFen: { ...qidong.ratesFen, '3': 5 } }, 3, 1)).toBe(3);
  });
});

describe('yuan at the edge', () => {
  it('formats and parses integer fen exactly', () => {
    expect(formatYuan(21_750_000)).toBe('217,500.00');
    expect(formatYuan(-625_000_005)).toBe('-6,250,000.05');
    expect(parseYuan('5,000')).toBe(500_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('12,34')).toBeNull();
  });
});
