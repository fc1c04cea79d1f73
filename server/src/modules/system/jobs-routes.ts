import type { FastifyInstance } from 'fastify';
import { jobNameParams, jobRun, scheduledJobList } from '@fulcrum/shared';
import { recordAudit } from '../../lib/audit.ts';
import { authorize, definePolicy } from '../../lib/authorize.ts';
import { notFound } from '../../lib/errors.ts';
import { ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import { JOB_TIMEZONE, lastRunOf, nextRunOf, runJob } from '../../lib/jobs.ts';
import { findJob, jobs } from './jobs.ts';

const jobPolicy = definePolicy({ operate: ['system_admin'] });

/** The scheduler's jobs for the system administrator: when each runs next, its last run here, and a run by hand (audited). */
export const jobRoutes = (deps: ModuleDeps, publicUrl: string) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const tags = ['system'];
  const { db } = deps.database;

  app.get('/system/jobs', { schema: { tags, summary: 'Scheduled jobs: schedule, next run, last run in this process (system admin)', response: { 200: scheduledJobList } } }, (request) => {
    authorize(ctxOf(request, deps).actor, jobPolicy, 'operate');
    const now = deps.clock.now();
    return {
      items: jobs.map((job) => ({
        name: job.name,
        schedule: job.schedule,
        timezone: JOB_TIMEZONE,
        description: job.description,
        nextRunAt: nextRunOf(job, now)?.toISOString() ?? null,
        lastRun: lastRunOf(db, job.name),
      })),
    };
  });

  app.post(
    '/system/jobs/:name/run',
    { schema: { tags, summary: 'Run a scheduled job now (system admin; audited; 409 while it runs)', params: jobNameParams, response: { 200: jobRun } } },
    async (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, jobPolicy, 'operate');
      const job = findJob(request.params.name);
      if (!job) throw notFound('job');
      const run = await runJob(job, { db, clock: deps.clock, publicUrl }, 'manual');
      await recordAudit(ctx, { entityType: 'system_job', entityId: job.name, action: 'run', organisationId: ctx.actor.organisationId, after: run });
      return run;
    },
  );
};
