/*
 * Money is integer fen everywhere; these are the only conversions, at the edge (pages, exports, notices). Integer
 * arithmetic only: 0.1 + 0.2 never reaches an amount.
 */

/** 1234567 → "12,345.67"; −50 → "-0.50". */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "5,000" / "5000.5" / "-12.34" → fen; null when the text is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const match = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[2]!.replace(/,/g, '')) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] ? -fen : fen;
}

/** Basis points as a percentage: 5000 → "50%", 2550 → "25.5%". */
export function formatBasisPoints(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}
