import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { sampleStatement, type XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Statement = Record<string, unknown> & { id: string };
const agent = (name: string) => ({ objectType: 'Agent', name, mbox: `mailto:${name}-${randomUUID()}@example.com` });
const verb = (name: string) => ({ id: `http://example.com/verbs/${name}`, display: { 'en-US': name } });
const activity = (name: string) => ({ objectType: 'Activity', id: `http://example.com/activities/${name}-${randomUUID()}` });
const query = (params: Record<string, unknown>) =>
  `/xapi/statements?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])).toString()}`;

async function post(xapi: XapiClient, statements: Record<string, unknown>[]): Promise<string[]> {
  const response = await xapi.post('/xapi/statements', statements);
  expect(response.statusCode).toBe(200);
  return response.json();
}
async function ids(xapi: XapiClient, params: Record<string, unknown>): Promise<string[]> {
  const response = await xapi.get(query(params));
  expect(response.statusCode).toBe(200);
  return response.json().statements.map((s: Statement) => s.id);
}

describe('query filters', () => {
  let xapi: XapiClient;
  const alice = agent('alice');
  const bob = agent('bob');
  const carol = agent('carol');
  const course = activity('course');
  const lesson = activity('lesson');
  const category = activity('category');
  const registration = randomUUID();
  let s: string[];

  beforeAll(async () => {
    ({ xapi } = await xapiClient(t));
    s = await post(xapi, [
      sampleStatement({ actor: alice, verb: verb('experienced'), object: course, context: { registration, instructor: bob, contextActivities: { category: [category] } } }),
      sampleStatement({ actor: bob, verb: verb('mentored'), object: alice }),
      sampleStatement({ actor: carol, verb: verb('experienced'), object: lesson, context: { contextActivities: { parent: [course] } } }),
      sampleStatement({ actor: { objectType: 'Group', mbox: `mailto:team-${randomUUID()}@example.com`, member: [alice] }, verb: verb('attended'), object: lesson }),
    ]);
  });

  it('lists the organisation’s statements newest first, ties in the order they arrived', async () => {
    expect(await ids(xapi, {})).toEqual([...s].reverse());
    expect(await ids(xapi, { ascending: true })).toEqual(s);
  });

  it('filters by agent as actor or object, and with related_agents by any agent the statement names', async () => {
    expect(await ids(xapi, { agent: alice })).toEqual([s[1], s[0]]);
    expect(await ids(xapi, { agent: bob })).toEqual([s[1]]);
    expect(await ids(xapi, { agent: bob, related_agents: true })).toEqual([s[1], s[0]]);
    expect(await ids(xapi, { agent: alice, related_agents: true })).toEqual([s[3], s[1], s[0]]);
    expect(await ids(xapi, { agent: { mbox: 'mailto:nobody@example.com' } })).toEqual([]);
  });

  it('filters by verb, activity (with related_activities by any activity named) and registration', async () => {
    expect(await ids(xapi, { verb: verb('experienced').id })).toEqual([s[2], s[0]]);
    expect(await ids(xapi, { activity: course.id })).toEqual([s[0]]);
    expect(await ids(xapi, { activity: course.id, related_activities: true })).toEqual([s[2], s[0]]);
    expect(await ids(xapi, { activity: category.id, related_activities: true })).toEqual([s[0]]);
    expect(await ids(xapi, { registration })).toEqual([s[0]]);
    expect(await ids(xapi, { registration: registration.toUpperCase(), verb: verb('mentored').id })).toEqual([]);
  });

  it('combines filters and limits a page', async () => {
    expect(await ids(xapi, { verb: verb('experienced').id, agent: carol })).toEqual([s[2]]);
    const limited = (await xapi.get(query({ limit: 2 }))).json();
    expect(limited.statements.map((x: Statement) => x.id)).toEqual([s[3], s[2]]);
    expect(limited.more).toMatch(/^\/xapi\/statements\?more=/);
  });

  it('also returns statements that target a matching statement by StatementRef, however deep, within the time window', async () => {
    const comment = randomUUID();
    const reply = randomUUID();
    t.clock.advance(1_000);
    const since = t.clock.now().toISOString();
    t.clock.advance(1_000);
    await post(xapi, [
      sampleStatement({ id: comment, actor: agent('dave'), verb: verb('commented'), object: { objectType: 'StatementRef', id: s[0] } }),
      sampleStatement({ id: reply, actor: agent('erin'), verb: verb('replied'), object: { objectType: 'StatementRef', id: comment } }),
    ]);
    expect(await ids(xapi, { agent: alice })).toEqual([reply, comment, s[1], s[0]]);
    expect(await ids(xapi, { activity: course.id, since })).toEqual([reply, comment]);
    expect(await ids(xapi, { verb: verb('commented').id })).toEqual([reply, comment]);
    expect(await ids(xapi, { verb: verb('replied').id })).toEqual([reply]);
  });
});

describe('time and paging', () => {
  it('returns what was stored after since and at or before until', async () => {
    const { xapi } = await xapiClient(t);
    const marks: string[] = [];
    const stored: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1_000);
      marks.push(t.clock.now().toISOString());
      stored.push(...(await post(xapi, [sampleStatement()])));
    }
    expect(await ids(xapi, { since: marks[0] })).toEqual([stored[2], stored[1]]);
    expect(await ids(xapi, { until: marks[1] })).toEqual([stored[1], stored[0]]);
    expect(await ids(xapi, { since: marks[0], until: marks[1], ascending: true })).toEqual([stored[1]]);
    const response = await xapi.get(query({ until: marks[1] }));
    expect(new Date(response.headers['last-modified'] as string).toISOString()).toBe(marks[1]);
  });

  it('pages through 250 statements by their more links without gaps or repeats, in either order', async () => {
    const { xapi } = await xapiClient(t);
    const posted: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      t.clock.advance(batch % 2 ? 0 : 1_000); // some batches share their stored instant: ties go by arrival
      posted.push(...(await post(xapi, Array.from({ length: 50 }, () => sampleStatement()))));
    }
    for (const [params, expected, pages] of [
      [{}, [...posted].reverse(), [100, 100, 50]],
      [{ ascending: true, limit: 70 }, posted, [70, 70, 70, 40]],
    ] as const) {
      const seen: string[] = [];
      const sizes: number[] = [];
      let url: string = query(params);
      for (;;) {
        const page = await xapi.get(url);
        expect(page.statusCode).toBe(200);
        const body = page.json();
        seen.push(...body.statements.map((x: Statement) => x.id));
        sizes.push(body.statements.length);
        if (!body.more) break;
        url = body.more;
      }
      expect(sizes).toEqual(pages);
      expect(seen).toEqual(expected);
    }
  });

  it('answers an empty more when everything was returned and refuses a more link it did not give out', async () => {
    const { xapi } = await xapiClient(t);
    const empty = (await xapi.get(query({ verb: 'http://example.com/verbs/never' }))).json();
    expect(empty).toEqual({ statements: [], more: '' });
    await post(xapi, [sampleStatement(), sampleStatement()]);
    const { more } = (await xapi.get(query({ limit: 1 }))).json();
    expect((await xapi.get(`${more}&limit=5`)).statusCode).toBe(400);
    const forged = await xapi.get('/xapi/statements?more=bm90LWEtdG9rZW4');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details.issues[0].path).toBe('query.more');
  });

  it('says how far it is consistent on every answer, as an ISO 8601 instant', async () => {
    const { xapi } = await xapiClient(t);
    const response = await xapi.get('/xapi/statements');
    expect(response.headers['x-experience-api-consistent-through']).toBe(t.clock.now().toISOString());
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { xapi } = await xapiClient(t);
    const [id] = await post(xapi, [sampleStatement()]);
    const head = await xapi.request({ method: 'HEAD', url: `/xapi/statements?statementId=${id}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['last-modified']).toBe(t.clock.now().toUTCString());
    expect(head.headers['x-experience-api-consistent-through']).toBeTruthy();
    expect((await xapi.request({ method: 'HEAD', url: `/xapi/statements?statementId=${randomUUID()}` })).statusCode).toBe(404);
  });
});

describe('parameters', () => {
  it('refuses unknown parameters and malformed values with a 400 naming the parameter', async () => {
    const { xapi } = await xapiClient(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ LIMIT: 1 }, 'query.LIMIT'],
      [{ agent: 'wrong' }, 'query.agent'],
      [{ agent: { name: 'no identifier' } }, 'query.agent'],
      [{ verb: 'not.a.valid.iri.com/verb' }, 'query.verb'],
      [{ activity: 'not.a.valid.iri.com/activity' }, 'query.activity'],
      [{ registration: 'wrong' }, 'query.registration'],
      [{ since: 'yesterday' }, 'query.since'],
      [{ until: '2026-03-02' }, 'query.until'],
      [{ limit: -1 }, 'query.limit'],
      [{ ascending: 'yes' }, 'query.ascending'],
      [{ format: 'full' }, 'query.format'],
      [{ attachments: 1 }, 'query.attachments'],
      [{ statementId: 'wrong' }, 'query.statementId'],
      [{ voidedStatementId: 'wrong' }, 'query.voidedStatementId'],
      [{ statementId: randomUUID(), verb: 'http://example.com/verbs/x' }, 'query.verb'],
      [{ voidedStatementId: randomUUID(), limit: 1 }, 'query.limit'],
      [{ statementId: randomUUID(), voidedStatementId: randomUUID() }, 'query.voidedStatementId'],
    ];
    for (const [params, path] of cases) {
      const response = await xapi.get(query(params));
      expect(response.statusCode, JSON.stringify(params)).toBe(400);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(response.headers['x-experience-api-consistent-through']).toBeTruthy();
    }
  });

  it('allows format and attachments beside statementId', async () => {
    const { xapi } = await xapiClient(t);
    const [id] = await post(xapi, [sampleStatement()]);
    expect((await xapi.get(query({ statementId: id, format: 'ids', attachments: false }))).statusCode).toBe(200);
  });
});

describe('formats', () => {
  let xapi: XapiClient;
  let id: string;
  const group = { objectType: 'Group', name: '班组', mbox: `mailto:crew-${randomUUID()}@example.com`, member: [{ mbox: 'mailto:a@example.com', name: 'A' }] };
  const lesson = {
    objectType: 'Activity',
    id: `http://example.com/activities/quiz-${randomUUID()}`,
    definition: {
      name: { 'en-US': 'Quiz', 'en-GB': 'Test', 'zh-CN': '测验' },
      description: { 'en-US': 'A quiz', 'zh-CN': '一次测验' },
      interactionType: 'choice',
      correctResponsesPattern: ['a'],
      choices: [{ id: 'a', description: { 'en-US': 'Yes', 'zh-CN': '是' } }],
    },
  };

  beforeAll(async () => {
    ({ xapi } = await xapiClient(t));
    [id] = await post(xapi, [
      sampleStatement({
        actor: { objectType: 'Group', member: [{ name: 'B', mbox: 'mailto:b@example.com' }, { name: 'C', account: { homePage: 'http://example.com', name: 'c' } }] },
        verb: { id: 'http://example.com/verbs/answered', display: { 'en-US': 'answered', 'zh-CN': '作答' } },
        object: { objectType: 'SubStatement', actor: group, verb: { id: 'http://example.com/verbs/took', display: { 'en-GB': 'took', 'en-US': 'took' } }, object: lesson },
        context: { contextActivities: { category: [{ id: 'http://example.com/categories/safety', definition: { name: { 'en-US': 'Safety', 'zh-CN': '安全' } } }] } },
      }),
    ]) as [string];
  });

  it('returns exactly what was stored by default and with format=exact', async () => {
    const exact = (await xapi.get(query({ statementId: id, format: 'exact' }))).json();
    expect(exact).toEqual((await xapi.get(query({ statementId: id }))).json());
    expect(exact.object.object).toEqual(lesson);
    expect(exact.object.actor).toEqual(group);
  });

  it('reduces agents, groups, activities and verbs to their identifiers with format=ids', async () => {
    const [statement] = (await xapi.get(query({ format: 'ids' }))).json().statements;
    expect(statement.actor).toEqual({ objectType: 'Group', member: [{ mbox: 'mailto:b@example.com' }, { account: { homePage: 'http://example.com', name: 'c' } }] });
    expect(statement.verb).toEqual({ id: 'http://example.com/verbs/answered' });
    expect(statement.object.actor).toEqual({ objectType: 'Group', mbox: group.mbox });
    expect(statement.object.object).toEqual({ id: lesson.id });
    expect(statement.object.verb).toEqual({ id: 'http://example.com/verbs/took' });
    expect(statement.context.contextActivities.category).toEqual([{ id: 'http://example.com/categories/safety' }]);
    expect(statement.authority).not.toHaveProperty('name');
  });

  it('keeps one language per language map with format=canonical, by Accept-Language, else Chinese', async () => {
    const british = (await xapi.get(query({ statementId: id, format: 'canonical' }), { 'accept-language': 'en-GB, zh;q=0.5' })).json();
    expect(british.object.object.definition.name).toEqual({ 'en-GB': 'Test' });
    expect(british.object.object.definition.description).toEqual({ 'en-US': 'A quiz' });
    expect(british.object.object.definition.choices).toEqual([{ id: 'a', description: { 'en-US': 'Yes' } }]);
    expect(british.object.verb.display).toEqual({ 'en-GB': 'took' });
    expect(british.verb.display).toEqual({ 'en-US': 'answered' });
    expect(british.context.contextActivities.category[0].definition.name).toEqual({ 'en-US': 'Safety' });
    expect(british.object.actor).toEqual(group);

    const [unspecified] = (await xapi.get(query({ format: 'canonical' }))).json().statements;
    expect(unspecified.verb.display).toEqual({ 'zh-CN': '作答' });
    expect(unspecified.object.object.definition.name).toEqual({ 'zh-CN': '测验' });
  });

  it('uses the organisation’s canonical definition of an activity in format=canonical', async () => {
    await post(xapi, [sampleStatement({ object: { ...lesson, definition: { ...lesson.definition, name: { 'zh-CN': '测验（新版）' } } } })]);
    const statement = (await xapi.get(query({ statementId: id, format: 'canonical' }))).json();
    expect(statement.object.object.definition.name).toEqual({ 'zh-CN': '测验（新版）' });
  });
});
