import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { sampleStatement, XapiClient, xapiClient } from './test-support.ts';

let t: TestApp;
let xapi: XapiClient;
beforeAll(async () => {
  t = await buildTestApp();
  ({ xapi } = await xapiClient(t));
});
afterAll(() => t.close());

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const voiding = (target: string, extra: Record<string, unknown> = {}) =>
  sampleStatement({ verb: { id: VOIDED, display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target }, ...extra });

async function post(client: XapiClient, body: unknown): Promise<string[]> {
  const response = await client.post('/xapi/statements', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const byId = (id: string, client = xapi) => client.get(`/xapi/statements?statementId=${id}`);
const byVoidedId = (id: string, client = xapi) => client.get(`/xapi/statements?voidedStatementId=${id}`);
const voidedFlags = async (ids: string[]) =>
  Object.fromEntries((await t.db.select({ id: xapiStatements.id, voided: xapiStatements.voided }).from(xapiStatements).where(inArray(xapiStatements.id, ids))).map((r) => [r.id, r.voided]));

describe('voiding', () => {
  it('hides a voided statement from statementId (404) and serves it by voidedStatementId', async () => {
    const [target] = await post(xapi, sampleStatement());
    const [voider] = await post(xapi, voiding(target!));
    expect((await byId(target!)).statusCode).toBe(404);
    const voided = await byVoidedId(target!);
    expect(voided.statusCode).toBe(200);
    expect(voided.json().id).toBe(target);
    expect(voided.headers['last-modified']).toBeTruthy();
    expect((await byId(voider!)).statusCode).toBe(200);
    expect((await byVoidedId(voider!)).statusCode).toBe(404);
  });

  it('leaves voided statements out of queries but returns the voiding statement and others that refer to the voided one', async () => {
    const verb = `http://example.com/verbs/target-${randomUUID()}`;
    const target = randomUUID();
    const reference = randomUUID();
    await post(xapi, sampleStatement({ id: target, verb: { id: verb } }));
    t.clock.advance(1_000);
    const [voider] = await post(xapi, voiding(target));
    t.clock.advance(1_000);
    await post(xapi, sampleStatement({ id: reference, verb: { id: verb }, object: { objectType: 'StatementRef', id: target } }));

    const listed = (await xapi.get(`/xapi/statements?verb=${encodeURIComponent(verb)}`)).json().statements.map((s: { id: string }) => s.id);
    expect(listed).toEqual([reference, voider]);
    const limited = (await xapi.get(`/xapi/statements?verb=${encodeURIComponent(verb)}&limit=1`)).json();
    expect(limited.statements.map((s: { id: string }) => s.id)).toEqual([reference]);
    const everything = (await xapi.get('/xapi/statements?limit=0')).json().statements.map((s: { id: string }) => s.id);
    expect(everything).toContain(voider);
    expect(everything).not.toContain(target);
  });

  it('never voids a voiding statement: a voiding statement aimed at one is stored and has no effect', async () => {
    const [target] = await post(xapi, sampleStatement());
    const [first] = await post(xapi, voiding(target!));
    const [second] = await post(xapi, voiding(first!));
    expect((await byId(first!)).statusCode).toBe(200);
    expect((await byId(second!)).statusCode).toBe(200);
    expect(await voidedFlags([target!, first!, second!])).toEqual({ [target!]: true, [first!]: false, [second!]: false });
    // Voiding the already voided target again changes nothing either.
    await post(xapi, voiding(target!));
    expect((await byVoidedId(target!)).statusCode).toBe(200);
  });

  it('accepts voiding a statement not stored yet, and the statement is voided when it arrives', async () => {
    const later = randomUUID();
    await post(xapi, voiding(later));
    expect((await byVoidedId(later)).statusCode).toBe(404);
    await post(xapi, sampleStatement({ id: later }));
    expect((await byId(later)).statusCode).toBe(404);
    expect((await byVoidedId(later)).statusCode).toBe(200);
  });

  it('voids within one batch, and a voiding statement that arrives before another voiding statement it names leaves it alone', async () => {
    const target = randomUUID();
    const voider = randomUUID();
    await post(xapi, [sampleStatement({ id: target }), voiding(target, { id: voider })]);
    expect(await voidedFlags([target, voider])).toEqual({ [target]: true, [voider]: false });

    const pending = randomUUID();
    await post(xapi, voiding(pending));
    await post(xapi, voiding(randomUUID(), { id: pending }));
    expect((await byId(pending)).statusCode).toBe(200);
  });

  it('voids only within the organisation', async () => {
    const other = await xapiClient(t);
    const [theirs] = await post(other.xapi, sampleStatement());
    await post(xapi, voiding(theirs!));
    expect((await byId(theirs!, other.xapi)).statusCode).toBe(200);
  });

  it('refuses a voiding statement whose object is not a StatementRef', async () => {
    const response = await xapi.post('/xapi/statements', sampleStatement({ verb: { id: VOIDED } }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toBe('body.object');
  });

  it('voids nothing when the batch carrying the voiding statement is refused', async () => {
    const [target] = await post(xapi, sampleStatement());
    const refused = await xapi.post('/xapi/statements', [voiding(target!), sampleStatement({ actor: { name: 'nobody' } })]);
    expect(refused.statusCode).toBe(400);
    expect((await byId(target!)).statusCode).toBe(200);
  });
});
