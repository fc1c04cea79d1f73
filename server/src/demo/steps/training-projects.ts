import { and, asc, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { courses, employments, lessons, memberships, offlineSessions, projectEnrolments, sessionCheckIns, sessionRegistrations, stageProgress, users } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Actor, Ctx } from '../../lib/context.ts';
import { recordLearning } from '../../modules/learning/record.ts';
import { addEnrolmentRule, enrolPeople } from '../../modules/learning/projects/enrolment.ts';
import { activateProject, createProject } from '../../modules/learning/projects/projects.ts';
import { runProjectReminders } from '../../modules/learning/projects/reminders.ts';
import { addStage, createSession } from '../../modules/learning/projects/stages.ts';
import { Random } from '../random.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * Training projects of the showcase enterprise, built through the platform's own functions by its training manager
 * (so the audit trail tells their story): a safety induction for new hires with an offline session TODAY that
 * ent-employee holds a seat at (the QR check-in journey), a hydraulics upgrade for the maintenance department with a
 * past session's attendance and graded and ungraded practical hand-ins, and a draft still being planned.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

class DemoClock implements Clock {
  constructor(private at: Date) {}
  now() {
    return new Date(this.at);
  }
  set(at: Date) {
    this.at = at;
  }
}

async function actorOf(db: Db, username: string, organisationId: string, regionId: string): Promise<Actor> {
  const [row] = await db
    .select({ userId: users.id, displayName: users.displayName, membershipId: memberships.id, role: memberships.role })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)))
    .where(eq(users.username, username));
  if (!row) throw new Error(`demo training projects: no ${username}`);
  return { ...row, role: row.role as Actor['role'], organisationId, organisationType: 'enterprise', departmentKind: null, regionId, locale: 'zh-CN' };
}

/** The course (and its first micro-course lesson) whose title mentions the word, among those the enterprise may use. */
async function courseAbout(db: Db, organisationId: string, word: string) {
  const [course] = await db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(and(ilike(courses.title, `%${word}%`), or(eq(courses.organisationId, organisationId), and(eq(courses.visibility, 'district'), eq(courses.status, 'published')))))
    .orderBy(asc(courses.createdAt))
    .limit(1);
  if (!course) return null;
  const [micro] = await db.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.courseId, course.id), eq(lessons.kind, 'micro_course'))).orderBy(asc(lessons.position)).limit(1);
  return { ...course, microLessonId: micro?.id ?? null };
}

/** The items in an order drawn from the demo's seed (Fisher–Yates). */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const list = [...items];
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const startOfFiveMinutes = (at: Date) => new Date(Math.floor(at.getTime() / (5 * MINUTE)) * 5 * MINUTE);

/** Seats in order of registration; beyond the capacity the waitlist. */
async function register(db: Db, sessionId: string, capacity: number, personIds: string[], from: Date) {
  if (!personIds.length) return;
  await db.insert(sessionRegistrations).values(
    personIds.map((personId, i) => ({ sessionId, personId, status: i < capacity ? 'registered' : 'waitlisted', registeredAt: new Date(from.getTime() + i * 7 * MINUTE) })),
  );
}

interface Built {
  ctx: Ctx;
  clock: DemoClock;
  random: Random;
  publicUrl: string;
  organisationId: string;
}

async function enrolled(db: Db, projectId: string) {
  const rows = await db.select({ personId: projectEnrolments.personId }).from(projectEnrolments).where(eq(projectEnrolments.projectId, projectId)).orderBy(asc(projectEnrolments.personId));
  return rows.map((r) => r.personId);
}

/** 新员工安全上岗培训: new hires by rule; the offline session starts 15 minutes from now, ent-employee has a seat. */
async function safetyInduction(b: Built, employeePersonId: string | null, instructorUserId: string, now: Date) {
  const safety = await courseAbout(b.ctx.db, b.organisationId, '安全');
  b.clock.set(new Date(now.getTime() - 9 * DAY));
  const project = await createProject(b.ctx, { title: '新员工安全上岗培训', description: '入职半年内员工必修：线上安全知识、线下安全上岗现场培训、劳保用品穿戴实操，三周内完成。', startsOn: null, endsOn: null });
  if (safety) await addStage(b.ctx, project.id, { kind: 'online', title: `线上学习：${safety.title}`, courseId: safety.id, dueDays: 7 });
  await addStage(b.ctx, project.id, { kind: 'offline', title: '安全上岗现场培训', description: '车间安全通道、急停装置、消防器材的现场讲解与演练', dueDays: 14 });
  const detail = await addStage(b.ctx, project.id, { kind: 'practical', title: '劳保用品穿戴与点检实操报告', description: '拍照记录穿戴过程并说明点检要点', dueDays: 21, passScore: 60 });
  await addEnrolmentRule(b.ctx, project.id, { kind: 'new_hires', value: '180' }, b.publicUrl);
  await activateProject(b.ctx, project.id, b.publicUrl);
  if (employeePersonId) await enrolPeople(b.ctx, project.id, [employeePersonId], b.publicUrl);
  const offlineStageId = detail.stages.find((s) => s.kind === 'offline')!.id;
  const start = new Date(startOfFiveMinutes(now).getTime() + 15 * MINUTE);
  const today = await createSession(b.ctx, project.id, {
    stageId: offlineStageId, title: '安全上岗现场培训（第二期）', venue: '一号厂房安全体验区', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 60 * MINUTE).toISOString(), capacity: 6, instructorUserId,
  });
  const people = await enrolled(b.ctx.db, project.id);
  const others = people.filter((p) => p !== employeePersonId);
  const todayPeople = [...(employeePersonId ? [employeePersonId] : []), ...shuffled(b.random, others).slice(0, 7)];
  await register(b.ctx.db, today.id, 6, todayPeople, new Date(now.getTime() - 5 * DAY));
  return { projectId: project.id, people, practicalStageId: detail.stages.find((s) => s.kind === 'practical')!.id };
}

