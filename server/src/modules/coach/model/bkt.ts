/*
 * Bayesian Knowledge Tracing (Corbett & Anderson 1995): a learner either knows a knowledge point or not. `prior` is the
 * chance of knowing it before the first answer, `learn` the chance of learning it at each opportunity, `guess` the
 * chance of a right answer without knowing it, `slip` the chance of a wrong one while knowing it. Nobody forgets
 * (forgetting is left to the spaced reviews). guess ≤ 0.3 and slip ≤ 0.1 keep the model identifiable: without them EM
 * can settle on "knowing" meaning "answering wrong".
 */

export interface BktParams {
  prior: number;
  learn: number;
  guess: number;
  slip: number;
}

/** Used for a knowledge point until the district's data are enough to fit its own (see MIN_FIT_*). */
export const DEFAULT_BKT: Readonly<BktParams> = Object.freeze({ prior: 0.2, learn: 0.15, guess: 0.2, slip: 0.08 });

export const MAX_GUESS = 0.3;
export const MAX_SLIP = 0.1;
/** Every parameter stays inside (0, 1): a 0 or 1 would make one answer certain and its surprise infinite. */
export const PARAM_FLOOR = 1e-4;
export const PARAM_CEILING = 1 - 1e-4;

/**
 * Below either figure a knowledge point keeps the defaults: 30 learners give the prior (a share among learners) a
 * standard error of about 0.07, and 150 answers put roughly 50 answers in each of the known/unknown states, enough
 * for guess and slip to move away from their starting values for a reason rather than by chance.
 */
export const MIN_FIT_SEQUENCES = 30;
export const MIN_FIT_ANSWERS = 150;

/** Probability above which a knowledge point counts as mastered (the usual BKT convention). */
export const MASTERED = 0.95;

const clamp = (value: number, low: number, high: number) => (value < low ? low : value > high ? high : value);

/** Parameters moved into the allowed box: each in (0, 1), guess ≤ 0.3, slip ≤ 0.1. */
export function clampParams(params: BktParams): BktParams {
  return {
    prior: clamp(params.prior, PARAM_FLOOR, PARAM_CEILING),
    learn: clamp(params.learn, PARAM_FLOOR, PARAM_CEILING),
    guess: clamp(params.guess, PARAM_FLOOR, MAX_GUESS),
    slip: clamp(params.slip, PARAM_FLOOR, MAX_SLIP),
  };
}

/** Chance of a right answer now, from the chance of knowing. */
export function predictCorrect(mastery: number, params: BktParams): number {
  return mastery * (1 - params.slip) + (1 - mastery) * params.guess;
}

/** Chance of knowing, after seeing one answer (Bayes' rule). */
export function posterior(mastery: number, correct: boolean, params: BktParams): number {
  const known = mastery * (correct ? 1 - params.slip : params.slip);
  const unknown = (1 - mastery) * (correct ? params.guess : 1 - params.guess);
  return known / (known + unknown);
}

/** Chance of knowing after one more learning opportunity (a lesson, or the feedback on an answer). */
export function transition(mastery: number, params: BktParams): number {
  return mastery + (1 - mastery) * params.learn;
}

/** The online update on a graded answer: what the answer shows, then what its feedback teaches. */
export function update(mastery: number, correct: boolean, params: BktParams): number {
  return transition(posterior(mastery, correct, params), params);
}

/**
 * Answers about one knowledge point, learner by learner: learner i's answers, oldest first, are
 * correct[offsets[i]] … correct[offsets[i + 1] - 1] (1 right, 0 wrong).
 */
export interface BktSequences {
  offsets: Int32Array;
  correct: Uint8Array;
}

export interface BktFit {
  params: BktParams;
  /** Natural log of the answers' probability under `params`. */
  logLikelihood: number;
  iterations: number;
  sequences: number;
  answers: number;
  /** True when there were too few data and `params` are the defaults. */
  isDefault: boolean;
  converged: boolean;
}

export interface BktFitOptions {
  defaults?: BktParams;
  maxIterations?: number;
  /** Stop when an iteration raises the log-likelihood per answer by less than this. */
  tolerance?: number;
  minSequences?: number;
  minAnswers?: number;
}

