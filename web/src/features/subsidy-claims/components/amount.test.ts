import { describe, expect, it } from 'vitest';
import { netAmount, totalFen, yuanText } from './amount.ts';

describe('yuanText', () => {
  it('puts ¥ before the yuan with thousands separators', () => {
    expect(yuanText(11_250_000)).toBe('¥112,500.00');
    expect(yuanText(5)).toBe('¥0.05');
    expect(yuanText(0)).toBe('¥0.00');
  });
  it('puts the minus before the ¥', () => {
    expect(yuanText(-3_000_000)).toBe('-¥30,000.00');
    expect(yuanText(-50)).toBe('-¥0.50');
  });
});

describe('netAmount', () => {
  it('shows a payment as it is', () => {
    expect(netAmount(21_750_000)).toEqual({ text: '¥217,500.00', isRefund: false });
  });
  it('shows a negative net as a refund due, without the sign', () => {
    expect(netAmount(-1_250_000)).toEqual({ text: '¥12,500.00', isRefund: true });
  });
  it('a zero net is no refund', () => {
    expect(netAmount(0).isRefund).toBe(false);
  });
});

describe('totalFen', () => {
  it('sums amounts in fen, refunds counting against payments', () => {
    expect(totalFen([{ amountFen: 11_250_000 }, { amountFen: -250_000 }, { amountFen: 1 }])).toBe(11_000_001);
    expect(totalFen([])).toBe(0);
  });
});
