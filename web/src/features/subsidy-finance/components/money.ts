import { formatBasisPoints, formatYuan, parseYuan } from '@fulcrum/shared';

/*
 * Money is integer fen and ratios are basis points on the wire (shared/src/subsidies); people read and type yuan and
 * per cent. These are the page's only conversions between the two.
 */

/** "¥5,000.00" / "-¥1,250.50": an amount as a ledger reader expects it, the sign before the currency. */
export function yuanText(fen: number): string {
  const text = formatYuan(Math.abs(fen));
  return fen < 0 ? `-¥${text}` : `¥${text}`;
}

/** An amount prefilled into a yuan input: 500000 → "5000", 123450 → "1234.5" (no separators, no trailing zeros). */
export function yuanInput(fen: number): string {
  return formatYuan(fen).replace(/,/g, '').replace(/\.?0+$/, '');
}

/**
 * A yuan input as fen for the request: blank → undefined (the contract then says "required"), a valid amount → fen,
 * anything else is handed on as typed so the form can say the amount is not readable.
 */
export function fenOf(text: string | undefined | null): number | string | undefined {
  if (text === undefined || text === null || text.trim() === '') return undefined;
  return parseYuan(text) ?? text;
}

/** A percentage typed with up to two decimals as basis points: 50 → 5000, 25.5 → 2550, 33.33 → 3333. */
export function basisPointsOf(percent: number | null | undefined): number | undefined {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return undefined;
  return Math.round(percent * 100);
}

/** Basis points shown in a percentage input: 2550 → 25.5. */
export function percentOf(bp: number): number {
  return bp / 100;
}

/** 2550 → "25.5%". */
export const percentText = formatBasisPoints;

/** A part of a whole as a percentage with one decimal ("62.5%"); null when the whole is not positive. */
export function shareText(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return `${Number(((part / whole) * 100).toFixed(1))}%`;
}
