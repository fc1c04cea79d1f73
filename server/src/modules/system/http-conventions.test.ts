import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditLog } from '../../db/schema/index.ts';
import { syntheticUscc } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, signIn, type TestApp } from '../../test/app.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestApp;
let admin: Client;
let orgId: string;
let serial = 500;
/** Every response this file sees, to check the request id header on all of them at the end. */
const seen: LightMyRequestResponse[] = [];

interface Issue { path: string; code: string }
const issuesOf = (response: LightMyRequestResponse): Issue[] => response.json().error.details.issues;
const keep = (response: LightMyRequestResponse) => {
  seen.push(response);
  return response;
};
const enterprise = (overrides: Record<string, unknown> = {}) => ({
  type: 'enterprise', regionId: 'baodi', name: `约定${serial}`, uscc: syntheticUscc(serial++), industryDivision: '36', size: 'small', ...overrides,
});

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await createOrganisation(t.db, { type: 'government_department' });
  admin = await signIn(t, platform.id, 'system_admin');
  const created = await admin.post('/api/v1/organisations', enterprise());
  expect(created.statusCode).toBe(201);
  orgId = created.json().id;
});
afterAll(() => t.close());

describe('security headers', () => {
  it('forbids framing and MIME sniffing on every response', async () => {
    for (const url of ['/healthz', '/api/v1/auth/session', '/api/v1/regions']) {
      const response = keep(await admin.get(url));
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
    }
  });
});

describe('input PostgreSQL cannot store, and paths that dodge the checks', () => {
  it('refuses NUL characters and broken Unicode with 400 INVALID_TEXT naming the field, in body and query', async () => {
    const body = keep(await admin.post('/api/v1/organisations', enterprise({ name: '测\u0000试' })));
    expect(body.statusCode).toBe(400);
    expect(issuesOf(body)).toEqual([expect.objectContaining({ path: 'body.name', code: 'INVALID_TEXT' })]);
    const query = keep(await admin.get('/api/v1/organisations?q=%00'));
    expect(query.statusCode).toBe(400);
    expect(issuesOf(query)[0]!.path).toBe('query.q');
    const surrogate = keep(await admin.patch(`/api/v1/organisations/${orgId}`, { contacts: [{ name: '\ud800', phone: '13800138000' }] }));
    expect(surrogate.statusCode).toBe(400);
    expect(issuesOf(surrogate)[0]!.path).toBe('body.contacts.0.name');
    const login = keep(await new Client(t.app).post('/api/v1/auth/login', { username: 'a\u0000b', password: 'x' }));
    expect(login.statusCode).toBe(400);
  });

  it('refuses dates outside the plausible years (no 500 for year 0)', async () => {
    const response = keep(await admin.post(`/api/v1/organisations/${orgId}/employees`, {
      name: '年份', residentId: '11010519491231002X', position: '工', startDate: '0000-01-01',
    }));
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)[0]).toMatchObject({ path: 'body.startDate', code: 'DATE_OUT_OF_RANGE' });
    const audit = keep(await admin.get('/api/v1/audit?from=0000-01-01T00:00:00Z'));
    expect(audit.statusCode).toBe(400);
  });

  it('applies the CSRF check to a percent-encoded API path too', async () => {
    const response = keep(await admin.request({
      method: 'PUT', url: '/%61pi/v1/auth/preferences', payload: { locale: 'en-US' }, csrf: false,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_REJECTED');
  });

  it('answers a malformed multipart upload with 400 naming the file', async () => {
    const response = keep(await admin.request({
      method: 'POST', url: `/api/v1/organisations/${orgId}/employee-imports`, payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    }));
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)[0]!.path).toBe('file');
  });
});

