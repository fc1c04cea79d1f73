import { describe, expect, it } from 'vitest';
import { SegmentTracker } from './segments.ts';

describe('SegmentTracker', () => {
  it('reports continuous play as one stretch and a seek as a new one', () => {
    const tracker = new SegmentTracker();
    for (const p of [0, 0.25, 0.5, 1, 2, 3]) tracker.played(p);
    tracker.played(60);
    tracker.played(61);
    expect(tracker.drain()).toEqual([[0, 3], [60, 61]]);
  });

  it('continues an open stretch after a drain and drops empty ones', () => {
    const tracker = new SegmentTracker();
    tracker.played(10);
    tracker.played(11);
    expect(tracker.drain()).toEqual([[10, 11]]);
    tracker.played(12);
    tracker.close();
    expect(tracker.drain()).toEqual([[11, 12]]);
    expect(tracker.drain()).toEqual([]);
  });
});
