import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { learningActivityIri, personAccount, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { knowledgePointScores, learningProgress, learningStudyTime, xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, signIn, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { catchUpProjection, projectionCursor, projectPending, rebuildProjection, scheduleProjection } from './projector.ts';
import { CMI5_PROGRESS_EXTENSION } from './projections.ts';
import { seedLearner } from './test-support.ts';

/*
 * The projector against a real database, with statements written straight into xapi_statements (as the Statements
 * resource stores them: the indexed columns beside the JSON), so each case controls seq, voiding and commit order.
 */

let t: TestApp;
let orgId: string;
let learner: Awaited<ReturnType<typeof seedLearner>>;
let other: Awaited<ReturnType<typeof seedLearner>>;
const course = (slug: string) => learningActivityIri(TEST_PUBLIC_URL, 'micro-course', slug);
const point = (id: string) => learningActivityIri(TEST_PUBLIC_URL, 'knowledge-point', id);
const T0 = Date.parse('2026-03-02T00:30:00Z');

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  learner = await seedLearner(t, orgId, '陈思远');
  other = await seedLearner(t, orgId, '王海燕');
});
afterAll(() => t.close());

interface StatementSpec {
  person?: { id: string; name: string } | null;
  verb: XapiVerbName | string;
  activity?: string | null;
  minute: number;
  result?: Record<string, unknown>;
  points?: string[];
  name?: Record<string, string>;
  voids?: string;
  organisationId?: string;
}

/** The statement's JSON and its indexed columns, as the store keeps them. */
function statementRow(spec: StatementSpec) {
  const id = randomUUID();
  const timestamp = new Date(T0 + spec.minute * 60_000);
  const actor = spec.person
    ? { objectType: 'Agent', name: spec.person.name, account: personAccount(TEST_PUBLIC_URL, spec.person.id) }
    : { objectType: 'Agent', name: '课件预览', mbox: 'mailto:preview@authoring.example.com' };
  const verbId = spec.verb in xapiVerbs ? xapiVerbs[spec.verb as XapiVerbName] : spec.verb;
  const activityId = spec.voids ? null : (spec.activity ?? course('hydraulics'));
  const context = spec.points ? { contextActivities: { category: spec.points.map((p) => ({ objectType: 'Activity', id: point(p) })) } } : undefined;
  const statement = {
    id,
    actor,
    verb: { id: verbId },
    object: spec.voids ? { objectType: 'StatementRef', id: spec.voids } : { objectType: 'Activity', id: activityId, ...(spec.name ? { definition: { name: spec.name } } : {}) },
    ...(spec.result ? { result: spec.result } : {}),
    ...(context ? { context } : {}),
    timestamp: timestamp.toISOString(),
    stored: timestamp.toISOString(),
    version: '2.0.0',
  };
  return {
    id,
    organisationId: spec.organisationId ?? orgId,
    stored: timestamp,
    timestamp,
    actorKey: spec.person ? `account:${TEST_PUBLIC_URL}|${spec.person.id}` : 'mbox:mailto:preview@authoring.example.com',
    verbId,
    activityId,
    voidsId: spec.voids ?? null,
    relatedAgents: [],
    relatedActivities: [...(activityId ? [activityId] : []), ...(spec.points ?? []).map(point)],
    personId: spec.person?.id ?? null,
    statement,
  };
}

async function store(...specs: StatementSpec[]): Promise<{ id: string; seq: number }[]> {
  const rows = specs.map(statementRow);
  return t.db.insert(xapiStatements).values(rows).returning({ id: xapiStatements.id, seq: xapiStatements.seq });
}

/** Voiding as the Statements resource does it: the voiding statement stored, the target marked, in one transaction. */
async function voidStatement(targetId: string, minute: number) {
  await t.db.transaction(async (tx) => {
    await tx.insert(xapiStatements).values(statementRow({ person: null, verb: 'voided', voids: targetId, minute }));
    await tx.update(xapiStatements).set({ voided: true }).where(eq(xapiStatements.id, targetId));
  });
}

