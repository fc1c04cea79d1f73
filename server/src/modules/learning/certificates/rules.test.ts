import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRule, CertificateRuleOptions, CertificateRulePage } from '@fulcrum/shared';
import { auditLog, certificateRules, competencies } from '../../../db/schema/index.ts';
import { ruleBody, seedCourse, seedExam, seedProject, seedWorld, type CertificateWorld } from './test-support.ts';

const RULES = '/api/v1/learning/certificate-rules';

let w: CertificateWorld;
let other: CertificateWorld;
beforeAll(async () => {
  w = await seedWorld();
  other = await seedWorld(w.t);
});
afterAll(() => w.t.close());

const ruleCount = async () => Number((await w.t.db.select({ n: count() }).from(certificateRules))[0]!.n);
const issuePaths = (body: { error: { details?: { issues?: { path: string }[] } } }) => body.error.details?.issues?.map((i) => i.path);

describe('certificate rules', () => {
  it('offers the organisation’s own projects, courses and exams to pick from', async () => {
    const course = await seedCourse(w.t.db, w.orgId, '电气安全基础');
    await seedCourse(w.t.db, other.orgId, '别家的课程');
    const project = await seedProject(w.t.db, w.orgId);
    const exam = await seedExam(w.t.db, w.orgId);
    const options = (await w.manager.get(`${RULES}/options`)).json<CertificateRuleOptions>();
    expect(options.course).toEqual([{ id: course.id, title: '电气安全基础' }]);
    expect(options.project.map((p) => p.id)).toEqual([project.id]);
    expect(options.exam.map((e) => e.id)).toEqual([exam.id]);
  });

  it('creates, edits, deactivates and activates a rule, each step audited', async () => {
    const course = await seedCourse(w.t.db, w.orgId, '数控车床操作');
    const created = await w.manager.post(RULES, ruleBody('course', course.id));
    expect(created.statusCode).toBe(201);
    const rule = created.json<CertificateRule>();
    expect(rule).toMatchObject({ triggerKind: 'course', triggerTitle: '数控车床操作', validityMonths: 12, active: true, issuedCount: 0 });
    const edited = (await w.manager.patch(`${RULES}/${rule.id}`, { title: '数控操作证', validityMonths: null })).json<CertificateRule>();
    expect(edited).toMatchObject({ title: '数控操作证', validityMonths: null });
    expect((await w.manager.post(`${RULES}/${rule.id}/deactivate`)).json<CertificateRule>().active).toBe(false);
    expect((await w.manager.get(`${RULES}?active=false`)).json<CertificateRulePage>().items.map((r) => r.id)).toEqual([rule.id]);
    expect((await w.manager.post(`${RULES}/${rule.id}/activate`)).json<CertificateRule>().active).toBe(true);
    const actions = (await w.t.db.select().from(auditLog).where(eq(auditLog.entityId, rule.id))).map((a) => a.action);
    expect(actions.sort()).toEqual(['activate', 'create', 'deactivate', 'update']);
  });

  it('refuses another organisation’s course, a level without its competency and a level above the maximum, writing nothing', async () => {
    const foreign = await seedCourse(w.t.db, other.orgId);
    const own = await seedCourse(w.t.db, w.orgId);
    const [competency] = await w.t.db.insert(competencies).values({ organisationId: w.orgId, code: 'HYD', name: '液压维修', maxLevel: 3 }).returning();
    const before = await ruleCount();
    const cases: [Record<string, unknown>, string][] = [
      [ruleBody('course', foreign.id), 'body.triggerId'],
      [ruleBody('course', own.id, { competencyLevel: 2 }), 'body.competencyLevel'],
      [ruleBody('course', own.id, { competencyId: competency!.id, competencyLevel: 4 }), 'body.competencyLevel'],
      [ruleBody('course', own.id, { validityMonths: 0 }), 'body.validityMonths'],
      [{ ...ruleBody('course', own.id), triggerKind: 'lesson' }, 'body.triggerKind'],
    ];
    for (const [body, path] of cases) {
      const response = await w.manager.post(RULES, body);
      expect(response.statusCode).toBe(400);
      expect(issuePaths(response.json())).toEqual([path]);
    }
    expect(await ruleCount()).toBe(before);
  });

  it('answers 404 for another organisation’s rule, on reading and on changing it', async () => {
    const course = await seedCourse(w.t.db, other.orgId);
    const foreign = (await other.manager.post(RULES, ruleBody('course', course.id))).json<CertificateRule>();
    expect((await w.manager.get(`${RULES}/${foreign.id}`)).statusCode).toBe(404);
    expect((await w.manager.patch(`${RULES}/${foreign.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await w.manager.post(`${RULES}/${foreign.id}/deactivate`)).statusCode).toBe(404);
    const [row] = await w.t.db.select().from(certificateRules).where(eq(certificateRules.id, foreign.id));
    expect(row).toMatchObject({ title: '安全上岗证', active: true });
  });
});
