import { MASTERED } from './bkt.ts';
import type { DueReview } from './fsrs.ts';
import type { Localized } from './levels.ts';

/*
 * Next-best items for one learner. An item's score is the weighted gap it is expected to close per minute: for each
 * knowledge point it covers, BKT's learn parameter applied to what is not yet known, (1 − mastery) · learn, capped at
 * the gap to the required mastery, times the target's weight. A target whose prerequisites are not mastered passes its
 * weight down to them (otherwise nothing could ever start it), and an item is eligible only when every prerequisite of
 * the knowledge points it is pushed for is mastered or taught by the item itself (a point the item merely touches and
 * the learner does not need does not block it: otherwise the only course on a needed point could be held back forever
 * by an unrelated neighbour). Due reviews take at most every other slot of the day while there is something new to
 * learn (a day's reviews never outnumber its new items). Dismissed items rest for a while and lose half their score
 * per recent dismissal; snoozed items wait until their time. Nothing is pushed beyond the daily cap.
 */

export interface CoachKnowledgePoint {
  id: string;
  name: Localized;
  /** The coach's estimate that the learner knows it (BKT). */
  mastery: number;
  /** BKT's learn parameter for this knowledge point. */
  learn: number;
  /** A prerequisite missing from the input counts as not mastered. */
  prerequisiteIds: readonly string[];
}

export interface CoachTarget {
  knowledgePointId: string;
  requiredMastery: number;
  weight: number;
}

export type ItemKind = 'lesson' | 'micro_course';

export interface CoachItem {
  id: string;
  title: Localized;
  kind: ItemKind;
  minutes: number;
  knowledgePointIds: readonly string[];
}

export interface ItemFeedback {
  itemId: string;
  kind: 'dismissed' | 'snoozed';
  at: Date;
  /** For a snooze: when the item may come back. */
  until?: Date;
}

export interface RecommendInput {
  now: Date;
  knowledgePoints: readonly CoachKnowledgePoint[];
  targets: readonly CoachTarget[];
  items: readonly CoachItem[];
  dueReviews?: readonly DueReview[];
  feedback?: readonly ItemFeedback[];
  pushedToday: number;
  /** How many of today's pushes were reviews: reviews never outnumber new learning within a day. */
  reviewsPushedToday?: number;
  dailyCap: number;
  /** At most this many recommendations even when the cap allows more. */
  limit?: number;
  /** Mastery at which a prerequisite counts as mastered. */
  masteredAt?: number;
}

export interface RecommendationPoint {
  knowledgePointId: string;
  mastery: number;
  requiredMastery: number;
  weight: number;
  expectedGain: number;
  /** Set when the point is wanted as a prerequisite of this target rather than by the role itself. */
  prerequisiteOf: string | null;
}

export interface Recommendation {
  itemId: string;
  kind: 'learn' | 'review';
  score: number;
  numbers: {
    minutes: number;
    /** Weighted expected gain per minute before the dismissal penalty. */
    gainPerMinute: number;
    recentDismissals: number;
    points: RecommendationPoint[];
    /** For a review: the expected chance of recall now. */
    retrievability: number | null;
  };
  reason: Localized;
}

/** A dismissed item is not pushed again for this long. */
export const DISMISS_REST_DAYS = 14;
/** Dismissals within this window lower an item's score, by half each. */
export const DISMISS_MEMORY_DAYS = 90;
const DAY = 86_400_000;

interface Need {
  requiredMastery: number;
  weight: number;
  prerequisiteOf: string | null;
  viaWeight: number;
}

