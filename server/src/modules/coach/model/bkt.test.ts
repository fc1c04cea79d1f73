import { describe, expect, it } from 'vitest';
import {
  clampParams,
  DEFAULT_BKT,
  fitAllKnowledgePoints,
  fitBkt,
  groupAnswers,
  MAX_GUESS,
  MAX_SLIP,
  posterior,
  predictCorrect,
  transition,
  update,
  type BktSequences,
} from './bkt.ts';
import { practiceLog } from './simulate.ts';

const params = { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1 };
const sequences = (...rows: number[][]): BktSequences => {
  const offsets = [0];
  for (const row of rows) offsets.push(offsets[offsets.length - 1]! + row.length);
  return { offsets: Int32Array.from(offsets), correct: Uint8Array.from(rows.flat()) };
};
const anyData = { minSequences: 1, minAnswers: 1 };

describe('BKT update', () => {
  it('predicts, conditions on an answer and learns as the formulas say', () => {
    // P(right) = 0.3·0.9 + 0.7·0.2 = 0.27 + 0.14 = 0.41
    expect(predictCorrect(0.3, params)).toBeCloseTo(0.41, 12);
    // right: 0.27 / 0.41 = 0.658537; wrong: 0.3·0.1 / (0.03 + 0.7·0.8) = 0.03 / 0.59 = 0.050847
    expect(posterior(0.3, true, params)).toBeCloseTo(0.27 / 0.41, 12);
    expect(posterior(0.3, false, params)).toBeCloseTo(0.03 / 0.59, 12);
    // 0.5 + 0.5·0.2 = 0.6
    expect(transition(0.5, params)).toBeCloseTo(0.6, 12);
    // online update on a right answer: 0.658537 + 0.341463·0.2 = 0.726829
    expect(update(0.3, true, params)).toBeCloseTo(0.27 / 0.41 + (1 - 0.27 / 0.41) * 0.2, 12);
  });

  it('clamps parameters into the allowed box', () => {
    expect(clampParams({ prior: 0, learn: 1, guess: 0.6, slip: 0.4 })).toEqual({ prior: 1e-4, learn: 1 - 1e-4, guess: MAX_GUESS, slip: MAX_SLIP });
  });
});

