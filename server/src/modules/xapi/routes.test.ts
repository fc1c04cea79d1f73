import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { lrsClients } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the store’s front door', () => {
  it('answers About without credentials or version, with the versions it speaks', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/xapi/about' });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toEqual(expect.arrayContaining(['2.0.0', '1.0.3']));
    expect(response.headers['x-experience-api-version']).toBe('2.0.0');
  });

  it('refuses a request without a supported version header, naming the header', async () => {
    const { authorization } = await xapiClient(t);
    for (const version of ['', '0.95', '3.0.0']) {
      const response = await new XapiClient(t, authorization, version).get('/xapi/statements');
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'XAPI_VERSION', details: { issues: [{ path: 'headers.x-experience-api-version' }] } });
    }
  });

  it('asks for credentials (401 with a Basic challenge) and refuses a wrong secret or a revoked key', async () => {
    const { key } = await xapiClient(t);
    const revoked = await xapiClient(t);
    await t.db.update(lrsClients).set({ revokedAt: new Date() }).where(eq(lrsClients.id, revoked.client.id));
    for (const authorization of [undefined, `Basic ${Buffer.from(`${key}:wrong`).toString('base64')}`, 'Bearer abc', revoked.authorization]) {
      const response = await new XapiClient(t, authorization).get('/xapi/statements');
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Basic/);
      expect(response.headers['x-experience-api-version']).toBe('2.0.0');
    }
  });

  it('remembers a checked key for a few seconds only: a key revoked by another process stops working within five', async () => {
    const { xapi, client } = await xapiClient(t);
    expect((await xapi.get('/xapi/statements')).statusCode).toBe(200);
    await t.db.update(lrsClients).set({ revokedAt: t.clock.now() }).where(eq(lrsClients.id, client.id));
    expect((await xapi.get('/xapi/statements')).statusCode).toBe(200);
    t.clock.advance(6_000);
    expect((await xapi.get('/xapi/statements')).statusCode).toBe(401);
  });

  it('keeps a read-only key from writing and a write-only key from reading', async () => {
    const reader = await xapiClient(t, { scopes: ['read'] });
    expect((await reader.xapi.put('/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&stateId=s', { a: 1 })).statusCode).toBe(403);
    const writer = await xapiClient(t, { scopes: ['write'] });
    expect((await writer.xapi.get('/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&stateId=s')).statusCode).toBe(403);
  });

  it('answers a cross-origin preflight for content served elsewhere', async () => {
    const response = await t.app.inject({ method: 'OPTIONS', url: '/xapi/statements', headers: { origin: 'https://content.example.com', 'access-control-request-method': 'PUT' } });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-headers']).toMatch(/X-Experience-API-Version/);
  });
});
