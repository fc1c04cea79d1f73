import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRules, examAttempts, examPapers, exams, learningCertificates, projectEnrolments, trainingProjects } from '../../../db/schema/index.ts';
import { readFirstSheet } from '../../../lib/xlsx.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { recordLearning, type LearningAction } from '../record.ts';
import { buildTestApp, TEST_PUBLIC_URL, type Client, type TestApp } from '../../../test/app.ts';
import { addLearner, buildWorld, member, type ReportWorld } from './test-support.ts';

/*
 * A small known month: 张一 (维修部) studies 30 min on 02-10 and completes the micro-course, passes the exam on 02-12
 * and holds a certificate issued 02-10; 李二 (质检部) studies 60 min on 02-11, completes the same micro-course twice
 * (one completion) and fails the exam. 10 minutes on 01-20 fall outside the period.
 */

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const PERIOD = 'from=2026-02-01&to=2026-02-28';
let t: TestApp;
let world: ReportWorld;
let reader: Client;
let p1: string;
let p2: string;

const microCourse = { kind: 'micro-course' as const, id: 'm1', name: '液压泵拆装' };
const study = (personId: string, seconds: number, day: string): LearningAction => ({ personId, verb: 'experienced', activity: microCourse, result: { duration: `PT${seconds}S` }, timestamp: at(day) });
const completes = (personId: string, day: string): LearningAction => ({ personId, verb: 'completed', activity: microCourse, timestamp: at(day, 11) });

async function seedExam(day: string) {
  const [paper] = await t.db.insert(examPapers).values({ organisationId: world.organisationId, title: '试卷', mode: 'fixed', totalPoints: 100 }).returning();
  const [exam] = await t.db.insert(exams).values({ organisationId: world.organisationId, paperId: paper!.id, title: '液压考试', timeLimitMinutes: 30, maxAttempts: 2, passScore: 60 }).returning();
  const attempt = (personId: string, passed: boolean, status = 'graded') => ({
    examId: exam!.id, personId, organisationId: world.organisationId, attemptNo: status === 'graded' ? 1 : 2, startedAt: at(day, 9), deadlineAt: at(day, 10),
    submittedAt: status === 'graded' ? at(day, 9) : null, status, paper: [], score: passed ? 80 : 40, passed: status === 'graded' ? passed : null,
  });
  await t.db.insert(examAttempts).values([attempt(p1, true), attempt(p2, false), attempt(p2, false, 'in_progress')]);
  return exam!.id;
}

