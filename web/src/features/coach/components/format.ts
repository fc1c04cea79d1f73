/** A level or gap with at most one decimal ("1.5", "2"). */
export const levelText = (value: number) => String(Math.round(value * 10) / 10);

/** A 0..1 share as a whole percent. */
export const percent = (share: number) => Math.round(share * 100);

/** The heat map's bands of a gap, from met to wide; the legend lists them in this order. */
export const gapBands = [
  { key: 'legendMet', below: 0.05, background: '#d9f7be', color: '#135200' },
  { key: 'legendSmall', below: 1, background: '#fff1b8', color: '#614700' },
  { key: 'legendMedium', below: 2, background: '#ffc069', color: '#612500' },
  { key: 'legendLarge', below: Infinity, background: '#ff7a45', color: '#ffffff' },
] as const;

export const bandOf = (gap: number) => gapBands.find((b) => gap < b.below) ?? gapBands[gapBands.length - 1]!;
