import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/*
 * Spaced review of learned knowledge points with FSRS (ts-fsrs): one card per learner × knowledge point. ts-fsrs's
 * types stay in this file; the rest of the coach sees ReviewCard, plain data that a table row can hold.
 */

export type ReviewState = 'new' | 'learning' | 'review' | 'relearning';
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

export interface ReviewCard {
  knowledgePointId: string;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ReviewState;
  lastReview: Date | null;
}

/**
 * Retention 0.9 (FSRS's default); no fuzz, so a schedule can be reproduced; no same-day learning steps: a micro-course
 * comes back after days, not minutes.
 */
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false });

const states: Record<State, ReviewState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const stateNumbers: Record<ReviewState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const grades: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function fromCard(knowledgePointId: string, card: Card): ReviewCard {
  return {
    knowledgePointId,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: states[card.state],
    lastReview: card.last_review ?? null,
  };
}

function toCard(card: ReviewCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateNumbers[card.state],
    last_review: card.lastReview ?? undefined,
  };
}

/** A card for a knowledge point just learned: due at once, so its first review is scheduled by the first rating. */
export function newReviewCard(knowledgePointId: string, now: Date): ReviewCard {
  return fromCard(knowledgePointId, createEmptyCard(now));
}

/** A graded answer as a review: wrong is a lapse; right but slow (over the expected time) is hard. */
export function ratingFromAnswer(answer: { correct: boolean; seconds?: number; expectedSeconds?: number }): ReviewRating {
  if (!answer.correct) return 'again';
  if (answer.seconds !== undefined && answer.expectedSeconds !== undefined && answer.seconds > answer.expectedSeconds) return 'hard';
  return 'good';
}

/** A finished micro-course as a review, from the share of its questions answered right. */
export function ratingFromCourse(scoreShare: number): ReviewRating {
  if (scoreShare >= 0.9) return 'easy';
  if (scoreShare >= 0.7) return 'good';
  if (scoreShare >= 0.4) return 'hard';
  return 'again';
}

/** The card after a review at `now`. */
export function review(card: ReviewCard, rating: ReviewRating, now: Date): ReviewCard {
  return fromCard(card.knowledgePointId, scheduler.next(toCard(card), now, grades[rating]).card);
}

/** The chance of recalling the knowledge point at `now` (1 for a card never reviewed). */
export function retrievability(card: ReviewCard, now: Date): number {
  if (card.state === 'new') return 1;
  return scheduler.get_retrievability(toCard(card), now, false);
}

export interface DueReview {
  knowledgePointId: string;
  due: Date;
  retrievability: number;
}

/** Cards due at `now`, the least likely to be recalled first (reviewed cards only: a new card has nothing to recall). */
export function dueNow(cards: readonly ReviewCard[], now: Date, limit = Infinity): DueReview[] {
  return cards
    .filter((card) => card.state !== 'new' && card.due.getTime() <= now.getTime())
    .map((card) => ({ knowledgePointId: card.knowledgePointId, due: card.due, retrievability: retrievability(card, now) }))
    .sort((x, y) => x.retrievability - y.retrievability || x.due.getTime() - y.due.getTime())
    .slice(0, limit);
}
