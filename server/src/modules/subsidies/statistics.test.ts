import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ClaimComputation } from '@fulcrum/shared';
import { apprentices, employments, organisations, subsidyClaims, subsidyLedgerEntries } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, signIn, type Client, type TestApp } from '../../test/app.ts';
import { seedApprentices, seedClass, seedPolicy } from './test-support.ts';

/*
 * Subsidy statistics over a small constructed district: two equipment makers (divisions 36 and 34), a restaurant
 * group (62), a food processor (13, manufacturing but not equipment), an enterprise without an industry on record,
 * and one enterprise in Tangshan. One apprentice sits on the rosters of three classes in two groups, so distinct
 * counts and sums of rows differ. Every figure below is worked out by hand from the entries booked in beforeAll.
 */

let t: TestApp;
let hrssOfficer: Client;
let financeReviewer: Client;
let tangshanOfficer: Client;
let sysadmin: Client;
let enterpriseAdmin: Client;
let chamberAdmin: Client;
const firstNotice = randomUUID();
const earlierNotice = randomUUID();

interface Row { key: string; label: { 'zh-CN': string; 'en-US': string }; amountFen: number; apprentices: number; classes: number; enterprises: number }
interface Statistics { dimension: string; rows: Row[]; totals: Omit<Row, 'key' | 'label'> }

