import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { learningActivityIri, MICRO_COURSE_MAX_POINTS, MICRO_COURSE_MAX_SECONDS, parseLearningActivityIri, xapiVerbs } from '@fulcrum/shared';
import {
  competencyLevelHistory, courses, knowledgePointPrerequisites, knowledgePointScores, knowledgePoints, learnerProfiles, learningProgress, learningStudyTime, lessonKnowledgePoints, lessons, lrsClients,
  memberships, organisations, roleProfileRequirements, roleProfiles, users, xapiStatements,
} from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { projectionCursor, rebuildProjection } from '../modules/xapi/projector.ts';
import { XapiClient } from '../modules/xapi/test-support.ts';
import { validateStatement } from '../modules/xapi/validate.ts';
import { buildTestApp, Client, TEST_PUBLIC_URL, type TestApp } from '../test/app.ts';
import { DEMO_PASSWORD, loadDemo, type DemoSummary } from './generate.ts';
import { catalogueByTrade, demoTrades } from './steps/learning-catalogue.ts';
import { DEMO_LRS_KEY, DEMO_LRS_SECRET } from './steps/learning-records.ts';

/*
 * The demo district's learning records: the enterprises' keys, statements that are valid xAPI, the projection made from
 * them, and the documented demo key working against the store.
 */

const NOW = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await buildTestApp({ clock: new ManualClock(NOW) });
  const started = performance.now();
  summary = await loadDemo(t.db, { now: NOW, publicUrl: TEST_PUBLIC_URL });
  console.log(`demo load with learning records on ${t.database.kind}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${summary.counts.xapiStatements} statements`);
}, 600_000);
afterAll(() => t?.close());

/** The demo's showcase enterprise (where ent-admin works). */
async function showcaseId() {
  const [row] = await t.db.select({ id: memberships.organisationId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.username, 'ent-admin'));
  return { id: row!.id };
}

const demoKey = `Basic ${Buffer.from(`${DEMO_LRS_KEY}:${DEMO_LRS_SECRET}`).toString('base64')}`;

describe('the demo district’s catalogue', () => {
  it('has five trades of 6–10 knowledge points each, with an acyclic prerequisite graph', async () => {
    const points = await t.db.select().from(knowledgePoints);
    for (const trade of demoTrades) {
      const n = points.filter((p) => p.trade === trade.trade).length;
      expect(n, trade.trade).toBeGreaterThanOrEqual(6);
      expect(n, trade.trade).toBeLessThanOrEqual(10);
    }
    expect(summary.counts).toMatchObject({ knowledgePoints: points.length });
    const edges = await t.db.select().from(knowledgePointPrerequisites);
    expect(edges.length).toBeGreaterThan(20);
    // Peeling off points without prerequisites left empties the graph only when it has no loop.
    let left = edges;
    const done = new Set<string>();
    for (let round = 0; round < points.length && left.length; round++) {
      for (const p of points) if (!left.some((e) => e.knowledgePointId === p.id)) done.add(p.id);
      left = left.filter((e) => !done.has(e.prerequisiteId));
    }
    expect(left).toEqual([]);
  });

  it('keeps micro-courses within ten minutes and one to three knowledge points, and publishes the district’s courses', async () => {
    const micro = await t.db.select().from(lessons).where(eq(lessons.kind, 'micro_course'));
    expect(micro.length).toBeGreaterThanOrEqual(15);
    const links = await t.db.select().from(lessonKnowledgePoints);
    for (const lesson of micro) {
      expect(lesson.durationSeconds).toBeLessThanOrEqual(MICRO_COURSE_MAX_SECONDS);
      const n = links.filter((l) => l.lessonId === lesson.id).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(MICRO_COURSE_MAX_POINTS);
    }
    const district = await t.db.select().from(courses).where(and(eq(courses.visibility, 'district'), eq(courses.status, 'published')));
    expect(district.map((c) => c.trade).sort()).toEqual(demoTrades.map((d) => d.trade).sort());
  });

  it('copies the district templates into the showcase and gives its staff departments and role profiles', async () => {
    const { id } = await showcaseId();
    const templates = await t.db.select().from(roleProfiles).where(eq(roleProfiles.isTemplate, true));
    expect(templates).toHaveLength(demoTrades.length);
    const copies = await t.db.select().from(roleProfiles).where(eq(roleProfiles.organisationId, id));
    expect(copies.length).toBeGreaterThan(1);
    expect(copies.every((c) => templates.some((tpl) => tpl.id === c.copiedFromId && tpl.name === c.name))).toBe(true);
    for (const profile of [...templates, ...copies]) {
      const weights = await t.db.select().from(roleProfileRequirements).where(eq(roleProfileRequirements.roleProfileId, profile.id));
      expect(weights.reduce((sum, r) => sum + r.weight, 0)).toBe(100);
    }
    const learners = await t.db.select().from(learnerProfiles).where(eq(learnerProfiles.organisationId, id));
    expect(learners.length).toBeGreaterThan(20);
    expect(learners.filter((l) => l.roleProfileId).length).toBeGreaterThan(learners.length / 2);
    const others = await t.db.select().from(learnerProfiles);
    expect(new Set(others.map((l) => l.organisationId)).size).toBeGreaterThan(1);
    const byTrade = await catalogueByTrade(t.db, id);
    expect(byTrade.get('hydraulics')?.knowledgePointIds.length).toBeGreaterThanOrEqual(6);
  });

  it('has the learning records name the catalogue’s micro-course lessons and knowledge points', async () => {
    const rows = await t.db.select({ activityId: xapiStatements.activityId, statement: xapiStatements.statement }).from(xapiStatements).where(and(isNotNull(xapiStatements.personId), isNotNull(xapiStatements.clientId)));
    const microIds = new Set((await t.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.kind, 'micro_course'))).map((l) => l.id));
    const pointIds = new Set((await t.db.select({ id: knowledgePoints.id }).from(knowledgePoints)).map((p) => p.id));
    const named = rows.map((r) => (r.activityId ? parseLearningActivityIri(TEST_PUBLIC_URL, r.activityId) : null)).filter((a) => a?.kind === 'micro-course');
    expect(named.length).toBeGreaterThan(1000);
    // (Before the test below stores a statement of its own with the demo key.)
    expect(named.every((a) => microIds.has(a!.id))).toBe(true);
    const categories = rows.flatMap((r) => ((r.statement as { context?: { contextActivities?: { category?: { id: string }[] } } }).context?.contextActivities?.category ?? []).map((c) => parseLearningActivityIri(TEST_PUBLIC_URL, c.id)));
    const points = categories.filter((c) => c?.kind === 'knowledge-point');
    expect(points.length).toBeGreaterThan(100);
    expect(points.every((p) => pointIds.has(p!.id))).toBe(true);
  });
});

