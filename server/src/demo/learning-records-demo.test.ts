import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { learningActivityIri, xapiVerbs } from '@fulcrum/shared';
import { knowledgePointScores, learningProgress, learningStudyTime, lrsClients, organisations, users, xapiStatements } from '../db/schema/index.ts';
import { ManualClock } from '../lib/clock.ts';
import { projectionCursor, rebuildProjection } from '../modules/xapi/projector.ts';
import { XapiClient } from '../modules/xapi/test-support.ts';
import { validateStatement } from '../modules/xapi/validate.ts';
import { buildTestApp, Client, TEST_PUBLIC_URL, type TestApp } from '../test/app.ts';
import { DEMO_PASSWORD, loadDemo, type DemoSummary } from './generate.ts';
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
}, 180_000);
afterAll(() => t?.close());

const demoKey = `Basic ${Buffer.from(`${DEMO_LRS_KEY}:${DEMO_LRS_SECRET}`).toString('base64')}`;

describe('the demo district’s learning records', () => {
  it('gives the training enterprises a key each and thousands of statements, counted in the demo marker', async () => {
    const clients = await t.db.select().from(lrsClients);
    const statements = await t.db.select({ id: xapiStatements.id }).from(xapiStatements);
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
    const rows = await t.db.select().from(xapiStatements);
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
    expect(progress.length).toBe(summary.counts.learningProgress);
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
