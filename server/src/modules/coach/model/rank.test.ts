import { describe, expect, it } from 'vitest';
import { recommend, type CoachItem, type CoachKnowledgePoint, type RecommendInput } from './rank.ts';

const now = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;
const point = (id: string, zh: string, en: string, mastery: number, prerequisiteIds: string[] = [], learn = 0.3): CoachKnowledgePoint => ({
  id,
  name: { 'zh-CN': zh, 'en-US': en },
  mastery,
  learn,
  prerequisiteIds,
});
const item = (id: string, minutes: number, knowledgePointIds: string[], kind: CoachItem['kind'] = 'micro_course'): CoachItem => ({
  id,
  title: { 'zh-CN': id, 'en-US': id },
  kind,
  minutes,
  knowledgePointIds,
});
const input = (overrides: Partial<RecommendInput>): RecommendInput => ({ now, knowledgePoints: [], targets: [], items: [], pushedToday: 0, dailyCap: 10, ...overrides });

describe('next-best items', () => {
  it('ranks by weighted expected gap closed per minute, the gain capped at the gap, with a reason from the numbers', () => {
    const hydraulics = point('kp-hyd', '液压系统维护', 'Hydraulic system maintenance', 0.42);
    const drawing = point('kp-draw', '机械制图', 'Technical drawing', 0.75, [], 0.5);
    const result = recommend(
      input({
        knowledgePoints: [hydraulics, drawing],
        targets: [
          { knowledgePointId: 'kp-hyd', requiredMastery: 0.8, weight: 1 },
          { knowledgePointId: 'kp-draw', requiredMastery: 0.8, weight: 1 },
        ],
        items: [item('long', 20, ['kp-hyd'], 'lesson'), item('short', 6, ['kp-hyd']), item('drawing', 4, ['kp-draw']), item('unrelated', 2, ['kp-other'])],
      }),
    );
    // short: min(0.38, 0.58·0.3 = 0.174) / 6 = 0.029; drawing: min(0.05, 0.25·0.5) / 4 = 0.0125; long: 0.174 / 20 = 0.0087
    expect(result.map((r) => r.itemId)).toEqual(['short', 'drawing', 'long']);
    expect(result[0]!.score).toBeCloseTo(0.174 / 6, 12);
    expect(result[1]!.numbers.points[0]!.expectedGain).toBeCloseTo(0.05, 12);
    expect(result[0]!.reason['zh-CN']).toBe('‘液压系统维护’ 掌握度 0.42，岗位要求 0.80；本微课 6 分钟，覆盖该知识点');
    expect(result[0]!.reason['en-US']).toBe('‘Hydraulic system maintenance’: mastery 0.42, the role requires 0.80; this 6-minute micro-course covers it');
    expect(result[2]!.reason['zh-CN']).toContain('本课程 20 分钟');
  });

  it('holds back an item until the prerequisites of what it teaches are mastered, and pushes the prerequisite instead', () => {
    const basics = point('kp-basic', '电气基础', 'Electrical basics', 0.3);
    const safety = point('kp-safe', '电气安全', 'Electrical safety', 0.1, ['kp-basic']);
    const unrelated = point('kp-side', '仓储管理', 'Warehouse management', 0.1, ['kp-basic']);
    const items = [item('safety', 5, ['kp-safe']), item('basics', 10, ['kp-basic']), item('both', 20, ['kp-basic', 'kp-safe'])];
    const targets = [{ knowledgePointId: 'kp-safe', requiredMastery: 0.95, weight: 1 }];
    const blocked = recommend(input({ knowledgePoints: [basics, safety, unrelated], targets, items }));
    expect(blocked.map((r) => r.itemId)).toEqual(['basics', 'both']);
    const first = blocked[0]!;
    expect(first.numbers.points[0]).toMatchObject({ knowledgePointId: 'kp-basic', requiredMastery: 0.95, prerequisiteOf: 'kp-safe' });
    expect(first.reason['zh-CN']).toBe('‘电气基础’ 是 ‘电气安全’ 的先修，掌握度 0.30，需达到 0.95；本微课 10 分钟，覆盖该知识点');
    expect(first.reason['en-US']).toContain('comes before ‘Electrical safety’');
    // basics: 0.7·0.3 / 10 = 0.021; both: (0.21 + 0.9·0.3·0.51) / 20 = 0.0174.
    // "both" teaches the prerequisite itself: its safety gain is scaled by the chance basics is known after it (0.3 + 0.7·0.3 = 0.51).
    const both = blocked[1]!.numbers.points.find((p) => p.knowledgePointId === 'kp-safe')!;
    expect(both.expectedGain).toBeCloseTo(0.9 * 0.3 * 0.51, 12);

    const open = recommend(input({ knowledgePoints: [{ ...basics, mastery: 0.96 }, safety], targets, items }));
    expect(open.map((r) => r.itemId)).toEqual(['safety', 'both']);
    // A needed point's item is not held back by a neighbour the role does not need.
    const sideItems = [item('side-and-safety', 5, ['kp-side', 'kp-safe'])];
    expect(recommend(input({ knowledgePoints: [{ ...basics, mastery: 0.96 }, safety, { ...unrelated, prerequisiteIds: ['kp-missing'] }], targets, items: sideItems })).map((r) => r.itemId)).toEqual(['side-and-safety']);
  });

  it('mixes due reviews into at most every other slot of the day', () => {
    const points = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => point(id, id, id, id < 'd' ? 0.2 : 0.97));
    const targets = ['a', 'b', 'c'].map((id) => ({ knowledgePointId: id, requiredMastery: 0.95, weight: 1 }));
    const items = [item('learn-a', 5, ['a']), item('learn-b', 6, ['b']), item('learn-c', 7, ['c']), item('review-d', 5, ['d']), item('review-e', 5, ['e']), item('review-f', 5, ['f'])];
    const dueReviews = [
      { knowledgePointId: 'e', due: new Date(now.getTime() - DAY), retrievability: 0.7 },
      { knowledgePointId: 'd', due: new Date(now.getTime() - DAY), retrievability: 0.8 },
      { knowledgePointId: 'f', due: new Date(now.getTime() - DAY), retrievability: 0.85 },
    ];
    const slate = recommend(input({ knowledgePoints: points, targets, items, dueReviews }));
    expect(slate.map((r) => r.itemId)).toEqual(['learn-a', 'review-e', 'learn-b', 'review-d', 'learn-c', 'review-f']);
    expect(slate[1]!.kind).toBe('review');
    expect(slate[1]!.numbers.retrievability).toBe(0.7);
    expect(slate[1]!.reason['zh-CN']).toBe('‘e’ 已学过，间隔复习已到期，预计记忆保持率 0.70；本微课 5 分钟，帮助巩固');
    // Earlier today one item was learned and one review taken: the next slot is learning again.
    const later = recommend(input({ knowledgePoints: points, targets, items, dueReviews, pushedToday: 2, reviewsPushedToday: 1, limit: 1 }));
    expect(later.map((r) => r.kind)).toEqual(['learn']);
    const afterLearning = recommend(input({ knowledgePoints: points, targets, items, dueReviews, pushedToday: 1, limit: 1 }));
    expect(afterLearning.map((r) => r.kind)).toEqual(['review']);
    // Nothing left to learn: reviews fill the slots.
    expect(recommend(input({ knowledgePoints: points, targets: [], items, dueReviews })).map((r) => r.kind)).toEqual(['review', 'review', 'review']);
  });

  it('stops at the daily cap', () => {
    const points = ['a', 'b', 'c'].map((id) => point(id, id, id, 0.1));
    const targets = points.map((p) => ({ knowledgePointId: p.id, requiredMastery: 0.95, weight: 1 }));
    const items = points.map((p) => item(`item-${p.id}`, 5, [p.id]));
    expect(recommend(input({ knowledgePoints: points, targets, items, dailyCap: 5, pushedToday: 3 }))).toHaveLength(2);
    expect(recommend(input({ knowledgePoints: points, targets, items, dailyCap: 5, pushedToday: 5 }))).toEqual([]);
    expect(recommend(input({ knowledgePoints: points, targets, items, dailyCap: 5, limit: 1 }))).toHaveLength(1);
  });

  it('rests dismissed items, halves their score per recent dismissal, and waits out a snooze', () => {
    const points = [point('a', 'a', 'a', 0.1)];
    const targets = [{ knowledgePointId: 'a', requiredMastery: 0.95, weight: 1 }];
    const items = [item('x', 5, ['a']), item('y', 5, ['a'])];
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const base = recommend(input({ knowledgePoints: points, targets, items }));
    expect(base.map((r) => r.itemId)).toEqual(['x', 'y']);

    const dismissed = recommend(input({ knowledgePoints: points, targets, items, feedback: [{ itemId: 'x', kind: 'dismissed', at: ago(3) }] }));
    expect(dismissed.map((r) => r.itemId)).toEqual(['y']);

    const twice = recommend(input({ knowledgePoints: points, targets, items, feedback: [{ itemId: 'x', kind: 'dismissed', at: ago(20) }, { itemId: 'x', kind: 'dismissed', at: ago(40) }] }));
    expect(twice.map((r) => r.itemId)).toEqual(['y', 'x']);
    expect(twice[1]!.score).toBeCloseTo(base[0]!.score / 4, 12);
    expect(twice[1]!.numbers.recentDismissals).toBe(2);

    const snoozed = recommend(input({ knowledgePoints: points, targets, items, feedback: [{ itemId: 'x', kind: 'snoozed', at: ago(1), until: new Date(now.getTime() + DAY) }] }));
    expect(snoozed.map((r) => r.itemId)).toEqual(['y']);
    const snoozeOver = recommend(input({ knowledgePoints: points, targets, items, feedback: [{ itemId: 'x', kind: 'snoozed', at: ago(3), until: ago(1) }] }));
    expect(snoozeOver.map((r) => r.itemId)).toEqual(['x', 'y']);
  });

  it('names the other points an item covers in both languages', () => {
    const points = [point('a', '焊接工艺', 'Welding practice', 0.2), point('b', '质量检验', 'Quality inspection', 0.3)];
    const targets = points.map((p) => ({ knowledgePointId: p.id, requiredMastery: 0.95, weight: 1 }));
    const [only] = recommend(input({ knowledgePoints: points, targets, items: [item('pair', 12, ['a', 'b'], 'lesson')] }));
    expect(only!.reason['zh-CN']).toBe('‘焊接工艺’ 掌握度 0.20，岗位要求 0.95；本课程 12 分钟，覆盖该知识点，另覆盖 1 个待提升的知识点');
    expect(only!.reason['en-US']).toBe('‘Welding practice’: mastery 0.20, the role requires 0.95; this 12-minute lesson covers it and 1 more knowledge point to improve');
  });
});
