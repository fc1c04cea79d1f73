import { Cron } from 'croner';
import type { JobRun, JobTrigger } from '@fulcrum/shared';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

/*
 * The in-process job scheduler (decision 014): named jobs on cron schedules read in Asia/Shanghai, started only by the
 * server's entry point and stopped on shutdown. A job never overlaps itself in a process (croner's `protect`, and a
 * manual run while one is going is refused); across processes every job must be idempotent — it derives what is due
 * from the database and writes each change once (row locks, unique keys) — so two servers running it is harmless.
 */

export const JOB_TIMEZONE = 'Asia/Shanghai';

/** What a job runs with: the root database (it opens its own transactions), the clock, the public address. */
export interface JobDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
}

/** Counts of what a run changed, e.g. `{ finalised: 2 }` (zeros when there was nothing to do). */
export type JobSummary = Record<string, number>;

export interface Job {
  name: string;
  /** Cron expression (5 fields, or 6 with seconds), read in JOB_TIMEZONE. */
  schedule: string;
  description: { 'zh-CN': string; 'en-US': string };
  run(deps: JobDeps): Promise<JobSummary>;
}

const pattern = (job: Pick<Job, 'schedule'>) => new Cron(job.schedule, { timezone: JOB_TIMEZONE, paused: true });

/** Checks a registry once, at load: unique names and schedules croner parses (a bad one throws here, not at 08:00). */
export function defineJobs(jobs: Job[]): readonly Job[] {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job ${job.name} is defined twice`);
    names.add(job.name);
    pattern(job).stop();
  }
  return Object.freeze([...jobs]);
}

/** When the job's schedule fires next after the given moment. */
export function nextRunOf(job: Pick<Job, 'schedule'>, after: Date): Date | null {
  const cron = pattern(job);
  const next = cron.nextRun(after);
  cron.stop();
  return next;
}

/** Runs of this process, per database (each test app has its own), and the jobs running now. */
const lastRuns = new WeakMap<Db, Map<string, JobRun>>();
const running = new WeakMap<Db, Set<string>>();

/** The latest run of a job in this process, or null. */
export const lastRunOf = (db: Db, name: string): JobRun | null => lastRuns.get(db)?.get(name) ?? null;

/** Runs a job now and remembers the run; a run of the same job still going in this process makes it a 409. */
export async function runJob(job: Job, deps: JobDeps, trigger: JobTrigger): Promise<JobRun> {
  const busy = running.get(deps.db) ?? new Set<string>();
  running.set(deps.db, busy);
  if (busy.has(job.name)) throw new AppError('CONFLICT', `the job ${job.name} is running`, { reason: 'JOB_RUNNING' });
  busy.add(job.name);
  const startedAt = deps.clock.now();
  let run: JobRun;
  try {
    const summary = await job.run(deps);
    run = { trigger, startedAt: startedAt.toISOString(), finishedAt: deps.clock.now().toISOString(), ok: true, summary, error: null };
  } catch (error) {
    run = { trigger, startedAt: startedAt.toISOString(), finishedAt: deps.clock.now().toISOString(), ok: false, summary: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    busy.delete(job.name);
  }
  const runs = lastRuns.get(deps.db) ?? new Map<string, JobRun>();
  runs.set(job.name, run);
  lastRuns.set(deps.db, runs);
  return run;
}

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Starts every job on its schedule; answers the function that stops them and waits for runs under way (shutdown). */
export function startJobs(jobs: readonly Job[], deps: JobDeps, log: JobLog): () => Promise<void> {
  const underWay = new Set<Promise<void>>();
  const tick = async (job: Job) => {
    try {
      const run = await runJob(job, deps, 'schedule');
      if (run.ok) log.info({ job: job.name, summary: run.summary }, 'scheduled job ran');
      else log.error({ job: job.name, error: run.error }, 'scheduled job failed');
    } catch (error) {
      // A manual run of the same job was going: this tick is skipped.
      log.info({ job: job.name, reason: error instanceof Error ? error.message : String(error) }, 'scheduled job skipped');
    }
  };
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { name: job.name, timezone: JOB_TIMEZONE, protect: true, unref: true }, () => {
        const run = tick(job).finally(() => underWay.delete(run));
        underWay.add(run);
        return run;
      }),
  );
  return async () => {
    for (const cron of crons) cron.stop();
    await Promise.allSettled([...underWay]);
  };
}
