import type { TFunction } from 'i18next';
import type { AttemptQuestion } from '@fulcrum/shared';

/** A response or correct answer in words: options by their text, true/false, accepted answers joined. */
export function answerText(t: TFunction, question: Pick<AttemptQuestion, 'kind' | 'options'>, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t('exams.mobile.none');
  const optionText = (key: unknown) => question.options.find((o) => o.key === key)?.text ?? String(key);
  if (question.kind === 'true_false') return value ? t('exams.mobile.true') : t('exams.mobile.false');
  if (question.kind === 'single') return optionText(value);
  if (question.kind === 'multiple') return (value as string[]).map(optionText).join('；');
  if (question.kind === 'fill_in' && Array.isArray(value)) return value.join(' / ');
  return String(value);
}

/** Whether the learner has given an answer. */
export const isAnswered = (response: unknown) => response !== null && response !== undefined && response !== '' && !(Array.isArray(response) && !response.length);

/** Minutes and seconds left, never below zero. */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Display letters by position, so shuffled options read A, B, C … in order. */
export const letterAt = (index: number) => 'ABCDEFGH'[index] ?? String(index + 1);