/** The three derived tables as plain data. */
async function derived(db: Db = t.db) {
  const iso = <T extends Record<string, unknown>>(row: T) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  return {
    progress: (await db.select().from(learningProgress).orderBy(asc(learningProgress.personId), asc(learningProgress.activityId))).map(iso),
    days: (await db.select().from(learningStudyTime).orderBy(asc(learningStudyTime.personId), asc(learningStudyTime.activityId), asc(learningStudyTime.day))).map(iso),
    points: (await db.select().from(knowledgePointScores).orderBy(asc(knowledgePointScores.personId), asc(knowledgePointScores.knowledgePointId))).map(iso),
  };
}

async function progressOf(personId: string, activityId = course('hydraulics')) {
  const [row] = await t.db.select().from(learningProgress).where(sql`${learningProgress.personId} = ${personId} and ${learningProgress.activityId} = ${activityId}`);
  return row;
}

async function pointOf(personId: string, id: string) {
  const [row] = await t.db.select().from(knowledgePointScores).where(sql`${knowledgePointScores.personId} = ${personId} and ${knowledgePointScores.knowledgePointId} = ${id}`);
  return row;
}

const lastSeq = async () => {
  const result = await t.db.execute(sql`select last_value::text as v from xapi_statements_seq_seq`);
  return Number((result as unknown as { rows: { v: string }[] }).rows[0]!.v);
};

describe('projecting statements', () => {
  it('applies a session once: running again changes nothing, and a rebuild gives the same rows', async () => {
    await store(
      { person: learner.person, verb: 'launched', minute: 0, name: { 'zh-CN': '液压系统维护', 'en-US': 'Hydraulic maintenance' } },
      { person: learner.person, verb: 'initialized', minute: 1 },
      { person: learner.person, verb: 'progressed', minute: 10, result: { extensions: { [CMI5_PROGRESS_EXTENSION]: 60 } } },
      { person: learner.person, verb: 'answered', activity: learningActivityIri(TEST_PUBLIC_URL, 'question', 'q1'), minute: 12, result: { success: true }, points: ['kp-seal', 'kp-pressure'] },
      { person: learner.person, verb: 'answered', activity: learningActivityIri(TEST_PUBLIC_URL, 'question', 'q2'), minute: 13, result: { success: false }, points: ['kp-pressure'] },
      { person: learner.person, verb: 'passed', minute: 14, result: { success: true, score: { scaled: 0.8 }, duration: 'PT13M' } },
      { person: learner.person, verb: 'terminated', minute: 15, result: { duration: 'PT15M' } },
    );
    await projectPending(t.db, TEST_PUBLIC_URL);
    const once = await derived();
    expect(await progressOf(learner.person.id)).toMatchObject({
      organisationId: orgId, activityName: '液压系统维护', status: 'passed', completed: false, success: true, progress: 60, studySeconds: 900, statements: 5,
      firstAt: new Date(T0), lastAt: new Date(T0 + 15 * 60_000),
    });
    expect((await progressOf(learner.person.id))!.scoreScaled).toBeCloseTo(0.8, 5);
    expect(await pointOf(learner.person.id, 'kp-pressure')).toMatchObject({ attempts: 2, correct: 1, lastAt: new Date(T0 + 13 * 60_000) });
    expect(await pointOf(learner.person.id, 'kp-seal')).toMatchObject({ attempts: 1, correct: 1 });
    expect(once.days).toEqual([expect.objectContaining({ personId: learner.person.id, day: '2026-03-02', seconds: 900 })]);

    expect(await projectPending(t.db, TEST_PUBLIC_URL)).toBe(0);
    expect(await derived()).toEqual(once);
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await derived()).toEqual(once);
  });

  it('gives after many small runs what one rebuild gives', async () => {
    const activity = course('electrical-safety');
    const plan: StatementSpec[] = [];
    for (let day = 0; day < 6; day++) {
      for (const who of [learner.person, other.person]) {
        const m = day * 1440 + (who === other.person ? 7 : 0);
        plan.push({ person: who, verb: 'launched', activity, minute: m });
        plan.push({ person: who, verb: 'initialized', activity, minute: m + 1 });
        plan.push({ person: who, verb: 'answered', activity: learningActivityIri(TEST_PUBLIC_URL, 'question', `e${day}`), minute: m + 5, result: { success: day % 2 === 0 }, points: ['kp-grounding'] });
        if (day === 3) plan.push({ person: who, verb: 'failed', activity, minute: m + 20, result: { success: false, score: { scaled: 0.4 } } });
        if (day === 5) plan.push({ person: who, verb: 'passed', activity, minute: m + 20, result: { success: true, score: { scaled: 0.9 } } });
        plan.push({ person: who, verb: day === 2 ? 'abandoned' : 'terminated', activity, minute: m + 25, result: { duration: `PT${20 + day}M` } });
      }
    }
    plan.push({ person: null, verb: 'completed', activity, minute: 10_000 });
    for (let i = 0; i < plan.length; i += 5) {
      await store(...plan.slice(i, i + 5));
      await projectPending(t.db, TEST_PUBLIC_URL);
    }
    const incremental = await derived();
    expect(await progressOf(other.person.id, activity)).toMatchObject({ status: 'passed', success: true, statements: 6 * 3 + 2, studySeconds: (20 + 21 + 22 + 23 + 24 + 25) * 60 });
    expect(await pointOf(other.person.id, 'kp-grounding')).toMatchObject({ attempts: 6, correct: 3 });
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await derived()).toEqual(incremental);
  });

  it('ignores statements by actors who are not Fulcrum people, but reads past them', async () => {
    const activity = course('labour-law');
    const [stored] = await store({ person: null, verb: 'passed', activity, minute: 0, result: { success: true, score: { scaled: 1 } }, points: ['kp-contract'] });
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await projectionCursor(t.db)).toBe(stored!.seq);
    const rows = await t.db.select().from(learningProgress).where(eq(learningProgress.activityId, activity));
    expect(rows).toEqual([]);
    expect(await t.db.select().from(knowledgePointScores).where(eq(knowledgePointScores.knowledgePointId, 'kp-contract'))).toEqual([]);
  });
});

