import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, createOrganisation, type TestApp } from '../../test/app.ts';
import { seedLearner, XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
let orgId: string;
let xapi: XapiClient;
let xapi103: XapiClient;

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  xapi = (await xapiClient(t, { organisationId: orgId })).xapi;
  xapi103 = (await xapiClient(t, { organisationId: orgId, version: '1.0.3' })).xapi;
});
afterAll(() => t.close());

/** A query string the way xAPI clients send one: objects (the agent) as JSON text. */
function query(parameters: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return search.toString();
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const ACTIVITY = 'http://example.com/activities/hydraulics';
const agent = (n = randomUUID()) => ({ objectType: 'Agent', mbox: `mailto:learner-${n}@example.com` });
const stateOf = (overrides: Record<string, unknown> = {}) => ({ activityId: ACTIVITY, agent: agent(), stateId: randomUUID(), ...overrides });
const state = (parameters: Record<string, unknown>) => `/xapi/activities/state?${query(parameters)}`;
const activityProfile = (parameters: Record<string, unknown>) => `/xapi/activities/profile?${query(parameters)}`;
const agentProfile = (parameters: Record<string, unknown>) => `/xapi/agents/profile?${query(parameters)}`;
const post = (client: XapiClient, url: string, payload: string, contentType: string, headers: Record<string, string> = {}) =>
  client.request({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...headers } });
const put = (client: XapiClient, url: string, payload: string, contentType: string, headers: Record<string, string> = {}) =>
  client.request({ method: 'PUT', url, payload, headers: { 'content-type': contentType, ...headers } });

