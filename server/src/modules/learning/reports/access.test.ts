import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '@fulcrum/shared';
import { organisations, trainingCentres } from '../../../db/schema/index.ts';
import { Client, createOrganisation, buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { addLearner, answer, buildWorld, type ReportWorld } from './test-support.ts';

/* Who reads which report: enterprises their own, the HRSS bureau the district within its reach, nobody else. */

const R = '/api/v1/learning/reports';
let t: TestApp;
let world: ReportWorld;

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t, { regionId: 'baodi' });
  const person = await addLearner(t, world);
  await answer(t, world, person, world.pointA, [true, true, true], new Date('2026-02-10T10:00:00+08:00'));
  await buildWorld(t, { regionId: 'tongzhou' });
  await t.db.insert(trainingCentres).values({
    organisationId: world.organisationId, regionId: 'baodi', certificateNo: 'PX-2026-001', status: 'active', certifiedOn: '2025-06-01', validUntil: '2028-05-31', annualCapacity: 200,
  });
});
afterAll(() => t.close());

const enterpriseRoutes = [`${R}/learners`, `${R}/roi`, '/api/v1/learning/training-costs'];
const sharedRoutes = [`${R}/summary`, `${R}/breakdown?dimension=department`];

async function department(kind: 'hrss' | 'fic', regionId: string, role: Role) {
  const org = await createOrganisation(t.db, { type: 'government_department', regionId });
  await t.db.update(organisations).set({ departmentKind: kind }).where(eq(organisations.id, org.id));
  return signIn(t, org.id, role);
}

describe('report access', () => {
  it('lets enterprise admins and training managers read everything of their own organisation', async () => {
    for (const role of ['enterprise_admin', 'training_manager'] as const) {
      const client = await signIn(t, world.organisationId, role);
      for (const url of [...sharedRoutes, ...enterpriseRoutes]) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(200);
      expect((await client.get(`${R}/summary`)).json()).toMatchObject({ scope: 'organisation', organisations: 1 });
    }
  });

  it('refuses employees, instructors and signed-out callers', async () => {
    for (const role of ['employee', 'instructor'] as const) {
      const client = await signIn(t, world.organisationId, role);
      for (const url of [...sharedRoutes, ...enterpriseRoutes]) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await client.post('/api/v1/learning/training-costs', { spentOn: '2026-02-01', amountFen: 1, description: 'x' })).statusCode).toBe(403);
    }
    expect((await new Client(t.app).get(`${R}/summary`)).statusCode).toBe(401);
  });

  it('gives the HRSS bureau the enterprises of its region by industry, region and centre, but no learners, costs or ROI', async () => {
    for (const role of ['department_officer', 'department_reviewer'] as const) {
      const hrss = await department('hrss', 'baodi', role);
      const summary = (await hrss.get(`${R}/summary`)).json();
      expect(summary).toMatchObject({ scope: 'district', organisations: 1, attainment: { asOf: { learners: 1 } } });
      for (const dimension of ['organisation', 'industry', 'region', 'centre']) {
        const response = await hrss.get(`${R}/breakdown?dimension=${dimension}`);
        expect(response.statusCode, dimension).toBe(200);
        expect(response.json().rows.map((r: { attainment: { asOf: { learners: number } } }) => r.attainment.asOf.learners), dimension).toEqual([1]);
      }
      expect((await hrss.get(`${R}/breakdown?dimension=industry`)).json().rows[0].label).toBe('36 汽车制造业');
      expect((await hrss.get(`${R}/breakdown?dimension=department`)).statusCode).toBe(400);
      for (const url of enterpriseRoutes) expect((await hrss.get(url)).statusCode, url).toBe(403);
    }
  });

  it('refuses departments other than HRSS, and an enterprise reading another’s cost gets 404', async () => {
    const fic = await department('fic', 'baodi', 'department_officer');
    expect((await fic.get(`${R}/summary`)).statusCode).toBe(403);
    const other = await buildWorld(t);
    const admin = await signIn(t, other.organisationId, 'enterprise_admin');
    const own = await signIn(t, world.organisationId, 'enterprise_admin');
    const id = (await own.post('/api/v1/learning/training-costs', { spentOn: '2026-02-01', amountFen: 100, description: '教材' })).json().id;
    expect((await admin.put(`/api/v1/learning/training-costs/${id}`, { spentOn: '2026-02-01', amountFen: 1, description: 'x' })).statusCode).toBe(404);
  });
});
