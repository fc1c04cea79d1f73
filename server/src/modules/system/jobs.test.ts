import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the scheduled jobs endpoint', () => {
  it('lists the jobs with their schedule and next run in Asia/Shanghai, and the last run once there is one', async () => {
    const gov = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
    const admin = await signIn(t, gov.id, 'system_admin');
    // 2026-03-02T09:00+08:00 on the test clock.
    const listed = (await admin.get('/api/v1/system/jobs')).json().items;
    expect(listed.slice(0, 3)).toMatchObject([
      { name: 'exams.finalise-overdue', schedule: '* * * * *', timezone: 'Asia/Shanghai', nextRunAt: '2026-03-02T01:01:00.000Z', lastRun: null },
      { name: 'learning.project-reminders', schedule: '0 8 * * *', nextRunAt: '2026-03-03T00:00:00.000Z', lastRun: null },
      { name: 'coach.fit', schedule: '30 2 * * *', nextRunAt: '2026-03-02T18:30:00.000Z', lastRun: null },
    ]);
    expect(listed[1].description['zh-CN']).toContain('08:00');

    const run = await admin.post('/api/v1/system/jobs/learning.project-reminders/run');
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ trigger: 'manual', ok: true, summary: { overdue: 0, dueSoon: 0 } });
    const after = (await admin.get('/api/v1/system/jobs')).json().items;
    expect(after[1].lastRun).toEqual(run.json());
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'system_job'), eq(auditLog.entityId, 'learning.project-reminders')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'run', organisationId: gov.id, after: { trigger: 'manual', ok: true, summary: { overdue: 0, dueSoon: 0 } } });
  });

  it('is for the system administrator only; an unknown job is a 404 and runs nothing', async () => {
    const gov = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
    const enterprise = await createOrganisation(t.db, { type: 'enterprise' });
    for (const client of [await signIn(t, gov.id, 'department_officer'), await signIn(t, enterprise.id, 'enterprise_admin'), await signIn(t, enterprise.id, 'training_manager')]) {
      expect((await client.get('/api/v1/system/jobs')).statusCode).toBe(403);
      expect((await client.post('/api/v1/system/jobs/exams.finalise-overdue/run')).statusCode).toBe(403);
    }
    const before = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'system_job'));
    const admin = await signIn(t, gov.id, 'system_admin');
    const unknown = await admin.post('/api/v1/system/jobs/no.such-job/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'system_job'))).toHaveLength(before.length);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/system/jobs' })).statusCode).toBe(401);
  });
});