describe('the State resource', () => {
  it('stores a document of any type and gives back its bytes, type, SHA-1 ETag and Last-Modified; HEAD gives the headers alone', async () => {
    const parameters = stateOf();
    const text = '进度: 第3章 <b>bookmark</b>';
    expect((await put(xapi, state(parameters), text, 'text/plain; charset=utf-8')).statusCode).toBe(204);

    const got = await xapi.get(state(parameters));
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe(text);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.headers.etag).toBe(`"${sha1(text)}"`);
    expect(new Date(got.headers['last-modified'] as string).getTime()).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
    expect(got.headers['x-experience-api-version']).toBe('2.0.0');
    // Content served from another origin reads the validators too.
    expect(got.headers['access-control-expose-headers']).toMatch(/ETag.*Last-Modified/);

    const head = await xapi.request({ method: 'HEAD', url: state(parameters) });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(got.headers.etag);
    expect(head.headers['last-modified']).toBe(got.headers['last-modified']);
  });

  it('answers 404 for a document that is not there', async () => {
    const response = await xapi.get(state(stateOf()));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('stores a POST to an empty key, then merges top-level properties of JSON objects (a nested object is replaced whole)', async () => {
    const parameters = stateOf();
    expect((await xapi.post(state(parameters), { car: { make: 'Ford', model: 'Escape' }, driver: 'Dale', lap: 3 })).statusCode).toBe(204);
    expect((await xapi.get(state(parameters))).json()).toEqual({ car: { make: 'Ford', model: 'Escape' }, driver: 'Dale', lap: 3 });

    t.clock.advance(1500);
    const merged = await xapi.post(state(parameters), { car: { make: 'Dodge' }, driver: 'Jeff', pit: true });
    expect(merged.statusCode).toBe(204);
    const got = await xapi.get(state(parameters));
    expect(got.json()).toEqual({ car: { make: 'Dodge' }, driver: 'Jeff', lap: 3, pit: true });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.etag).toBe(merged.headers.etag);
    expect(got.headers.etag).toBe(`"${sha1(got.body)}"`);
    expect(new Date(got.headers['last-modified'] as string).getTime()).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
  });

  it('refuses to merge unless both documents are JSON objects, and leaves the stored one as it was', async () => {
    const json = stateOf();
    await xapi.post(state(json), { car: 'Honda' });
    for (const [payload, type] of [
      ['abcdefg', 'application/octet-stream'],
      ['abc', 'application/x-www-form-urlencoded'],
      ['["a"]', 'application/json'],
      ['{"car": "Civic"', 'application/json'],
    ]) {
      const response = await post(xapi, state(json), payload!, type!);
      expect(response.statusCode, `${type} ${payload}`).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await xapi.get(state(json))).json()).toEqual({ car: 'Honda' });

    const binary = stateOf();
    await put(xapi, state(binary), '/ asdf / undefined', 'application/octet-stream');
    const onto = await xapi.post(state(binary), { type: 'Civic' });
    expect(onto.statusCode).toBe(400);
    expect(onto.json().error.details.issues[0].path).toBe('headers.content-type');
    expect((await xapi.get(state(binary))).body).toBe('/ asdf / undefined');
  });

  it('accepts any first document, even scalars in other content types, but not broken JSON sent as JSON', async () => {
    for (const payload of ['1', 'true']) {
      const parameters = stateOf();
      expect((await post(xapi, state(parameters), payload, 'application/x-www-form-urlencoded')).statusCode).toBe(204);
      expect((await xapi.get(state(parameters))).body).toBe(payload);
    }
    const broken = stateOf();
    const response = await put(xapi, state(broken), '{"a": ', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0]).toMatchObject({ path: 'body', code: 'NOT_JSON' });
    expect((await xapi.get(state(broken))).statusCode).toBe(404);
  });

  it('keeps registrations apart, lists ids (all registrations, one, or changed since), and deletes one or all', async () => {
    const learner = agent();
    const activityId = `${ACTIVITY}/${randomUUID()}`;
    const registration = randomUUID();
    const context = { activityId, agent: learner };
    await xapi.post(state({ ...context, stateId: 'bookmark' }), { page: 1 });
    const since = new Date(t.clock.now().getTime() + 500).toISOString();
    t.clock.advance(1000);
    await xapi.post(state({ ...context, stateId: 'bookmark', registration }), { page: 7 });
    await xapi.post(state({ ...context, stateId: 'suspend', registration: registration.toUpperCase() }), { data: 'x' });

    expect((await xapi.get(state({ ...context, stateId: 'bookmark' }))).json()).toEqual({ page: 1 });
    expect((await xapi.get(state({ ...context, stateId: 'bookmark', registration }))).json()).toEqual({ page: 7 });
    expect((await xapi.get(state(context))).json()).toEqual(['bookmark', 'suspend']);
    expect((await xapi.get(state({ ...context, registration }))).json()).toEqual(['bookmark', 'suspend']);
    const changed = await xapi.get(state({ ...context, since }));
    expect(changed.json()).toEqual(['bookmark', 'suspend']);
    expect(new Date(changed.headers['last-modified'] as string).getTime()).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
    expect((await xapi.get(state({ ...context, since: new Date(t.clock.now().getTime() + 1).toISOString() }))).json()).toEqual([]);

    expect((await xapi.delete(state({ ...context, stateId: 'suspend', registration }))).statusCode).toBe(204);
    expect((await xapi.get(state({ ...context, registration }))).json()).toEqual(['bookmark']);
    expect((await xapi.delete(state({ ...context, registration }))).statusCode).toBe(204);
    expect((await xapi.get(state(context))).json()).toEqual(['bookmark']);
    expect((await xapi.delete(state(context))).statusCode).toBe(204);
    expect((await xapi.get(state(context))).json()).toEqual([]);
  });

  it('names the parameter at fault: missing, not an IRI, not JSON, not a UUID, not a timestamp, unknown or in the wrong case', async () => {
    const good = stateOf();
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['PUT', { ...good, activityId: undefined }, 'query.activityId', 'REQUIRED'],
      ['POST', { ...good, agent: undefined }, 'query.agent', 'REQUIRED'],
      ['PUT', { ...good, stateId: undefined }, 'query.stateId', 'REQUIRED'],
      ['GET', { ...good, activityId: 'not an iri' }, 'query.activityId', 'NOT_IRI'],
      ['DELETE', { ...good, activityId: '1' }, 'query.activityId', 'NOT_IRI'],
      ['GET', { ...good, agent: 'not JSON' }, 'query.agent', 'NOT_JSON'],
      ['PUT', { ...good, registration: 'not UUID' }, 'query.registration', 'NOT_UUID'],
      ['GET', { ...good, stateId: undefined, since: 'not a timestamp' }, 'query.since', 'NOT_TIMESTAMP'],
      ['GET', { ...good, stateId: undefined, since: 'true' }, 'query.since', 'NOT_TIMESTAMP'],
      ['PUT', { ...good, happy: 'day' }, 'query.happy', 'UNKNOWN'],
      ['GET', { ...good, ActivityId: ACTIVITY }, 'query.ActivityId', 'UNKNOWN'],
      ['DELETE', { ...good, since: new Date().toISOString() }, 'query.since', 'UNKNOWN'],
    ];
    for (const [method, parameters, path, code] of cases) {
      const defined = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
      const response = await xapi.request({ method: method as 'GET', url: state(defined), payload: method === 'PUT' || method === 'POST' ? '{}' : undefined, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(response.json().error.details.issues, `${method} ${path}`).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await xapi.get(state(good))).statusCode).toBe(404);
  });

  it('refuses an agent that is not a valid Agent', async () => {
    for (const bad of [{ key: 'value' }, true, 1, { objectType: 'Agent', name: 'no identifier' }]) {
      const response = await xapi.get(state(stateOf({ agent: bad })));
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error.details.issues[0].path).toMatch(/^query\.agent/);
    }
  });

  it('finds a document by the agent’s identifier, whatever else the agent object says', async () => {
    const parameters = stateOf();
    await xapi.put(state(parameters), { chapter: 2 });
    const renamed = { ...parameters, agent: { ...parameters.agent, name: '学员乙' } };
    expect((await xapi.get(state(renamed))).json()).toEqual({ chapter: 2 });
  });

  it('takes `since` beside a stateId in 1.0.3 (and ignores it) but not in 2.0', async () => {
    const parameters = stateOf();
    await xapi.put(state(parameters), { chapter: 2 });
    const since = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await xapi103.get(state({ ...parameters, since }))).json()).toEqual({ chapter: 2 });
    const refused = await xapi.get(state({ ...parameters, since }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'query.since', code: 'UNKNOWN' });
  });
});

