import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { auditLog, employments, people } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../test/app.ts';

let t: TestApp;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let adminA: Client;
let adminAUserId: string;
let managerA: Client;
let adminB: Client;
let systemAdmin: Client;
let serial = 11;

interface Issue { path: string; code: string }
interface Employment { id: string; personId: string; organisationId: string; organisationName: string; startDate: string; endDate: string | null }
interface Employee extends Employment { person: { id: string; name: string; residentIdMasked: string; gender: string } }

const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;
const masked = (id: string) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
const tableCount = async (table: typeof people | typeof employments | typeof auditLog) =>
  Number((await t.db.select({ n: count() }).from(table))[0]!.n);

function newcomer(overrides: Record<string, unknown> = {}) {
  serial += 2; // odd serials: the 17th digit is odd, so the person is male
  return { name: `员工${serial}`, residentId: syntheticResidentId(serial), phone: '13800138000', position: '焊工', startDate: '2025-01-06', ...overrides };
}

async function addEmployee(client: Client, orgId: string, body: Record<string, unknown>) {
  const response = await client.post(`/api/v1/organisations/${orgId}/employees`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Employee;
}

beforeAll(async () => {
  t = await buildTestApp();
  orgA = await createOrganisation(t.db, { type: 'enterprise', name: '甲公司' });
  orgB = await createOrganisation(t.db, { type: 'enterprise', name: '乙公司' });
  const platform = await createOrganisation(t.db, { type: 'government_department' });
  const { user } = await createUser(t.db, orgA.id, 'enterprise_admin');
  adminAUserId = user.id;
  adminA = await new Client(t.app).login(user.username);
  managerA = await signIn(t, orgA.id, 'training_manager');
  adminB = await signIn(t, orgB.id, 'enterprise_admin');
  systemAdmin = await signIn(t, platform.id, 'system_admin');
});
afterAll(() => t.close());

describe('adding an employee', () => {
  it('registers the person and shows the resident ID masked in every response', async () => {
    const body = newcomer({ name: '张三' });
    const peopleBefore = await tableCount(people);
    const response = await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, body);
    expect(response.statusCode).toBe(201);
    const created = response.json() as Employee;
    expect(created).toMatchObject({
      organisationId: orgA.id, organisationName: orgA.name, position: '焊工', startDate: '2025-01-06', endDate: null,
      person: { name: '张三', residentIdMasked: masked(body.residentId), gender: 'male', phone: '13800138000' },
    });
    expect(created.person.residentIdMasked).toMatch(/^120\*{11}\d{3}[\dX]$/);
    expect(await tableCount(people)).toBe(peopleBefore + 1);

    const personId = created.person.id;
    const responses = [
      response,
      await adminA.get(`/api/v1/people/${personId}`),
      await adminA.get(`/api/v1/people?q=${encodeURIComponent('张三')}`),
      await adminA.get(`/api/v1/organisations/${orgA.id}/employees`),
      await adminA.get(`/api/v1/audit?entityId=${personId}`),
      await systemAdmin.get(`/api/v1/people/${personId}`),
    ];
    for (const r of responses) {
      expect(r.statusCode).toBe(200 + (r === response ? 1 : 0));
      expect(r.body).not.toContain(body.residentId);
      expect(r.body).not.toContain(body.residentId.slice(6, 14)); // the birth date
      expect(r.body).toContain(masked(body.residentId));
    }
  });

  it('masks the resident ID in the xlsx export of employees too', async () => {
    const body = newcomer();
    await addEmployee(adminA, orgA.id, body);
    const response = await adminA.get(`/api/v1/organisations/${orgA.id}/employees?format=xlsx&q=${encodeURIComponent(body.name)}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).map(String);
    expect(values).toContain(masked(body.residentId));
    expect(values).not.toContain(body.residentId);
  });

  it('refuses the same resident ID twice in one organisation (409 ALREADY_EMPLOYED)', async () => {
    const body = newcomer();
    await addEmployee(adminA, orgA.id, body);
    const before = [await tableCount(people), await tableCount(employments)];
    const again = await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, { ...body, position: '电工' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_EMPLOYED');
    expect(issuesOf(again.body)).toEqual([expect.objectContaining({ path: 'body.residentId', code: 'ALREADY_EMPLOYED' })]);
    expect(again.body).not.toContain(body.residentId);
    expect([await tableCount(people), await tableCount(employments)]).toEqual(before);
  });

  it('refuses a known resident ID with another name (409 CONFLICT naming body.name)', async () => {
    const body = newcomer({ name: '李四' });
    await addEmployee(adminA, orgA.id, body);
    const before = [await tableCount(people), await tableCount(employments)];
    const response = await adminB.post(`/api/v1/organisations/${orgB.id}/employees`, { ...body, name: '李斯' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    expect(issuesOf(response.body)).toEqual([expect.objectContaining({ path: 'body.name', code: 'NAME_MISMATCH' })]);
    expect([await tableCount(people), await tableCount(employments)]).toEqual(before);
  });

  it('links the same person when a second enterprise adds them', async () => {
    const body = newcomer();
    const atA = await addEmployee(adminA, orgA.id, body);
    const peopleBefore = await tableCount(people);
    const atB = await addEmployee(adminB, orgB.id, { ...body, position: '司机', startDate: '2025-02-01' });
    expect(atB.person.id).toBe(atA.person.id);
    expect(atB.organisationId).toBe(orgB.id);
    expect(await tableCount(people)).toBe(peopleBefore);
    const all = (await systemAdmin.get(`/api/v1/people/${atA.person.id}`)).json();
    expect(all.employments.map((e: Employment) => e.organisationId).sort()).toEqual([orgA.id, orgB.id].sort());
  });

  it('refuses a resident ID with a wrong check digit and a bad phone number (400), writing nothing', async () => {
    const body = newcomer();
    const wrong = body.residentId.slice(0, 17) + (body.residentId[17] === '0' ? '1' : '0');
    const before = [await tableCount(people), await tableCount(employments)];
    const badId = await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, { ...body, residentId: wrong });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(badId.body)).toEqual([expect.objectContaining({ path: 'body.residentId', code: 'INVALID_RESIDENT_ID' })]);
    const badPhone = await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, { ...body, phone: '1380013800' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(badPhone.body)).toEqual([expect.objectContaining({ path: 'body.phone', code: 'INVALID_PHONE' })]);
    expect([await tableCount(people), await tableCount(employments)]).toEqual(before);
  });
});

describe('who sees a person', () => {
  let onlyB: Employee;
  let shared: { atA: Employee; atB: Employee };

  beforeAll(async () => {
    onlyB = await addEmployee(adminB, orgB.id, newcomer({ name: '只在乙' }));
    const body = newcomer({ name: '两家都在' });
    shared = { atA: await addEmployee(adminA, orgA.id, body), atB: await addEmployee(adminB, orgB.id, { ...body, position: '会计' }) };
  });

  it('answers 404 to enterprise A for a person employed only by B, and leaves them out of its list', async () => {
    expect((await adminA.get(`/api/v1/people/${onlyB.person.id}`)).statusCode).toBe(404);
    expect((await adminA.post(`/api/v1/people/${onlyB.person.id}/reveal-resident-id`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/v1/people/${onlyB.person.id}`, { phone: '13900139000' })).statusCode).toBe(404);
    const listed = (await adminA.get(`/api/v1/people?q=${encodeURIComponent('只在乙')}`)).json();
    expect(listed.total).toBe(0);
    expect((await adminB.get(`/api/v1/people/${onlyB.person.id}`)).statusCode).toBe(200);
  });

  it("shows each enterprise only its own employments of a shared person", async () => {
    const byA = (await adminA.get(`/api/v1/people/${shared.atA.person.id}`)).json();
    expect(byA.employments.map((e: Employment) => e.id)).toEqual([shared.atA.id]);
    const byB = (await adminB.get(`/api/v1/people/${shared.atA.person.id}`)).json();
    expect(byB.employments.map((e: Employment) => e.id)).toEqual([shared.atB.id]);
    const byAdmin = (await systemAdmin.get(`/api/v1/people/${shared.atA.person.id}`)).json();
    expect(byAdmin.employments.map((e: Employment) => e.id).sort()).toEqual([shared.atA.id, shared.atB.id].sort());
  });
});