describe('voiding', () => {
  it('recomputes the voided statement’s row, days and knowledge points from the rest', async () => {
    const activity = course('cnc-operation');
    const [, , wrongPass, , wrongAnswer] = await store(
      { person: learner.person, verb: 'initialized', activity, minute: 0 },
      { person: learner.person, verb: 'failed', activity, minute: 20, result: { success: false, score: { scaled: 0.45 } } },
      { person: learner.person, verb: 'passed', activity, minute: 21, result: { success: true, score: { scaled: 0.95 } } },
      { person: learner.person, verb: 'terminated', activity, minute: 1440 + 30, result: { duration: 'PT30M' } },
      { person: learner.person, verb: 'answered', activity: learningActivityIri(TEST_PUBLIC_URL, 'question', 'c1'), minute: 22, result: { success: true }, points: ['kp-gcode'] },
      { person: learner.person, verb: 'answered', activity: learningActivityIri(TEST_PUBLIC_URL, 'question', 'c2'), minute: 23, result: { success: false }, points: ['kp-gcode'] },
    );
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await progressOf(learner.person.id, activity)).toMatchObject({ status: 'passed', success: true, statements: 4 });
    expect(await pointOf(learner.person.id, 'kp-gcode')).toMatchObject({ attempts: 2, correct: 1 });

    await voidStatement(wrongPass!.id, 60);
    await voidStatement(wrongAnswer!.id, 61);
    await projectPending(t.db, TEST_PUBLIC_URL);
    const row = await progressOf(learner.person.id, activity);
    expect(row).toMatchObject({ status: 'failed', success: false, statements: 3, studySeconds: 1800 });
    expect(row!.scoreScaled).toBeCloseTo(0.45, 5);
    expect(await pointOf(learner.person.id, 'kp-gcode')).toMatchObject({ attempts: 1, correct: 0 });
    const days = await t.db.select().from(learningStudyTime).where(eq(learningStudyTime.activityId, activity));
    expect(days).toEqual([expect.objectContaining({ day: '2026-03-03', seconds: 1800 })]);

    const incremental = await derived();
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await derived()).toEqual(incremental);
  });

  it('voids a statement not yet projected (both in one run) and removes a row whose only statement is voided', async () => {
    const activity = course('dairy-quality');
    const [only] = await store({ person: other.person, verb: 'completed', activity, minute: 0 });
    await voidStatement(only!.id, 5);
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await progressOf(other.person.id, activity)).toBeUndefined();
  });
});