describe('the error shape of bad input', () => {
  it('answers 400 MALFORMED_JSON to a body that is not JSON, or empty', async () => {
    const broken = keep(await admin.request({ method: 'POST', url: '/api/v1/organisations', payload: '{"type": "enterprise", ', headers: { 'content-type': 'application/json' } }));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('MALFORMED_JSON');
    const empty = keep(await admin.request({ method: 'PATCH', url: `/api/v1/organisations/${orgId}`, payload: '', headers: { 'content-type': 'application/json' } }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('MALFORMED_JSON');
  });

  it('answers 400 VALIDATION_FAILED naming the field of a wrong type', async () => {
    const patch = keep(await admin.patch(`/api/v1/organisations/${orgId}`, { employeeCount: 'many' }));
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(patch)).toEqual([expect.objectContaining({ path: 'body.employeeCount', code: 'INVALID_TYPE' })]);
    expect(patch.json().error.message).toContain('body.employeeCount');
    const create = keep(await admin.post('/api/v1/organisations', enterprise({ employeeCount: 'many' })));
    expect(create.statusCode).toBe(400);
    expect(issuesOf(create).map((i) => i.path)).toContain('body.employeeCount');
  });

  it('answers 400 UNKNOWN_FIELD for a field the contract does not have, also nested', async () => {
    const top = keep(await admin.patch(`/api/v1/organisations/${orgId}`, { colour: 'red' }));
    expect(top.statusCode).toBe(400);
    expect(top.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(top)).toEqual([expect.objectContaining({ path: 'body.colour', code: 'UNKNOWN_FIELD' })]);
    const nested = keep(await admin.patch(`/api/v1/organisations/${orgId}`, { contacts: [{ name: '王五', phone: '13800138000', nickname: '小王' }] }));
    expect(nested.statusCode).toBe(400);
    expect(issuesOf(nested)).toEqual([expect.objectContaining({ path: 'body.contacts.0.nickname', code: 'UNKNOWN_FIELD' })]);
    const query = keep(await admin.get('/api/v1/organisations?colour=red'));
    expect(query.statusCode).toBe(400);
    expect(issuesOf(query)).toEqual([expect.objectContaining({ path: 'query.colour', code: 'UNKNOWN_FIELD' })]);
  });

  it('answers 413 BODY_TOO_LARGE to a JSON body over 1 MiB', async () => {
    const payload = JSON.stringify(enterprise({ name: 'x'.repeat(1024 * 1024) }));
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024);
    const response = keep(await admin.request({ method: 'POST', url: '/api/v1/organisations', payload, headers: { 'content-type': 'application/json' } }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON by its content type', async () => {
    for (const type of ['application/xml', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = keep(await admin.request({ method: 'POST', url: '/api/v1/organisations', payload: 'type=enterprise', headers: { 'content-type': type } }));
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers 404 NOT_FOUND to an unknown route, and 401 to it when signed out', async () => {
    const api = keep(await admin.get('/api/v1/no-such-thing'));
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const page = keep(await admin.get('/no-such-page'));
    expect(page.statusCode).toBe(404);
    expect(page.json().error.code).toBe('NOT_FOUND');
    // Signed out, the API reveals nothing about which routes exist.
    const anonymous = keep(await new Client(t.app).get('/api/v1/no-such-thing'));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 404 to an unknown id and 400 naming params.id to an id that is not a uuid', async () => {
    for (const url of ['/api/v1/organisations/00000000-0000-4000-8000-000000000000', '/api/v1/people/00000000-0000-4000-8000-000000000000']) {
      const response = keep(await admin.get(url));
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const patch = keep(await admin.patch('/api/v1/organisations/00000000-0000-4000-8000-000000000000', { employeeCount: 1 }));
    expect(patch.statusCode).toBe(404);
    const bad = keep(await admin.get('/api/v1/organisations/not-a-uuid'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(bad)).toEqual([expect.objectContaining({ path: 'params.id' })]);
  });

  it('answers 400 naming query.format to an unknown export format', async () => {
    const response = keep(await admin.get('/api/v1/organisations?format=csv'));
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response).map((i) => i.path)).toEqual(['query.format']);
  });
});

describe('exports', () => {
  const prefix = '导出测试';

  beforeAll(async () => {
    // More than one default page (20), to show the export is not one page.
    for (let i = 0; i < 23; i++) {
      const response = await admin.post('/api/v1/organisations', enterprise({ name: `${prefix}${String(i).padStart(2, '0')}`, industryDivision: i % 3 === 0 ? '65' : '36' }));
      expect(response.statusCode).toBe(201);
    }
  });

  async function exported(client: Client, query: string) {
    const response = keep(await client.get(`/api/v1/organisations?${query}&format=xlsx`));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { header: rows[0]!, data: rows.slice(1) };
  }

  it('exports as xlsx the same rows, in the same order, as the JSON list with the same filters', async () => {
    for (const filters of [`q=${encodeURIComponent(prefix)}`, `q=${encodeURIComponent(prefix)}&industryDivision=65&sort=-name`, 'type=enterprise']) {
      const json = keep(await admin.get(`/api/v1/organisations?${filters}&pageSize=100`)).json();
      expect(json.total).toBeLessThanOrEqual(100);
      const file = await exported(admin, filters);
      expect(file.data).toHaveLength(json.total);
      expect(file.data.map((r) => r[0])).toEqual(json.items.map((o: { name: string }) => o.name));
    }
    const firstPage = keep(await admin.get(`/api/v1/organisations?q=${encodeURIComponent(prefix)}`)).json();
    expect(firstPage.items).toHaveLength(20);
    expect(firstPage.total).toBe(23);
    expect((await exported(admin, `q=${encodeURIComponent(prefix)}&page=2&pageSize=5`)).data).toHaveLength(23);
  });

  it("writes the header row in the reader's language", async () => {
    expect((await exported(admin, `q=${encodeURIComponent(prefix)}`)).header.slice(0, 2)).toEqual(['名称', '类型']);
    const platform = await createOrganisation(t.db, { type: 'government_department' });
    const english = await signIn(t, platform.id, 'system_admin');
    expect((await english.put('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const file = await exported(english, `q=${encodeURIComponent(prefix)}`);
    expect(file.header.slice(0, 2)).toEqual(['Name', 'Type']);
    expect(file.data[0]![1]).toBe('Enterprise');
  });
});

describe('operations endpoints', () => {
  it('answers /healthz, /readyz with the database kind, and /metrics with request durations', async () => {
    const anonymous = new Client(t.app);
    const health = keep(await anonymous.get('/healthz'));
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = keep(await anonymous.get('/readyz'));
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind });
    const metrics = keep(await anonymous.get('/metrics'));
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/readyz"[^}]*\} [1-9]/);
    expect(metrics.body).toMatch(/http_errors_total\{code="NOT_FOUND"\} [1-9]/);
  });

  it('publishes an OpenAPI 3.1 document with the organisations path', async () => {
    const response = keep(await new Client(t.app).get('/api/docs/json'));
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/api/v1/organisations'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/organisations/{id}']).toBeDefined();
    expect(doc.paths['/healthz']).toBeUndefined();
  });
});

describe('the audit trail', () => {
  it('cannot be updated, deleted or truncated, even straight in the database', async () => {
    const [{ n: before } = { n: 0 }] = await t.db.select({ n: count() }).from(auditLog);
    expect(Number(before)).toBeGreaterThan(0);
    for (const statement of [sql`update audit_log set action = 'tampered'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const error = await t.db.execute(statement).then(() => undefined, (e: Error & { cause?: Error }) => e);
      expect(error).toBeInstanceOf(Error);
      // Drizzle wraps the database error; the trigger's message is in the cause.
      expect(`${error!.message} ${error!.cause?.message ?? ''}`).toMatch(/audit_log is append-only/);
    }
    const [{ n: after } = { n: 0 }] = await t.db.select({ n: count() }).from(auditLog);
    expect(after).toBe(before);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'tampered'))).toHaveLength(0);
  });

  it('has no route that changes it', async () => {
    const [entry] = keep(await admin.get(`/api/v1/audit?entityId=${orgId}`)).json().items;
    expect(entry).toBeDefined();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${entry.id}`]) {
        const response = keep(await admin.request({ method, url, ...(method === 'DELETE' ? {} : { payload: { action: 'tampered' } }) }));
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
    }
    expect(keep(await admin.get(`/api/v1/audit?entityId=${orgId}`)).json().items[0]).toEqual(entry);
  });
});

describe('request ids', () => {
  it('puts a fresh x-request-id on every response, errors included', async () => {
    expect(seen.length).toBeGreaterThan(30);
    const statuses = new Set(seen.map((r) => r.statusCode));
    for (const status of [200, 400, 401, 404, 413, 415]) expect(statuses).toContain(status);
    for (const response of seen) expect(String(response.headers['x-request-id'])).toMatch(UUID);
    expect(new Set(seen.map((r) => r.headers['x-request-id'])).size).toBe(seen.length);
  });

  it('records the request id of a change in its audit entry', async () => {
    const response = await admin.get('/api/v1/organisations/not-a-uuid');
    expect(response.headers['x-request-id']).toMatch(UUID);
    const audited = await admin.patch(`/api/v1/organisations/${orgId}`, { employeeCount: 77 });
    const [entry] = (await admin.get(`/api/v1/audit?entityId=${orgId}&action=update`)).json().items;
    expect(entry.requestId).toBe(audited.headers['x-request-id']);
  });
});
