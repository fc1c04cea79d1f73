import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Role } from '@fulcrum/shared';
import { auditLog, lrsClients, xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { seedLrsClient, XapiClient } from './test-support.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let manager: Client;
let admin: Client;
let systemAdmin: Client;
let managerName: string;

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  otherOrgId = (await createOrganisation(t.db, { type: 'training_institution' })).id;
  const { user } = await createUser(t.db, orgId, 'training_manager');
  managerName = user.displayName;
  manager = await new Client(t.app).login(user.username);
  admin = await signIn(t, orgId, 'enterprise_admin');
  const govId = (await createOrganisation(t.db, { type: 'government_department' })).id;
  systemAdmin = await signIn(t, govId, 'system_admin');
});
afterAll(() => t.close());

interface ClientBody {
  id: string;
  organisationId: string;
  name: string;
  key: string;
  scopes: string[];
  endpoint: string;
  createdByName: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  statements: number;
}
interface PageBody<T> {
  items: T[];
  total: number;
}
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

async function create(client: Client, body: unknown = { name: '安全培训课件', scopes: ['read', 'write'] }) {
  const response = await client.post('/api/v1/lrs/clients', body);
  return { response, body: response.json<{ client: ClientBody; secret: string }>() };
}

/** A statement of an organisation stored with a key, straight in the table (only the columns the counts read matter). */
async function storedWith(organisationId: string, clientId: string | null) {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.insert(xapiStatements).values({
    id,
    organisationId,
    stored: now,
    timestamp: now,
    actorKey: 'mbox:mailto:learner@example.com',
    verbId: 'http://adlnet.gov/expapi/verbs/experienced',
    activityId: 'http://example.com/activities/a',
    relatedAgents: ['mbox:mailto:learner@example.com'],
    relatedActivities: ['http://example.com/activities/a'],
    clientId,
    statement: { id, actor: { mbox: 'mailto:learner@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.com/activities/a' } },
  });
}

