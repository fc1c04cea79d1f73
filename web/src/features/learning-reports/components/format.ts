import type { AttainmentComparison } from '@fulcrum/shared';

/** A share 0..1 as a percentage with one decimal, or a dash when there is nothing to divide. */
export const percentText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Seconds as hours with one decimal. */
export const hoursOf = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;

/** The change of attainment in points with its sign, or null when either date had no learners. */
export function changeOf(attainment: AttainmentComparison): { sign: string; points: string } | null {
  if (attainment.changePoints === null) return null;
  return { sign: attainment.changePoints > 0 ? '+' : attainment.changePoints < 0 ? '−' : '±', points: Math.abs(attainment.changePoints).toFixed(1) };
}

/** Colour of a change: up green, down red. */
export const changeColour = (points: number | null) => (points === null || points === 0 ? undefined : points > 0 ? '#389e0d' : '#cf1322');
