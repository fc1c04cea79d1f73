import { describe, expect, it } from 'vitest';
import { competencyGaps, competencyLevel, requiredMastery, roleTargets, type CompetencyPoints } from './levels.ts';

const hydraulics: CompetencyPoints = {
  id: 'c-hyd',
  name: { 'zh-CN': '液压维修', 'en-US': 'Hydraulic repair' },
  maxLevel: 3,
  points: [
    { knowledgePointId: 'kp-a', level: 1 },
    { knowledgePointId: 'kp-b', level: 2 },
    { knowledgePointId: 'kp-c', level: 2, weight: 3 },
    { knowledgePointId: 'kp-d', level: 3 },
  ],
};
const masteries = (values: Record<string, number>) => (id: string) => values[id] ?? 0;

describe('competency levels from mastery', () => {
  it('holds the highest level whose points are all mastered, with progress into the next', () => {
    const level = competencyLevel(hydraulics, masteries({ 'kp-a': 0.97, 'kp-b': 0.96, 'kp-c': 0.475 }));
    // level 1 held; level 2: kp-b counts 1, kp-c 0.475 / 0.95 = 0.5 → progress 1.75
    expect(level).toEqual({ level: 1, fromKnowledge: 1, progress: 1.75, source: 'knowledge' });
    expect(competencyLevel(hydraulics, masteries({ 'kp-b': 1, 'kp-c': 1, 'kp-d': 1 })).level).toBe(0);
  });

  it('takes a certificate as a floor and lets a manager add at most one level', () => {
    const mastery = masteries({ 'kp-a': 0.99 });
    expect(competencyLevel(hydraulics, mastery, { certificateLevel: 3 })).toMatchObject({ level: 3, fromKnowledge: 1, source: 'certificate' });
    expect(competencyLevel(hydraulics, mastery, { managerRating: 3 })).toMatchObject({ level: 2, source: 'manager' });
    expect(competencyLevel(hydraulics, mastery, { managerRating: 1 })).toMatchObject({ level: 1, source: 'knowledge' });
  });

  it('asks mastery only of points named up to the required level', () => {
    expect(requiredMastery(2, 2)).toBe(0.95);
    expect(requiredMastery(3, 2)).toBe(0);
    expect(requiredMastery(1, 3, 0.8)).toBe(0.8);
  });

  it('weights the gap and spreads the requirement’s weight over its points', () => {
    const mastery = masteries({ 'kp-a': 0.97, 'kp-b': 0.5 });
    const [gap] = competencyGaps([{ competency: hydraulics, requiredLevel: 2, weight: 2 }], mastery);
    // progress: level 1 + (0.5/0.95 + 0) / 2 = 1.263158; gap 0.736842, weighted ×2
    expect(gap!.gap).toBeCloseTo(2 - (1 + 0.5 / 0.95 / 2), 9);
    expect(gap!.weightedGap).toBeCloseTo(2 * gap!.gap, 12);
    // kp-a is mastered; kp-b and kp-c share the weight 2 as 1 : 3 of the total 1 + 1 + 3 = 5
    expect(gap!.targets).toEqual([
      { knowledgePointId: 'kp-b', requiredMastery: 0.95, weight: 2 / 5, competencyIds: ['c-hyd'] },
      { knowledgePointId: 'kp-c', requiredMastery: 0.95, weight: 6 / 5, competencyIds: ['c-hyd'] },
    ]);
    const [covered] = competencyGaps([{ competency: hydraulics, requiredLevel: 2, weight: 2, evidence: { certificateLevel: 2 } }], mastery);
    expect(covered).toMatchObject({ gap: 0, targets: [] });
  });

  it('merges a point several competencies need: highest mastery, weights added', () => {
    const safety: CompetencyPoints = { id: 'c-safe', name: { 'zh-CN': '安全', 'en-US': 'Safety' }, maxLevel: 1, points: [{ knowledgePointId: 'kp-b', level: 1 }] };
    const gaps = competencyGaps(
      [
        { competency: hydraulics, requiredLevel: 2, weight: 5 },
        { competency: safety, requiredLevel: 1, weight: 1 },
      ],
      masteries({}),
    );
    const merged = roleTargets(gaps).find((t) => t.knowledgePointId === 'kp-b');
    expect(merged).toEqual({ knowledgePointId: 'kp-b', requiredMastery: 0.95, weight: 5 / 5 + 1, competencyIds: ['c-hyd', 'c-safe'] });
  });
});
