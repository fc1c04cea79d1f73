import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xapiActivities, xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, type TestApp } from '../../test/app.ts';
import { agentKey } from './statement-keys.ts';
import { seedLearner, XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
let orgId: string;
let xapi: XapiClient;

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  xapi = (await xapiClient(t, { organisationId: orgId })).xapi;
});
afterAll(() => t.close());

function query(parameters: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return search.toString();
}

/** A statement row as the Statements resource stores it: the Agents resource reads the names actors were sent with. */
async function storedStatement(organisationId: string, actor: Record<string, unknown>) {
  const now = t.clock.now();
  await t.db.insert(xapiStatements).values({
    id: randomUUID(),
    organisationId,
    stored: now,
    timestamp: now,
    actorKey: agentKey(actor),
    verbId: 'http://adlnet.gov/expapi/verbs/experienced',
    relatedAgents: [agentKey(actor)],
    relatedActivities: [],
    statement: { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { objectType: 'Activity', id: 'http://example.com/a' } },
  });
}

describe('the Activities resource', () => {
  it('returns the organisation’s canonical definition of an activity', async () => {
    const id = `http://example.com/activities/${randomUUID()}`;
    const definition = { name: { 'zh-CN': '液压系统维护', 'en-US': 'Hydraulics upkeep' }, type: 'http://adlnet.gov/expapi/activities/lesson' };
    await t.db.insert(xapiActivities).values({ organisationId: orgId, activityId: id, definition, updatedAt: t.clock.now() });
    const other = await createOrganisation(t.db, { type: 'enterprise' });
    await t.db.insert(xapiActivities).values({ organisationId: other.id, activityId: id, definition: { name: { 'en-US': 'theirs' } }, updatedAt: t.clock.now() });

    const response = await xapi.get(`/xapi/activities?${query({ activityId: id })}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ objectType: 'Activity', id, definition });

    const head = await xapi.request({ method: 'HEAD', url: `/xapi/activities?${query({ activityId: id })}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('still returns an Activity object for an activity it has never seen, or one seen without a definition', async () => {
    const unseen = `http://example.com/never-before-seen/${randomUUID()}`;
    expect((await xapi.get(`/xapi/activities?${query({ activityId: unseen })}`)).json()).toEqual({ objectType: 'Activity', id: unseen });
    const bare = `http://example.com/bare/${randomUUID()}`;
    await t.db.insert(xapiActivities).values({ organisationId: orgId, activityId: bare, definition: null, updatedAt: t.clock.now() });
    expect((await xapi.get(`/xapi/activities?${query({ activityId: bare })}`)).json()).toEqual({ objectType: 'Activity', id: bare });
  });

  it('refuses a missing activityId, one that is not an IRI, and other parameters', async () => {
    for (const [parameters, path] of [
      [{}, 'query.activityId'],
      [{ activityId: 'true' }, 'query.activityId'],
      [{ activityId: 'http://example.com/a', profileId: 'p' }, 'query.profileId'],
    ] as const) {
      const response = await xapi.get(`/xapi/activities?${query(parameters)}`);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.details.issues[0].path).toBe(path);
    }
  });
});

describe('the Agents resource', () => {
  it('returns a Person with the names the agent’s statements carried, and only the identifier it was asked by', async () => {
    const mbox = `mailto:${randomUUID()}@example.com`;
    await storedStatement(orgId, { objectType: 'Agent', name: '王伟', mbox });
    await storedStatement(orgId, { objectType: 'Agent', name: 'Wang Wei', mbox });
    await storedStatement((await createOrganisation(t.db, { type: 'enterprise' })).id, { objectType: 'Agent', name: '别家的名字', mbox });

    const response = await xapi.get(`/xapi/agents?${query({ agent: { objectType: 'Agent', mbox } })}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ objectType: 'Person', name: ['Wang Wei', '王伟'], mbox: [mbox] });
  });

  it('answers an agent it knows nothing of with a Person built from the request alone', async () => {
    const account = { homePage: 'http://www.example.com/agentId/1', name: randomUUID() };
    const response = await xapi.get(`/xapi/agents?${query({ agent: { objectType: 'Agent', name: 'Rick James', account } })}`);
    expect(response.json()).toEqual({ objectType: 'Person', name: ['Rick James'], account: [account] });
    const sha = await xapi.get(`/xapi/agents?${query({ agent: { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' } })}`);
    expect(sha.json()).toEqual({ objectType: 'Person', mbox_sha1sum: ['ebd31e95054c018b10727ccffd2ef2ec3a016ee9'] });
    const head = await xapi.request({ method: 'HEAD', url: `/xapi/agents?${query({ agent: { openid: 'http://openid.example.com/a' } })}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses a missing agent, a Group, an agent without an identifier and unknown parameters', async () => {
    const mbox = 'mailto:group@example.com';
    for (const [parameters, path] of [
      [{}, 'query.agent'],
      [{ agent: { objectType: 'Group', mbox, member: [] } }, 'query.agent'],
      [{ agent: { objectType: 'Agent', name: 'Rick James' } }, 'query.agent'],
      [{ agent: 'not JSON' }, 'query.agent'],
      [{ agent: { mbox }, since: new Date().toISOString() }, 'query.since'],
    ] as const) {
      const response = await xapi.get(`/xapi/agents?${query(parameters)}`);
      expect(response.statusCode, JSON.stringify(parameters)).toBe(400);
      expect(response.json().error.details.issues[0].path).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
    }
  });

  it('lets a signed-in learner look up themselves but nobody else', async () => {
    const { user, agent: self } = await seedLearner(t, orgId);
    const session = await new Client(t.app).login(user.username);
    const as = (agent: unknown) => session.request({ method: 'GET', url: `/xapi/agents?${query({ agent })}`, headers: { 'x-experience-api-version': '2.0.0' } });
    const own = await as(self);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ objectType: 'Person', account: [self.account] });
    expect((await as({ mbox: 'mailto:colleague@example.com' })).statusCode).toBe(403);
  });
});

describe('the About resource', () => {
  it('answers a 1.0.x client as a 1.0.3 store (1.0.x versions only) and anyone else with 2.0.0 as well', async () => {
    const legacy = await t.app.inject({ method: 'GET', url: '/xapi/about', headers: { 'x-experience-api-version': '1.0.2' } });
    expect(legacy.statusCode).toBe(200);
    expect(legacy.json()).toEqual({ version: ['1.0.3', '1.0.2', '1.0.1', '1.0.0'], extensions: {} });
    expect(legacy.headers['x-experience-api-version']).toBe('1.0.3');

    for (const headers of [{}, { 'x-experience-api-version': '2.0.0' }, { 'x-experience-api-version': '0.8' }]) {
      const current = await t.app.inject({ method: 'GET', url: '/xapi/about', headers });
      expect(current.statusCode).toBe(200);
      expect(current.json().version).toEqual(['2.0.0', '1.0.3', '1.0.2', '1.0.1', '1.0.0']);
      expect(current.headers['x-experience-api-version']).toBe('2.0.0');
    }

    const head = await t.app.inject({ method: 'HEAD', url: '/xapi/about' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });
});
