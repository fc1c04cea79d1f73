import type { AnswerResponse, QuestionKind } from '@fulcrum/shared';

/*
 * Pure grading and statistics rules. Objective kinds are graded on submit; multiple choice is all-or-nothing (every
 * correct option and no other). Fill-in answers are compared after NFKC normalisation (full-width letters, digits and
 * punctuation become half-width), trimming, collapsing inner spaces and lower-casing.
 */

export interface GradableQuestion {
  kind: string;
  answer: unknown;
}

/** Fill-in text as compared: full-width → half-width, trimmed, inner whitespace collapsed, case folded. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** Whether a response is right; null for a short answer (an instructor decides) or no response. */
export function isCorrect(question: GradableQuestion, response: AnswerResponse | null | undefined): boolean | null {
  if (question.kind === 'short_answer') return null;
  if (response === null || response === undefined) return false;
  switch (question.kind as QuestionKind) {
    case 'single':
      return response === question.answer;
    case 'multiple':
      return Array.isArray(response) && sameKeys(response, question.answer as string[]);
    case 'true_false':
      return response === question.answer;
    case 'fill_in':
      return typeof response === 'string' && (question.answer as string[]).some((a) => normaliseText(a) === normaliseText(response));
    default:
      return null;
  }
}

/** A short answer counts as correct (for statements and item difficulty) with at least half its points. */
export const isShortAnswerCorrect = (awarded: number, max: number) => awarded * 2 >= max;

/** Whether a response has the shape its question's kind takes (and names only the question's options). */
export function fitsKind(kind: string, optionKeys: string[], response: AnswerResponse): boolean {
  if (kind === 'single') return typeof response === 'string' && optionKeys.includes(response);
  if (kind === 'multiple') return Array.isArray(response) && new Set(response).size === response.length && response.every((k) => optionKeys.includes(k));
  if (kind === 'true_false') return typeof response === 'boolean';
  return typeof response === 'string';
}

/** Fisher–Yates with the given random source (tests may pass a seeded one). */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

/**
 * Point-biserial correlation of a dichotomous item (1 correct, 0 not) with the rest score:
 * r = (M1 − M0) / s · √(p·q), s the population standard deviation of the rest scores. Null when it is undefined.
 */
export function pointBiserial(pairs: { correct: boolean; rest: number }[]): number | null {
  if (pairs.length < 2) return null;
  const rests = pairs.map((p) => p.rest);
  const m = mean(rests)!;
  const s = Math.sqrt(rests.reduce((acc, r) => acc + (r - m) ** 2, 0) / rests.length);
  const right = pairs.filter((p) => p.correct).map((p) => p.rest);
  const wrong = pairs.filter((p) => !p.correct).map((p) => p.rest);
  if (s === 0 || !right.length || !wrong.length) return null;
  const p = right.length / pairs.length;
  return ((mean(right)! - mean(wrong)!) / s) * Math.sqrt(p * (1 - p));
}

export const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