describe('the demo district’s learning records', () => {
  it('gives the training enterprises a key each and thousands of statements, counted in the demo marker', async () => {
    const clients = await t.db.select().from(lrsClients);
    // The enterprises' reports (by their keys); the platform's own statements from the other loaders come on top.
    const statements = await t.db.select({ id: xapiStatements.id }).from(xapiStatements).where(isNotNull(xapiStatements.clientId));
    expect(clients.length).toBeGreaterThan(10);
    expect(statements.length).toBeGreaterThan(2000);
    expect(summary.counts).toMatchObject({ lrsClients: clients.length, xapiStatements: statements.length });
    expect(new Set(clients.map((c) => c.organisationId)).size).toBe(clients.length);
    expect(clients.every((c) => c.name === '课件上报接口')).toBe(true);
    const enterprises = new Set((await t.db.select().from(organisations).where(eq(organisations.type, 'enterprise'))).map((o) => o.id));
    expect(clients.every((c) => enterprises.has(c.organisationId))).toBe(true);
    // Only hashes are stored.
    expect(clients.some((c) => c.secretHash.includes(DEMO_LRS_SECRET))).toBe(false);
  });

  it('stores only statements that pass the store’s own validation, within the last months', async () => {
    const rows = await t.db.select().from(xapiStatements).where(isNotNull(xapiStatements.clientId));
    for (const row of rows) {
      expect(() => validateStatement(row.statement, '2.0.0'), row.id).not.toThrow();
      expect(row.timestamp.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(row.timestamp.getTime()).toBeGreaterThan(NOW.getTime() - 130 * DAY);
      expect(row.stored.getTime()).toBeGreaterThanOrEqual(row.timestamp.getTime());
    }
    const verbs = new Set(rows.map((r) => r.verbId));
    for (const verb of ['launched', 'initialized', 'progressed', 'answered', 'completed', 'passed', 'failed', 'abandoned', 'terminated'] as const) expect(verbs.has(xapiVerbs[verb]), verb).toBe(true);
    // Authoring tools' previews under e-mail addresses: stored, but no one's progress.
    const external = rows.filter((r) => r.personId === null);
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((r) => r.actorKey.startsWith('mbox:'))).toBe(true);
  });

  it('has the projection made: progress of every kind, study days, knowledge points, the cursor at the last statement', async () => {
    const progress = await t.db.select().from(learningProgress);
    // The records' projection, plus what the platform's own loaders added after them.
    expect(progress.length).toBeGreaterThanOrEqual(summary.counts.learningProgress!);
    expect(summary.counts.learningProgress).toBeGreaterThan(100);
    for (const status of ['passed', 'failed', 'terminated', 'abandoned', 'in_progress']) expect(progress.some((p) => p.status === status), status).toBe(true);
    expect(progress.every((p) => p.activityName !== null)).toBe(true);
    expect((await t.db.select().from(learningStudyTime)).length).toBeGreaterThan(0);
    expect((await t.db.select().from(knowledgePointScores)).length).toBeGreaterThan(0);
    const [last] = await t.db.select({ seq: max(xapiStatements.seq) }).from(xapiStatements);
    expect(await projectionCursor(t.db)).toBe(last!.seq);
    // Every learner with a row has statements; no external actor has one.
    const people = new Set((await t.db.select({ id: xapiStatements.personId }).from(xapiStatements).where(isNotNull(xapiStatements.personId))).map((r) => r.id));
    expect(progress.every((p) => people.has(p.personId))).toBe(true);
  });

  it('projects to the same rows when rebuilt from the statements', async () => {
    const snapshot = async () => ({
      progress: await t.db.select().from(learningProgress).orderBy(asc(learningProgress.personId), asc(learningProgress.activityId)),
      days: await t.db.select().from(learningStudyTime).orderBy(asc(learningStudyTime.personId), asc(learningStudyTime.activityId), asc(learningStudyTime.day)),
      points: await t.db.select().from(knowledgePointScores).orderBy(asc(knowledgePointScores.personId), asc(knowledgePointScores.knowledgePointId)),
    });
    const before = await snapshot();
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the demo employee and the showcase enterprise’s admin see the records', async () => {
    const employee = await new Client(t.app).login('ent-employee', DEMO_PASSWORD);
    const mine = await employee.get('/api/v1/lrs/my-progress');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);
    const admin = await new Client(t.app).login('ent-admin', DEMO_PASSWORD);
    const listed = await admin.get('/api/v1/lrs/progress?pageSize=5');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().total).toBeGreaterThan(10);
  });

  it('accepts the documented demo key: reads the showcase’s statements and stores a new one that shows in progress', async () => {
    const xapi = new XapiClient(t, demoKey);
    const read = await xapi.get('/xapi/statements?limit=5');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().statements).toHaveLength(5);

    const [employee] = await t.db.select().from(users).where(eq(users.username, 'ent-employee'));
    const activity = learningActivityIri(TEST_PUBLIC_URL, 'micro-course', 'forklift-safety');
    const posted = await xapi.post('/xapi/statements', {
      id: randomUUID(),
      actor: { objectType: 'Agent', name: employee!.displayName, account: { homePage: TEST_PUBLIC_URL, name: employee!.personId } },
      verb: { id: xapiVerbs.completed, display: { 'zh-CN': '完成' } },
      object: { objectType: 'Activity', id: activity, definition: { name: { 'zh-CN': '叉车安全操作' } } },
      result: { completion: true },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const mine = await (await new Client(t.app).login('ent-employee', DEMO_PASSWORD)).get('/api/v1/lrs/my-progress');
    expect(mine.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ activityId: activity, activityName: '叉车安全操作', status: 'completed', progress: 100 })]));

    const wrong = await new XapiClient(t, `Basic ${Buffer.from(`${DEMO_LRS_KEY}:wrong-secret`).toString('base64')}`).get('/xapi/statements');
    expect(wrong.statusCode).toBe(401);
    const externalProgress = await t.db.select().from(learningProgress).where(isNull(learningProgress.activityName));
    expect(externalProgress).toEqual([]);
  });
});

