import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { xapiActivities, xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, Client, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { sampleStatement, seedLearner, XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const byId = (xapi: XapiClient, id: string) => xapi.get(`/xapi/statements?statementId=${id}`);
const storedRows = (ids: string[]) => t.db.select().from(xapiStatements).where(inArray(xapiStatements.id, ids));

describe('storing statements', () => {
  it('POSTs one statement (200 with its id) and returns it with stored, authority, version and timestamp set by the store', async () => {
    const { xapi, client } = await xapiClient(t);
    const posted = await xapi.post('/xapi/statements', sampleStatement({ authority: { mbox: 'mailto:forged@example.com' }, stored: '2011-07-15T00:00:00.000Z' }));
    expect(posted.statusCode).toBe(200);
    expect(posted.headers['x-experience-api-consistent-through']).toBeTruthy();
    const [id] = posted.json() as string[];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await byId(xapi, id!);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/json');
    const statement = read.json();
    const now = t.clock.now().toISOString();
    expect(statement).toMatchObject({ id, stored: now, timestamp: now, version: '2.0.0' });
    expect(statement.authority).toEqual({ objectType: 'Agent', name: client.name, account: { homePage: `${TEST_PUBLIC_URL}/xapi/clients`, name: client.key } });
    expect(new Date(read.headers['last-modified'] as string).getTime()).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
  });

  it('keeps a given timestamp and version exactly, and treats a null timestamp as absent', async () => {
    const { xapi } = await xapiClient(t);
    const [kept] = (await xapi.post('/xapi/statements', sampleStatement({ timestamp: '2026-01-05T08:30:00.123+08:00', version: '2.0.0' }))).json();
    expect((await byId(xapi, kept)).json()).toMatchObject({ timestamp: '2026-01-05T08:30:00.123+08:00', version: '2.0.0' });
    const [filled] = (await xapi.post('/xapi/statements', sampleStatement({ timestamp: null }))).json();
    const statement = (await byId(xapi, filled)).json();
    expect(statement.timestamp).toBe(statement.stored);
  });

  it('POSTs a batch: ids answered in order, generated where absent, every statement stored', async () => {
    const { xapi } = await xapiClient(t);
    const given = randomUUID();
    const posted = await xapi.post('/xapi/statements', [sampleStatement(), sampleStatement({ id: given }), sampleStatement()]);
    expect(posted.statusCode).toBe(200);
    const ids = posted.json() as string[];
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(given);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect((await byId(xapi, id)).json().id).toBe(id);
  });

  it('PUTs a statement under its statementId (204) and refuses a missing, malformed or contradicting id', async () => {
    const { xapi } = await xapiClient(t);
    const id = randomUUID();
    expect((await xapi.put(`/xapi/statements?statementId=${id}`, sampleStatement())).statusCode).toBe(204);
    expect((await byId(xapi, id)).json().id).toBe(id);
    const withOwnId = randomUUID();
    expect((await xapi.put(`/xapi/statements?statementId=${withOwnId}`, sampleStatement({ id: withOwnId.toUpperCase() }))).statusCode).toBe(204);

    const missing = await xapi.put('/xapi/statements', sampleStatement());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].path).toBe('query.statementId');
    expect((await xapi.put('/xapi/statements?statementId=wrong', sampleStatement())).statusCode).toBe(400);
    const other = randomUUID();
    const contradicting = await xapi.put(`/xapi/statements?statementId=${other}`, sampleStatement({ id: randomUUID() }));
    expect(contradicting.statusCode).toBe(400);
    expect(contradicting.json().error.details.issues[0].path).toBe('body.id');
    expect((await byId(xapi, other)).statusCode).toBe(404);
    expect((await xapi.put(`/xapi/statements?statementId=${other}`, [sampleStatement()])).statusCode).toBe(400);
  });

  it('accepts an identical statement again without changing it, and answers 409 to other content under a stored id', async () => {
    const { xapi } = await xapiClient(t);
    const statement = sampleStatement({ id: randomUUID() });
    await xapi.post('/xapi/statements', statement);
    const first = (await byId(xapi, statement.id as string)).json();
    t.clock.advance(60_000);

    // Differences the comparison rules ignore: verb display, activity definition, timestamp, member order.
    const retried = { ...statement, verb: { id: (statement.verb as { id: string }).id, display: { 'en-US': 'saw' } }, object: { ...(statement.object as object), definition: { name: { 'en-US': 'Hydraulics' } } }, timestamp: '2020-01-01T00:00:00Z' };
    expect((await xapi.post('/xapi/statements', retried)).statusCode).toBe(200);
    expect((await xapi.put(`/xapi/statements?statementId=${statement.id}`, statement)).statusCode).toBe(204);

    const changed = { ...statement, verb: { id: 'http://example.com/verbs/different' } };
    const conflict = await xapi.post('/xapi/statements', changed);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('CONFLICT');
    expect((await xapi.put(`/xapi/statements?statementId=${statement.id}`, changed)).statusCode).toBe(409);
    expect((await byId(xapi, statement.id as string)).json()).toEqual(first);
  });

  it('stores a batch all-or-nothing: an invalid statement, a repeated id or a conflicting id stores none of it', async () => {
    const { xapi } = await xapiClient(t);
    const fresh = randomUUID();
    const invalid = await xapi.post('/xapi/statements', [sampleStatement({ id: fresh }), sampleStatement({ verb: { id: 'not an iri' } })]);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('body.1.verb.id');
    expect(await storedRows([fresh])).toHaveLength(0);

    const repeated = randomUUID();
    const duplicate = await xapi.post('/xapi/statements', [sampleStatement({ id: repeated }), sampleStatement({ id: repeated.toUpperCase() })]);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details.issues[0]).toMatchObject({ path: 'body.1.id', code: 'DUPLICATE_ID' });
    expect(await storedRows([repeated])).toHaveLength(0);

    const existing = sampleStatement({ id: randomUUID() });
    await xapi.post('/xapi/statements', existing);
    const conflicting = await xapi.post('/xapi/statements', [sampleStatement({ id: fresh }), { ...existing, verb: { id: 'http://example.com/verbs/other' } }]);
    expect(conflicting.statusCode).toBe(409);
    expect(conflicting.json().error.details.issues[0].path).toBe('body.1.id');
    expect(await storedRows([fresh])).toHaveLength(0);
  });

  it('refuses a body that is not JSON or not a statement, and a content type statements are not sent as', async () => {
    const { xapi } = await xapiClient(t);
    const malformed = await xapi.request({ method: 'POST', url: '/xapi/statements', payload: '{"actor":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    expect((await xapi.post('/xapi/statements', [])).statusCode).toBe(400);
    expect((await xapi.post('/xapi/statements', ['a string'])).json().error.details.issues[0].path).toBe('body.0');
    const text = await xapi.request({ method: 'POST', url: '/xapi/statements', payload: JSON.stringify(sampleStatement()), headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details.issues[0].path).toBe('headers.content-type');
    expect(text.headers['x-experience-api-consistent-through']).toBeTruthy();
  });

  it('writes the activity definitions a statement carries as the organisation’s canonical ones, only when they change', async () => {
    const { xapi, organisationId } = await xapiClient(t);
    const activity = 'http://example.com/activities/welding-basics';
    const definition = { name: { 'zh-CN': '焊接基础' }, type: 'http://adlnet.gov/expapi/activities/course' };
    const category = { id: 'http://example.com/categories/safety', definition: { name: { 'zh-CN': '安全' } } };
    await xapi.post('/xapi/statements', sampleStatement({ object: { id: activity, definition }, context: { contextActivities: { category: [category] } } }));
    const read = () => t.db.select().from(xapiActivities).where(eq(xapiActivities.organisationId, organisationId));
    const first = await read();
    expect(first.map((a) => [a.activityId, a.definition]).sort()).toEqual([[category.id, category.definition], [activity, definition]].sort());

    t.clock.advance(60_000);
    await xapi.post('/xapi/statements', sampleStatement({ object: { id: activity, definition } }));
    expect((await read()).find((a) => a.activityId === activity)!.updatedAt).toEqual(first.find((a) => a.activityId === activity)!.updatedAt);
    const renamed = { ...definition, name: { 'zh-CN': '焊接入门' } };
    await xapi.post('/xapi/statements', sampleStatement({ object: { id: activity, definition: renamed } }));
    const after = (await read()).find((a) => a.activityId === activity)!;
    expect(after.definition).toEqual(renamed);
    expect(after.updatedAt).toEqual(t.clock.now());
  });
});

describe('versions', () => {
  it('sets version 1.0.0 on statements sent with xAPI 1.0.3 and 2.0.0 with 2.0, keeping a given one', async () => {
    const { authorization } = await xapiClient(t);
    const old = new XapiClient(t, authorization, '1.0.3');
    const [id103] = (await old.post('/xapi/statements', sampleStatement())).json();
    expect((await old.get(`/xapi/statements?statementId=${id103}`)).json().version).toBe('1.0.0');
    const [given] = (await old.post('/xapi/statements', sampleStatement({ version: '1.0.9' }))).json();
    expect((await old.get(`/xapi/statements?statementId=${given}`)).json().version).toBe('1.0.9');
    const current = new XapiClient(t, authorization, '2.0.0');
    const [id200] = (await current.post('/xapi/statements', sampleStatement())).json();
    expect((await current.get(`/xapi/statements?statementId=${id200}`)).json().version).toBe('2.0.0');
  });

  it('accepts 1.0.3’s single-object context activities and 2.0’s context agents', async () => {
    const { authorization } = await xapiClient(t);
    const old = new XapiClient(t, authorization, '1.0.3');
    const single = sampleStatement({ context: { contextActivities: { parent: { id: 'http://example.com/courses/1' } } } });
    expect((await old.post('/xapi/statements', single)).statusCode).toBe(200);
    const current = new XapiClient(t, authorization, '2.0.0');
    const agents = sampleStatement({ context: { contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:coach@example.com' } }] } });
    expect((await current.post('/xapi/statements', agents)).statusCode).toBe(200);
    expect((await old.post('/xapi/statements', agents)).statusCode).toBe(400);
  });
});

describe('organisations and learners', () => {
  it('keeps another organisation’s statements invisible and its ids taken (409)', async () => {
    const mine = await xapiClient(t);
    const theirs = await xapiClient(t);
    const statement = sampleStatement({ id: randomUUID() });
    await theirs.xapi.post('/xapi/statements', statement);
    expect((await byId(mine.xapi, statement.id as string)).statusCode).toBe(404);
    const listed = (await mine.xapi.get('/xapi/statements')).json().statements.map((s: { id: string }) => s.id);
    expect(listed).not.toContain(statement.id);
    expect((await mine.xapi.post('/xapi/statements', statement)).statusCode).toBe(409);
    expect((await storedRows([statement.id as string]))[0]!.organisationId).toBe(theirs.organisationId);
  });

  it('lets a signed-in learner record and read statements about themselves only', async () => {
    const { xapi, organisationId } = await xapiClient(t);
    const me = await seedLearner(t, organisationId);
    const colleague = await seedLearner(t, organisationId);
    const session = await new Client(t.app).login(me.user.username);
    const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      session.request({ method, url, headers: { 'x-experience-api-version': '2.0.0', 'content-type': 'application/json' }, payload: payload === undefined ? undefined : JSON.stringify(payload) });

    const mine = await send('POST', '/xapi/statements', sampleStatement({ actor: me.agent }));
    expect(mine.statusCode).toBe(200);
    const [myId] = mine.json();
    const forged = await send('POST', '/xapi/statements', [sampleStatement({ actor: me.agent }), sampleStatement({ actor: colleague.agent })]);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.details.issues[0].path).toBe('body.1.actor');

    const [theirId] = (await xapi.post('/xapi/statements', sampleStatement({ actor: colleague.agent }))).json();
    const listed = (await send('GET', '/xapi/statements')).json().statements.map((s: { id: string }) => s.id);
    expect(listed).toEqual([myId]);
    expect((await send('GET', `/xapi/statements?statementId=${myId}`)).statusCode).toBe(200);
    expect((await send('GET', `/xapi/statements?statementId=${theirId}`)).statusCode).toBe(404);
    expect((await send('GET', `/xapi/statements?agent=${encodeURIComponent(JSON.stringify(colleague.agent))}`)).statusCode).toBe(403);
    const stored = (await byId(xapi, myId)).json();
    expect(stored.authority).toMatchObject({ objectType: 'Agent', account: me.agent.account });
  });

  it('links a statement to the Fulcrum person its actor’s account at this server names', async () => {
    const { xapi, organisationId } = await xapiClient(t);
    const learner = await seedLearner(t, organisationId);
    const ids = (
      await xapi.post('/xapi/statements', [
        sampleStatement({ actor: learner.agent }),
        sampleStatement({ actor: { account: { homePage: TEST_PUBLIC_URL, name: randomUUID() } } }),
        sampleStatement({ actor: { account: { homePage: 'http://elsewhere.example.com', name: learner.person.id } } }),
        sampleStatement(),
      ])
    ).json() as string[];
    const rows = await storedRows(ids);
    const personOf = (id: string) => rows.find((r) => r.id === id)!.personId;
    expect(ids.map(personOf)).toEqual([learner.person.id, null, null, null]);
  });
});
