import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { jobs } from '../modules/system/jobs.ts';
import { ManualClock } from './clock.ts';
import { defineJobs, lastRunOf, nextRunOf, runJob, type Job } from './jobs.ts';

const job = (over: Partial<Job> = {}): Job => ({ name: 'test.job', schedule: '0 8 * * *', description: { 'zh-CN': '测试', 'en-US': 'Test' }, run: async () => ({ done: 1 }), ...over });

describe('the job registry', () => {
  it('parses every registered schedule and finds the next run in Asia/Shanghai', () => {
    const byName = new Map(jobs.map((j) => [j.name, j]));
    expect([...byName.keys()]).toEqual(['exams.finalise-overdue', 'learning.project-reminders', 'coach.fit', 'coach.push']);
    const at = new Date('2026-03-02T07:59:30+08:00');
    expect(nextRunOf(byName.get('exams.finalise-overdue')!, at)?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(nextRunOf(byName.get('learning.project-reminders')!, at)?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    // After 08:00 Shanghai (00:00 UTC) the daily job waits for tomorrow's 08:00, whatever the host's timezone.
    expect(nextRunOf(byName.get('learning.project-reminders')!, new Date('2026-03-02T08:00:00+08:00'))?.toISOString()).toBe('2026-03-03T00:00:00.000Z');
    // The coach refits at 02:30 and pushes at 07:30, Shanghai time.
    expect(nextRunOf(byName.get('coach.fit')!, at)?.toISOString()).toBe('2026-03-02T18:30:00.000Z');
    expect(nextRunOf(byName.get('coach.push')!, at)?.toISOString()).toBe('2026-03-02T23:30:00.000Z');
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
