import { fitAllKnowledgePoints, groupAnswers, MASTERED, posterior, predictCorrect, transition, update, type AnswerLog, type BktFit, type BktParams } from './bkt.ts';
import { dueNow, newReviewCard, ratingFromAnswer, review, type ReviewCard } from './fsrs.ts';
import { calibrateItems, estimateAbility, type ItemParams } from './irt.ts';
import { competencyGaps, roleTargets } from './levels.ts';
import { recommend, type CoachItem, type CoachKnowledgePoint } from './rank.ts';
import { createWorld, generate2pl, practiceLog, SimulatedLearner, type SimItem, type World } from './simulate.ts';

/*
 * The coach's evaluation on synthetic learners. Models are fitted on answers only; the evaluator alone compares them
 * with the hidden truth: (1) next-answer prediction on held-out learners, (2) recovery of the BKT and 2PL parameters,
 * (3) a simulated A/B of the coach against the catalogue order, in minutes until the hidden knowledge meets the role.
 */

export const GOALS = { auc: 0.75, minutesReduction: 0.3 } as const;

export interface EvaluationOptions {
  seed: number;
  quick: boolean;
  onProgress?: (step: string) => void;
}

interface Sizes {
  knowledgePoints: number;
  items: number;
  trainLearners: number;
  heldOutLearners: number;
  pointsPerLearner: number;
  abLearners: number;
  dailyCap: number;
  horizonDays: number;
  irtPersons: number;
  irtItems: number;
  irtAnswersPerPerson: number;
}

const SIZES: Record<'quick' | 'full', Sizes> = {
  quick: { knowledgePoints: 30, items: 60, trainLearners: 1_500, heldOutLearners: 400, pointsPerLearner: 10, abLearners: 150, dailyCap: 8, horizonDays: 180, irtPersons: 1_500, irtItems: 30, irtAnswersPerPerson: 20 },
  full: { knowledgePoints: 60, items: 120, trainLearners: 10_000, heldOutLearners: 2_000, pointsPerLearner: 15, abLearners: 1_000, dailyCap: 8, horizonDays: 180, irtPersons: 5_000, irtItems: 100, irtAnswersPerPerson: 40 },
};

export interface Prediction {
  auc: number;
  logLoss: number;
}

export interface ArmResult {
  meanMinutes: number;
  medianMinutes: number;
  unfinished: number;
}

export interface EvaluationReport {
  seed: number;
  quick: boolean;
  sizes: Sizes;
  trainingAnswers: number;
  heldOutAnswers: number;
  prediction: { coach: Prediction; baseline: Prediction };
  bktRecovery: { prior: number; learn: number; guess: number; slip: number; fitted: number; defaults: number };
  irtRecovery: { aCorrelation: number; aRmse: number; bCorrelation: number; bRmse: number; thetaCorrelation: number; calibrated: number };
  ab: { learners: number; coach: ArmResult; catalogue: ArmResult; relevantOnly: ArmResult; reduction: number };
  goals: { auc: boolean; minutes: boolean };
  seconds: number;
}

