import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskResidentId, type CertificateRule, type PublicLearningCertificate } from '@fulcrum/shared';
import { learningCertificates } from '../../../db/schema/index.ts';
import { ruleBody, seedAttempt, seedExam, seedWorld, type CertificateWorld } from './test-support.ts';

let w: CertificateWorld;
let code: string;
let number: string;
beforeAll(async () => {
  w = await seedWorld();
  const exam = await seedExam(w.t.db, w.orgId);
  const rule = (await w.manager.post('/api/v1/learning/certificate-rules', ruleBody('exam', exam.id, { title: '低压电工作业证', validityMonths: 3 }))).json<CertificateRule>();
  await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, w.t.clock.now(), true);
  await w.manager.post('/api/v1/learning/certificates/issue-due');
  const [row] = await w.t.db.select().from(learningCertificates).where(eq(learningCertificates.ruleId, rule.id));
  code = row!.verificationCode;
  number = row!.number;
});
afterAll(() => w.t.close());

const check = (c: string) => w.t.app.inject({ method: 'GET', url: `/api/v1/public/learning-certificates/${c}` });

describe('public verification (no sign-in)', () => {
  it('shows number, title, organisation, dates and status with the holder’s name masked and no ID number', async () => {
    const response = await check(code);
    expect(response.statusCode).toBe(200);
    const body = response.json<PublicLearningCertificate>();
    expect(body).toMatchObject({ number, title: '低压电工作业证', holderName: '王*明', cycle: 1, issuedOn: '2026-03-02', expiresOn: '2026-06-02', status: 'valid' });
    expect(body.history).toEqual([{ cycle: 1, issuedOn: '2026-03-02', expiresOn: '2026-06-02', status: 'valid' }]);
    expect(response.body).not.toContain(w.personName);
    expect(response.body).not.toContain(w.residentId);
    expect(response.body).not.toContain(maskResidentId(w.residentId).slice(-4) + '"');
    expect(response.body).not.toContain(w.personId);
  });

  it('shows expired after the expiry and revoked after revocation', async () => {
    await w.advanceDays(100);
    expect((await check(code)).json<PublicLearningCertificate>().status).toBe('expired');
    const [row] = await w.t.db.select().from(learningCertificates).where(eq(learningCertificates.verificationCode, code));
    await w.manager.post(`/api/v1/learning/certificates/${row!.id}/revoke`, { reason: '证书信息有误' });
    const body = (await check(code)).json<PublicLearningCertificate>();
    expect(body.status).toBe('revoked');
    expect(JSON.stringify(body)).not.toContain('证书信息有误');
  });

  it('answers 404 NOT_FOUND for an unknown code', async () => {
    const response = await check('no-such-code-0000000000');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