async function seedCertificate(personId: string, day: string) {
  const [rule] = await t.db.insert(certificateRules).values({ organisationId: world.organisationId, title: '液压上岗证', triggerKind: 'course', triggerId: world.competencyId, active: false }).returning();
  await t.db.insert(learningCertificates).values({
    organisationId: world.organisationId, ruleId: rule!.id, personId, title: '液压上岗证', number: 'ZS-2026-0001', cycle: 1, issuedAt: at(day, 12),
    verificationCode: 'code-1', sourceKind: 'course', sourceId: world.competencyId, completedAt: at(day, 12),
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  world = await buildWorld(t);
  reader = await member(t, world, 'enterprise_admin');
  p1 = await addLearner(t, world, { name: '张一', department: '维修部' });
  p2 = await addLearner(t, world, { name: '李二', department: '质检部' });
  const examId = await seedExam('2026-02-12');
  await seedCertificate(p1, '2026-02-10');
  const [project] = await t.db.insert(trainingProjects).values({ organisationId: world.organisationId, title: '液压维修提升项目' }).returning();
  const enrolment = { projectId: project!.id, organisationId: world.organisationId, enrolledAt: at('2026-02-02'), source: 'manual' };
  await t.db.insert(projectEnrolments).values([
    { ...enrolment, personId: p1, status: 'completed', completedAt: at('2026-02-15') },
    { ...enrolment, personId: p2, status: 'active' },
  ]);
  const examAction = (personId: string, passed: boolean): LearningAction => ({ personId, verb: passed ? 'passed' : 'failed', activity: { kind: 'exam', id: examId, name: '液压考试' }, timestamp: at('2026-02-12', 9) });
  await recordLearning({ db: t.db, clock: t.clock, publicUrl: TEST_PUBLIC_URL }, world.organisationId, [
    study(p1, 600, '2026-01-20'),
    study(p1, 1800, '2026-02-10'),
    completes(p1, '2026-02-10'),
    study(p2, 3600, '2026-02-11'),
    completes(p2, '2026-02-11'),
    completes(p2, '2026-02-12'),
    examAction(p1, true),
    examAction(p2, false),
  ]);
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
});
afterAll(() => t.close());

const activity = (studySeconds: number, completions: number, examAttempts: number, examPasses: number, certificates: number) => ({
  studySeconds, completions, examAttempts, examPasses, passRate: examAttempts ? examPasses / examAttempts : null, certificates,
});

describe('report aggregates over a known month', () => {
  it('sum the period from the daily rollups, day by day', async () => {
    const response = await reader.get(`/api/v1/learning/reports/summary?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary).toMatchObject({ scope: 'organisation', organisations: 1, dates: { from: '2026-02-01', to: '2026-02-28', asOf: '2026-02-28', compareTo: '2026-01-31' } });
    expect(summary.activity).toEqual(activity(5400, 3, 2, 1, 1));
    expect(summary.daily).toEqual([
      { day: '2026-02-10', studySeconds: 1800, completions: 1, examAttempts: 0, examPasses: 0, certificates: 1 },
      { day: '2026-02-11', studySeconds: 3600, completions: 1, examAttempts: 0, examPasses: 0, certificates: 0 },
      { day: '2026-02-12', studySeconds: 0, completions: 1, examAttempts: 2, examPasses: 1, certificates: 0 },
    ]);
  });

  it('break the same figures down by department', async () => {
    const response = await reader.get(`/api/v1/learning/reports/breakdown?dimension=department&${PERIOD}`);
    expect(response.statusCode).toBe(200);
    const rows = Object.fromEntries(response.json().rows.map((r: { label: string; activity: unknown }) => [r.label, r.activity]));
    expect(rows).toEqual({ 维修部: activity(1800, 2, 1, 1, 1), 质检部: activity(3600, 1, 1, 0, 0) });
    const wrong = await reader.get(`/api/v1/learning/reports/breakdown?dimension=industry&${PERIOD}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({ path: 'query.dimension', code: 'DIMENSION_NOT_AVAILABLE' });
  });

  it('list learners with their own figures, and export them as a workbook', async () => {
    const response = await reader.get(`/api/v1/learning/reports/learners?${PERIOD}&sort=-studySeconds`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((r: Record<string, unknown>) => [r.name, r.studySeconds, r.completions, r.examAttempts, r.examPasses, r.certificates])).toEqual([
      ['李二', 3600, 1, 1, 0, 0],
      ['张一', 1800, 2, 1, 1, 1],
    ]);
    const sheet = await reader.get(`/api/v1/learning/reports/learners?${PERIOD}&sort=name&format=xlsx`);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const { header, rows } = await readFirstSheet(sheet.rawPayload, 10);
    expect(header[0]).toBe('姓名');
    expect(rows.map((r) => r.cells[0]).sort()).toEqual(['张一', '李二']);
  });

  it('count project completion from enrolments and refuse a period that ends before it starts', async () => {
    const refused = await reader.get('/api/v1/learning/reports/summary?from=2026-03-01&to=2026-02-01');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'query.from', code: 'FROM_AFTER_TO' });
    const summary = (await reader.get(`/api/v1/learning/reports/summary?${PERIOD}`)).json();
    expect(summary.projects).toEqual({ enrolments: 2, completed: 1, rate: 0.5 });
    const earlier = (await reader.get('/api/v1/learning/reports/summary?from=2026-02-01&to=2026-02-10')).json();
    expect(earlier.projects).toEqual({ enrolments: 2, completed: 0, rate: 0 });
  });
});