/** Area under the ROC curve: the chance a right answer got a higher prediction than a wrong one (ties count half). */
export function auc(predictions: Float64Array, outcomes: Uint8Array): number {
  const order = Array.from(predictions.keys()).sort((x, y) => predictions[x]! - predictions[y]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && predictions[order[j + 1]!] === predictions[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (outcomes[order[k]!]) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function logLoss(predictions: Float64Array, outcomes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, predictions[i]!));
    sum -= outcomes[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum / predictions.length;
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const rmse = (x: readonly number[], y: readonly number[]) => Math.sqrt(x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / x.length);

/** Predicts each held-out answer before seeing it: the coach online with the fitted BKT, the baseline with the point's training mean. */
function predictHeldOut(log: AnswerLog, fits: readonly BktFit[], pointMeans: Float64Array, pointCount: number, learnerCount: number) {
  const groups = groupAnswers(log, pointCount, learnerCount);
  const coach: number[] = [];
  const baseline: number[] = [];
  const outcomes: number[] = [];
  groups.forEach((group, k) => {
    const params = fits[k]!.params;
    for (let s = 0; s + 1 < group.offsets.length; s++) {
      let mastery = params.prior;
      for (let i = group.offsets[s]!; i < group.offsets[s + 1]!; i++) {
        const isRight = group.correct[i] === 1;
        coach.push(predictCorrect(mastery, params));
        baseline.push(pointMeans[k]!);
        outcomes.push(isRight ? 1 : 0);
        mastery = update(mastery, isRight, params);
      }
    }
  });
  const right = Uint8Array.from(outcomes);
  const coachP = Float64Array.from(coach);
  const baseP = Float64Array.from(baseline);
  return { coach: { auc: auc(coachP, right), logLoss: logLoss(coachP, right) }, baseline: { auc: auc(baseP, right), logLoss: logLoss(baseP, right) }, answers: right.length };
}

/** Minutes a learner spent, and whether the hidden knowledge met the role within the horizon. */
interface Run {
  minutes: number;
  finished: boolean;
}

const START = Date.UTC(2026, 0, 5, 1, 0, 0);
const DAY = 86_400_000;
const MINUTE = 60_000;

/** One learner following the coach: recommendations from the fitted parameters and the learner's own answers only. */
function followCoach(world: World, learner: SimulatedLearner, fitted: readonly BktParams[], sizes: Sizes): Run {
  const mastery = Float64Array.from(fitted, (p) => p.prior);
  const cards = new Map<number, ReviewCard>();
  const items: CoachItem[] = world.items.map((item) => ({ id: item.id, title: item.title, kind: item.kind, minutes: item.minutes, knowledgePointIds: item.knowledgePoints.map((k) => world.knowledgePoints[k]!.id) }));
  const itemById = new Map(world.items.map((item) => [item.id, item]));
  const indexOf = new Map(world.knowledgePoints.map((p, k) => [p.id, k]));
  const masteryOf = (id: string) => mastery[indexOf.get(id)!]!;
  let minutes = 0;
  for (let day = 0; day < sizes.horizonDays; day++) {
    let now = new Date(START + day * DAY);
    let reviewsPushedToday = 0;
    for (let pushed = 0; pushed < sizes.dailyCap; pushed++) {
      const points: CoachKnowledgePoint[] = world.knowledgePoints.map((p, k) => ({
        id: p.id,
        name: p.name,
        mastery: mastery[k]!,
        learn: fitted[k]!.learn,
        prerequisiteIds: p.prerequisites.map((q) => world.knowledgePoints[q]!.id),
      }));
      const [next] = recommend({
        now,
        knowledgePoints: points,
        targets: roleTargets(competencyGaps(world.requirements, masteryOf)),
        items,
        dueReviews: dueNow([...cards.values()], now),
        pushedToday: pushed,
        reviewsPushedToday,
        dailyCap: sizes.dailyCap,
        limit: 1,
      });
      if (!next) break;
      if (next.kind === 'review') reviewsPushedToday++;
      const item = itemById.get(next.itemId)!;
      minutes += item.minutes;
      now = new Date(now.getTime() + item.minutes * MINUTE);
      for (const answer of learner.study(item)) {
        const k = answer.knowledgePoint;
        const params = fitted[k]!;
        mastery[k] = posterior(transition(mastery[k]!, params), answer.correct, params);
        const card = cards.get(k) ?? (mastery[k]! >= MASTERED ? newReviewCard(world.knowledgePoints[k]!.id, now) : undefined);
        if (card) cards.set(k, review(card, ratingFromAnswer(answer), now));
      }
      if (learner.meetsTargets()) return { minutes, finished: true };
    }
  }
  return { minutes, finished: false };
}

/** The same learner working through a list in catalogue order, again from the top when it ends, under the same daily cap. */
function followCatalogue(items: readonly SimItem[], learner: SimulatedLearner, sizes: Sizes): Run {
  let minutes = 0;
  let at = 0;
  for (let day = 0; day < sizes.horizonDays; day++) {
    for (let pushed = 0; pushed < sizes.dailyCap; pushed++) {
      const item = items[at++ % items.length]!;
      minutes += item.minutes;
      learner.study(item);
      if (learner.meetsTargets()) return { minutes, finished: true };
    }
  }
  return { minutes, finished: false };
}

/** Minutes spent by everyone, the unfinished counted with the minutes they spent within the horizon. */
function armResult(results: readonly Run[]): ArmResult {
  const spent = results.map((r) => r.minutes).sort((a, b) => a - b);
  const mid = spent.length >> 1;
  return {
    meanMinutes: spent.reduce((s, v) => s + v, 0) / spent.length,
    medianMinutes: spent.length % 2 ? spent[mid]! : (spent[mid - 1]! + spent[mid]!) / 2,
    unfinished: results.filter((r) => !r.finished).length,
  };
}

export function evaluate(options: EvaluationOptions): EvaluationReport {
  const started = performance.now();
  const sizes = SIZES[options.quick ? 'quick' : 'full'];
  const progress = options.onProgress ?? (() => {});
  const world = createWorld(options.seed, { knowledgePoints: sizes.knowledgePoints, items: sizes.items });
  const truths = world.knowledgePoints.map((p) => p.truth);
  const pointCount = truths.length;

  progress('fitting BKT');
  const training = practiceLog(truths, options.seed, { learners: sizes.trainLearners, pointsPerLearner: sizes.pointsPerLearner, stream: 'train' });
  const fits = fitAllKnowledgePoints(training, pointCount, sizes.trainLearners);
  const rightPerPoint = new Float64Array(pointCount);
  const answersPerPoint = new Float64Array(pointCount);
  for (let i = 0; i < training.correct.length; i++) {
    answersPerPoint[training.knowledgePoint[i]!]!++;
    rightPerPoint[training.knowledgePoint[i]!]! += training.correct[i]!;
  }
  const pointMeans = rightPerPoint.map((r, k) => (answersPerPoint[k]! ? r / answersPerPoint[k]! : 0.5));

  progress('predicting held-out answers');
  const heldOut = practiceLog(truths, options.seed, { learners: sizes.heldOutLearners, pointsPerLearner: sizes.pointsPerLearner, stream: 'held-out' });
  const prediction = predictHeldOut(heldOut, fits, pointMeans, pointCount, sizes.heldOutLearners);

  const fitted = fits.filter((f) => !f.isDefault);
  const mae = (key: keyof BktParams) => fits.reduce((s, f, k) => (f.isDefault ? s : s + Math.abs(f.params[key] - truths[k]![key])), 0) / Math.max(1, fitted.length);
  const bktRecovery = { prior: mae('prior'), learn: mae('learn'), guess: mae('guess'), slip: mae('slip'), fitted: fitted.length, defaults: fits.length - fitted.length };

  progress('calibrating 2PL items');
  const twoPl = generate2pl(options.seed, sizes.irtPersons, sizes.irtItems, sizes.irtAnswersPerPerson);
  const calibration = calibrateItems(twoPl.log, sizes.irtItems, sizes.irtPersons);
  const pairs = calibration.items.flatMap((c, j) => (c.params ? [{ fit: c.params, truth: twoPl.items[j]! }] : []));
  const thetaPairs: [number, number][] = [];
  const answersOf = new Map<number, { item: ItemParams; correct: boolean }[]>();
  for (let i = 0; i < twoPl.log.person.length; i++) {
    const params = calibration.items[twoPl.log.item[i]!]!.params;
    if (!params) continue;
    const list = answersOf.get(twoPl.log.person[i]!) ?? [];
    list.push({ item: params, correct: twoPl.log.correct[i] === 1 });
    answersOf.set(twoPl.log.person[i]!, list);
  }
  for (const [person, answers] of answersOf) thetaPairs.push([estimateAbility(answers).theta, twoPl.abilities[person]!]);
  const irtRecovery = {
    aCorrelation: correlation(pairs.map((p) => p.fit.a), pairs.map((p) => p.truth.a)),
    aRmse: rmse(pairs.map((p) => p.fit.a), pairs.map((p) => p.truth.a)),
    bCorrelation: correlation(pairs.map((p) => p.fit.b), pairs.map((p) => p.truth.b)),
    bRmse: rmse(pairs.map((p) => p.fit.b), pairs.map((p) => p.truth.b)),
    thetaCorrelation: correlation(thetaPairs.map((p) => p[0]), thetaPairs.map((p) => p[1])),
    calibrated: pairs.length,
  };

  progress('simulating the A/B');
  const fittedParams = fits.map((f) => f.params);
  const coachRuns: Run[] = [];
  const catalogueRuns: Run[] = [];
  const relevantRuns: Run[] = [];
  // A stronger baseline from the catalogue's metadata alone: only items touching the role's points or their prerequisites.
  const relevant = new Set(world.targets);
  for (let k = world.knowledgePoints.length - 1; k >= 0; k--) if (relevant.has(k)) for (const p of world.knowledgePoints[k]!.prerequisites) relevant.add(p);
  const relevantItems = world.items.filter((item) => item.knowledgePoints.some((k) => relevant.has(k)));
  for (let i = 0; i < sizes.abLearners; i++) {
    coachRuns.push(followCoach(world, new SimulatedLearner(world, options.seed, i, 'coach'), fittedParams, sizes));
    catalogueRuns.push(followCatalogue(world.items, new SimulatedLearner(world, options.seed, i, 'catalogue'), sizes));
    relevantRuns.push(followCatalogue(relevantItems, new SimulatedLearner(world, options.seed, i, 'relevant'), sizes));
  }
  const coach = armResult(coachRuns);
  const catalogue = armResult(catalogueRuns);
  const relevantOnly = armResult(relevantRuns);
  const reduction = 1 - coach.meanMinutes / catalogue.meanMinutes;

  return {
    seed: options.seed,
    quick: options.quick,
    sizes,
    trainingAnswers: training.correct.length,
    heldOutAnswers: prediction.answers,
    prediction: { coach: prediction.coach, baseline: prediction.baseline },
    bktRecovery,
    irtRecovery,
    ab: { learners: sizes.abLearners, coach, catalogue, relevantOnly, reduction },
    goals: { auc: prediction.coach.auc >= GOALS.auc, minutes: reduction >= GOALS.minutesReduction },
    seconds: (performance.now() - started) / 1000,
  };
}

const f = (value: number, digits = 3) => value.toFixed(digits);
const yes = (met: boolean) => (met ? 'met' : 'MISSED');

/** The evaluation's one table. */
export function renderReport(report: EvaluationReport): string {
  const { prediction, bktRecovery: bkt, irtRecovery: irt, ab } = report;
  const rows: [string, string, string, string, string][] = [
    ['next-answer AUC (held-out)', f(prediction.coach.auc), `${f(prediction.baseline.auc)} per-point mean`, `≥ ${GOALS.auc}`, yes(report.goals.auc)],
    ['next-answer log loss', f(prediction.coach.logLoss), `${f(prediction.baseline.logLoss)} per-point mean`, 'lower is better', ''],
    ['BKT recovery, MAE prior / learn', `${f(bkt.prior)} / ${f(bkt.learn)}`, '', `${bkt.fitted} points fitted, ${bkt.defaults} on defaults`, ''],
    ['BKT recovery, MAE guess / slip', `${f(bkt.guess)} / ${f(bkt.slip)}`, '', '', ''],
    ['2PL a: correlation / RMSE', `${f(irt.aCorrelation)} / ${f(irt.aRmse)}`, '', `${irt.calibrated} items calibrated`, ''],
    ['2PL b: correlation / RMSE', `${f(irt.bCorrelation)} / ${f(irt.bRmse)}`, '', '', ''],
    ['2PL θ (EAP): correlation', f(irt.thetaCorrelation), '', '', ''],
    ['A/B minutes to role, mean', f(ab.coach.meanMinutes, 0), `${f(ab.catalogue.meanMinutes, 0)} catalogue order`, `≥ ${GOALS.minutesReduction * 100} % fewer`, `${yes(report.goals.minutes)} (${f(ab.reduction * 100, 1)} % fewer)`],
    ['A/B minutes to role, median', f(ab.coach.medianMinutes, 0), `${f(ab.catalogue.medianMinutes, 0)} catalogue order`, '', ''],
    ['A/B unfinished at the horizon', `${ab.coach.unfinished} of ${ab.learners}`, `${ab.catalogue.unfinished} of ${ab.learners}`, `${report.sizes.horizonDays} days × ${report.sizes.dailyCap} pushes`, ''],
    [
      'A/B vs role-relevant catalogue',
      f(ab.coach.meanMinutes, 0),
      `${f(ab.relevantOnly.meanMinutes, 0)} mean, ${f(ab.relevantOnly.medianMinutes, 0)} median, ${ab.relevantOnly.unfinished} unfinished`,
      'for reference',
      `${f((1 - ab.coach.meanMinutes / ab.relevantOnly.meanMinutes) * 100, 1)} % fewer`,
    ],
  ];
  const header: [string, string, string, string, string] = ['measure', 'coach', 'baseline', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `Coach evaluation — seed ${report.seed}${report.quick ? ', quick' : ''}: ${report.sizes.knowledgePoints} knowledge points, ${report.sizes.items} items, ` +
      `${report.trainingAnswers.toLocaleString('en-US')} training answers, ${report.heldOutAnswers.toLocaleString('en-US')} held-out answers, ${f(report.seconds, 1)} s`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