describe('BKT fit by EM', () => {
  it('computes one EM step on single answers by hand, with guess held at 0.3', () => {
    // Defaults prior 0.2, guess 0.2, slip 0.08; 3 right answers and 1 wrong, one per learner.
    // P(known | right) = 0.2·0.92 / (0.184 + 0.8·0.2) = 0.184 / 0.344 = 0.534884
    // P(known | wrong) = 0.2·0.08 / (0.016 + 0.8·0.8) = 0.016 / 0.656 = 0.024390
    // prior' = (3·0.534884 + 0.024390) / 4 = 0.407260
    // guess' = 3·0.465116 / (3·0.465116 + 0.975610) = 0.588515 → held at 0.3
    // slip'  = 0.024390 / (3·0.534884 + 0.024390) = 0.014972; learn keeps 0.15 (no answer follows another)
    const fit = fitBkt(sequences([1], [1], [1], [0]), { ...anyData, maxIterations: 1 });
    expect(fit.params.prior).toBeCloseTo(0.40726, 5);
    expect(fit.params.guess).toBe(MAX_GUESS);
    expect(fit.params.slip).toBeCloseTo(0.014972, 5);
    expect(fit.params.learn).toBeCloseTo(0.15, 12);
    expect(fit).toMatchObject({ iterations: 1, sequences: 4, answers: 4, isDefault: false });
  });

  it('computes the learn step on a wrong-then-right sequence by hand, with slip held at 0.1', () => {
    // Paths under the defaults (prior 0.2, learn 0.15, guess 0.2, slip 0.08) for (wrong, right):
    //   unknown, stays:  0.8·0.8·0.85·0.2  = 0.10880
    //   unknown, learns: 0.8·0.8·0.15·0.92 = 0.08832
    //   known:           0.2·0.08·0.92     = 0.01472      total 0.21184
    // learn' = 0.08832 / (0.10880 + 0.08832) = 0.448054; prior' = 0.01472 / 0.21184 = 0.069486
    // slip'  = 0.069486 / (0.069486 + 0.486405) = 0.125 → held at 0.1
    // guess' = 0.513595 / (0.930514 + 0.513595) = 0.355647 → held at 0.3
    const fit = fitBkt(sequences([0, 1]), { ...anyData, maxIterations: 1 });
    expect(fit.params.learn).toBeCloseTo(0.08832 / 0.19712, 5);
    expect(fit.params.prior).toBeCloseTo(0.01472 / 0.21184, 5);
    expect(fit.params.slip).toBe(MAX_SLIP);
    expect(fit.params.guess).toBe(MAX_GUESS);
  });

  it('keeps the defaults below the minimum data, with their log-likelihood', () => {
    const fit = fitBkt(sequences([0, 1]));
    expect(fit).toMatchObject({ params: DEFAULT_BKT, isDefault: true, iterations: 0, sequences: 1, answers: 2 });
    // ln P(wrong, right) = ln 0.21184
    expect(fit.logLikelihood).toBeCloseTo(Math.log(0.21184), 9);
  });

  it('recovers the parameters that generated the answers, never lowering the likelihood', () => {
    const truth = { prior: 0.25, learn: 0.2, guess: 0.22, slip: 0.06 };
    const log = practiceLog([truth], 7, { learners: 3000, pointsPerLearner: 1, stream: 'test' });
    const [data] = groupAnswers(log, 1, 3000);
    const fit = fitBkt(data!);
    expect(fit.converged).toBe(true);
    for (const key of ['prior', 'learn', 'guess', 'slip'] as const) expect(Math.abs(fit.params[key] - truth[key])).toBeLessThan(0.03);
    const steps = [1, 2, 3, 5, 10].map((n) => fitBkt(data!, { maxIterations: n, tolerance: -Infinity }).logLikelihood);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]! - 1e-9);
  });

  it('holds guess and slip at their limits when the data would push them higher', () => {
    const log = practiceLog([{ prior: 0.2, learn: 0.1, guess: 0.5, slip: 0.25 }], 3, { learners: 1000, pointsPerLearner: 1, stream: 'test' });
    const fit = fitBkt(groupAnswers(log, 1, 1000)[0]!);
    expect(fit.params.guess).toBeLessThanOrEqual(MAX_GUESS);
    expect(fit.params.slip).toBeLessThanOrEqual(MAX_SLIP);
    for (const value of Object.values(fit.params)) expect(value > 0 && value < 1).toBe(true);
  });

  it('groups an interleaved log by knowledge point and learner, keeping each learner’s order', () => {
    const log = {
      learner: Int32Array.from([1, 0, 1, 0, 1, 0]),
      knowledgePoint: Int32Array.from([0, 0, 1, 0, 0, 1]),
      correct: Uint8Array.from([0, 1, 1, 0, 1, 1]),
    };
    const [first, second] = groupAnswers(log, 2, 2);
    // point 0: learner 0 answered right, wrong; learner 1 wrong, right
    expect([...first!.offsets]).toEqual([0, 2, 4]);
    expect([...first!.correct]).toEqual([1, 0, 0, 1]);
    expect([...second!.offsets]).toEqual([0, 1, 2]);
    expect([...second!.correct]).toEqual([1, 1]);
  });

  it('fits every point of a log, with defaults where a point has too few learners', () => {
    const truths = [
      { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.05 },
      { prior: 0.1, learn: 0.3, guess: 0.1, slip: 0.05 },
    ];
    const log = practiceLog(truths, 11, { learners: 400, pointsPerLearner: 1, stream: 'test' });
    // Keep only 20 learners' answers on point 1: below the 30-learner minimum.
    const keep = Array.from(log.correct.keys()).filter((i) => log.knowledgePoint[i] === 0 || log.learner[i]! < 40);
    const thin = { learner: Int32Array.from(keep, (i) => log.learner[i]!), knowledgePoint: Int32Array.from(keep, (i) => log.knowledgePoint[i]!), correct: Uint8Array.from(keep, (i) => log.correct[i]!) };
    const progress: number[] = [];
    const fits = fitAllKnowledgePoints(thin, 2, 400, { onProgress: (done) => progress.push(done) });
    expect(fits[0]!.isDefault).toBe(false);
    expect(fits[1]!.sequences).toBeLessThan(30);
    expect(fits[1]).toMatchObject({ isDefault: true, params: DEFAULT_BKT });
    expect(progress).toEqual([1, 2]);
  });
});
