import { randomUUID } from 'node:crypto';
import querystring from 'node:querystring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { xapiClient } from './test-support.ts';

let t: TestApp;
let authorization: string;
let xapi103: Awaited<ReturnType<typeof xapiClient>>['xapi'];

beforeAll(async () => {
  t = await buildTestApp();
  const client = await xapiClient(t, { version: '1.0.3' });
  authorization = client.authorization;
  xapi103 = client.xapi;
});
afterAll(() => t.close());

const stateParameters = () => ({
  activityId: 'http://example.com/activities/hydraulics',
  agent: JSON.stringify({ objectType: 'Agent', mbox: `mailto:${randomUUID()}@example.com` }),
  stateId: randomUUID(),
});

/**
 * A cross-domain request of the kind xAPI 1.0.3 allows: a form POST whose fields carry the real method's query
 * parameters, its headers (Authorization and the version among them) and its content. The HTTP request itself has
 * no Authorization or version header.
 */
function formRequest(method: string, form: Record<string, string>, url = '/xapi/activities/state') {
  return t.app.inject({
    method: 'POST',
    url: `${url}?method=${method}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: querystring.stringify(form),
  });
}

describe('the 1.0.3 alternate request syntax', () => {
  it('stores a State document with a form PUT and reads it back with a form GET, headers taken from the form', async () => {
    const parameters = stateParameters();
    const content = JSON.stringify({ bookmark: '第3章', score: 0.8 });
    const stored = await formRequest('PUT', { ...parameters, content, 'Content-Type': 'application/json', Authorization: authorization, 'X-Experience-API-Version': '1.0.3' });
    expect(stored.statusCode).toBe(204);
    expect(stored.headers['x-experience-api-version']).toBe('1.0.3');

    const read = await formRequest('GET', { ...parameters, Authorization: authorization, 'X-Experience-API-Version': '1.0.3' });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/json');
    expect(read.json()).toEqual({ bookmark: '第3章', score: 0.8 });
    expect(read.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);

    // The same document through the ordinary syntax.
    expect((await xapi103.get(`/xapi/activities/state?${querystring.stringify(parameters)}`)).json()).toEqual({ bookmark: '第3章', score: 0.8 });
  });

  it('honours If-Match given as a form field and deletes with a form DELETE', async () => {
    const parameters = stateParameters();
    const credentials = { Authorization: authorization, 'X-Experience-API-Version': '1.0.3' };
    await formRequest('PUT', { ...parameters, ...credentials, content: '{"v":1}', 'Content-Type': 'application/json' });
    const stale = await formRequest('PUT', { ...parameters, ...credentials, content: '{"v":2}', 'Content-Type': 'application/json', 'If-Match': '"0000000000000000000000000000000000000000"' });
    expect(stale.statusCode).toBe(412);
    const etag = (await formRequest('GET', { ...parameters, ...credentials })).headers.etag as string;
    expect((await formRequest('POST', { ...parameters, ...credentials, content: '{"w":2}', 'Content-Type': 'application/json', 'If-Match': etag })).statusCode).toBe(204);
    expect((await formRequest('GET', { ...parameters, ...credentials })).json()).toEqual({ v: 1, w: 2 });
    expect((await formRequest('DELETE', { ...parameters, ...credentials })).statusCode).toBe(204);
    expect((await formRequest('GET', { ...parameters, ...credentials })).statusCode).toBe(404);
  });

  it('asks for credentials when the form carries none', async () => {
    const response = await formRequest('GET', { ...stateParameters(), 'X-Experience-API-Version': '1.0.3' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('refuses query parameters beside method, and stores nothing', async () => {
    const parameters = stateParameters();
    const response = await t.app.inject({
      method: 'POST',
      url: `/xapi/activities/state?method=PUT&stateId=${parameters.stateId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: querystring.stringify({ ...parameters, content: '{"v":1}', 'Content-Type': 'application/json', Authorization: authorization, 'X-Experience-API-Version': '1.0.3' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toBe('query');
    expect((await xapi103.get(`/xapi/activities/state?${querystring.stringify(parameters)}`)).statusCode).toBe(404);
  });

  it('is gone in 2.0: a form naming version 2.0.0 is refused and stores nothing', async () => {
    const parameters = stateParameters();
    const response = await formRequest('PUT', { ...parameters, content: '{"v":1}', 'Content-Type': 'application/json', Authorization: authorization, 'X-Experience-API-Version': '2.0.0' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect((await xapi103.get(`/xapi/activities/state?${querystring.stringify(parameters)}`)).statusCode).toBe(404);
  });

  it('refuses a form POST whose body is not form-encoded', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/xapi/activities/state?method=PUT',
      headers: { 'content-type': 'application/json', authorization, 'x-experience-api-version': '1.0.3' },
      payload: JSON.stringify({ ...stateParameters(), content: '{}' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toBe('headers.content-type');
  });
});
