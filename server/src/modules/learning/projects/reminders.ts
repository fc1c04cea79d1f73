import { and, eq, isNotNull, lte, ne } from 'drizzle-orm';
import type { ReminderRunResult } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { projectEnrolments, projectStages, stageProgress, trainingProjects } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Ctx } from '../../../lib/context.ts';
import { addCalendarDays, shanghaiDateOf } from '../../../lib/working-days.ts';
import { notify, type NewNotification } from './notifications.ts';
import { projectPolicy } from './policy.ts';

/*
 * Reminders: for every unfinished stage of an active learner in an active project, one notice when it falls due
 * within DUE_SOON_DAYS (Asia/Shanghai dates) and one once it is overdue. The dedupe keys (stage + kind) make running
 * the job again write nothing new. Run on demand by managers (POST /learning/projects/reminders/run) and daily at 08:00
 * by the scheduled job `learning.project-reminders` (decision 014).
 */

export const DUE_SOON_DAYS = 3;

function reminderOf(row: { organisationId: string; personId: string; projectId: string; projectTitle: string; stageId: string; stageTitle: string; dueOn: string }, overdue: boolean): NewNotification {
  const what = `「${row.projectTitle}」·「${row.stageTitle}」`;
  return {
    organisationId: row.organisationId,
    personId: row.personId,
    kind: overdue ? 'stage_overdue' : 'stage_due_soon',
    dedupeKey: `${overdue ? 'overdue' : 'due-soon'}:${row.stageId}`,
    title: overdue ? { 'zh-CN': '学习任务已逾期', 'en-US': 'A stage is overdue' } : { 'zh-CN': '学习任务即将到期', 'en-US': 'A stage is due soon' },
    body: overdue
      ? { 'zh-CN': `${what}已于 ${row.dueOn} 到期，请尽快完成。`, 'en-US': `"${row.stageTitle}" of "${row.projectTitle}" was due on ${row.dueOn}.` }
      : { 'zh-CN': `${what}将于 ${row.dueOn} 到期。`, 'en-US': `"${row.stageTitle}" of "${row.projectTitle}" is due on ${row.dueOn}.` },
    link: `/m/projects/${row.projectId}`,
  };
}

/** The job: writes the reminders due today for one organisation (or all); answers how many new ones of each kind. */
export async function runProjectReminders(db: Db, clock: Clock, organisationId?: string): Promise<ReminderRunResult> {
  const today = shanghaiDateOf(clock.now());
  const rows = await db
    .select({
      organisationId: trainingProjects.organisationId,
      personId: stageProgress.personId,
      projectId: trainingProjects.id,
      projectTitle: trainingProjects.title,
      stageId: stageProgress.stageId,
      stageTitle: projectStages.title,
      dueOn: stageProgress.dueOn,
    })
    .from(stageProgress)
    .innerJoin(projectStages, eq(projectStages.id, stageProgress.stageId))
    .innerJoin(trainingProjects, eq(trainingProjects.id, stageProgress.projectId))
    .innerJoin(projectEnrolments, and(eq(projectEnrolments.projectId, stageProgress.projectId), eq(projectEnrolments.personId, stageProgress.personId)))
    .where(
      and(
        eq(trainingProjects.status, 'active'),
        eq(projectEnrolments.status, 'active'),
        ne(stageProgress.status, 'completed'),
        isNotNull(stageProgress.dueOn),
        lte(stageProgress.dueOn, addCalendarDays(today, DUE_SOON_DAYS)),
        organisationId ? eq(trainingProjects.organisationId, organisationId) : undefined,
      ),
    );
  const due = rows.map((r) => ({ ...r, dueOn: r.dueOn! }));
  const overdue = due.filter((r) => r.dueOn < today);
  const soon = due.filter((r) => r.dueOn >= today);
  const now = clock.now();
  return {
    overdue: await notify(db, now, overdue.map((r) => reminderOf(r, true))),
    dueSoon: await notify(db, now, soon.map((r) => reminderOf(r, false))),
  };
}

/** A manager's run of the job for their organisation (audited with what it wrote). */
export async function runRemindersNow(ctx: Ctx): Promise<ReminderRunResult> {
  authorize(ctx.actor, projectPolicy, 'manage');
  const result = await runProjectReminders(ctx.db, ctx.clock, ctx.actor.organisationId);
  await recordAudit(ctx, { entityType: 'project_reminders', entityId: ctx.actor.organisationId, action: 'run', organisationId: ctx.actor.organisationId, after: result });
  return result;
}
