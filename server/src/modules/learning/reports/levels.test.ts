import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { competencyLevelHistory, learningDailyRollups } from '../../../db/schema/index.ts';
import { rebuildProjection } from '../../xapi/projector.ts';
import { replayLevelHistory } from './history-replay.ts';
import { buildTestApp, TEST_PUBLIC_URL, type Client, type TestApp } from '../../../test/app.ts';
import { addLearner, answer, buildWorld, member, type ReportWorld } from './test-support.ts';

/*
 * Levels from answers, by hand: the competency needs knowledge point A for level 1 and B for level 2; a point is
 * mastered at ≥ 3 answers with ≥ 80 % of them correct. The role profile requires level 2.
 */

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
let t: TestApp;
let world: ReportWorld;
let manager: Client;

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
  manager = await member(t, world, 'training_manager');
});
afterAll(() => t.close());

const historyOf = async (personId: string) =>
  (await t.db.select().from(competencyLevelHistory).where(eq(competencyLevelHistory.personId, personId)).orderBy(asc(competencyLevelHistory.id))).map((r) => ({
    level: r.level,
    source: r.source,
    at: r.effectiveAt.toISOString(),
  }));

const learnerAt = async (personId: string, asOf: string) => {
  const response = await manager.get(`/api/v1/learning/reports/learners?asOf=${asOf}&pageSize=100`);
  expect(response.statusCode).toBe(200);
  return response.json().items.find((r: { personId: string }) => r.personId === personId);
};

describe('competency levels', () => {
  it('follow mastery: three answers with 80 % correct per point, level by level, appended only on change', async () => {
    const person = await addLearner(t, world, { name: '张三' });
    await answer(t, world, person, world.pointA, [true, true, false], at('2026-02-02'));
    expect(await historyOf(person)).toEqual([]); // 2 of 3 = 67 %: not mastered

    await answer(t, world, person, world.pointA, [true, true], at('2026-02-05')); // 4 of 5 = 80 %
    await answer(t, world, person, world.pointB, [true, true, true], at('2026-02-10'));
    await answer(t, world, person, world.pointA, [true], at('2026-02-12')); // still level 2: nothing appended
    expect(await historyOf(person)).toEqual([
      { level: 1, source: 'knowledge', at: at('2026-02-05').toISOString() },
      { level: 2, source: 'knowledge', at: at('2026-02-10').toISOString() },
    ]);

    const before = await learnerAt(person, '2026-02-04');
    expect(before).toMatchObject({ name: '张三', attained: false, gaps: [{ competencyName: '安全操作', requiredLevel: 2, level: 0 }] });
    expect((await learnerAt(person, '2026-02-06')).gaps).toEqual([expect.objectContaining({ level: 1 })]);
    expect(await learnerAt(person, '2026-02-10')).toMatchObject({ attained: true, gaps: [] });
  });

  it('drop when wrong answers take a point below 80 %', async () => {
    const person = await addLearner(t, world);
    await answer(t, world, person, world.pointA, [true, true, true], at('2026-02-03'));
    await answer(t, world, person, world.pointB, [true, true, true], at('2026-02-04'));
    await answer(t, world, person, world.pointB, [false, false], at('2026-02-20')); // 3 of 5 = 60 %
    expect((await historyOf(person)).map((r) => r.level)).toEqual([1, 2, 1]);
    expect((await learnerAt(person, '2026-02-19')).attained).toBe(true);
    expect((await learnerAt(person, '2026-02-21')).attained).toBe(false);
  });

  it('make attainment differ between two dates, side by side with the change', async () => {
    const fresh = await buildWorld(t);
    const reader = await member(t, fresh, 'enterprise_admin');
    const [p1, p2] = [await addLearner(t, fresh), await addLearner(t, fresh)];
    await addLearner(t, fresh, { roleProfileId: null }); // no role profile: not in the population
    for (const person of [p1, p2]) await answer(t, fresh, person, fresh.pointA, [true, true, true], at('2026-01-10'));
    await answer(t, fresh, p1, fresh.pointB, [true, true, true], at('2026-02-15'));

    const response = await reader.get('/api/v1/learning/reports/summary?from=2026-02-01&to=2026-02-28&asOf=2026-02-28&compareTo=2026-01-31');
    expect(response.statusCode).toBe(200);
    expect(response.json().attainment).toEqual({
      asOf: { learners: 2, attained: 1, rate: 0.5 },
      compareTo: { learners: 2, attained: 0, rate: 0 },
      changePoints: 50,
    });
    const refused = await reader.get('/api/v1/learning/reports/summary?asOf=2026-01-01&compareTo=2026-02-01');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'query.compareTo', code: 'COMPARE_AFTER_AS_OF' });
  });

  it('are not appended again, nor rollups changed, when the projection is rebuilt', async () => {
    const history = await t.db.select().from(competencyLevelHistory).orderBy(asc(competencyLevelHistory.id));
    const rollups = await t.db.select().from(learningDailyRollups).orderBy(asc(learningDailyRollups.organisationId), asc(learningDailyRollups.day));
    expect(history.length).toBeGreaterThan(4);
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await t.db.select().from(competencyLevelHistory).orderBy(asc(competencyLevelHistory.id))).toEqual(history);
    expect(await t.db.select().from(learningDailyRollups).orderBy(asc(learningDailyRollups.organisationId), asc(learningDailyRollups.day))).toEqual(rollups);
  });

  it('come out the same when rebuilt from the records in time order (the demo and bulk loads do this)', async () => {
    const rows = async () =>
      (await t.db.select().from(competencyLevelHistory).where(eq(competencyLevelHistory.organisationId, world.organisationId))).map((r) => `${r.personId} ${r.competencyId} ${r.level} ${r.source} ${r.effectiveAt.toISOString()}`).sort();
    const recorded = await rows();
    expect(await replayLevelHistory(t.db, world.organisationId, TEST_PUBLIC_URL)).toBe(recorded.length);
    expect(await rows()).toEqual(recorded);
  });
});
