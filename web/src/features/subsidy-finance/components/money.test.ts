import { describe, expect, it } from 'vitest';
import { basisPointsOf, fenOf, percentOf, shareText, yuanInput, yuanText } from './money.ts';

describe('yuanText', () => {
  it('puts the currency after the sign and keeps two decimals', () => {
    expect(yuanText(500_000)).toBe('¥5,000.00');
    expect(yuanText(-125_050)).toBe('-¥1,250.50');
    expect(yuanText(0)).toBe('¥0.00');
    expect(yuanText(7)).toBe('¥0.07');
  });
});

describe('yuanInput and fenOf', () => {
  it('prefills yuan without separators or trailing zeros', () => {
    expect(yuanInput(500_000)).toBe('5000');
    expect(yuanInput(123_450)).toBe('1234.5');
    expect(yuanInput(123_456)).toBe('1234.56');
    expect(yuanInput(0)).toBe('0');
    expect(yuanInput(-50)).toBe('-0.5');
  });
  it('reads typed yuan back to the same fen', () => {
    for (const fen of [500_000, 123_450, 123_456, 0, 1, 99_999_999]) expect(fenOf(yuanInput(fen))).toBe(fen);
  });
  it('takes separators and signs, and refuses more than two decimals', () => {
    expect(fenOf('5,000')).toBe(500_000);
    expect(fenOf(' 6000.5 ')).toBe(600_050);
    expect(fenOf('-12.34')).toBe(-1234);
    expect(fenOf('12.345')).toBe('12.345');
    expect(fenOf('五千')).toBe('五千');
  });
  it('leaves a blank input unset so the contract reports it as required', () => {
    expect(fenOf('')).toBeUndefined();
    expect(fenOf('   ')).toBeUndefined();
    expect(fenOf(undefined)).toBeUndefined();
  });
});

describe('basis points', () => {
  it('turns a percentage into whole basis points without float drift', () => {
    expect(basisPointsOf(50)).toBe(5000);
    expect(basisPointsOf(25.5)).toBe(2550);
    expect(basisPointsOf(33.33)).toBe(3333);
    expect(basisPointsOf(0.01)).toBe(1);
    expect(basisPointsOf(100)).toBe(10_000);
    expect(basisPointsOf(null)).toBeUndefined();
    expect(basisPointsOf(Number.NaN)).toBeUndefined();
  });
  it('round-trips through the percentage input', () => {
    for (const bp of [0, 1, 2550, 3333, 5000, 10_000]) expect(basisPointsOf(percentOf(bp))).toBe(bp);
  });
});

describe('shareText', () => {
  it('gives one decimal and nothing for an empty whole', () => {
    expect(shareText(625, 1000)).toBe('62.5%');
    expect(shareText(1, 3)).toBe('33.3%');
    expect(shareText(1000, 1000)).toBe('100%');
    expect(shareText(5, 0)).toBeNull();
    expect(shareText(5, -10)).toBeNull();
  });
});