describe('commit order', () => {
  it('waits at a statement whose seq is not committed yet, then applies both once it is', async () => {
    await projectPending(t.db, TEST_PUBLIC_URL);
    const activity = course('commit-order');
    const before = await lastSeq();
    // Seq before+2 is committed while before+1 is not (yet): explicit seqs stand in for a slower transaction.
    const late = { ...statementRow({ person: learner.person, verb: 'launched', activity, minute: 0 }), seq: before + 1 };
    const early = { ...statementRow({ person: learner.person, verb: 'initialized', activity, minute: 1 }), seq: before + 2 };
    await t.db.insert(xapiStatements).values(early);
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await projectionCursor(t.db)).toBe(before);
    expect(await progressOf(learner.person.id, activity)).toBeUndefined();

    await t.db.insert(xapiStatements).values(late);
    await t.db.execute(sql`select setval('xapi_statements_seq_seq', ${before + 2})`);
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await projectionCursor(t.db)).toBe(before + 2);
    expect(await progressOf(learner.person.id, activity)).toMatchObject({ statements: 2, status: 'in_progress' });
  });

  it('skips a seq that was drawn but will never be committed (a rolled-back or conflicting insert)', async () => {
    const activity = course('dead-gap');
    await t.db.execute(sql`select nextval('xapi_statements_seq_seq')`);
    const [stored] = await store({ person: learner.person, verb: 'launched', activity, minute: 0 });
    await projectPending(t.db, TEST_PUBLIC_URL);
    expect(await projectionCursor(t.db)).toBe(stored!.seq);
    expect(await progressOf(learner.person.id, activity)).toMatchObject({ statements: 1 });
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('waits for open writers on PostgreSQL, but only for those that were open at the gap', async () => {
    const activity = course('open-writers');
    const connect = async () => {
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      return client;
    };
    const insertOpen = async (client: pg.Client, verb: XapiVerbName, minute: number) => {
      const row = statementRow({ person: learner.person, verb, activity, minute });
      await client.query('begin');
      const result = await client.query(
        `insert into xapi_statements (id, organisation_id, stored, timestamp, actor_key, verb_id, activity_id, related_agents, related_activities, person_id, statement)
         values ($1, $2, $3, $3, $4, $5, $6, '{}', array[$6], $7, $8) returning seq`,
        [row.id, row.organisationId, row.timestamp, row.actorKey, row.verbId, row.activityId, row.personId, JSON.stringify(row.statement)],
      );
      return Number(result.rows[0].seq);
    };
    const first = await connect();
    const second = await connect();
    try {
      await projectPending(t.db, TEST_PUBLIC_URL);
      const start = await projectionCursor(t.db);
      const open = await insertOpen(first, 'launched', 0);
      const [committed] = await store({ person: learner.person, verb: 'initialized', activity, minute: 1 });
      expect(committed!.seq).toBeGreaterThan(open);
      await projectPending(t.db, TEST_PUBLIC_URL);
      expect(await projectionCursor(t.db)).toBe(open - 1);
      expect(await progressOf(learner.person.id, activity)).toBeUndefined();
      expect(open - 1).toBeGreaterThanOrEqual(start);

      // The first writer gives up; a second one is open now. The gap below it is settled without waiting for it.
      await first.query('rollback');
      const later = await insertOpen(second, 'progressed', 2);
      await projectPending(t.db, TEST_PUBLIC_URL);
      expect(await projectionCursor(t.db)).toBe(committed!.seq);
      expect(await progressOf(learner.person.id, activity)).toMatchObject({ statements: 1, status: 'in_progress' });

      await second.query('commit');
      await projectPending(t.db, TEST_PUBLIC_URL);
      expect(await projectionCursor(t.db)).toBe(later);
      expect(await progressOf(learner.person.id, activity)).toMatchObject({ statements: 2 });
    } finally {
      await first.end();
      await second.end();
    }
  });
});