/** Work space reused between fits, grown to the longest sequence seen. */
let scratch = { alpha0: new Float64Array(64), alpha1: new Float64Array(64), scale: new Float64Array(64) };
function scratchFor(length: number) {
  if (scratch.alpha0.length < length) {
    const size = Math.max(length, scratch.alpha0.length * 2);
    scratch = { alpha0: new Float64Array(size), alpha1: new Float64Array(size), scale: new Float64Array(size) };
  }
  return scratch;
}

interface Expected {
  logLikelihood: number;
  /** Σ over sequences of P(known at the first answer). */
  firstKnown: number;
  /** Σ P(unknown at t and known at t+1), and Σ P(unknown at t) over answers that have a successor. */
  learned: number;
  unknownBeforeNext: number;
  /** Σ P(unknown) over right answers and over all answers; Σ P(known) over wrong answers and over all answers. */
  unknownRight: number;
  unknownAll: number;
  knownWrong: number;
  knownAll: number;
}

/** One E-step: forward–backward (scaled) over every sequence, summing the expected counts the M-step needs. */
function expectedCounts(data: BktSequences, p: BktParams): Expected {
  const out: Expected = { logLikelihood: 0, firstKnown: 0, learned: 0, unknownBeforeNext: 0, unknownRight: 0, unknownAll: 0, knownWrong: 0, knownAll: 0 };
  const { offsets, correct } = data;
  const sequences = offsets.length - 1;
  const stay = 1 - p.learn;
  // Emission probabilities: e[state][answer].
  const e0r = p.guess;
  const e0w = 1 - p.guess;
  const e1r = 1 - p.slip;
  const e1w = p.slip;
  for (let s = 0; s < sequences; s++) {
    const start = offsets[s]!;
    const length = offsets[s + 1]! - start;
    if (length <= 0) continue;
    const { alpha0, alpha1, scale } = scratchFor(length);
    // Forward, normalised at each step; scale[t] is P(answer t | answers before it).
    let right = correct[start] === 1;
    let a0 = (1 - p.prior) * (right ? e0r : e0w);
    let a1 = p.prior * (right ? e1r : e1w);
    let c = a0 + a1;
    alpha0[0] = a0 / c;
    alpha1[0] = a1 / c;
    scale[0] = c;
    out.logLikelihood += Math.log(c);
    for (let t = 1; t < length; t++) {
      right = correct[start + t] === 1;
      const prev0 = alpha0[t - 1]!;
      const prev1 = alpha1[t - 1]!;
      a0 = prev0 * stay * (right ? e0r : e0w);
      a1 = (prev0 * p.learn + prev1) * (right ? e1r : e1w);
      c = a0 + a1;
      alpha0[t] = a0 / c;
      alpha1[t] = a1 / c;
      scale[t] = c;
      out.logLikelihood += Math.log(c);
    }
    // Backward, with the same scaling, accumulating posteriors as it goes.
    let b0 = 1;
    let b1 = 1;
    for (let t = length - 1; t >= 0; t--) {
      const g0 = alpha0[t]! * b0;
      const g1 = alpha1[t]! * b1;
      const norm = g0 + g1;
      const known = g1 / norm;
      const unknown = g0 / norm;
      out.unknownAll += unknown;
      out.knownAll += known;
      if (correct[start + t] === 1) out.unknownRight += unknown;
      else out.knownWrong += known;
      if (t === 0) out.firstKnown += known;
      if (t > 0) {
        // ξ(t−1: unknown → t: known) and the backward step to t−1.
        right = correct[start + t] === 1;
        const em0 = right ? e0r : e0w;
        const em1 = right ? e1r : e1w;
        const ct = scale[t]!;
        const prev0 = alpha0[t - 1]!;
        out.learned += (prev0 * p.learn * em1 * b1) / ct;
        out.unknownBeforeNext += prev0 * (stay * em0 * b0 + p.learn * em1 * b1) / ct;
        const nb0 = (stay * em0 * b0 + p.learn * em1 * b1) / ct;
        const nb1 = (em1 * b1) / ct;
        b0 = nb0;
        b1 = nb1;
      }
    }
  }
  return out;
}

/**
 * Fits one knowledge point's parameters by EM (Baum–Welch). Each parameter's M-step is a binomial share, whose
 * likelihood is concave in it, so moving the share into the allowed box is the constrained maximum and EM still never
 * lowers the likelihood. Starts from the defaults.
 */
