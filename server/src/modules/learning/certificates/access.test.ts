import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@fulcrum/shared';
import { learningCertificates } from '../../../db/schema/index.ts';
import { Client, createOrganisation, signIn } from '../../../test/app.ts';
import { ruleBody, seedAttempt, seedExam, seedWorld, type CertificateWorld } from './test-support.ts';

/* Who reaches which certificate route: managers of the organisation; everyone their own; the public the check. */

const V1 = '/api/v1';
let w: CertificateWorld;
let ruleId: string;
let certificateId: string;
let code: string;
let examId: string;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  w = await seedWorld();
  const exam = await seedExam(w.t.db, w.orgId);
  examId = exam.id;
  ruleId = (await w.manager.post(`${V1}/learning/certificate-rules`, ruleBody('exam', exam.id))).json<{ id: string }>().id;
  await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, w.t.clock.now(), true);
  await w.manager.post(`${V1}/learning/certificates/issue-due`);
  const [row] = await w.t.db.select().from(learningCertificates).where(eq(learningCertificates.ruleId, ruleId));
  certificateId = row!.id;
  code = row!.verificationCode;
  const government = await createOrganisation(w.t.db, { type: 'government_department' });
  for (const role of ['system_admin', 'department_officer'] as const) clients.set(role, await signIn(w.t, government.id, role));
  for (const role of ['enterprise_admin', 'training_manager', 'instructor', 'employee'] as const) clients.set(role, await signIn(w.t, w.orgId, role));
});
afterAll(() => w.t.close());

const managerRoutes = () => [
  { method: 'GET', url: `${V1}/learning/certificate-rules` },
  { method: 'GET', url: `${V1}/learning/certificate-rules/options` },
  { method: 'GET', url: `${V1}/learning/certificate-rules/${ruleId}` },
  { method: 'PATCH', url: `${V1}/learning/certificate-rules/${ruleId}`, payload: { title: '安全上岗证' } },
  { method: 'POST', url: `${V1}/learning/certificate-rules/${ruleId}/activate` },
  { method: 'POST', url: `${V1}/learning/certificate-rules`, payload: ruleBody('exam', examId) },
  { method: 'GET', url: `${V1}/learning/certificates` },
  { method: 'POST', url: `${V1}/learning/certificates/issue-due` },
  { method: 'GET', url: `${V1}/learning/certificates/${certificateId}` },
] as const;

describe('certificate routes by role', () => {
  it('lets enterprise admins and training managers manage; every other role gets 404', async () => {
    for (const [role, client] of clients) {
      const allowed = role === 'enterprise_admin' || role === 'training_manager';
      for (const route of managerRoutes()) {
        const response = await client.request({ ...route });
        expect([role, route.method, route.url, response.statusCode < 300]).toEqual([role, route.method, route.url, allowed]);
        if (!allowed) expect(response.statusCode).toBe(404);
      }
    }
  });

  it('answers 401 without a session, except the public check', async () => {
    const anonymous = new Client(w.t.app);
    for (const route of [...managerRoutes(), { method: 'GET', url: `${V1}/learning/my/certificates` }] as const) {
      expect((await anonymous.request({ ...route })).statusCode).toBe(401);
    }
    expect((await anonymous.get(`${V1}/public/learning-certificates/${code}`)).statusCode).toBe(200);
  });

  it('shows each person only their own certificates', async () => {
    const own = await w.learner.get(`${V1}/learning/my/certificates`);
    const items = own.json<{ items: { id: string; personId: string }[] }>().items;
    expect(items.map((c) => c.id)).toContain(certificateId);
    expect(new Set(items.map((c) => c.personId))).toEqual(new Set([w.personId]));
    for (const client of clients.values()) expect((await client.get(`${V1}/learning/my/certificates`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('lets only the issuing organisation revoke: another enterprise’s manager gets 404 and nothing changes', async () => {
    const other = await seedWorld(w.t);
    expect((await other.manager.post(`${V1}/learning/certificates/${certificateId}/revoke`, { reason: '越权' })).statusCode).toBe(404);
    expect((await other.manager.get(`${V1}/learning/certificates/${certificateId}`)).statusCode).toBe(404);
    expect((await clients.get('employee')!.post(`${V1}/learning/certificates/${certificateId}/revoke`, { reason: '越权' })).statusCode).toBe(404);
    const [row] = await w.t.db.select().from(learningCertificates).where(eq(learningCertificates.id, certificateId));
    expect(row!.status).toBe('valid');
  });
});