/** The targets still short, plus the unmastered prerequisites they wait for (each given the weight of what it unblocks). */
function needsOf(input: RecommendInput, points: Map<string, CoachKnowledgePoint>, masteredAt: number): Map<string, Need> {
  const needs = new Map<string, Need>();
  const masteryOf = (id: string) => points.get(id)?.mastery ?? 0;
  const targetIds = new Set(input.targets.map((t) => t.knowledgePointId));
  for (const target of input.targets) {
    if (masteryOf(target.knowledgePointId) >= target.requiredMastery) continue;
    const own = needs.get(target.knowledgePointId);
    if (own) {
      own.weight += target.weight;
      own.requiredMastery = Math.max(own.requiredMastery, target.requiredMastery);
    } else needs.set(target.knowledgePointId, { requiredMastery: target.requiredMastery, weight: target.weight, prerequisiteOf: null, viaWeight: 0 });
    // Every unmastered prerequisite, however deep, inherits this target's weight once.
    const seen = new Set<string>([target.knowledgePointId]);
    const stack = [...(points.get(target.knowledgePointId)?.prerequisiteIds ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (masteryOf(id) >= masteredAt) continue;
      const need = needs.get(id) ?? { requiredMastery: masteredAt, weight: 0, prerequisiteOf: null, viaWeight: 0 };
      need.weight += target.weight;
      need.requiredMastery = Math.max(need.requiredMastery, masteredAt);
      if (!needs.has(id)) needs.set(id, need);
      if (need.prerequisiteOf === null && !targetIds.has(id) && target.weight > need.viaWeight) {
        need.prerequisiteOf = target.knowledgePointId;
        need.viaWeight = target.weight;
      }
      stack.push(...(points.get(id)?.prerequisiteIds ?? []));
    }
  }
  return needs;
}

interface FeedbackState {
  hidden: boolean;
  recentDismissals: number;
}

function feedbackByItem(feedback: readonly ItemFeedback[], now: Date): Map<string, FeedbackState> {
  const out = new Map<string, FeedbackState>();
  const t = now.getTime();
  for (const entry of feedback) {
    const state = out.get(entry.itemId) ?? { hidden: false, recentDismissals: 0 };
    if (entry.kind === 'snoozed' && entry.until && entry.until.getTime() > t) state.hidden = true;
    if (entry.kind === 'dismissed') {
      const age = t - entry.at.getTime();
      if (age < DISMISS_REST_DAYS * DAY) state.hidden = true;
      if (age < DISMISS_MEMORY_DAYS * DAY) state.recentDismissals++;
    }
    out.set(entry.itemId, state);
  }
  return out;
}

/** Ranks a learner's next items; the numbers behind each and its reason in both languages go with it. */
export function recommend(input: RecommendInput): Recommendation[] {
  const masteredAt = input.masteredAt ?? MASTERED;
  const slots = Math.max(0, Math.min(input.dailyCap - input.pushedToday, input.limit ?? Infinity));
  if (slots === 0) return [];
  const points = new Map(input.knowledgePoints.map((p) => [p.id, p]));
  const needs = needsOf(input, points, masteredAt);
  const feedback = feedbackByItem(input.feedback ?? [], input.now);
  const isMastered = (id: string) => (points.get(id)?.mastery ?? 0) >= masteredAt;

  const learning: Recommendation[] = [];
  for (const item of input.items) {
    if (!(item.minutes > 0)) continue;
    const state = feedback.get(item.id);
    if (state?.hidden) continue;
    let gain = 0;
    const gains: RecommendationPoint[] = [];
    let isEligible = true;
    for (const id of item.knowledgePointIds) {
      const point = points.get(id);
      const need = needs.get(id);
      if (!point || !need) continue;
      for (const prerequisite of point.prerequisiteIds) {
        if (!isMastered(prerequisite) && !item.knowledgePointIds.includes(prerequisite)) isEligible = false;
      }
      // A prerequisite taught by the same item must be learned first: its chance after the item scales this one's.
      let chance = point.learn;
      for (const prerequisite of point.prerequisiteIds) {
        const inside = points.get(prerequisite);
        if (inside && !isMastered(prerequisite) && item.knowledgePointIds.includes(prerequisite)) chance *= inside.mastery + (1 - inside.mastery) * inside.learn;
      }
      const expectedGain = Math.min(need.requiredMastery - point.mastery, (1 - point.mastery) * chance);
      gain += need.weight * expectedGain;
      gains.push({ knowledgePointId: id, mastery: point.mastery, requiredMastery: need.requiredMastery, weight: need.weight, expectedGain, prerequisiteOf: need.prerequisiteOf });
    }
    if (!isEligible || gain <= 0) continue;
    const gainPerMinute = gain / item.minutes;
    const recentDismissals = state?.recentDismissals ?? 0;
    learning.push({
      itemId: item.id,
      kind: 'learn',
      score: gainPerMinute * 0.5 ** recentDismissals,
      numbers: { minutes: item.minutes, gainPerMinute, recentDismissals, points: gains.sort((x, y) => y.weight * y.expectedGain - x.weight * x.expectedGain), retrievability: null },
      reason: { 'zh-CN': '', 'en-US': '' },
    });
  }
  learning.sort((x, y) => y.score - x.score || x.itemId.localeCompare(y.itemId));

  const reviews = reviewItems(input, feedback, points);
  const out: Recommendation[] = [];
  const taken = new Set<string>();
  let li = 0;
  let ri = 0;
  let reviewsSoFar = input.reviewsPushedToday ?? 0;
  let learningSoFar = input.pushedToday - reviewsSoFar;
  const next = (list: Recommendation[], at: number) => {
    while (at < list.length && taken.has(list[at]!.itemId)) at++;
    return at;
  };
  while (out.length < slots) {
    li = next(learning, li);
    ri = next(reviews, ri);
    const hasLearning = li < learning.length;
    const hasReview = ri < reviews.length;
    if (!hasLearning && !hasReview) break;
    const isReviewTurn = hasReview && (!hasLearning || reviewsSoFar < learningSoFar);
    const chosen = isReviewTurn ? reviews[ri++]! : learning[li++]!;
    if (isReviewTurn) reviewsSoFar++;
    else learningSoFar++;
    taken.add(chosen.itemId);
    out.push(chosen);
  }
  const items = new Map(input.items.map((item) => [item.id, item]));
  for (const recommendation of out) recommendation.reason = reasonOf(recommendation, items.get(recommendation.itemId)!, points);
  return out;
}

/** Each due review becomes the shortest item that covers its knowledge point. */
function reviewItems(input: RecommendInput, feedback: Map<string, FeedbackState>, points: Map<string, CoachKnowledgePoint>): Recommendation[] {
  const due = input.dueReviews ?? [];
  if (!due.length) return [];
  const dueIds = new Set(due.map((d) => d.knowledgePointId));
  const shortest = new Map<string, CoachItem>();
  for (const item of input.items) {
    if (!(item.minutes > 0) || feedback.get(item.id)?.hidden) continue;
    for (const id of item.knowledgePointIds) {
      if (!dueIds.has(id)) continue;
      const best = shortest.get(id);
      if (!best || item.minutes < best.minutes || (item.minutes === best.minutes && item.id < best.id)) shortest.set(id, item);
    }
  }
  const out: Recommendation[] = [];
  for (const review of due) {
    const item = shortest.get(review.knowledgePointId);
    if (!item) continue;
    const point = points.get(review.knowledgePointId);
    const forgetting = 1 - review.retrievability;
    out.push({
      itemId: item.id,
      kind: 'review',
      score: forgetting / item.minutes,
      numbers: {
        minutes: item.minutes,
        gainPerMinute: forgetting / item.minutes,
        recentDismissals: feedback.get(item.id)?.recentDismissals ?? 0,
        points: [{ knowledgePointId: review.knowledgePointId, mastery: point?.mastery ?? 0, requiredMastery: 0, weight: 0, expectedGain: 0, prerequisiteOf: null }],
        retrievability: review.retrievability,
      },
      reason: { 'zh-CN': '', 'en-US': '' },
    });
  }
  return out;
}

const kindNames: Record<ItemKind, Localized> = { lesson: { 'zh-CN': '课程', 'en-US': 'lesson' }, micro_course: { 'zh-CN': '微课', 'en-US': 'micro-course' } };
const figure = (value: number) => value.toFixed(2);

/** The reason in plain words, from the same numbers the score came from. */
function reasonOf(recommendation: Recommendation, item: CoachItem, points: Map<string, CoachKnowledgePoint>): Localized {
  const kind = kindNames[item.kind];
  const name = (id: string) => points.get(id)?.name ?? { 'zh-CN': id, 'en-US': id };
  const { minutes, points: figures, retrievability } = recommendation.numbers;
  const main = figures[0]!;
  const pointName = name(main.knowledgePointId);
  if (recommendation.kind === 'review') {
    return {
      'zh-CN': `‘${pointName['zh-CN']}’ 已学过，间隔复习已到期，预计记忆保持率 ${figure(retrievability ?? 1)}；本${kind['zh-CN']} ${minutes} 分钟，帮助巩固`,
      'en-US': `‘${pointName['en-US']}’ was learned and its spaced review is due (expected recall ${figure(retrievability ?? 1)}); this ${minutes}-minute ${kind['en-US']} refreshes it`,
    };
  }
  const others = figures.length - 1;
  const more = {
    'zh-CN': others ? `，另覆盖 ${others} 个待提升的知识点` : '',
    'en-US': others ? ` and ${others} more knowledge point${others > 1 ? 's' : ''} to improve` : '',
  };
  const head = main.prerequisiteOf
    ? {
        'zh-CN': `‘${pointName['zh-CN']}’ 是 ‘${name(main.prerequisiteOf)['zh-CN']}’ 的先修，掌握度 ${figure(main.mastery)}，需达到 ${figure(main.requiredMastery)}`,
        'en-US': `‘${pointName['en-US']}’ comes before ‘${name(main.prerequisiteOf)['en-US']}’: mastery ${figure(main.mastery)}, needs ${figure(main.requiredMastery)}`,
      }
    : {
        'zh-CN': `‘${pointName['zh-CN']}’ 掌握度 ${figure(main.mastery)}，岗位要求 ${figure(main.requiredMastery)}`,
        'en-US': `‘${pointName['en-US']}’: mastery ${figure(main.mastery)}, the role requires ${figure(main.requiredMastery)}`,
      };
  return {
    'zh-CN': `${head['zh-CN']}；本${kind['zh-CN']} ${minutes} 分钟，覆盖该知识点${more['zh-CN']}`,
    'en-US': `${head['en-US']}; this ${minutes}-minute ${kind['en-US']} covers it${more['en-US']}`,
  };
}