describe('concurrency', () => {
  it('replaces with the current ETag in If-Match and refuses a stale, unquoted or weak one with 412, changing nothing', async () => {
    const parameters = stateOf();
    await xapi.post(state(parameters), { v: 1 });
    const etag = (await xapi.get(state(parameters))).headers.etag as string;
    for (const stale of [`"${sha1('something else')}"`, '1234', `W/${etag}`]) {
      const response = await xapi.put(state(parameters), { v: 2 }, { 'if-match': stale });
      expect(response.statusCode, stale).toBe(412);
      expect(response.json().error).toMatchObject({ code: 'PRECONDITION_FAILED', details: { issues: [{ path: 'headers.if-match' }] } });
    }
    expect((await xapi.get(state(parameters))).json()).toEqual({ v: 1 });
    expect((await xapi.put(state(parameters), { v: 2 }, { 'if-match': `"${sha1('x')}", ${etag}` })).statusCode).toBe(204);
    expect((await xapi.get(state(parameters))).json()).toEqual({ v: 2 });
    expect((await xapi.put(state(parameters), { v: 3 }, { 'if-match': '*' })).statusCode).toBe(204);
    expect((await xapi.get(state(parameters))).json()).toEqual({ v: 3 });
  });

  it('refuses If-Match when there is no document, and If-None-Match: * when there is one', async () => {
    const parameters = stateOf();
    expect((await xapi.put(state(parameters), { v: 1 }, { 'if-match': '*' })).statusCode).toBe(412);
    expect((await xapi.get(state(parameters))).statusCode).toBe(404);
    expect((await xapi.put(state(parameters), { v: 1 }, { 'if-none-match': '*' })).statusCode).toBe(204);
    const again = await xapi.put(state(parameters), { v: 2 }, { 'if-none-match': '*' });
    expect(again.statusCode).toBe(412);
    expect(again.json().error.details.issues[0].path).toBe('headers.if-none-match');
    expect((await xapi.get(state(parameters))).json()).toEqual({ v: 1 });
  });

  it('holds POST and DELETE to If-Match too', async () => {
    const parameters = stateOf();
    await xapi.post(state(parameters), { a: 1 });
    const etag = (await xapi.get(state(parameters))).headers.etag as string;
    expect((await xapi.post(state(parameters), { b: 2 }, { 'if-match': '"0000"' })).statusCode).toBe(412);
    expect((await xapi.post(state(parameters), { b: 2 }, { 'if-none-match': '*' })).statusCode).toBe(412);
    expect((await xapi.delete(state(parameters), { 'if-match': '"0000"' })).statusCode).toBe(412);
    expect((await xapi.get(state(parameters))).json()).toEqual({ a: 1 });
    const merged = await xapi.post(state(parameters), { b: 2 }, { 'if-match': etag });
    expect(merged.statusCode).toBe(204);
    expect((await xapi.delete(state(parameters), { 'if-match': etag })).statusCode).toBe(412);
    expect((await xapi.delete(state(parameters), { 'if-match': merged.headers.etag as string })).statusCode).toBe(204);
    expect((await xapi.get(state(parameters))).statusCode).toBe(404);
  });

  it('lets two writers holding the same ETag through one at a time: the second gets 412', async () => {
    const parameters = stateOf();
    await xapi.post(state(parameters), { v: 0 });
    const etag = (await xapi.get(state(parameters))).headers.etag as string;
    const results = await Promise.all([1, 2].map((v) => xapi.put(state(parameters), { v }, { 'if-match': etag })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 412]);
  });

  it('in 2.0 refuses a PUT without a precondition over an existing State document (409, unchanged); 1.0.3 lets it replace', async () => {
    const parameters = stateOf();
    expect((await xapi.put(state(parameters), { v: 1 })).statusCode).toBe(204);
    const conflict = await xapi.put(state(parameters), { v: 2 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.message).toMatch(/If-Match/);
    expect((await xapi.get(state(parameters))).json()).toEqual({ v: 1 });

    expect((await xapi103.put(state(parameters), { v: 2 })).statusCode).toBe(204);
    expect((await xapi103.get(state(parameters))).json()).toEqual({ v: 2 });
  });

  it('refuses a profile PUT without a precondition over an existing document in both versions (409)', async () => {
    for (const client of [xapi, xapi103]) {
      const parameters = { activityId: ACTIVITY, profileId: randomUUID() };
      await client.post(activityProfile(parameters), { v: 1 });
      const conflict = await client.put(activityProfile(parameters), { v: 2 });
      expect(conflict.statusCode, client.version).toBe(409);
      expect(conflict.json().error.code).toBe('CONFLICT');
      expect((await client.get(activityProfile(parameters))).json()).toEqual({ v: 1 });
    }
  });

  it('in 1.0.3 refuses a profile PUT without If-Match or If-None-Match even for a new document (400); 2.0 stores it', async () => {
    const old = { agent: agent(), profileId: randomUUID() };
    const refused = await xapi103.put(agentProfile(old), { v: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0].path).toBe('headers.if-none-match');
    expect((await xapi103.get(agentProfile(old))).statusCode).toBe(404);
    expect((await xapi103.put(agentProfile(old), { v: 1 }, { 'if-none-match': '*' })).statusCode).toBe(204);

    const current = { agent: agent(), profileId: randomUUID() };
    expect((await xapi.put(agentProfile(current), { v: 1 })).statusCode).toBe(204);
    expect((await xapi.get(agentProfile(current))).json()).toEqual({ v: 1 });
  });
});

describe('the Activity Profile resource', () => {
  it('stores, merges, lists (with since), reads and deletes documents of an activity', async () => {
    const activityId = `${ACTIVITY}/${randomUUID()}`;
    expect((await xapi.put(activityProfile({ activityId, profileId: 'glossary' }), { 泵: 'pump' }, { 'if-none-match': '*' })).statusCode).toBe(204);
    const since = new Date(t.clock.now().getTime() + 500).toISOString();
    t.clock.advance(1000);
    expect((await xapi.post(activityProfile({ activityId, profileId: 'settings' }), { speed: 1 })).statusCode).toBe(204);
    expect((await xapi.post(activityProfile({ activityId, profileId: 'glossary' }), { 阀: 'valve' })).statusCode).toBe(204);

    expect((await xapi.get(activityProfile({ activityId, profileId: 'glossary' }))).json()).toEqual({ 泵: 'pump', 阀: 'valve' });
    expect((await xapi.get(activityProfile({ activityId }))).json()).toEqual(['glossary', 'settings']);
    expect((await xapi.get(activityProfile({ activityId, since }))).json()).toEqual(['glossary', 'settings']);
    t.clock.advance(1000);
    const later = new Date(t.clock.now().getTime() - 500).toISOString();
    await xapi.post(activityProfile({ activityId, profileId: 'settings' }), { speed: 2 });
    expect((await xapi.get(activityProfile({ activityId, since: later }))).json()).toEqual(['settings']);

    expect((await xapi.delete(activityProfile({ activityId, profileId: 'glossary' }))).statusCode).toBe(204);
    expect((await xapi.get(activityProfile({ activityId }))).json()).toEqual(['settings']);
    expect((await xapi.delete(activityProfile({ activityId, profileId: 'never-stored' }))).statusCode).toBe(204);
  });

  it('takes activityId and profileId, refusing an agent or a missing profileId (a DELETE never empties a whole activity)', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['PUT', { profileId: 'p' }, 'query.activityId'],
      ['POST', { activityId: ACTIVITY }, 'query.profileId'],
      ['DELETE', { activityId: ACTIVITY }, 'query.profileId'],
      ['GET', { activityId: ACTIVITY, profileId: 'p', agent: agent() }, 'query.agent'],
      ['GET', { activityId: ACTIVITY, since: '{"key":"value"}' }, 'query.since'],
    ];
    for (const [method, parameters, path] of cases) {
      const response = await xapi.request({ method: method as 'GET', url: activityProfile(parameters), payload: method === 'GET' || method === 'DELETE' ? undefined : '{}', headers: { 'content-type': 'application/json', 'if-none-match': '*' } });
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path), `${method} ${path}`).toContain(path);
    }
  });
});

