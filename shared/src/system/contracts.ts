import { z } from 'zod';
import { roles } from '../auth/roles.ts';

/** The one password of every demo account: published, which is why the demo never loads on a real installation by default. */
export const DEMO_PASSWORD = 'Fulcrum-demo-2026';

/** A sign-in of the demo district, shown on the login page while the demo is loaded; never a password. */
export const demoAccount = z.object({
  username: z.string(),
  role: z.enum(roles),
  organisationName: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccount>;

/** What anyone may know about this installation before signing in. */
export const systemInfo = z.object({
  demo: z.boolean().describe('true while the synthetic demo district is loaded'),
  demoAccounts: z.array(demoAccount).optional().describe('the demo sign-ins, one per role; only while the demo is loaded'),
});
export type SystemInfo = z.infer<typeof systemInfo>;

/** The server clock of an installation started with SHIFTABLE_CLOCK=1 (demonstrations and browser tests). */
export const clockState = z.object({
  now: z.iso.datetime({ offset: true }),
  offsetDays: z.number().describe('how far the clock runs ahead of real time, in days'),
});
export type ClockState = z.infer<typeof clockState>;
export const advanceClockRequest = z.strictObject({ days: z.number().int().min(1).max(400) });

/** How a scheduled job's run began: by its schedule, or by an administrator (POST /system/jobs/:name/run). */
export const jobTriggers = ['schedule', 'manual'] as const;
export type JobTrigger = (typeof jobTriggers)[number];

/** One run of a job in this server process: what it did (counts) or why it failed. */
export const jobRun = z.object({
  trigger: z.enum(jobTriggers),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  ok: z.boolean(),
  summary: z.record(z.string(), z.number()).nullable().describe('what the run changed, e.g. { finalised: 2 }; null when it failed'),
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRun>;

/** A job of the in-process scheduler (decision 014). */
export const scheduledJob = z.object({
  name: z.string(),
  schedule: z.string().describe('cron expression, read in the timezone below'),
  timezone: z.string(),
  description: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  nextRunAt: z.iso.datetime({ offset: true }).nullable().describe('when the schedule fires next (whether or not this process runs the scheduler)'),
  lastRun: jobRun.nullable().describe('the latest run in this server process, by schedule or by hand'),
});
export type ScheduledJob = z.infer<typeof scheduledJob>;
export const scheduledJobList = z.object({ items: z.array(scheduledJob) });
export type ScheduledJobList = z.infer<typeof scheduledJobList>;
export const jobNameParams = z.strictObject({ name: z.string().min(1).max(100) });