/** 液压维修技能提升: the maintenance department by rule, a session held three days ago with its attendance, one in five days. */
async function hydraulics(b: Built, instructorUserId: string, now: Date) {
  const course = await courseAbout(b.ctx.db, b.organisationId, '液压');
  b.clock.set(new Date(now.getTime() - 20 * DAY));
  const project = await createProject(b.ctx, { title: '液压维修技能提升', description: '设备维修部液压维修工能力提升：微课预习、系统课程、线下实操课与液压泵拆装实操考核。', startsOn: null, endsOn: null });
  if (course?.microLessonId) await addStage(b.ctx, project.id, { kind: 'online', title: '微课预习：认识液压元件', lessonId: course.microLessonId, dueDays: 5 });
  if (course) await addStage(b.ctx, project.id, { kind: 'online', title: `系统学习：${course.title}`, courseId: course.id, dueDays: 14 });
  await addStage(b.ctx, project.id, { kind: 'offline', title: '液压站实操课', description: '压力调定、泄压操作与液压泵噪声诊断现场教学', dueDays: 21 });
  const detail = await addStage(b.ctx, project.id, { kind: 'practical', title: '液压泵拆装实操考核', description: '提交拆装步骤、检测数据与故障分析', dueDays: 28, passScore: 70 });
  await addEnrolmentRule(b.ctx, project.id, { kind: 'department', value: '设备维修部' }, b.publicUrl);
  await activateProject(b.ctx, project.id, b.publicUrl);
  const stageId = detail.stages.find((s) => s.kind === 'offline')!.id;
  const pastStart = startOfFiveMinutes(new Date(now.getTime() - 3 * DAY));
  const past = await createSession(b.ctx, project.id, { stageId, title: '液压站实操课（第一期）', venue: '设备维修部实训车间', startsAt: pastStart.toISOString(), endsAt: new Date(pastStart.getTime() + 3 * 60 * MINUTE).toISOString(), capacity: 10, instructorUserId });
  const nextStart = startOfFiveMinutes(new Date(now.getTime() + 5 * DAY));
  const next = await createSession(b.ctx, project.id, { stageId, title: '液压站实操课（第二期）', venue: '设备维修部实训车间', startsAt: nextStart.toISOString(), endsAt: new Date(nextStart.getTime() + 3 * 60 * MINUTE).toISOString(), capacity: 4, instructorUserId });
  const people = shuffled(b.random, await enrolled(b.ctx.db, project.id));
  const attended = people.slice(0, 10);
  await register(b.ctx.db, past.id, 10, attended, new Date(now.getTime() - 10 * DAY));
  await register(b.ctx.db, next.id, 4, people.slice(10, 16), new Date(now.getTime() - 2 * DAY));
  await attendance(b, past.id, stageId, pastStart, attended);
  return { projectId: project.id, people: attended, practicalStageId: detail.stages.find((s) => s.kind === 'practical')!.id };
}

/** Check-ins at a past session: most on time, a few late, some absent; full attendance completes the offline stage. */
async function attendance(b: Built, sessionId: string, stageId: string, start: Date, personIds: string[]) {
  const rows = personIds.flatMap((personId, i) => {
    if (i % 5 === 4) return [];
    const late = i % 5 === 3;
    const checkedInAt = new Date(start.getTime() + (late ? b.random.int(20, 45) : b.random.int(-25, 12)) * MINUTE);
    return [{ sessionId, personId, state: late ? 'partial' : 'full', checkedInAt, method: 'qr', updatedAt: checkedInAt }];
  });
  if (!rows.length) return;
  await b.ctx.db.insert(sessionCheckIns).values(rows);
  for (const row of rows) {
    await b.ctx.db
      .update(stageProgress)
      .set({ status: row.state === 'full' ? 'completed' : 'in_progress', completedAt: row.state === 'full' ? row.checkedInAt : null })
      .where(and(eq(stageProgress.stageId, stageId), eq(stageProgress.personId, row.personId)));
  }
  await recordLearning({ db: b.ctx.db, clock: b.clock, publicUrl: b.publicUrl, scheduleProjection: false }, b.organisationId, rows.map((r) => ({
    personId: r.personId,
    verb: 'checked-in' as const,
    activity: { kind: 'check-in' as const, id: sessionId, name: '液压站实操课（第一期）' },
    result: { success: r.state === 'full' },
    timestamp: r.checkedInAt,
  })));
}

