import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { jobs } from '../modules/system/jobs.ts';
import { ManualClock } from './clock.ts';
import { defineJobs, lastRunOf, nextRunOf, runJob, type Job } from './jobs.ts';

const job = (over: Partial<Job> = {}): Job => ({ name: 'test.job', schedule: '0 8 * * *', description: { 'zh-CN': '测试', 'en-US': 'Test' }, run: async () => ({ done: 1 }), ...over });

describe('the job registry', () => {
  it('parses every registered schedule and finds the next run in Asia/Shanghai', () => {
    expect(jobs.map((j) => j.name)).toEqual(['exams.finalise-overdue', 'learning.project-reminders']);
    const at = new Date('2026-03-02T07:59:30+08:00');
    expect(nextRunOf(jobs[0]!, at)?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(nextRunOf(jobs[1]!, at)?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    // After 08:00 Shanghai (00:00 UTC) the daily job waits for tomorrow's 08:00, whatever the host's timezone.
    expect(nextRunOf(jobs[1]!, new Date('2026-03-02T08:00:00+08:00'))?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('refuses a schedule that does not parse and a name used twice', () => {
    expect(() => defineJobs([job({ schedule: '61 * * * *' })])).toThrow();
    expect(() => defineJobs([job(), job()])).toThrow(/twice/);
  });

  it('remembers the last run with its summary or error, and refuses to overlap a run of the same job', async () => {
    const db = {} as Db;
    const clock = new ManualClock();
    let release!: () => void;
    const slow = job({ run: () => new Promise((resolve) => (release = () => resolve({ done: 2 }))) });
    const first = runJob(slow, { db, clock, publicUrl: 'http://test' }, 'schedule');
    await expect(runJob(slow, { db, clock, publicUrl: 'http://test' }, 'manual')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'JOB_RUNNING' } });
    release();
    expect(await first).toMatchObject({ trigger: 'schedule', ok: true, summary: { done: 2 }, error: null });
    const failed = await runJob(job({ run: () => Promise.reject(new Error('database gone')) }), { db, clock, publicUrl: 'http://test' }, 'manual');
    expect(failed).toMatchObject({ ok: false, summary: null, error: 'database gone' });
    expect(lastRunOf(db, 'test.job')).toEqual(failed);
    expect(lastRunOf({} as Db, 'test.job')).toBeNull();
  });
});
