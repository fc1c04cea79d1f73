import { defineJobs } from '../../lib/jobs.ts';
import { finaliseOverdue } from '../learning/exams/finalise.ts';
import { runProjectReminders } from '../learning/projects/reminders.ts';

/*
 * What the scheduler runs (decision 014). Each job is idempotent: it works out from the database what is due now,
 * so a missed tick is caught up by the next one and a second process running it changes nothing more.
 */
export const jobs = defineJobs([
  {
    name: 'exams.finalise-overdue',
    schedule: '* * * * *',
    description: {
      'zh-CN': '每分钟提交已到时限仍未交卷的考试作答，并自动评分（简答题等待阅卷）',
      'en-US': 'Every minute: submits exam attempts whose time ran out and grades them (short answers wait for an instructor)',
    },
    run: ({ db, clock, publicUrl }) => finaliseOverdue(db, clock, publicUrl),
  },
  {
    name: 'learning.project-reminders',
    schedule: '0 8 * * *',
    description: {
      'zh-CN': '每天 08:00 为培训项目中即将到期和已逾期的学习任务发送提醒（同一任务同类提醒只发一次）',
      'en-US': 'Daily at 08:00: reminds learners of project stages due soon or overdue (each reminder once)',
    },
    run: async ({ db, clock }) => ({ ...(await runProjectReminders(db, clock)) }),
  },
]);

/** A job by name, or undefined. */
export const findJob = (name: string) => jobs.find((job) => job.name === name);