describe('the Agent Profile resource', () => {
  it('stores, merges, lists and deletes documents of an agent, found by its identifier', async () => {
    const who = agent();
    const profileId = randomUUID();
    expect((await xapi.post(agentProfile({ agent: who, profileId }), { locale: 'zh-CN' })).statusCode).toBe(204);
    expect((await xapi.post(agentProfile({ agent: { ...who, name: '学员丙' }, profileId }), { theme: 'dark' })).statusCode).toBe(204);
    const got = await xapi.get(agentProfile({ agent: who, profileId }));
    expect(got.json()).toEqual({ locale: 'zh-CN', theme: 'dark' });
    expect(got.headers.etag).toBe(`"${sha1(got.body)}"`);
    expect((await xapi.get(agentProfile({ agent: who }))).json()).toEqual([profileId]);
    expect((await xapi.get(agentProfile({ agent: agent() }))).json()).toEqual([]);
    expect((await xapi.delete(agentProfile({ agent: who, profileId }))).statusCode).toBe(204);
    expect((await xapi.get(agentProfile({ agent: who, profileId }))).statusCode).toBe(404);
  });

  it('refuses a missing agent or profileId and an agent that is not JSON', async () => {
    for (const [method, parameters, path] of [
      ['GET', { profileId: 'p' }, 'query.agent'],
      ['DELETE', { agent: agent() }, 'query.profileId'],
      ['POST', { agent: 'not Agent', profileId: 'p' }, 'query.agent'],
      ['GET', { agent: agent(), activityId: ACTIVITY }, 'query.activityId'],
    ] as const) {
      const response = await xapi.request({ method, url: agentProfile(parameters), payload: method === 'POST' ? '{}' : undefined, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(response.json().error.details.issues[0].path).toBe(path);
    }
  });
});

describe('scope', () => {
  it('keeps each organisation’s documents to itself', async () => {
    const other = (await xapiClient(t)).xapi;
    const parameters = stateOf();
    await xapi.put(state(parameters), { mine: true });
    expect((await other.get(state(parameters))).statusCode).toBe(404);
    expect((await other.get(state({ activityId: parameters.activityId, agent: parameters.agent }))).json()).toEqual([]);
    expect((await other.put(state(parameters), { theirs: true })).statusCode).toBe(204);
    expect((await other.delete(state({ activityId: parameters.activityId, agent: parameters.agent }))).statusCode).toBe(204);
    expect((await xapi.get(state(parameters))).json()).toEqual({ mine: true });
  });

  it('lets a signed-in learner use their own State and Agent Profile, read but not change Activity Profiles, and nothing of others', async () => {
    const { user, agent: self } = await seedLearner(t, orgId);
    const session = await new Client(t.app).login(user.username);
    const as = (method: string, url: string, payload?: unknown) =>
      session.request({ method: method as 'GET', url, payload: payload === undefined ? undefined : JSON.stringify(payload), headers: { 'x-experience-api-version': '2.0.0', 'content-type': 'application/json' } });

    const own = { activityId: ACTIVITY, agent: self, stateId: 'bookmark' };
    expect((await as('PUT', state(own), { page: 4 })).statusCode).toBe(204);
    expect((await as('GET', state(own))).json()).toEqual({ page: 4 });
    expect((await xapi.get(state(own))).json()).toEqual({ page: 4 });
    expect((await as('POST', agentProfile({ agent: self, profileId: 'prefs' }), { font: 'large' })).statusCode).toBe(204);

    const someone = stateOf();
    await xapi.put(state(someone), { secret: 1 });
    for (const [method, url] of [
      ['GET', state(someone)],
      ['PUT', state(someone)],
      ['DELETE', state({ activityId: someone.activityId, agent: someone.agent })],
      ['GET', agentProfile({ agent: someone.agent })],
    ] as const) {
      const response = await as(method, url, method === 'PUT' ? { stolen: true } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await xapi.get(state(someone))).json()).toEqual({ secret: 1 });

    const profile = { activityId: ACTIVITY, profileId: randomUUID() };
    await xapi.put(activityProfile(profile), { shared: true }, { 'if-none-match': '*' });
    expect((await as('GET', activityProfile(profile))).json()).toEqual({ shared: true });
    expect((await as('POST', activityProfile(profile), { changed: true })).statusCode).toBe(403);
    expect((await as('DELETE', activityProfile(profile))).statusCode).toBe(403);
    expect((await xapi.get(activityProfile(profile))).json()).toEqual({ shared: true });
  });
});
