import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, organisations } from '../../db/schema/index.ts';
import { syntheticUscc } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../test/app.ts';

let t: TestApp;
let admin: Client;
let officer: Client;
let baodiParks: { id: string }[];
let tongzhouParks: { id: string }[];
let serial = 100;

interface Issue { path: string; code: string }
interface AuditRow { action: string; entityType: string; before: unknown; after: unknown; actorUserId: string | null; actorRole: string | null }
interface Org { id: string; name: string; uscc: string | null; employeeCount: number | null; contacts: unknown[]; updatedAt: string }

/** A valid enterprise registration body in baodi, with a fresh USCC. */
function enterprise(overrides: Record<string, unknown> = {}) {
  return { type: 'enterprise', regionId: 'baodi', name: `企业${serial}`, uscc: syntheticUscc(serial++), industryDivision: '36', size: 'medium', ...overrides };
}

const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;
const countOrganisations = async () => Number((await t.db.select({ n: count() }).from(organisations))[0]!.n);
const auditOf = async (entityId: string): Promise<AuditRow[]> => {
  const response = await admin.get(`/api/v1/audit?entityId=${entityId}&sort=at`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
};

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  admin = await signIn(t, platform.id, 'system_admin');
  officer = await signIn(t, hrss.id, 'department_officer');
  baodiParks = (await admin.get('/api/v1/industrial-parks?regionId=baodi')).json();
  tongzhouParks = (await admin.get('/api/v1/industrial-parks?regionId=tongzhou')).json();
  expect(baodiParks.length).toBeGreaterThan(0);
  expect(tongzhouParks.length).toBeGreaterThan(0);
});
afterAll(() => t.close());

