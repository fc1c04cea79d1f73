import { defineJobs } from '../../lib/jobs.ts';
import { runCoachFit } from '../coach/fit.ts';
import { runCoachPushes } from '../coach/pushes.ts';
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
  {
    name: 'coach.fit',
    schedule: '30 2 * * *',
    description: {
      'zh-CN': '每天 02:30 按全部作答重新拟合各知识点的掌握模型（BKT，数据不足时用默认参数），据此重算每人的掌握度，并为作答足够的考题标定难度与区分度（2PL）',
      'en-US': 'Daily at 02:30: refits each knowledge point’s mastery model (BKT, defaults while data are thin) from every answer, recomputes everyone’s mastery with it, and calibrates exam questions with enough answers (2PL)',
    },
    run: (deps) => runCoachFit(deps),
  },
  {
    name: 'coach.push',
    schedule: '30 7 * * *',
    description: {
      'zh-CN': '每天 07:30 为设有岗位能力模型的学员推送当天的 AI 教练学习建议（每人每天至多 3 条，附站内通知；重复运行不重复推送）',
      'en-US': 'Daily at 07:30: pushes the AI coach’s picks of the day to every learner with a role profile (at most 3 each, with an in-app notification; a rerun adds nothing)',
    },
    run: runCoachPushes,
  },
]);

/** A job by name, or undefined. */
export const findJob = (name: string) => jobs.find((job) => job.name === name);
