/*
 * Two-parameter logistic item response theory for exam items: P(right | θ) = 1 / (1 + e^(−a(θ − b))), with a the
 * item's discrimination and b its difficulty on the learners' ability scale θ (standard normal in the population).
 * Items are calibrated by marginal maximum likelihood (Bock & Aitkin 1981): EM over a fixed grid of abilities, so no
 * learner's θ is estimated along the way. Mild priors (a ~ N(1, 1), intercept ~ N(0, 3²)) keep an item that everybody
 * gets right, or wrong, finite. A learner's ability is then the posterior mean over the same grid (EAP).
 */

export interface ItemParams {
  a: number;
  b: number;
}

/** Graded exam answers: answer i is person[i]'s to item[i]. */
export interface ResponseLog {
  person: Int32Array;
  item: Int32Array;
  correct: Uint8Array;
}

export interface ItemCalibration {
  /** null when the item had fewer than the minimum answers and is left uncalibrated. */
  params: ItemParams | null;
  answers: number;
}

export interface CalibrationResult {
  items: ItemCalibration[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

export interface CalibrationOptions {
  /** Below this many answers an item is not calibrated (its a and b would mostly be the priors). */
  minAnswers?: number;
  maxIterations?: number;
  /** Stop when no item's a or b moves more than this in an iteration. */
  tolerance?: number;
}

/** 200 answers give a 2PL item's difficulty a standard error of roughly 0.15–0.2 in the middle of the scale. */
export const MIN_ITEM_ANSWERS = 200;
const MIN_A = 0.1;
const MAX_A = 5;
const PRIOR_A_MEAN = 1;
const PRIOR_A_VAR = 1;
const PRIOR_C_VAR = 9;

/** The fixed quadrature: 41 points on [−4, 4] weighted by the standard normal density. */
const GRID = Float64Array.from({ length: 41 }, (_, q) => -4 + q * 0.2);
const GRID_WEIGHTS = (() => {
  const raw = GRID.map((theta) => Math.exp(-0.5 * theta * theta));
  const total = raw.reduce((sum, w) => sum + w, 0);
  return raw.map((w) => w / total);
})();

export function probabilityCorrect(theta: number, item: ItemParams): number {
  return 1 / (1 + Math.exp(-item.a * (theta - item.b)));
}

/** Calibrates every item with enough answers by Bock–Aitkin EM. */
export function calibrateItems(log: ResponseLog, itemCount: number, personCount: number, options: CalibrationOptions = {}): CalibrationResult {
  const minAnswers = options.minAnswers ?? MIN_ITEM_ANSWERS;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-4;
  const Q = GRID.length;
  const answersPerItem = new Int32Array(itemCount);
  for (let i = 0; i < log.item.length; i++) answersPerItem[log.item[i]!]!++;
  const isCalibrated = Array.from(answersPerItem, (n) => n >= minAnswers);

  // Answers person by person (only calibrated items).
  const byPerson = new Int32Array(personCount + 1);
  for (let i = 0; i < log.item.length; i++) if (isCalibrated[log.item[i]!]) byPerson[log.person[i]! + 1]!++;
  for (let p = 0; p < personCount; p++) byPerson[p + 1]! += byPerson[p]!;
  const fill = byPerson.slice(0, personCount);
  const personItem = new Int32Array(byPerson[personCount]!);
  const personRight = new Uint8Array(byPerson[personCount]!);
  for (let i = 0; i < log.item.length; i++) {
    if (!isCalibrated[log.item[i]!]) continue;
    const at = fill[log.person[i]!]!++;
    personItem[at] = log.item[i]!;
    personRight[at] = log.correct[i]!;
  }

  // Slope–intercept form inside: logit = a·θ + c, c = −a·b.
  const a = new Float64Array(itemCount).fill(1);
  const c = new Float64Array(itemCount);
  const logP = new Float64Array(itemCount * Q);
  const logQ = new Float64Array(itemCount * Q);
  const expectedAll = new Float64Array(itemCount * Q);
  const expectedRight = new Float64Array(itemCount * Q);
  const post = new Float64Array(Q);
  const logPrior = GRID_WEIGHTS.map(Math.log);
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    for (let j = 0; j < itemCount; j++) {
      if (!isCalibrated[j]) continue;
      for (let q = 0; q < Q; q++) {
        const z = a[j]! * GRID[q]! + c[j]!;
        // log σ(z) and log σ(−z), computed without overflow.
        const soft = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        logP[j * Q + q] = z - soft;
        logQ[j * Q + q] = -soft;
      }
    }
    expectedAll.fill(0);
    expectedRight.fill(0);
    logLikelihood = 0;
    // E-step: each person's posterior over the grid, added to the expected counts of the items they answered.
    for (let p = 0; p < personCount; p++) {
      const from = byPerson[p]!;
      const to = byPerson[p + 1]!;
      if (from === to) continue;
      let max = -Infinity;
      for (let q = 0; q < Q; q++) {
        let s = logPrior[q]!;
        for (let k = from; k < to; k++) s += personRight[k] ? logP[personItem[k]! * Q + q]! : logQ[personItem[k]! * Q + q]!;
        post[q] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let q = 0; q < Q; q++) {
        post[q] = Math.exp(post[q]! - max);
        total += post[q]!;
      }
      logLikelihood += max + Math.log(total);
      for (let q = 0; q < Q; q++) post[q] = post[q]! / total;
      for (let k = from; k < to; k++) {
        const base = personItem[k]! * Q;
        for (let q = 0; q < Q; q++) {
          expectedAll[base + q]! += post[q]!;
          if (personRight[k]) expectedRight[base + q]! += post[q]!;
        }
      }
    }
    // M-step: per item, a weighted logistic regression on the grid with the priors, by a few Newton steps.
    let largestMove = 0;
    for (let j = 0; j < itemCount; j++) {
      if (!isCalibrated[j]) continue;
      const before = { a: a[j]!, b: -c[j]! / a[j]! };
      newtonItem(j, Q, a, c, expectedAll, expectedRight);
      largestMove = Math.max(largestMove, Math.abs(a[j]! - before.a), Math.abs(-c[j]! / a[j]! - before.b));
    }
    if (largestMove < tolerance) {
      converged = true;
      break;
    }
  }

  const items = Array.from({ length: itemCount }, (_, j): ItemCalibration => ({
    params: isCalibrated[j] ? { a: a[j]!, b: -c[j]! / a[j]! } : null,
    answers: answersPerItem[j]!,
  }));
  return { items, logLikelihood, iterations, converged };
}

function newtonItem(j: number, Q: number, a: Float64Array, c: Float64Array, all: Float64Array, right: Float64Array) {
  let aj = a[j]!;
  let cj = c[j]!;
  for (let step = 0; step < 5; step++) {
    // Gradient and Hessian of the log posterior in (a, c).
    let ga = -(aj - PRIOR_A_MEAN) / PRIOR_A_VAR;
    let gc = -cj / PRIOR_C_VAR;
    let haa = -1 / PRIOR_A_VAR;
    let hcc = -1 / PRIOR_C_VAR;
    let hac = 0;
    for (let q = 0; q < Q; q++) {
      const n = all[j * Q + q]!;
      if (n === 0) continue;
      const theta = GRID[q]!;
      const pr = 1 / (1 + Math.exp(-(aj * theta + cj)));
      const residual = right[j * Q + q]! - n * pr;
      const w = n * pr * (1 - pr);
      ga += residual * theta;
      gc += residual;
      haa -= w * theta * theta;
      hac -= w * theta;
      hcc -= w;
    }
    const det = haa * hcc - hac * hac;
    if (!(det > 0)) break;
    const da = (hcc * ga - hac * gc) / det;
    const dc = (haa * gc - hac * ga) / det;
    aj = Math.min(MAX_A, Math.max(MIN_A, aj - da));
    cj -= dc;
    if (Math.abs(da) < 1e-6 && Math.abs(dc) < 1e-6) break;
  }
  a[j] = aj;
  c[j] = cj;
}

export interface AbilityEstimate {
  theta: number;
  standardError: number;
  answers: number;
}

/** A learner's ability as the posterior mean on the grid (EAP), with its posterior standard deviation. */
export function estimateAbility(answers: readonly { item: ItemParams; correct: boolean }[]): AbilityEstimate {
  const Q = GRID.length;
  const logs = new Float64Array(Q);
  let max = -Infinity;
  for (let q = 0; q < Q; q++) {
    let s = Math.log(GRID_WEIGHTS[q]!);
    for (const answer of answers) {
      const pr = probabilityCorrect(GRID[q]!, answer.item);
      s += Math.log(answer.correct ? pr : 1 - pr);
    }
    logs[q] = s;
    if (s > max) max = s;
  }
  let total = 0;
  let mean = 0;
  for (let q = 0; q < Q; q++) {
    const w = Math.exp(logs[q]! - max);
    logs[q] = w;
    total += w;
    mean += w * GRID[q]!;
  }
  mean /= total;
  let variance = 0;
  for (let q = 0; q < Q; q++) variance += (logs[q]! / total) * (GRID[q]! - mean) ** 2;
  return { theta: mean, standardError: Math.sqrt(variance), answers: answers.length };
}