describe('registering an enterprise', () => {
  it('creates an enterprise with a valid USCC and answers 201 with the record', async () => {
    const body = enterprise({ industrialParkId: baodiParks[0]!.id, employeeCount: 42, contacts: [{ name: '王经理', phone: '13800138000' }] });
    const response = await admin.post('/api/v1/organisations', body);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      type: 'enterprise', regionId: 'baodi', name: body.name, uscc: body.uscc, industryDivision: '36', size: 'medium',
      industrialParkId: baodiParks[0]!.id, employeeCount: 42, stateOwned: false, departmentKind: null,
      contacts: [{ name: '王经理', phone: '13800138000' }],
    });
    const fetched = await admin.get(`/api/v1/organisations/${created.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(created);
  });

  it('refuses a USCC with a wrong check character (400 body.uscc INVALID_USCC) and writes nothing', async () => {
    const valid = syntheticUscc(serial++);
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const before = await countOrganisations();
    const response = await admin.post('/api/v1/organisations', enterprise({ uscc: wrongCheck }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(response.body)).toContainEqual(expect.objectContaining({ path: 'body.uscc', code: 'INVALID_USCC' }));
    expect(await countOrganisations()).toBe(before);
    expect(await t.db.select().from(organisations).where(eq(organisations.uscc, wrongCheck))).toHaveLength(0);
  });

  it('refuses a USCC already registered with 409 DUPLICATE_USCC, even typed in lower case', async () => {
    const first = enterprise();
    expect((await admin.post('/api/v1/organisations', first)).statusCode).toBe(201);
    const before = await countOrganisations();
    const again = await admin.post('/api/v1/organisations', enterprise({ uscc: first.uscc }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_USCC');
    expect(issuesOf(again.body)).toEqual([expect.objectContaining({ path: 'body.uscc', code: 'DUPLICATE_USCC' })]);
    const lower = await admin.post('/api/v1/organisations', enterprise({ uscc: ` ${first.uscc.toLowerCase()} ` }));
    expect(lower.statusCode).toBe(409);
    expect(lower.json().error.code).toBe('DUPLICATE_USCC');
    expect(await countOrganisations()).toBe(before);
  });

  it('needs the industry of an enterprise (400 body.industryDivision)', async () => {
    const { industryDivision: _omitted, ...body } = enterprise();
    const before = await countOrganisations();
    const response = await admin.post('/api/v1/organisations', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(response.body)).toEqual([expect.objectContaining({ path: 'body.industryDivision', code: 'REQUIRED' })]);
    expect(await countOrganisations()).toBe(before);
  });

  it('refuses an unknown industrial park, a park of another region and an unknown region (400)', async () => {
    const before = await countOrganisations();
    const unknownPark = await admin.post('/api/v1/organisations', enterprise({ industrialParkId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownPark.statusCode).toBe(400);
    expect(unknownPark.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(unknownPark.body)).toEqual([expect.objectContaining({ path: 'body.industrialParkId', code: 'UNKNOWN_PARK' })]);

    const foreignPark = await admin.post('/api/v1/organisations', enterprise({ industrialParkId: tongzhouParks[0]!.id }));
    expect(foreignPark.statusCode).toBe(400);
    expect(issuesOf(foreignPark.body)).toEqual([expect.objectContaining({ path: 'body.industrialParkId', code: 'UNKNOWN_PARK' })]);

    const unknownRegion = await admin.post('/api/v1/organisations', enterprise({ regionId: 'atlantis' }));
    expect(unknownRegion.statusCode).toBe(400);
    expect(issuesOf(unknownRegion.body)).toContainEqual(expect.objectContaining({ path: 'body.regionId', code: 'UNKNOWN_REGION' }));
    expect(await countOrganisations()).toBe(before);
  });

  it('lets a department officer register only in their own region, and no government department', async () => {
    const own = await officer.post('/api/v1/organisations', enterprise());
    expect(own.statusCode).toBe(201);
    expect(own.json().regionId).toBe('baodi');
    const before = await countOrganisations();
    const other = await officer.post('/api/v1/organisations', enterprise({ regionId: 'tongzhou' }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    const department = await officer.post('/api/v1/organisations', { type: 'government_department', regionId: 'baodi', name: '某某局', departmentKind: 'hrss' });
    expect(department.statusCode).toBe(403);
    expect(await countOrganisations()).toBe(before);
  });

  it('refuses registration by an enterprise admin (403)', async () => {
    const org = (await admin.post('/api/v1/organisations', enterprise())).json();
    const enterpriseAdmin = await signIn(t, org.id, 'enterprise_admin');
    const before = await countOrganisations();
    const response = await enterpriseAdmin.post('/api/v1/organisations', enterprise());
    expect(response.statusCode).toBe(403);
    expect(await countOrganisations()).toBe(before);
  });
});

describe('an enterprise admin keeping their own organisation', () => {
  let org: Org;
  let enterpriseAdmin: Client;

  beforeAll(async () => {
    org = (await admin.post('/api/v1/organisations', enterprise())).json();
    enterpriseAdmin = await signIn(t, org.id, 'enterprise_admin');
  });

  it('may change contacts and headcount', async () => {
    const contacts = [{ name: '李四', phone: '13912345678', title: '人事' }];
    const response = await enterpriseAdmin.patch(`/api/v1/organisations/${org.id}`, { contacts, employeeCount: 120 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: org.id, contacts, employeeCount: 120, name: org.name });
    expect((await admin.get(`/api/v1/organisations/${org.id}`)).json()).toMatchObject({ contacts, employeeCount: 120 });
  });

  it('may not change the name (403 naming body.name) and nothing changes', async () => {
    const response = await enterpriseAdmin.patch(`/api/v1/organisations/${org.id}`, { name: '改个名字', employeeCount: 7 });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(issuesOf(response.body)).toEqual([expect.objectContaining({ path: 'body.name', code: 'NOT_EDITABLE' })]);
    const after = (await admin.get(`/api/v1/organisations/${org.id}`)).json();
    expect(after.name).toBe(org.name);
    expect(after.employeeCount).not.toBe(7);
  });

  it("gets 404 for another organisation's record", async () => {
    const other = (await admin.post('/api/v1/organisations', enterprise())).json();
    expect((await enterpriseAdmin.get(`/api/v1/organisations/${other.id}`)).statusCode).toBe(404);
    expect((await enterpriseAdmin.patch(`/api/v1/organisations/${other.id}`, { employeeCount: 1 })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/organisations/${other.id}`)).json().employeeCount).toBeNull();
  });
});