describe('creating a key', () => {
  it('answers the secret once, keeps only its hash, and the key pair reads and writes the store', async () => {
    const { response, body } = await create(manager);
    expect(response.statusCode).toBe(201);
    expect(body.client).toMatchObject({ organisationId: orgId, name: '安全培训课件', scopes: ['read', 'write'], endpoint: `${TEST_PUBLIC_URL}/xapi/`, createdByName: managerName, revokedAt: null, statements: 0 });
    expect(body.client.key).toMatch(/^lrs_/);
    expect(body.secret.length).toBeGreaterThanOrEqual(40);

    const [row] = await t.db.select().from(lrsClients).where(eq(lrsClients.id, body.client.id));
    expect(row!.secretHash).toBe(createHash('sha256').update(body.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(body.secret);

    // The list never shows the secret again.
    const listed = await manager.get('/api/v1/lrs/clients?pageSize=100');
    expect(listed.body).toContain(body.client.key);
    expect(listed.body).not.toContain(body.secret);

    const xapi = new XapiClient(t, basic(body.client.key, body.secret));
    const read = await xapi.get('/xapi/statements');
    expect(read.statusCode, read.body).toBe(200);
    const written = await xapi.post('/xapi/statements', {
      actor: { objectType: 'Agent', name: '学员甲', mbox: 'mailto:jia@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'zh-CN': '学习' } },
      object: { id: 'http://example.com/activities/safety-1' },
    });
    expect(written.statusCode, written.body).toBe(200);
    const again = await manager.get('/api/v1/lrs/clients?pageSize=100');
    expect(again.json<PageBody<ClientBody>>().items.find((c) => c.id === body.client.id)).toMatchObject({ statements: 1 });
    expect(again.json<PageBody<ClientBody>>().items.find((c) => c.id === body.client.id)!.lastUsedAt).not.toBeNull();

    // A wrong secret for the same key is refused.
    expect((await new XapiClient(t, basic(body.client.key, `${body.secret}x`)).get('/xapi/statements')).statusCode).toBe(401);
  });

  it('gives a read-only key no right to write', async () => {
    const { body } = await create(admin, { name: '报表工具', scopes: ['read'] });
    expect(body.client.scopes).toEqual(['read']);
    const xapi = new XapiClient(t, basic(body.client.key, body.secret));
    expect((await xapi.post('/xapi/statements', { actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.com/a' } })).statusCode).toBe(403);
  });

  it('audits the creation with the name, key and scopes, never the secret or its hash', async () => {
    const { body } = await create(manager, { name: '审计用课件', scopes: ['write'] });
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lrs_client'), eq(auditLog.entityId, body.client.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', organisationId: orgId, after: { name: '审计用课件', key: body.client.key, scopes: ['write'] } });
    const [row] = await t.db.select().from(lrsClients).where(eq(lrsClients.id, body.client.id));
    const text = JSON.stringify(entries[0], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(text).not.toContain(body.secret);
    expect(text).not.toContain(row!.secretHash);
  });

  it('refuses a missing name or an unknown scope, naming the field, and creates nothing', async () => {
    const before = (await t.db.select().from(lrsClients)).length;
    for (const [payload, path] of [
      [{ name: '  ', scopes: ['read'] }, 'body.name'],
      [{ name: '课件', scopes: ['delete'] }, 'body.scopes.0'],
      [{ name: '课件', scopes: [] }, 'body.scopes'],
      [{ name: '课件', scopes: ['read'], secret: 'mine' }, 'body.secret'],
    ] as const) {
      const { response } = await create(manager, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await t.db.select().from(lrsClients)).length).toBe(before);
  });

  it('is for the organisation’s administrators and training managers only; a system admin may not create one', async () => {
    const before = (await t.db.select().from(lrsClients)).length;
    const refused: [string, Role][] = [
      [orgId, 'employee'],
      [orgId, 'instructor'],
      [(await createOrganisation(t.db, { type: 'chamber' })).id, 'chamber_admin'],
      [(await createOrganisation(t.db, { type: 'government_department' })).id, 'department_officer'],
    ];
    for (const [org, role] of refused) {
      const { response } = await create(await signIn(t, org, role));
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await create(systemAdmin)).response.statusCode).toBe(403);
    expect((await t.db.select().from(lrsClients)).length).toBe(before);
  });

  it('lets a training institution’s training manager create its own keys', async () => {
    const { response, body } = await create(await signIn(t, otherOrgId, 'training_manager'), { name: '机构课件', scopes: ['write'] });
    expect(response.statusCode).toBe(201);
    expect(body.client.organisationId).toBe(otherOrgId);
  });
});

describe('the list of keys', () => {
  it('shows the organisation’s keys with each one’s statements, sorted and paged, never another organisation’s', async () => {
    const org = (await createOrganisation(t.db, { type: 'enterprise' })).id;
    const mine = await signIn(t, org, 'enterprise_admin');
    const a = (await create(mine, { name: 'B 课件', scopes: ['write'] })).body.client;
    t.clock.advance(60_000);
    const b = (await create(mine, { name: 'A 课件', scopes: ['read', 'write'] })).body.client;
    const foreign = await seedLrsClient(t, { organisationId: otherOrgId, name: '外单位课件' });
    await storedWith(org, a.id);
    await storedWith(org, a.id);
    await storedWith(org, b.id);
    await storedWith(otherOrgId, foreign.client.id);

    const newest = (await mine.get('/api/v1/lrs/clients')).json<PageBody<ClientBody>>();
    expect(newest.total).toBe(2);
    expect(newest.items.map((c) => [c.name, c.statements])).toEqual([
      ['A 课件', 1],
      ['B 课件', 2],
    ]);
    const byName = (await mine.get('/api/v1/lrs/clients?sort=-name&pageSize=1&page=2')).json<PageBody<ClientBody>>();
    expect(byName).toMatchObject({ total: 2, items: [{ name: 'A 课件' }] });
    // Asking for another organisation's keys shows nothing rather than betraying them.
    const asked = (await mine.get(`/api/v1/lrs/clients?organisationId=${otherOrgId}`)).json<PageBody<ClientBody>>();
    expect(asked).toMatchObject({ items: [], total: 0 });
  });

  it('lets a system admin list any organisation’s keys, or everyone’s', async () => {
    const foreign = await seedLrsClient(t, { organisationId: otherOrgId, name: '系统管理员可见' });
    const one = (await systemAdmin.get(`/api/v1/lrs/clients?organisationId=${otherOrgId}&pageSize=100`)).json<PageBody<ClientBody>>();
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((c) => c.organisationId === otherOrgId)).toBe(true);
    expect(one.items.map((c) => c.id)).toContain(foreign.client.id);
    const all = (await systemAdmin.get('/api/v1/lrs/clients?pageSize=100')).json<PageBody<ClientBody>>();
    expect(all.items.some((c) => c.organisationId === orgId) && all.items.some((c) => c.organisationId === otherOrgId)).toBe(true);
  });

  it('is refused to employees and to other organisations’ roles', async () => {
    for (const [org, role] of [
      [orgId, 'employee'],
      [orgId, 'instructor'],
      [(await createOrganisation(t.db, { type: 'government_department' })).id, 'department_reviewer'],
    ] as const) {
      const response = await (await signIn(t, org, role)).get('/api/v1/lrs/clients');
      expect(response.statusCode, role).toBe(403);
    }
  });

  it('exports the list as a workbook with the same filters', async () => {
    const org = (await createOrganisation(t.db, { type: 'enterprise' })).id;
    const mine = await signIn(t, org, 'training_manager');
    const { body } = await create(mine, { name: '导出用课件', scopes: ['read'] });
    const response = await mine.get('/api/v1/lrs/clients?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toContain('密钥');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['导出用课件', body.client.key, 'read']));
    expect(response.body).not.toContain(body.secret);
  });
});

describe('revoking a key', () => {
  it('stops the key at once, keeps its statements, is audited, and is not done twice', async () => {
    const { body } = await create(manager, { name: '将停用的课件', scopes: ['read', 'write'] });
    const xapi = new XapiClient(t, basic(body.client.key, body.secret));
    expect((await xapi.get('/xapi/statements')).statusCode).toBe(200);
    await storedWith(orgId, body.client.id);

    const response = await admin.post(`/api/v1/lrs/clients/${body.client.id}/revoke`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ClientBody>()).toMatchObject({ id: body.client.id, statements: 1, revokedAt: t.clock.now().toISOString() });

    const refused = await xapi.get('/xapi/statements');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Basic/);
    expect((await t.db.select().from(xapiStatements).where(eq(xapiStatements.clientId, body.client.id))).length).toBe(1);

    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.client.id), eq(auditLog.action, 'revoke')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'lrs_client', organisationId: orgId, after: { revokedAt: t.clock.now().toISOString() } });

    const twice = await manager.post(`/api/v1/lrs/clients/${body.client.id}/revoke`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CONFLICT');
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.client.id), eq(auditLog.action, 'revoke')))).length).toBe(1);

    // Revoked keys leave the list unless asked for.
    const active = (await manager.get('/api/v1/lrs/clients?pageSize=100')).json<PageBody<ClientBody>>();
    expect(active.items.map((c) => c.id)).not.toContain(body.client.id);
    const all = (await manager.get('/api/v1/lrs/clients?pageSize=100&includeRevoked=true')).json<PageBody<ClientBody>>();
    expect(all.items.find((c) => c.id === body.client.id)?.revokedAt).not.toBeNull();
  });

  it('answers 404 for another organisation’s key and leaves it working', async () => {
    const foreign = await seedLrsClient(t, { organisationId: otherOrgId });
    const response = await manager.post(`/api/v1/lrs/clients/${foreign.client.id}/revoke`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    const [row] = await t.db.select().from(lrsClients).where(eq(lrsClients.id, foreign.client.id));
    expect(row!.revokedAt).toBeNull();
    expect((await new XapiClient(t, foreign.authorization).get('/xapi/statements')).statusCode).toBe(200);
  });

  it('lets a system admin revoke any organisation’s key, audited under that organisation', async () => {
    const foreign = await seedLrsClient(t, { organisationId: otherOrgId });
    const response = await systemAdmin.post(`/api/v1/lrs/clients/${foreign.client.id}/revoke`);
    expect(response.statusCode).toBe(200);
    expect((await new XapiClient(t, foreign.authorization).get('/xapi/statements')).statusCode).toBe(401);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, foreign.client.id), eq(auditLog.action, 'revoke')));
    expect(entry).toMatchObject({ organisationId: otherOrgId, actorRole: 'system_admin' });
  });

  it('is refused to an employee, and a malformed id names the parameter', async () => {
    const { body } = await create(manager, { name: '员工不能停用', scopes: ['read'] });
    const employee = await signIn(t, orgId, 'employee');
    expect((await employee.post(`/api/v1/lrs/clients/${body.client.id}/revoke`)).statusCode).toBe(403);
    const [row] = await t.db.select().from(lrsClients).where(eq(lrsClients.id, body.client.id));
    expect(row!.revokedAt).toBeNull();
    const malformed = await manager.post('/api/v1/lrs/clients/not-a-uuid/revoke');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.issues[0].path).toBe('params.id');
  });
});