const statistics = async (client: Client, query = '') => {
  const response = await client.get(`/api/v1/subsidy-statistics${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Statistics>();
};
/** Rows as [key, amount, apprentices, classes, enterprises], in the order given. */
const figures = (s: Statistics) => s.rows.map((r) => [r.key, r.amountFen, r.apprentices, r.classes, r.enterprises]);

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set(new Date('2026-06-15T09:00:00+08:00'));
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  await t.db.update(organisations).set({ departmentKind: 'platform' }).where(eq(organisations.id, platform.id));
  const hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const finance = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  await t.db.update(organisations).set({ departmentKind: 'finance' }).where(eq(organisations.id, finance.id));
  const tangshanHrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  const chamber = await createOrganisation(t.db, { type: 'chamber', regionId: 'baodi' });

  const enterprise = async (division: string | null, regionId = 'baodi') => {
    const org = await createOrganisation(t.db, { type: 'enterprise', regionId });
    await t.db.update(organisations).set({ industryDivision: division }).where(eq(organisations.id, org.id));
    return org;
  };
  const auto = await enterprise('36');
  const machinery = await enterprise('34');
  const restaurants = await enterprise('62');
  const food = await enterprise('13');
  const unreported = await enterprise(null);
  const tangshanFirm = await enterprise('36', 'tangshan');

  hrssOfficer = await signIn(t, hrss.id, 'department_officer');
  financeReviewer = await signIn(t, finance.id, 'department_reviewer');
  tangshanOfficer = await signIn(t, tangshanHrss.id, 'department_officer');
  sysadmin = await signIn(t, platform.id, 'system_admin');
  enterpriseAdmin = await signIn(t, auto.id, 'enterprise_admin');
  chamberAdmin = await signIn(t, chamber.id, 'chamber_admin');

  const policy = await seedPolicy(t);
  const autoWelders = await seedClass(t, auto.id, { targetLevel: 3, occupation: 'welder' });
  const autoElectricians = await seedClass(t, auto.id, { targetLevel: 4, occupation: 'electrician', startsOn: '2025-09-01' });
  const machineryWelders = await seedClass(t, machinery.id, { targetLevel: 3, occupation: 'welder' });
  const cooks = await seedClass(t, restaurants.id, { targetLevel: 4, occupation: 'chef' });
  const foodLathe = await seedClass(t, food.id, { targetLevel: 4, occupation: 'lathe_operator' });
  const unreportedFitters = await seedClass(t, unreported.id, { targetLevel: 3, occupation: 'fitter' });
  const tangshanClass = await seedClass(t, tangshanFirm.id, { regionId: 'tangshan' });

  // Rosters: 3 active + 1 who left (not counted) · 2 · 2 · 2 · 1 · 1 · 1; person P also on two other rosters.
  const welders = await seedApprentices(t, autoWelders, 3);
  await seedApprentices(t, autoWelders, 1, 'left');
  await seedApprentices(t, autoElectricians, 2);
  await seedApprentices(t, machineryWelders, 2);
  await seedApprentices(t, cooks, 2);
  await seedApprentices(t, foodLathe, 1);
  await seedApprentices(t, unreportedFitters, 1);
  await seedApprentices(t, tangshanClass, 1);
  const p = welders[0]!;
  const [pAtRestaurants] = await t.db
    .insert(employments)
    .values({ personId: p.personId, organisationId: restaurants.id, position: '厨师', startDate: '2025-01-01', contractStart: '2025-01-01', contractEnd: '2027-12-31' })
    .returning();
  await t.db.insert(apprentices).values([
    { classId: autoElectricians.id, personId: p.personId, employerOrganisationId: auto.id, employmentId: p.employmentId, joinedOn: '2025-09-01', status: 'active' },
    { classId: cooks.id, personId: p.personId, employerOrganisationId: restaurants.id, employmentId: pAtRestaurants!.id, joinedOn: '2026-03-01', status: 'active' },
  ]);

  let serial = 0;
  const claim = async (cls: { id: string; organisationId: string; regionId: string }, noticeId: string) => {
    serial++;
    const [row] = await t.db
      .insert(subsidyClaims)
      .values({
        referenceNo: `BT120115-2026-${String(serial).padStart(4, '0')}`,
        classId: cls.id,
        organisationId: cls.organisationId,
        regionId: cls.regionId,
        kind: 'advance',
        status: 'disbursed',
        policyId: policy.id,
        // The statistics read a claim's notice only; its computation is not what these tests are about.
        computation: {} as ClaimComputation,
        amountFen: 0,
        noticeId,
        submittedAt: t.clock.now(),
      })
      .returning();
    return row!.id;
  };
  const entry = (cls: { id: string; organisationId: string; regionId: string }, kind: string, amountFen: number, bookedOn: string, claimId: string | null = null) => ({
    organisationId: cls.organisationId,
    regionId: cls.regionId,
    classId: cls.id,
    claimId,
    kind,
    amountFen,
    bookedOn,
  });
  await t.db.insert(subsidyLedgerEntries).values([
    entry(autoWelders, 'advance', 1_200_000, '2026-03-10', await claim(autoWelders, firstNotice)),
    entry(autoWelders, 'clawback', -200_000, '2026-05-01'),
    entry(autoElectricians, 'advance', 800_000, '2025-11-20', await claim(autoElectricians, earlierNotice)),
    entry(machineryWelders, 'advance', 600_000, '2026-03-12', await claim(machineryWelders, firstNotice)),
    entry(cooks, 'advance', 500_000, '2026-03-15', await claim(cooks, firstNotice)),
    entry(unreportedFitters, 'advance', 100_000, '2026-04-01'),
    entry(foodLathe, 'advance', 50_000, '2026-04-10'),
    entry(tangshanClass, 'advance', 999_000, '2026-03-10'),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /subsidy-statistics by industry group', () => {
  it("groups the region's net amounts into equipment manufacturing and GB/T 4754 sections, largest first", async () => {
    const s = await statistics(hrssOfficer);
    expect(s.dimension).toBe('industryGroup');
    // equipment: 1,200,000 − 200,000 + 800,000 + 600,000; apprentices 3 + 2 + 2 (P once, the one who left not at all).
    expect(figures(s)).toEqual([
      ['equipment', 2_400_000, 7, 3, 2],
      ['H', 500_000, 3, 1, 1],
      ['unknown', 100_000, 1, 1, 1],
      ['C', 50_000, 1, 1, 1],
    ]);
    expect(s.rows.map((r) => r.label['zh-CN'])).toEqual(['装备制造业', '住宿和餐饮业', '未填报', '制造业（装备制造业除外）']);
    expect(s.rows[0]!.label['en-US']).toBe('Equipment manufacturing');
  });

  it('counts the totals with their own distinct counts, not by adding the rows', async () => {
    const s = await statistics(hrssOfficer);
    expect(s.totals).toEqual({ amountFen: 3_050_000, apprentices: 11, classes: 6, enterprises: 5 });
    expect(s.rows.reduce((sum, r) => sum + r.apprentices, 0)).toBe(12);
  });

  it('counts only the entries of claims published in a notice when one is named', async () => {
    const s = await statistics(hrssOfficer, `?noticeId=${firstNotice}`);
    expect(figures(s)).toEqual([
      ['equipment', 1_800_000, 5, 2, 2],
      ['H', 500_000, 3, 1, 1],
    ]);
    expect(s.totals).toEqual({ amountFen: 2_300_000, apprentices: 7, classes: 3, enterprises: 3 });
    const none = await statistics(hrssOfficer, `?noticeId=${randomUUID()}`);
    expect(none.rows).toEqual([]);
    expect(none.totals).toEqual({ amountFen: 0, apprentices: 0, classes: 0, enterprises: 0 });
  });

  it('counts only the entries booked in a year when one is named', async () => {
    const s = await statistics(financeReviewer, '?year=2026');
    expect(figures(s)).toEqual([
      ['equipment', 1_600_000, 5, 2, 2],
      ['H', 500_000, 3, 1, 1],
      ['unknown', 100_000, 1, 1, 1],
      ['C', 50_000, 1, 1, 1],
    ]);
    expect(s.totals.amountFen).toBe(2_250_000);
  });
});

describe('GET /subsidy-statistics by other dimensions', () => {
  it('by industry division, with GB/T 4754 names', async () => {
    const s = await statistics(hrssOfficer, '?dimension=industry');
    expect(s.rows.map((r) => [r.key, r.amountFen, r.label['zh-CN']])).toEqual([
      ['36', 1_800_000, '汽车制造业'],
      ['34', 600_000, '通用设备制造业'],
      ['62', 500_000, '餐饮业'],
      ['unknown', 100_000, '未填报'],
      ['13', 50_000, '农副食品加工业'],
    ]);
  });

  it("by the classes' target level, by year of booking and by occupation", async () => {
    const levels = await statistics(hrssOfficer, '?dimension=level');
    expect(levels.rows.map((r) => [r.key, r.amountFen, r.label['zh-CN']])).toEqual([
      ['3', 1_700_000, '三级/高级工'],
      ['4', 1_350_000, '四级/中级工'],
    ]);
    const years = await statistics(hrssOfficer, '?dimension=year');
    expect(years.rows.map((r) => [r.key, r.amountFen, r.classes])).toEqual([
      ['2026', 2_250_000, 5],
      ['2025', 800_000, 1],
    ]);
    const occupations = await statistics(hrssOfficer, '?dimension=occupation');
    expect(occupations.rows.map((r) => [r.key, r.amountFen, r.label['zh-CN']])).toEqual([
      ['welder', 1_600_000, '焊工'],
      ['electrician', 800_000, '电工'],
      ['chef', 500_000, '中式烹调师'],
      ['fitter', 100_000, '钳工'],
      ['lathe_operator', 50_000, '车工'],
    ]);
  });

  it('by region: a system admin sees every region with its name; a department only its own', async () => {
    const all = await statistics(sysadmin, '?dimension=region');
    expect(all.rows.map((r) => [r.key, r.amountFen, r.label['zh-CN']])).toEqual([
      ['baodi', 3_050_000, '天津市宝坻区'],
      ['tangshan', 999_000, '河北省唐山市'],
    ]);
    expect(all.totals.enterprises).toBe(6);
    const tangshan = await statistics(tangshanOfficer, '?dimension=region');
    expect(tangshan.rows.map((r) => r.key)).toEqual(['tangshan']);
    expect(tangshan.totals).toEqual({ amountFen: 999_000, apprentices: 1, classes: 1, enterprises: 1 });
  });
});

describe('GET /subsidy-statistics permissions and input', () => {
  it('is for departments and system admins: enterprises and chambers get 403', async () => {
    expect((await enterpriseAdmin.get('/api/v1/subsidy-statistics')).statusCode).toBe(403);
    expect((await chamberAdmin.get('/api/v1/subsidy-statistics')).statusCode).toBe(403);
  });

  it('rejects an unknown dimension with the field at fault', async () => {
    const response = await hrssOfficer.get('/api/v1/subsidy-statistics?dimension=colour');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { details: { issues: { path: string }[] } } }>().error.details.issues[0]!.path).toBe('query.dimension');
  });
});
