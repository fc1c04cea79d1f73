import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { MyMastery } from '@fulcrum/shared';
import { coachKnowledgePointParams, coachReviewCards, competencyLevelHistory } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../test/app.ts';
import { expectStatus } from '../training-centres/test-support.ts';
import { assignProfile, coachWorld, getCoach, learnerAccount, seedMastery, type CoachCatalogue, type Learner } from './learner-test-support.ts';
import { newReviewCard, review } from './model/fsrs.ts';

let t: TestApp;
let cat: CoachCatalogue;
let orgId: string;
let learner: Learner;

beforeAll(async () => {
  t = await buildTestApp();
  const world = await coachWorld(t, 1);
  ({ orgId, cat } = world);
  learner = world.learners[0]!;
});
afterAll(() => t.close());

const counts = async () => {
  const result = (await t.db.execute(sql`select (select count(*) from coach_pushes) as pushes, (select count(*) from notifications) as notes, (select count(*) from audit_log) as audits`)) as unknown as { rows: unknown[] };
  return result.rows[0];
};

describe('GET /coach/me', () => {
  it('gives the gaps per competency and the recommendations best first, with reasons in both languages from the numbers', async () => {
    const before = await counts();
    const coach = await getCoach(learner.client);
    expect(coach.roleProfile?.id).toBe(cat.roleProfileId);
    expect(coach.dailyCap).toBe(3);
    expect(coach.pushedToday).toBe(0);
    expect(coach.pushes).toEqual([]);

    // 液压维修 (weight 70): 液压原理 0.30 of 0.95 → level 0, progress 0.32, gap 1.68; 安全操作 (30): 安全规程 0.50 → gap 0.47.
    expect(coach.gaps.map((g) => [g.name, g.requiredLevel, g.currentLevel, g.weight, g.source])).toEqual([
      ['液压维修', 2, 0, 70, 'knowledge'],
      ['安全操作', 1, 0, 30, 'knowledge'],
    ]);
    expect(coach.gaps[0]!.progress).toBeCloseTo(0.3 / 0.95, 3);
    expect(coach.gaps[0]!.gap).toBeCloseTo(2 - 0.3 / 0.95, 3);
    expect(coach.gaps[1]!.gap).toBeCloseTo(1 - 0.5 / 0.95, 3);

    // Per minute: 液压原理 (weight 35 own + 35 handed down by 故障诊断) × 0.105 → 7.35 over 10 or 30 minutes; 安全规程 30 × 0.075 over 6 or 20.
    expect(coach.recommendations.map((r) => r.lessonId)).toEqual([cat.lessons.hydraulicsShort, cat.lessons.safetyShort, cat.lessons.hydraulicsLong, cat.lessons.safetyLong]);
    expect(coach.recommendations.map((r) => r.score)).toEqual([expect.closeTo(0.735, 3), expect.closeTo(0.375, 3), expect.closeTo(0.245, 3), expect.closeTo(0.1125, 4)]);
    const top = coach.recommendations[0]!;
    expect(top).toMatchObject({ kind: 'learn', minutes: 10, lessonKind: 'micro_course', title: '液压原理速览', courseTitle: '液压系统维护', courseId: cat.courseId });
    expect(top.points[0]).toMatchObject({ knowledgePointId: cat.points.hydraulics, name: '液压原理', mastery: expect.closeTo(0.3, 5), requiredMastery: 0.95, weight: 70 });
    expect(top.reason['zh-CN']).toBe('‘液压原理’ 掌握度 0.30，岗位要求 0.95；本微课 10 分钟，覆盖该知识点');
    expect(top.reason['en-US']).toBe('‘液压原理’: mastery 0.30, the role requires 0.95; this 10-minute micro-course covers it');
    expect(coach.recommendations[2]!.reason['zh-CN']).toContain('本课程 30 分钟');

    expect(await counts()).toEqual(before);
  });

  it('leaves out lessons of unpublished courses and lessons on points already mastered', async () => {
    const ids = (await getCoach(learner.client)).recommendations.map((r) => r.lessonId);
    expect(ids).not.toContain(cat.lessons.draft);
    expect(ids).not.toContain(cat.lessons.basicsLesson);
  });

  it('recommends no item on a point whose prerequisite is not mastered, until it is', async () => {
    expect((await getCoach(learner.client)).recommendations.map((r) => r.lessonId)).not.toContain(cat.lessons.diagnosisLesson);
    await seedMastery(t, learner.personId, { [cat.points.hydraulics]: 0.96 });
    const coach = await getCoach(learner.client);
    expect(coach.recommendations.map((r) => r.lessonId)).toContain(cat.lessons.diagnosisLesson);
    // 液压维修 now at level 1 with 故障诊断 at 0.10 of 0.95 toward level 2.
    expect(coach.gaps[0]).toMatchObject({ currentLevel: 1, progress: expect.closeTo(1 + 0.1 / 0.95, 3) });
    await seedMastery(t, learner.personId, { [cat.points.hydraulics]: 0.3 });
  });

  it('starts a point without answers at its prior: the fitted one when there is one', async () => {
    const fresh = await learnerAccount(t, orgId);
    await assignProfile(t, orgId, fresh.personId, cat.roleProfileId);
    const before = (await getCoach(fresh.client)).gaps[1]!;
    expect(before.progress).toBeCloseTo(0.2 / 0.95, 3);
    await t.db.insert(coachKnowledgePointParams).values({ knowledgePointId: cat.points.safety, prior: 0.6, learn: 0.3, guess: 0.2, slip: 0.05, source: 'fitted', learners: 40, answers: 300, fittedAt: t.clock.now() });
    const after = (await getCoach(fresh.client)).gaps[1]!;
    expect(after.progress).toBeCloseTo(0.6 / 0.95, 3);
    const mastery = await expectStatus<MyMastery>(fresh.client.get('/api/v1/coach/me/mastery'), 200);
    expect(mastery.items.find((i) => i.knowledgePointId === cat.points.safety)).toMatchObject({ mastery: expect.closeTo(0.6, 5), paramsSource: 'fitted', answers: 0, mastered: false });
    await t.db.delete(coachKnowledgePointParams).where(eq(coachKnowledgePointParams.knowledgePointId, cat.points.safety));
  });

  it('takes the platform’s latest recorded level as a floor: a covered competency has no gap and no targets', async () => {
    await t.db.insert(competencyLevelHistory).values({ organisationId: orgId, personId: learner.personId, competencyId: cat.competencies.safe, level: 1, source: 'certificate', effectiveAt: t.clock.now() });
    const coach = await getCoach(learner.client);
    expect(coach.gaps[1]).toMatchObject({ name: '安全操作', currentLevel: 1, source: 'certificate', gap: 0 });
    expect(coach.recommendations.map((r) => r.lessonId)).toEqual([cat.lessons.hydraulicsShort, cat.lessons.hydraulicsLong]);
    await t.db.delete(competencyLevelHistory).where(eq(competencyLevelHistory.personId, learner.personId));
  });

  it('mixes in a due spaced review as the shortest lesson on its point, with its own reason', async () => {
    const learnedAt = new Date(t.clock.now().getTime() - 60 * 86_400_000);
    const card = review(newReviewCard(cat.points.basics, learnedAt), 'good', learnedAt);
    await t.db.insert(coachReviewCards).values({ personId: learner.personId, knowledgePointId: cat.points.basics, card: JSON.parse(JSON.stringify(card)), dueAt: card.due });
    const coach = await getCoach(learner.client);
    const reviewItem = coach.recommendations.find((r) => r.kind === 'review');
    expect(reviewItem).toMatchObject({ lessonId: cat.lessons.basicsLesson, minutes: 20 });
    expect(reviewItem!.reason['zh-CN']).toContain('间隔复习已到期');
    expect(reviewItem!.reason['en-US']).toContain('spaced review is due');
    const mastery = await expectStatus<MyMastery>(learner.client.get('/api/v1/coach/me/mastery'), 200);
    expect(mastery.items.find((i) => i.knowledgePointId === cat.points.basics)).toMatchObject({ mastered: true, reviewDueAt: card.due.toISOString() });
    await t.db.delete(coachReviewCards).where(eq(coachReviewCards.personId, learner.personId));
  });

  it('gives an empty coach to a learner without a role profile, and 403 to roles that do not learn here', async () => {
    const loose = await learnerAccount(t, orgId);
    const coach = await getCoach(loose.client);
    expect(coach).toMatchObject({ roleProfile: null, gaps: [], recommendations: [], pushes: [] });
    const admin = await learnerAccount(t, orgId, 'enterprise_admin');
    expect((await getCoach(admin.client)).roleProfile).toBeNull();
    const department = await createOrganisation(t.db, { type: 'government_department' });
    const officer = await signIn(t, department.id, 'department_officer');
    const denied = await officer.get('/api/v1/coach/me');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
  });
});
