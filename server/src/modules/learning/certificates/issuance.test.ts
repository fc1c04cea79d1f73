import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRule, LearningCertificateDetail, LearningCertificatePage, MyCertificates } from '@fulcrum/shared';
import { auditLog, competencies, competencyLevelHistory, learningCertificates, learningDailyRollups } from '../../../db/schema/index.ts';
import { TEST_PUBLIC_URL } from '../../../test/app.ts';
import { rebuildProjection } from '../../xapi/projector.ts';
import { completeCourse, DAY, ruleBody, seedAttempt, seedCourse, seedExam, seedPerson, seedProject, seedProjectCompletion, seedWorld, type CertificateWorld } from './test-support.ts';

const RULES = '/api/v1/learning/certificate-rules';
const CERTS = '/api/v1/learning/certificates';

let w: CertificateWorld;
beforeAll(async () => {
  w = await seedWorld();
});
afterAll(() => w.t.close());

const createRule = async (body: Record<string, unknown>) => {
  const response = await w.manager.post(RULES, body);
  expect(response.statusCode).toBe(201);
  return response.json<CertificateRule>();
};
const certificatesOf = (ruleId: string) => w.t.db.select().from(learningCertificates).where(eq(learningCertificates.ruleId, ruleId)).orderBy(learningCertificates.cycle);
const issueDue = async () => (await w.manager.post(`${CERTS}/issue-due`)).json<{ issued: number }>().issued;
const ago = (days: number) => new Date(w.t.clock.now().getTime() - days * DAY);

describe('issuing by trigger kind', () => {
  it('issues on a course completion as soon as the statement is projected (listener), numbered ZD-<year>-<org>-<seq>', async () => {
    const course = await seedCourse(w.t.db, w.orgId);
    const rule = await createRule(ruleBody('course', course.id, { title: '液压维护合格证' }));
    await completeCourse(w.t, w.orgId, w.personId, course, ago(1));
    const [certificate] = await certificatesOf(rule.id);
    expect(certificate).toMatchObject({ personId: w.personId, cycle: 1, status: 'valid', title: '液压维护合格证', sourceKind: 'course', sourceId: course.id });
    expect(certificate!.number).toMatch(new RegExp(`^ZD-2026-${w.orgId.replace(/-/g, '').slice(0, 6).toUpperCase()}-\\d{5}$`));
    expect(certificate!.verificationCode.length).toBeGreaterThanOrEqual(24);
    // Valid for 12 months from the Beijing date of the completion.
    expect(certificate!.expiresAt!.toISOString()).toBe(new Date('2027-03-01T00:00:00+08:00').toISOString());
    const [audit] = await w.t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'learning_certificate'), eq(auditLog.entityId, certificate!.id)));
    expect(audit).toMatchObject({ action: 'issue', organisationId: w.orgId });
  });

  it('issues on an exam pass, not on a failed attempt, and appends the competency level it vouches for', async () => {
    const exam = await seedExam(w.t.db, w.orgId);
    const [competency] = await w.t.db.insert(competencies).values({ organisationId: w.orgId, code: 'EL-SAFE', name: '电气安全', maxLevel: 5 }).returning();
    const rule = await createRule(ruleBody('exam', exam.id, { competencyId: competency!.id, competencyLevel: 3 }));
    await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, ago(3), false);
    expect(await issueDue()).toBe(0);
    const passed = await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, ago(2), true, 2);
    expect(await issueDue()).toBe(1);
    const [certificate] = await certificatesOf(rule.id);
    expect(certificate).toMatchObject({ sourceKind: 'exam', sourceId: passed.id, cycle: 1 });
    const levels = await w.t.db.select().from(competencyLevelHistory).where(eq(competencyLevelHistory.personId, w.personId));
    expect(levels).toEqual([expect.objectContaining({ competencyId: competency!.id, level: 3, source: 'certificate' })]);
  });

  it('issues on a project completion, once however often it runs (idempotent), and counts it in the daily rollup', async () => {
    const project = await seedProject(w.t.db, w.orgId);
    const rule = await createRule(ruleBody('project', project.id, { validityMonths: null }));
    await seedProjectCompletion(w.t.db, project.id, w.orgId, w.personId, ago(5));
    expect(await issueDue()).toBe(1);
    expect(await issueDue()).toBe(0);
    const certificates = await certificatesOf(rule.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.expiresAt).toBeNull();
    const [rollup] = await w.t.db.select().from(learningDailyRollups).where(and(eq(learningDailyRollups.organisationId, w.orgId), eq(learningDailyRollups.day, '2026-02-25')));
    expect(rollup?.certificates).toBe(1);
  });

  it('issues nothing again when the projection is rebuilt from nothing (the listener replays every statement)', async () => {
    const before = await w.t.db.select().from(learningCertificates);
    await rebuildProjection(w.t.db, TEST_PUBLIC_URL);
    expect(await w.t.db.select().from(learningCertificates)).toHaveLength(before.length);
  });

  it('keeps numbers unique across many people and a deactivated rule issues nothing', async () => {
    const exam = await seedExam(w.t.db, w.orgId, '数控操作考试');
    const rule = await createRule(ruleBody('exam', exam.id));
    for (let i = 0; i < 5; i++) {
      const { person } = await seedPerson(w.t, w.orgId, 'employee', `李${i}华`);
      await seedAttempt(w.t.db, exam.id, w.orgId, person.id, ago(1), true);
    }
    expect((await w.manager.post(`${RULES}/${rule.id}/deactivate`)).json<CertificateRule>().active).toBe(false);
    expect(await issueDue()).toBe(0);
    await w.manager.post(`${RULES}/${rule.id}/activate`);
    expect(await issueDue()).toBe(5);
    const numbers = (await w.t.db.select().from(learningCertificates)).map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('ignores completions recorded in another organisation', async () => {
    const other = await seedWorld(w.t);
    const exam = await seedExam(w.t.db, w.orgId, '劳动法基础考试');
    const rule = await createRule(ruleBody('exam', exam.id));
    await seedAttempt(w.t.db, exam.id, other.orgId, other.personId, ago(1), true);
    await issueDue();
    expect(await certificatesOf(rule.id)).toHaveLength(0);
  });
});

