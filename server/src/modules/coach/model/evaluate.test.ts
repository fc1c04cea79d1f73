import { describe, expect, it } from 'vitest';
import { auc, evaluate, GOALS, logLoss, renderReport } from './evaluate.ts';

describe('coach evaluation', () => {
  it('computes AUC and log loss as defined', () => {
    // Right answers got 0.35 and 0.8, wrong ones 0.1 and 0.4: of the 4 (right, wrong) pairs, 3 are ordered → 0.75.
    expect(auc(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1]))).toBe(0.75);
    expect(auc(Float64Array.from([0.5, 0.5]), Uint8Array.from([0, 1]))).toBe(0.5);
    // −(ln 0.8 + ln 0.6) / 2
    expect(logLoss(Float64Array.from([0.8, 0.4]), Uint8Array.from([1, 0]))).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
  });

  it('meets the goals in quick mode on a fixed seed', () => {
    const report = evaluate({ seed: 2026, quick: true });
    expect(report.prediction.coach.auc).toBeGreaterThanOrEqual(GOALS.auc);
    expect(report.prediction.coach.auc).toBeGreaterThan(report.prediction.baseline.auc);
    expect(report.prediction.coach.logLoss).toBeLessThan(report.prediction.baseline.logLoss);
    expect(report.ab.reduction).toBeGreaterThanOrEqual(GOALS.minutesReduction);
    expect(report.ab.coach.unfinished).toBeLessThanOrEqual(report.ab.catalogue.unfinished);
    expect(report.bktRecovery.defaults).toBe(0);
    for (const error of [report.bktRecovery.prior, report.bktRecovery.learn, report.bktRecovery.guess, report.bktRecovery.slip]) expect(error).toBeLessThan(0.05);
    expect(report.irtRecovery.bCorrelation).toBeGreaterThan(0.95);
    expect(report.goals).toEqual({ auc: true, minutes: true });
    expect(renderReport(report)).toContain('| next-answer AUC (held-out)');
  });
});
