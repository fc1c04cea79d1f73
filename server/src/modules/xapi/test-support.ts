import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { personAccount, type LrsScope } from '@fulcrum/shared';
import { lrsClients, users } from '../../db/schema/index.ts';
import { createOrganisation, createUser, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { seedEmployee } from '../subsidies/test-support.ts';
import { eq } from 'drizzle-orm';
import { newCredentials } from './clients.ts';

/** An LRS client straight in the database (of a new enterprise unless given), with its Basic header. */
export async function seedLrsClient(t: TestApp, options: { organisationId?: string; scopes?: LrsScope[]; name?: string } = {}) {
  const organisationId = options.organisationId ?? (await createOrganisation(t.db, { type: 'enterprise' })).id;
  const { key, secret, secretHash } = newCredentials();
  const [client] = await t.db
    .insert(lrsClients)
    .values({ organisationId, name: options.name ?? 'Storyline 课件', key, secretHash, scopes: options.scopes ?? ['read', 'write'] })
    .returning();
  return { client: client!, organisationId, key, secret, authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
}

/** A client of the store speaking one xAPI version with one key: requests carry the version and Authorization headers. */
export class XapiClient {
  constructor(
    private t: TestApp,
    public authorization: string | undefined,
    public version = '2.0.0',
  ) {}

  request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.version) headers['x-experience-api-version'] = this.version;
    if (this.authorization) headers.authorization = this.authorization;
    return this.t.app.inject({ ...options, headers: { ...headers, ...(options.headers as Record<string, string>) } });
  }
  get = (url: string, headers?: Record<string, string>) => this.request({ method: 'GET', url, headers });
  /** POSTs JSON (an object or array is serialised). */
  post = (url: string, payload: unknown, headers?: Record<string, string>) =>
    this.request({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
  put = (url: string, payload: unknown, headers?: Record<string, string>) =>
    this.request({ method: 'PUT', url, payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
  delete = (url: string, headers?: Record<string, string>) => this.request({ method: 'DELETE', url, headers });
}

/** A new LRS client and an XapiClient using it. */
export async function xapiClient(t: TestApp, options: { organisationId?: string; scopes?: LrsScope[]; version?: string } = {}) {
  const seeded = await seedLrsClient(t, options);
  return { ...seeded, xapi: new XapiClient(t, seeded.authorization, options.version ?? '2.0.0') };
}

/** An employee of the organisation who can sign in (a user linked to the person), and their xAPI agent. */
export async function seedLearner(t: TestApp, organisationId: string, name?: string) {
  const { person } = await seedEmployee(t, organisationId, { name });
  const { user } = await createUser(t.db, organisationId, 'employee');
  await t.db.update(users).set({ personId: person.id }).where(eq(users.id, user.id));
  return { person, user, agent: { objectType: 'Agent' as const, name: person.name, account: personAccount(TEST_PUBLIC_URL, person.id) } };
}

let statementSerial = 0;
/** A small valid statement (experienced an activity) by an mbox agent, with any part overridden. */
export function sampleStatement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  statementSerial++;
  return {
    actor: { objectType: 'Agent', name: '学员甲', mbox: `mailto:learner${statementSerial}@example.com` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'zh-CN': '学习', 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: `http://example.com/activities/lesson-${statementSerial}`, definition: { name: { 'zh-CN': '液压系统维护' } } },
    ...overrides,
  };
}