const handIns = [
  '按维修手册拆下液压泵，检查柱塞与缸体配合面，无明显划伤；更换轴封后试机，出口压力 16 MPa，噪声正常。',
  '拆装顺序：泄压→拆管路→拆泵→分解→清洗→检查→装配→试机。发现滤芯堵塞导致吸空，已更换。',
  '完成劳保用品穿戴：安全帽、防护眼镜、防砸鞋、耳塞；点检发现一只手套破损已更换。',
  '对照点检表逐项检查，记录了安全帽有效期、防护眼镜清洁度，附现场照片说明。',
];

/** Hand-ins of a practical stage: some graded (pass and fail), some waiting for the instructor. */
async function practicalWork(b: Built, stageId: string, personIds: string[], graderUserId: string, now: Date, passScore: number) {
  for (const [i, personId] of personIds.slice(0, 6).entries()) {
    const submittedAt = new Date(now.getTime() - (6 - i) * 12 * 60 * MINUTE);
    const graded = i < 3;
    const score = graded ? b.random.int(passScore - 15, 98) : null;
    const passed = score !== null && score >= passScore;
    await b.ctx.db
      .update(stageProgress)
      .set({
        submission: handIns[i % handIns.length]!,
        submittedAt,
        status: graded ? (passed ? 'completed' : 'failed') : 'submitted',
        score,
        feedback: graded ? (passed ? '步骤完整，数据记录清楚。' : '缺少试机压力记录，请补充后重新提交。') : null,
        gradedBy: graded ? graderUserId : null,
        gradedAt: graded ? new Date(submittedAt.getTime() + 6 * 60 * MINUTE) : null,
        completedAt: passed ? new Date(submittedAt.getTime() + 6 * 60 * MINUTE) : null,
      })
      .where(and(eq(stageProgress.stageId, stageId), eq(stageProgress.personId, personId)));
  }
}

/** A draft being planned: stages in place, no learners yet. */
async function draft(b: Built, now: Date) {
  b.clock.set(new Date(now.getTime() - DAY));
  const project = await createProject(b.ctx, { title: '电工作业人员年度复训', description: '持证电工年度复训，计划下月启动。', startsOn: null, endsOn: null });
  await addStage(b.ctx, project.id, { kind: 'offline', title: '电气安全规程复训课', dueDays: 30 });
  await addStage(b.ctx, project.id, { kind: 'practical', title: '停送电操作票填写', dueDays: 30, passScore: 80 });
}

export async function loadTrainingProjects(input: LearningDemoInput): Promise<Record<string, number>> {
  const org = input.world.organisation('showcase');
  const db = input.db;
  const trainer = await actorOf(db, 'ent-trainer', org.id, org.regionId);
  const instructor = await actorOf(db, 'ent-instructor', org.id, org.regionId);
  const [employee] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'ent-employee'));
  const [current] = await db.select({ id: employments.id }).from(employments).where(and(eq(employments.organisationId, org.id), isNull(employments.endDate), inArray(employments.personId, employee?.personId ? [employee.personId] : []))).limit(1);
  const clock = new DemoClock(input.now);
  const b: Built = { ctx: { db, actor: trainer, clock, requestId: null, ip: null }, clock, random: new Random(input.seed + 606), publicUrl: input.publicUrl, organisationId: org.id };
  const safety = await safetyInduction(b, current ? employee!.personId : null, instructor.userId, input.now);
  const hyd = await hydraulics(b, instructor.userId, input.now);
  await draft(b, input.now);
  await practicalWork(b, safety.practicalStageId, safety.people.filter((p) => p !== employee?.personId), instructor.userId, input.now, 60);
  await practicalWork(b, hyd.practicalStageId, hyd.people, instructor.userId, input.now, 70);
  const reminders = await runProjectReminders(db, { now: () => input.now }, org.id);
  const sessions = await db.select({ id: offlineSessions.id }).from(offlineSessions).where(eq(offlineSessions.organisationId, org.id));
  return { trainingProjects: 3, offlineSessions: sessions.length, projectReminders: reminders.dueSoon + reminders.overdue };
}