export function fitBkt(data: BktSequences, options: BktFitOptions = {}): BktFit {
  const defaults = clampParams(options.defaults ?? DEFAULT_BKT);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-7;
  const sequences = countSequences(data);
  const answers = data.correct.length;
  if (sequences < (options.minSequences ?? MIN_FIT_SEQUENCES) || answers < (options.minAnswers ?? MIN_FIT_ANSWERS)) {
    return { params: defaults, logLikelihood: expectedCounts(data, defaults).logLikelihood, iterations: 0, sequences, answers, isDefault: true, converged: true };
  }
  let params = defaults;
  let counts = expectedCounts(data, params);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const next = clampParams({
      prior: counts.firstKnown / sequences,
      learn: counts.unknownBeforeNext > 0 ? counts.learned / counts.unknownBeforeNext : params.learn,
      guess: counts.unknownAll > 0 ? counts.unknownRight / counts.unknownAll : params.guess,
      slip: counts.knownAll > 0 ? counts.knownWrong / counts.knownAll : params.slip,
    });
    const nextCounts = expectedCounts(data, next);
    iterations++;
    const gain = (nextCounts.logLikelihood - counts.logLikelihood) / answers;
    params = next;
    counts = nextCounts;
    if (gain < tolerance) {
      converged = true;
      break;
    }
  }
  return { params, logLikelihood: counts.logLikelihood, iterations, sequences, answers, isDefault: false, converged };
}

function countSequences(data: BktSequences): number {
  let count = 0;
  for (let s = 0; s + 1 < data.offsets.length; s++) if (data.offsets[s + 1]! > data.offsets[s]!) count++;
  return count;
}

/** Graded answers in the order they were given: answer i is learner[i]'s about knowledgePoint[i]. */
export interface AnswerLog {
  learner: Int32Array;
  knowledgePoint: Int32Array;
  correct: Uint8Array;
}

/**
 * Splits a log into each knowledge point's sequences (learner by learner, each in the log's order) with two stable
 * counting sorts, so a million answers take milliseconds and no per-answer objects.
 */
export function groupAnswers(log: AnswerLog, knowledgePointCount: number, learnerCount: number): BktSequences[] {
  const n = log.correct.length;
  // Stable sort by learner, then stable by knowledge point: within a point, learners are contiguous and in log order.
  const byLearner = countingOrder(log.learner, learnerCount, identity(n));
  const order = countingOrder(log.knowledgePoint, knowledgePointCount, byLearner);
  const perPoint = new Int32Array(knowledgePointCount + 1);
  for (let i = 0; i < n; i++) perPoint[log.knowledgePoint[i]! + 1]!++;
  for (let k = 0; k < knowledgePointCount; k++) perPoint[k + 1]! += perPoint[k]!;
  const groups: BktSequences[] = [];
  for (let k = 0; k < knowledgePointCount; k++) {
    const from = perPoint[k]!;
    const to = perPoint[k + 1]!;
    const correct = new Uint8Array(to - from);
    const starts: number[] = [];
    let previous = -1;
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      correct[j - from] = log.correct[i]!;
      if (log.learner[i] !== previous) {
        starts.push(j - from);
        previous = log.learner[i]!;
      }
    }
    starts.push(to - from);
    groups.push({ offsets: Int32Array.from(starts), correct });
  }
  return groups;
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** The indices of `order`, stably re-ordered by key[index]. */
function countingOrder(key: Int32Array, keyCount: number, order: Int32Array): Int32Array {
  const starts = new Int32Array(keyCount + 1);
  for (let j = 0; j < order.length; j++) starts[key[order[j]!]! + 1]!++;
  for (let k = 0; k < keyCount; k++) starts[k + 1]! += starts[k]!;
  const out = new Int32Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    out[starts[key[i]!]!++] = i;
  }
  return out;
}

/** The refit job's core: every knowledge point's parameters from one answer log, defaults where data are thin. */
export function fitAllKnowledgePoints(
  log: AnswerLog,
  knowledgePointCount: number,
  learnerCount: number,
  options: BktFitOptions & { onProgress?: (done: number, total: number) => void } = {},
): BktFit[] {
  const groups = groupAnswers(log, knowledgePointCount, learnerCount);
  return groups.map((group, k) => {
    const fit = fitBkt(group, options);
    options.onProgress?.(k + 1, knowledgePointCount);
    return fit;
  });
}