describe('listing organisations', () => {
  const prefix = '筛选';
  const f: Record<'car' | 'software' | 'electric' | 'chamber' | 'college', Org> = {} as never;

  beforeAll(async () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await admin.post('/api/v1/organisations', body);
      expect(response.statusCode).toBe(201);
      return response.json() as Org;
    };
    // Created in an order that is neither name order nor headcount order.
    f.car = await post(enterprise({ name: `${prefix}丙汽车`, industryDivision: '36', industrialParkId: baodiParks[0]!.id, stateOwned: true, employeeCount: 300 }));
    f.software = await post(enterprise({ name: `${prefix}甲软件`, industryDivision: '65', employeeCount: 50, size: 'small' }));
    f.electric = await post(enterprise({ name: `${prefix}乙电气`, regionId: 'tongzhou', industryDivision: '38', industrialParkId: tongzhouParks[0]!.id, employeeCount: 1200, size: 'large' }));
    f.chamber = await post({ type: 'chamber', regionId: 'baodi', name: `${prefix}丁商会`, employeeCount: 10 });
    f.college = await post({ type: 'university', regionId: 'tongzhou', name: `${prefix}戊学院`, employeeCount: 800 });
  });

  const list = async (query: string, client = admin) => {
    const response = await client.get(`/api/v1/organisations?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Org[]; total: number; page: number; pageSize: number };
  };
  const idsOf = async (query: string, client = admin) => (await list(`q=${encodeURIComponent(prefix)}&${query}`, client)).items.map((o) => o.id).sort();
  const expectIds = (...orgs: Org[]) => orgs.map((o) => o.id).sort();

  it('filters by type, region, industry section and division, park and state ownership', async () => {
    expect(await idsOf('type=enterprise')).toEqual(expectIds(f.car, f.software, f.electric));
    expect(await idsOf('type=chamber')).toEqual(expectIds(f.chamber));
    expect(await idsOf('regionId=tongzhou')).toEqual(expectIds(f.electric, f.college));
    expect(await idsOf('industrySection=C')).toEqual(expectIds(f.car, f.electric));
    expect(await idsOf('industrySection=I')).toEqual(expectIds(f.software));
    expect(await idsOf('industryDivision=38')).toEqual(expectIds(f.electric));
    expect(await idsOf(`industrialParkId=${baodiParks[0]!.id}`)).toEqual(expectIds(f.car));
    expect(await idsOf('stateOwned=true')).toEqual(expectIds(f.car));
    expect(await idsOf('stateOwned=false')).toEqual(expectIds(f.software, f.electric, f.chamber, f.college));
    expect(await idsOf('type=enterprise&regionId=baodi&stateOwned=false')).toEqual(expectIds(f.software));
    expect(await idsOf('size=large')).toEqual(expectIds(f.electric));
  });

  it('applies each filter to the whole list, not only to the fixtures', async () => {
    const all = await list('type=enterprise&pageSize=100');
    expect(all.total).toBeGreaterThan(3);
    expect(all.items.every((o) => (o as unknown as { type: string }).type === 'enterprise')).toBe(true);
    const tongzhou = await list('regionId=tongzhou&pageSize=100');
    expect(tongzhou.items.every((o) => (o as unknown as { regionId: string }).regionId === 'tongzhou')).toBe(true);
    expect(tongzhou.items.map((o) => o.id)).toEqual(expect.arrayContaining([f.electric.id, f.college.id]));
  });

  it('searches by name and by USCC, whole or in part and in any case', async () => {
    expect((await list(`q=${encodeURIComponent('乙电气')}`)).items.map((o) => o.id)).toEqual([f.electric.id]);
    expect((await list(`q=${f.software.uscc}`)).items.map((o) => o.id)).toEqual([f.software.id]);
    expect((await list(`q=${f.software.uscc!.slice(8, 17).toLowerCase()}`)).items.map((o) => o.id)).toEqual([f.software.id]);
    expect((await list(`q=${encodeURIComponent('没有这个名字')}`)).total).toBe(0);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    expect((await list(`q=${encodeURIComponent(`${prefix}%电气`)}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent(`${prefix}丙_车`)}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent(`${prefix}丙汽车`)}`)).total).toBe(1);
  });

  it('sorts by name ascending and descending and by headcount', async () => {
    const names = [f.car, f.software, f.electric, f.chamber, f.college].map((o) => o.name).sort();
    const q = `q=${encodeURIComponent(prefix)}`;
    expect((await list(`${q}&sort=name`)).items.map((o) => o.name)).toEqual(names);
    expect((await list(q)).items.map((o) => o.name)).toEqual(names);
    expect((await list(`${q}&sort=-name`)).items.map((o) => o.name)).toEqual([...names].reverse());
    expect((await list(`${q}&sort=employeeCount`)).items.map((o) => o.employeeCount)).toEqual([10, 50, 300, 800, 1200]);
    expect((await list(`${q}&sort=-employeeCount`)).items.map((o) => o.employeeCount)).toEqual([1200, 800, 300, 50, 10]);
  });

  it('pages with a total and without overlap, also when sort keys tie', async () => {
    const q = `q=${encodeURIComponent(prefix)}&sort=name&pageSize=2`;
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list(`${q}&page=${page}`)));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([[1, 2, 5], [2, 2, 5], [3, 2, 5], [4, 2, 5]]);
    const seen = pages.flatMap((p) => p.items.map((o) => o.id));
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual(expectIds(f.car, f.software, f.electric, f.chamber, f.college));

    const tied: string[] = [];
    for (let i = 0; i < 7; i++) tied.push((await admin.post('/api/v1/organisations', { type: 'chamber', regionId: 'baodi', name: `同名商会${i % 2}`, employeeCount: 5 })).json().id);
    const tq = `q=${encodeURIComponent('同名商会')}&pageSize=3`;
    for (const sort of ['employeeCount', '-employeeCount', 'name', '-name']) {
      const tiedPages = await Promise.all([1, 2, 3].map((page) => list(`${tq}&sort=${sort}&page=${page}`)));
      const ids = tiedPages.flatMap((p) => p.items.map((o) => o.id));
      expect(ids).toHaveLength(7);
      expect([...ids].sort()).toEqual([...tied].sort());
    }
  });

  it('refuses pageSize above 100 and page 0 (400 naming the query field)', async () => {
    expect((await admin.get('/api/v1/organisations?pageSize=100')).statusCode).toBe(200);
    const big = await admin.get('/api/v1/organisations?pageSize=101');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(big.body).map((i) => i.path)).toEqual(['query.pageSize']);
    const zero = await admin.get('/api/v1/organisations?page=0');
    expect(zero.statusCode).toBe(400);
    expect(issuesOf(zero.body).map((i) => i.path)).toEqual(['query.page']);
    const badSort = await admin.get('/api/v1/organisations?sort=uscc');
    expect(badSort.statusCode).toBe(400);
    expect(issuesOf(badSort.body).map((i) => i.path)).toEqual(['query.sort']);
  });

  it("limits the list to the actor's reach", async () => {
    expect(await idsOf('', officer)).toEqual(expectIds(f.car, f.software, f.chamber));
    const carAdmin = await signIn(t, f.car.id, 'enterprise_admin');
    expect((await list('pageSize=100', carAdmin)).items.map((o) => o.id)).toEqual([f.car.id]);
  });
});

describe('the audit trail of organisations', () => {
  it('records a create with the new record as "after"', async () => {
    const body = enterprise({ employeeCount: 9 });
    const created = (await admin.post('/api/v1/organisations', body)).json();
    const entries = await auditOf(created.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityType: 'organisation', action: 'create', actorRole: 'system_admin', before: null,
      after: { id: created.id, name: body.name, uscc: body.uscc, employeeCount: 9 },
    });
  });

  it("records a department officer's create and update, and an enterprise admin's update, with before and after", async () => {
    const { user: officerUser } = await createUser(t.db, (await createOrganisation(t.db, { type: 'government_department' })).id, 'department_officer');
    const registrar = await new Client(t.app).login(officerUser.username);
    const created = (await registrar.post('/api/v1/organisations', enterprise({ name: '旧名称公司' }))).json();
    const renamed = await registrar.patch(`/api/v1/organisations/${created.id}`, { name: '新名称公司', stateOwned: true });
    expect(renamed.statusCode).toBe(200);
    const { user: adminUser } = await createUser(t.db, created.id, 'enterprise_admin');
    const own = await new Client(t.app).login(adminUser.username);
    expect((await own.patch(`/api/v1/organisations/${created.id}`, { employeeCount: 33 })).statusCode).toBe(200);

    const entries = await auditOf(created.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(entries[0]).toMatchObject({ actorUserId: officerUser.id, actorRole: 'department_officer', after: { name: '旧名称公司' } });
    expect(entries[1]).toMatchObject({
      actorUserId: officerUser.id,
      before: { name: '旧名称公司', stateOwned: false },
      after: { name: '新名称公司', stateOwned: true },
    });
    expect(entries[2]).toMatchObject({ actorUserId: adminUser.id, actorRole: 'enterprise_admin', before: { employeeCount: null }, after: { employeeCount: 33 } });
    // Only the changed fields are recorded.
    expect(Object.keys(entries[2]!.after as object)).toEqual(['employeeCount']);
  });

  it('writes no entry for a refused create or update', async () => {
    const before = Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);
    const org = (await admin.post('/api/v1/organisations', enterprise())).json();
    const afterCreate = Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);
    expect(afterCreate).toBe(before + 1);
    const enterpriseAdmin = await signIn(t, org.id, 'enterprise_admin');
    expect((await enterpriseAdmin.patch(`/api/v1/organisations/${org.id}`, { name: '不许改' })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/organisations', enterprise({ uscc: org.uscc }))).statusCode).toBe(409);
    expect(await auditOf(org.id)).toHaveLength(1);
  });

  it('writes no entry and keeps updatedAt for a PATCH that changes nothing', async () => {
    const created = (await admin.post('/api/v1/organisations', enterprise({ employeeCount: 15, stateOwned: true }))).json() as Org;
    t.clock.advance(60_000);
    const same = await admin.patch(`/api/v1/organisations/${created.id}`, { employeeCount: 15, stateOwned: true, name: created.name });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(created);
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('writes no entry for re-sending the same contacts (with every optional field)', async () => {
    const contacts = [{ name: '赵六', phone: '13700137000', title: '总经理', email: 'zhao@example.com' }];
    const created = (await admin.post('/api/v1/organisations', enterprise({ contacts }))).json() as Org;
    expect(created.contacts).toEqual(contacts);
    t.clock.advance(60_000);
    const same = await admin.patch(`/api/v1/organisations/${created.id}`, { contacts });
    expect(same.statusCode).toBe(200);
    expect(same.json().updatedAt).toBe(created.updatedAt);
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['create']);
  });
});

describe('organisation figures', () => {
  it('counts enterprises by industry section and park from the records, within reach', async () => {
    const before = (await officer.get('/api/v1/organisations/stats?groupBy=industrySection&type=enterprise')).json();
    const countOf = (stats: { groups: { key: string | null; count: number }[] }, key: string | null) => stats.groups.find((g) => g.key === key)?.count ?? 0;
    // Two manufacturing enterprises (C: divisions 13–43) and one in software (I: 65), all in baodi.
    for (const division of ['36', '13', '65']) expect((await officer.post('/api/v1/organisations', enterprise({ industryDivision: division }))).statusCode).toBe(201);
    // One in tongzhou, which a baodi officer does not reach.
    expect((await admin.post('/api/v1/organisations', enterprise({ regionId: 'tongzhou', industryDivision: '36' }))).statusCode).toBe(201);

    const after = (await officer.get('/api/v1/organisations/stats?groupBy=industrySection&type=enterprise')).json();
    expect(countOf(after, 'C') - countOf(before, 'C')).toBe(2);
    expect(countOf(after, 'I') - countOf(before, 'I')).toBe(1);
    expect(after.total - before.total).toBe(3);
    const list = (await officer.get('/api/v1/organisations?type=enterprise&pageSize=1')).json();
    expect(after.total).toBe(list.total);
    const everywhere = (await admin.get('/api/v1/organisations/stats?groupBy=region&type=enterprise')).json();
    expect(countOf(everywhere, 'tongzhou')).toBeGreaterThan(0);
    expect(everywhere.groups.map((g: { count: number }) => g.count)).toEqual([...everywhere.groups.map((g: { count: number }) => g.count)].sort((a, b) => b - a));
  });

  it('refuses an unknown dimension with 400 naming query.groupBy', async () => {
    const response = await officer.get('/api/v1/organisations/stats?groupBy=colour');
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)[0]!.path).toBe('query.groupBy');
  });
});