describe('revealing a resident ID', () => {
  it('gives the full ID to an enterprise admin and records the reveal', async () => {
    const body = newcomer();
    const created = await addEmployee(adminA, orgA.id, body);
    const response = await adminA.post(`/api/v1/people/${created.person.id}/reveal-resident-id`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ residentId: body.residentId });
    const audit = await adminA.get(`/api/v1/audit?entityId=${created.person.id}&action=reveal_resident_id`);
    expect(audit.statusCode).toBe(200);
    const entries = audit.json().items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'person', action: 'reveal_resident_id', actorUserId: adminAUserId, actorRole: 'enterprise_admin' });
    // The trail records who looked, not the number itself.
    expect(audit.body).not.toContain(body.residentId);
  });

  it('refuses a training manager (403) and records nothing', async () => {
    const created = await addEmployee(adminA, orgA.id, newcomer());
    const before = await tableCount(auditLog);
    const response = await managerA.post(`/api/v1/people/${created.person.id}/reveal-resident-id`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await tableCount(auditLog)).toBe(before);
    expect((await managerA.get(`/api/v1/people/${created.person.id}`)).statusCode).toBe(200);
  });
});

describe('ending an employment', () => {
  it('refuses an end before the start (400 body.endDate), ends it once, then 409 EMPLOYMENT_ENDED', async () => {
    const body = newcomer({ startDate: '2025-03-01' });
    const created = await addEmployee(adminA, orgA.id, body);
    const early = await adminA.post(`/api/v1/employments/${created.id}/end`, { endDate: '2025-02-28' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(early.body)).toEqual([expect.objectContaining({ path: 'body.endDate', code: 'DATE_ORDER' })]);
    const [stillOpen] = await t.db.select().from(employments).where(eq(employments.id, created.id));
    expect(stillOpen!.endDate).toBeNull();

    const ended = await adminA.post(`/api/v1/employments/${created.id}/end`, { endDate: '2025-06-30' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: created.id, endDate: '2025-06-30' });
    const twice = await adminA.post(`/api/v1/employments/${created.id}/end`, { endDate: '2025-07-31' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('EMPLOYMENT_ENDED');
    const [row] = await t.db.select().from(employments).where(eq(employments.id, created.id));
    expect(row!.endDate).toBe('2025-06-30');

    const audit = (await adminA.get(`/api/v1/audit?entityId=${created.id}&sort=at`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create', 'end']);
    expect(audit[1]).toMatchObject({ before: { endDate: null }, after: { endDate: '2025-06-30' } });

    // Once the employment has ended, the same organisation may employ the person again.
    const rehired = await addEmployee(adminA, orgA.id, { ...body, startDate: '2025-09-01' });
    expect(rehired.person.id).toBe(created.person.id);
  });

  it("answers 404 for another organisation's employment", async () => {
    const created = await addEmployee(adminA, orgA.id, newcomer());
    const response = await adminB.post(`/api/v1/employments/${created.id}/end`, { endDate: '2025-06-30' });
    expect(response.statusCode).toBe(404);
    const [row] = await t.db.select().from(employments).where(eq(employments.id, created.id));
    expect(row!.endDate).toBeNull();
  });
});

describe("listing an organisation's employees", () => {
  let orgC: { id: string };
  let adminC: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    orgC = await createOrganisation(t.db, { type: 'enterprise', name: '丙公司' });
    adminC = await signIn(t, orgC.id, 'enterprise_admin');
    ids.welder = (await addEmployee(adminC, orgC.id, newcomer({ name: '王焊', position: '焊工' }))).id;
    ids.driver = (await addEmployee(adminC, orgC.id, newcomer({ name: '刘驾', position: '司机' }))).id;
    ids.clerk = (await addEmployee(adminC, orgC.id, newcomer({ name: '陈文', position: '文员' }))).id;
    ids.former = (await addEmployee(adminC, orgC.id, newcomer({ name: '王前', position: '焊工' }))).id;
    const ended = await adminC.post(`/api/v1/employments/${ids.former}/end`, { endDate: '2025-05-31' });
    expect(ended.statusCode).toBe(200);
  });

  const listIds = async (query: string) => {
    const response = await adminC.get(`/api/v1/organisations/${orgC.id}/employees?${query}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Employee[]; total: number };
    expect(page.items.every((e) => e.organisationId === orgC.id)).toBe(true);
    return { ids: page.items.map((e) => e.id).sort(), total: page.total };
  };
  const sorted = (...list: (string | undefined)[]) => (list as string[]).sort();

  it('lists all, only current (active=true) or only former (active=false) employees', async () => {
    expect(await listIds('')).toEqual({ ids: sorted(ids.welder, ids.driver, ids.clerk, ids.former), total: 4 });
    expect(await listIds('active=true')).toEqual({ ids: sorted(ids.welder, ids.driver, ids.clerk), total: 3 });
    expect(await listIds('active=false')).toEqual({ ids: sorted(ids.former), total: 1 });
  });

  it('searches by name and by position', async () => {
    expect((await listIds(`q=${encodeURIComponent('王')}`)).ids).toEqual(sorted(ids.welder, ids.former));
    expect((await listIds(`q=${encodeURIComponent('焊工')}&active=true`)).ids).toEqual(sorted(ids.welder));
    expect((await listIds(`q=${encodeURIComponent('司机')}`)).ids).toEqual(sorted(ids.driver));
    expect((await listIds(`q=${encodeURIComponent('无此人')}`)).total).toBe(0);
  });

  it('refuses a malformed active flag (400 query.active)', async () => {
    const response = await adminC.get(`/api/v1/organisations/${orgC.id}/employees?active=yes`);
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body).map((i) => i.path)).toEqual(['query.active']);
  });

  it("answers 404 for another organisation's employees", async () => {
    expect((await adminA.get(`/api/v1/organisations/${orgC.id}/employees`)).statusCode).toBe(404);
  });
});

describe('correcting a person', () => {
  it('lets an organisation correct only someone no other organisation has employed; HRSS-level roles may correct anyone', async () => {
    const own = newcomer();
    const ownId = (await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, own)).json().person.id;
    const fixed = await adminA.patch(`/api/v1/people/${ownId}`, { phone: '13911112222' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().phone).toBe('13911112222');

    const shared = newcomer();
    expect((await adminB.post(`/api/v1/organisations/${orgB.id}/employees`, shared)).statusCode).toBe(201);
    const sharedId = (await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, shared)).json().person.id;
    const before = await tableCount(auditLog);
    const refused = await adminA.patch(`/api/v1/people/${sharedId}`, { name: '改名' });
    expect(refused.statusCode).toBe(403);
    expect(await tableCount(auditLog)).toBe(before);
    expect((await systemAdmin.get(`/api/v1/people/${sharedId}`)).json().name).toBe(shared.name);
    expect((await systemAdmin.patch(`/api/v1/people/${sharedId}`, { phone: '13933334444' })).statusCode).toBe(200);
  });
});