describe('running in the background', () => {
  it('runs one pass at a time: many schedules and concurrent runs apply each statement once', async () => {
    const activity = course('background');
    await store(
      { person: other.person, verb: 'launched', activity, minute: 0 },
      { person: other.person, verb: 'terminated', activity, minute: 9, result: { duration: 'PT9M' } },
    );
    for (let i = 0; i < 5; i++) scheduleProjection(t.db, TEST_PUBLIC_URL);
    await Promise.all([projectPending(t.db, TEST_PUBLIC_URL), projectPending(t.db, TEST_PUBLIC_URL), catchUpProjection(t.db, TEST_PUBLIC_URL)]);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    expect(await progressOf(other.person.id, activity)).toMatchObject({ statements: 2, studySeconds: 540 });
  });

  it('lets a read after a write see it (catch-up waits for a run that starts after the write)', async () => {
    const activity = course('read-after-write');
    await store({ person: other.person, verb: 'launched', activity, minute: 0 });
    scheduleProjection(t.db, TEST_PUBLIC_URL);
    await store({ person: other.person, verb: 'completed', activity, minute: 5 });
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    expect(await progressOf(other.person.id, activity)).toMatchObject({ statements: 2, status: 'completed', progress: 100 });
  });
});

describe('reading progress', () => {
  type Page = { items: { personId: string; personName: string; activityId: string; activityName: string | null; status: string; lastAt: string }[]; total: number; page: number; pageSize: number };
  const progress = async (client: Client, query = '') => {
    const response = await client.get(`/api/v1/lrs/progress${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('lists only the organisation’s rows, with names, filters, sorting and pages, after catching up', async () => {
    const elsewhere = (await createOrganisation(t.db, { type: 'enterprise' })).id;
    const stranger = await seedLearner(t, elsewhere, '赵卫国');
    // Stored just before the read and not projected by anyone: the read catches up first.
    await store({ person: stranger.person, verb: 'launched', activity: course('elsewhere'), minute: 0, organisationId: elsewhere });

    const manager = await signIn(t, orgId, 'training_manager');
    const page = await progress(manager);
    expect(page.total).toBeGreaterThan(3);
    expect(page.items.every((r) => r.personId === learner.person.id || r.personId === other.person.id)).toBe(true);
    expect(page.items.map((r) => r.lastAt)).toEqual([...page.items.map((r) => r.lastAt)].sort().reverse());
    const theirs = await progress(await signIn(t, elsewhere, 'enterprise_admin'));
    expect(theirs).toMatchObject({ total: 1, items: [{ personName: '赵卫国', activityId: course('elsewhere'), status: 'launched' }] });
    // Another organisation's learner is not found by id either.
    expect((await progress(manager, `?personId=${stranger.person.id}`)).total).toBe(0);

    const byName = await progress(manager, `?activity=${encodeURIComponent('液压')}`);
    expect(byName.items.map((r) => r.activityName)).toEqual(['液压系统维护']);
    const byIri = await progress(manager, `?activity=${encodeURIComponent(course('electrical-safety'))}`);
    expect(byIri.items.map((r) => r.personName).sort()).toEqual(['王海燕', '陈思远'].sort());
    const onePerson = await progress(manager, `?personId=${other.person.id}&sort=personName&pageSize=2&page=2`);
    // Their rows: electrical safety, the background run and read-after-write (the voided dairy course has none).
    expect(onePerson).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(onePerson.items).toHaveLength(1);
    expect(onePerson.items.every((r) => r.personName === '王海燕')).toBe(true);
    expect((await progress(manager, `?activity=${encodeURIComponent('%')}`)).total).toBe(0);
    const byPerson = await progress(manager, '?sort=personName&pageSize=100');
    expect(byPerson.items.map((r) => r.personName)).toEqual([...byPerson.items.map((r) => r.personName)].sort());
  });

  it('gives a learner their own rows, newest first', async () => {
    const own = await new Client(t.app).login(learner.user.username);
    const response = await own.get('/api/v1/lrs/my-progress');
    expect(response.statusCode, response.body).toBe(200);
    const mine = response.json<{ items: Page['items'] }>().items;
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.every((r) => r.personId === learner.person.id && r.personName === '陈思远')).toBe(true);
    expect(mine.map((r) => r.lastAt)).toEqual([...mine.map((r) => r.lastAt)].sort().reverse());
  });
});