describe('expiry and recertification', () => {
  it('shows expired past the expiry, due within 60 days of it, and a repeat completion in the window issues cycle 2', async () => {
    const exam = await seedExam(w.t.db, w.orgId, '乳品质量控制考试');
    const rule = await createRule(ruleBody('exam', exam.id, { validityMonths: 6 }));
    await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, ago(1), true);
    await issueDue();
    const [first] = await certificatesOf(rule.id);
    const read = async (id: string) => (await w.manager.get(`${CERTS}/${id}`)).json<LearningCertificateDetail>();
    expect(await read(first!.id)).toMatchObject({ status: 'valid', isDueForRecertification: false });

    // A pass again early on earns nothing: the certificate is not due yet.
    await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, ago(0), true, 2);
    expect(await issueDue()).toBe(0);

    await w.advanceDays(140);
    expect(await read(first!.id)).toMatchObject({ status: 'valid', isDueForRecertification: true });
    const due = (await w.manager.get(`${CERTS}?expiringWithinDays=60&ruleId=${rule.id}`)).json<LearningCertificatePage>();
    expect(due.items.map((c) => c.id)).toEqual([first!.id]);

    await w.advanceDays(50);
    expect(await read(first!.id)).toMatchObject({ status: 'expired', isDueForRecertification: false });
    expect((await w.manager.get(`${CERTS}?status=expired&ruleId=${rule.id}`)).json<LearningCertificatePage>().total).toBe(1);

    const second = await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, w.t.clock.now(), true, 3);
    expect(await issueDue()).toBe(1);
    const cycles = await certificatesOf(rule.id);
    expect(cycles.map((c) => [c.cycle, c.status])).toEqual([[1, 'superseded'], [2, 'valid']]);
    expect(cycles[1]).toMatchObject({ previousId: first!.id, sourceId: second.id });
    const detail = await read(cycles[1]!.id);
    expect(detail.history.map((h) => [h.cycle, h.status])).toEqual([[1, 'superseded'], [2, 'valid']]);
    const mine = (await w.learner.get('/api/v1/learning/my/certificates')).json<MyCertificates>();
    expect(mine.items.filter((c) => c.ruleId === rule.id).map((c) => c.cycle)).toEqual([2]);
  });
});

describe('revocation', () => {
  it('revokes with a reason (audited), refuses a second revocation with 409, and a blank reason with 400', async () => {
    const exam = await seedExam(w.t.db, w.orgId, '叉车操作考试');
    const rule = await createRule(ruleBody('exam', exam.id));
    await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, ago(1), true);
    await issueDue();
    const [certificate] = await certificatesOf(rule.id);
    const blank = await w.manager.post(`${CERTS}/${certificate!.id}/revoke`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.issues[0].path).toBe('body.reason');
    const revoked = await w.manager.post(`${CERTS}/${certificate!.id}/revoke`, { reason: '考试作弊' });
    expect(revoked.json<LearningCertificateDetail>()).toMatchObject({ status: 'revoked', revocationReason: '考试作弊' });
    expect((await w.manager.post(`${CERTS}/${certificate!.id}/revoke`, { reason: '再次' })).statusCode).toBe(409);
    const [audit] = await w.t.db.select().from(auditLog).where(and(eq(auditLog.entityId, certificate!.id), eq(auditLog.action, 'revoke')));
    expect(audit?.after).toMatchObject({ reason: '考试作弊' });
    // Revocation sticks: the old pass earns nothing; a pass after it earns the next cycle.
    expect(await issueDue()).toBe(0);
    await w.advanceDays(1);
    await seedAttempt(w.t.db, exam.id, w.orgId, w.personId, w.t.clock.now(), true, 2);
    expect(await issueDue()).toBe(1);
    expect((await certificatesOf(rule.id)).map((c) => [c.cycle, c.status])).toEqual([[1, 'revoked'], [2, 'valid']]);
  });

  it('exports the list as xlsx', async () => {
    const response = await w.manager.get(`${CERTS}?format=xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
  });
});
