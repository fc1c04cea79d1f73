import { describe, expect, it } from 'vitest';
import { calibrateItems, estimateAbility, probabilityCorrect } from './irt.ts';
import { generate2pl } from './simulate.ts';

const ranks = (values: readonly number[]) => {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(values.length);
  order.forEach(([, i], rank) => (out[i] = rank));
  return out;
};

describe('2PL item response theory', () => {
  it('gives 1/2 at θ = b and follows the logistic curve', () => {
    expect(probabilityCorrect(0.7, { a: 1.3, b: 0.7 })).toBeCloseTo(0.5, 12);
    // a(θ − b) = 2·(1 − 0) = 2 → 1 / (1 + e^−2) = 0.880797
    expect(probabilityCorrect(1, { a: 2, b: 0 })).toBeCloseTo(0.880797, 6);
  });

  it('recovers the order of the items’ difficulties from generated answers', () => {
    const data = generate2pl(5, 1500, 12, 12);
    const result = calibrateItems(data.log, 12, 1500);
    expect(result.converged).toBe(true);
    const fitted = result.items.map((item) => item.params!.b);
    const truth = data.items.map((item) => item.b);
    // Spearman rank correlation of fitted and true difficulties.
    const rf = ranks(fitted);
    const rt = ranks(truth);
    const n = fitted.length;
    const rho = 1 - (6 * rf.reduce((s, r, i) => s + (r - rt[i]!) ** 2, 0)) / (n * (n * n - 1));
    expect(rho).toBeGreaterThan(0.95);
    expect(fitted.indexOf(Math.max(...fitted))).toBe(truth.indexOf(Math.max(...truth)));
    expect(fitted.indexOf(Math.min(...fitted))).toBe(truth.indexOf(Math.min(...truth)));
  });

  it('leaves an item with too few answers uncalibrated', () => {
    const data = generate2pl(6, 300, 4, 4);
    // Item 3 keeps only its first 50 answers.
    let seen = 0;
    const keep = Array.from(data.log.item.keys()).filter((i) => data.log.item[i] !== 3 || seen++ < 50);
    const log = { person: Int32Array.from(keep, (i) => data.log.person[i]!), item: Int32Array.from(keep, (i) => data.log.item[i]!), correct: Uint8Array.from(keep, (i) => data.log.correct[i]!) };
    const result = calibrateItems(log, 4, 300, { minAnswers: 100 });
    expect(result.items[3]).toEqual({ params: null, answers: 50 });
    expect(result.items.slice(0, 3).every((item) => item.params !== null && item.answers === 300)).toBe(true);
  });

  it('estimates ability by EAP, higher with right answers and surer with more of them', () => {
    const items = [-1, -0.5, 0, 0.5, 1].map((b) => ({ a: 1.5, b }));
    const allRight = estimateAbility(items.map((item) => ({ item, correct: true })));
    const allWrong = estimateAbility(items.map((item) => ({ item, correct: false })));
    const none = estimateAbility([]);
    expect(allRight.theta).toBeGreaterThan(1);
    expect(allWrong.theta).toBeLessThan(-1);
    // No answers: the population's prior, mean 0 and standard deviation 1.
    expect(none.theta).toBeCloseTo(0, 6);
    expect(none.standardError).toBeCloseTo(1, 2);
    const mixed = items.map((item, i) => ({ item, correct: i % 2 === 0 }));
    expect(estimateAbility([...mixed, ...mixed]).standardError).toBeLessThan(estimateAbility(mixed).standardError);
  });
});
