import { describe, expect, it } from 'vitest';
import { dueNow, newReviewCard, ratingFromAnswer, ratingFromCourse, retrievability, review } from './fsrs.ts';

const now = new Date('2026-03-02T01:00:00Z');
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

describe('spaced review with FSRS', () => {
  it('pushes the next review later after a good rating than after a bad one', () => {
    const card = newReviewCard('kp-1', now);
    expect(card).toMatchObject({ knowledgePointId: 'kp-1', state: 'new', reps: 0, lastReview: null });
    const good = review(card, 'good', now);
    const again = review(card, 'again', now);
    const easy = review(card, 'easy', now);
    expect(good.state).toBe('review');
    expect(days(now, good.due)).toBeGreaterThanOrEqual(1);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
    // A second good review at the due date stretches the interval.
    const second = review(good, 'good', good.due);
    expect(days(good.due, second.due)).toBeGreaterThan(days(now, good.due));
    // A lapse after that counts and brings the card back sooner.
    const lapse = review(second, 'again', second.due);
    expect(lapse.lapses).toBe(1);
    expect(days(second.due, lapse.due)).toBeLessThan(days(good.due, second.due));
  });

  it('derives ratings from answers and finished courses', () => {
    expect(ratingFromAnswer({ correct: false })).toBe('again');
    expect(ratingFromAnswer({ correct: true })).toBe('good');
    expect(ratingFromAnswer({ correct: true, seconds: 90, expectedSeconds: 60 })).toBe('hard');
    expect([0.2, 0.5, 0.8, 1].map(ratingFromCourse)).toEqual(['again', 'hard', 'good', 'easy']);
  });

  it('selects the cards due now, least likely recalled first', () => {
    const learnedLongAgo = review(newReviewCard('kp-old', now), 'good', now);
    const learnedLater = review(newReviewCard('kp-later', now), 'easy', now);
    const fresh = review(newReviewCard('kp-fresh', now), 'good', new Date(now.getTime() + 30 * 86_400_000));
    const neverReviewed = newReviewCard('kp-new', now);
    const at = new Date(now.getTime() + 31 * 86_400_000);
    const due = dueNow([fresh, learnedLater, neverReviewed, learnedLongAgo], at);
    expect(due.map((d) => d.knowledgePointId)).toEqual(['kp-old', 'kp-later']);
    expect(due[0]!.retrievability).toBeLessThan(due[1]!.retrievability);
    expect(due[0]!.retrievability).toBeCloseTo(retrievability(learnedLongAgo, at), 12);
    expect(dueNow([learnedLongAgo], now)).toEqual([]);
    expect(dueNow([learnedLongAgo, learnedLater], at, 1)).toHaveLength(1);
  });
});