describe('the demo district’s skill attainment', () => {
  /** The Asia/Shanghai day so many days before the demo's moment. */
  const dayBefore = (days: number) => new Date(NOW.getTime() + 8 * 3_600_000 - days * DAY).toISOString().slice(0, 10);

  it('rises over the months as the showcase’s employees study towards their role profiles, at different levels', async () => {
    const admin = await new Client(t.app).login('ent-admin', DEMO_PASSWORD);
    const res = await admin.get(`/api/v1/learning/reports/summary?asOf=${dayBefore(0)}&compareTo=${dayBefore(90)}`);
    expect(res.statusCode, res.body).toBe(200);
    const { asOf, compareTo, changePoints } = res.json().attainment;
    console.log(`showcase attainment 90 days ago ${compareTo.attained}/${compareTo.learners}, today ${asOf.attained}/${asOf.learners}`);
    expect(asOf.learners).toBeGreaterThan(40);
    expect(asOf.rate).toBeGreaterThan(compareTo.rate + 0.2);
    expect(changePoints).toBeGreaterThan(20);
    expect(asOf.attained).toBeLessThan(asOf.learners);
    // A month ago lies in between.
    const month = (await admin.get(`/api/v1/learning/reports/summary?asOf=${dayBefore(30)}&compareTo=${dayBefore(90)}`)).json().attainment.asOf;
    expect(month.rate).toBeGreaterThan(compareTo.rate);
    expect(month.rate).toBeLessThan(asOf.rate);
    const { id } = await showcaseId();
    const levels = await t.db.select({ level: competencyLevelHistory.level }).from(competencyLevelHistory).where(eq(competencyLevelHistory.organisationId, id));
    expect(new Set(levels.map((l) => l.level)).size).toBeGreaterThan(2);
  });
});
