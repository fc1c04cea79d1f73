import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { AttendanceState, MyProject, MyProjectDetail, MyStage, RegistrationStatus } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { offlineSessions, projectEnrolments, sessionCheckIns, sessionRegistrations, stageProgress, trainingProjects } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { projectDetail } from './projects.ts';
import { overdueCount, standingsOf } from './progress.ts';
import { personOfUser, requirePerson } from './queries.ts';
import { waitlistPosition } from './registrations.ts';

/*
 * The learner's side: my projects (not those I withdrew from) with progress and the next due date, and one project's
 * stages in order with my standing, my places at its sessions, my attendance and my hand-ins. Reads only: online stages
 * are kept up to date by the projector's listener (online-stages.ts), never here.
 */

type EnrolmentRow = { enrolment: typeof projectEnrolments.$inferSelect; project: typeof trainingProjects.$inferSelect };

async function myEnrolments(db: Db, organisationId: string, personId: string, projectId?: string): Promise<EnrolmentRow[]> {
  return db
    .select({ enrolment: projectEnrolments, project: trainingProjects })
    .from(projectEnrolments)
    .innerJoin(trainingProjects, eq(trainingProjects.id, projectEnrolments.projectId))
    .where(and(eq(projectEnrolments.personId, personId), eq(projectEnrolments.organisationId, organisationId), ne(projectEnrolments.status, 'withdrawn'), projectId ? eq(projectEnrolments.projectId, projectId) : undefined))
    .orderBy(asc(projectEnrolments.status), desc(projectEnrolments.enrolledAt));
}

async function toMyProject(db: Db, row: EnrolmentRow, personId: string, today: string): Promise<MyProject> {
  const stages = (await standingsOf(db, row.project.id, [personId])).get(personId) ?? [];
  const open = stages.filter((s) => s.status !== 'completed' && s.dueOn);
  return {
    id: row.project.id,
    title: row.project.title,
    description: row.project.description,
    projectStatus: row.project.status as MyProject['projectStatus'],
    status: row.enrolment.status as MyProject['status'],
    enrolledAt: row.enrolment.enrolledAt.toISOString(),
    completedAt: row.enrolment.completedAt?.toISOString() ?? null,
    completedStages: stages.filter((s) => s.status === 'completed').length,
    totalStages: stages.length,
    nextDueOn: open.map((s) => s.dueOn!).sort()[0] ?? null,
    overdueStages: row.enrolment.status === 'active' ? overdueCount(stages, today) : 0,
  };
}

/** My projects with my progress. */
export async function myProjects(ctx: Ctx): Promise<{ items: MyProject[] }> {
  const personId = await personOfUser(ctx.db, ctx.actor.userId);
  if (!personId) return { items: [] };
  const rows = await myEnrolments(ctx.db, ctx.actor.organisationId, personId);
  const today = shanghaiDateOf(ctx.clock.now());
  return { items: await Promise.all(rows.map((row) => toMyProject(ctx.db, row, personId, today))) };
}

/** One of my projects, stage by stage. */
export async function myProject(ctx: Ctx, projectId: string): Promise<MyProjectDetail> {
  const personId = await requirePerson(ctx.db, ctx.actor, 'training project');
  const [row] = await myEnrolments(ctx.db, ctx.actor.organisationId, personId, projectId);
  if (!row) throw notFound('training project');
  const [summary, detail, progress, registrations, attendance] = await Promise.all([
    toMyProject(ctx.db, row, personId, shanghaiDateOf(ctx.clock.now())),
    projectDetail(ctx.db, projectId),
    ctx.db.select().from(stageProgress).where(and(eq(stageProgress.projectId, projectId), eq(stageProgress.personId, personId))),
    ctx.db
      .select({ sessionId: sessionRegistrations.sessionId, status: sessionRegistrations.status })
      .from(sessionRegistrations)
      .innerJoin(offlineSessions, eq(offlineSessions.id, sessionRegistrations.sessionId))
      .where(and(eq(offlineSessions.projectId, projectId), eq(sessionRegistrations.personId, personId), inArray(sessionRegistrations.status, ['registered', 'waitlisted']))),
    ctx.db
      .select({ sessionId: sessionCheckIns.sessionId, state: sessionCheckIns.state, checkedInAt: sessionCheckIns.checkedInAt })
      .from(sessionCheckIns)
      .innerJoin(offlineSessions, eq(offlineSessions.id, sessionCheckIns.sessionId))
      .where(and(eq(offlineSessions.projectId, projectId), eq(sessionCheckIns.personId, personId))),
  ]);
  const mine = await Promise.all(
    registrations.map(async (r) => ({ sessionId: r.sessionId, status: r.status as RegistrationStatus, waitlistPosition: await waitlistPosition(ctx.db, r.sessionId, personId) })),
  );
  const stages: MyStage[] = detail.stages.map((stage) => {
    const p = progress.find((x) => x.stageId === stage.id);
    const sessionIds = new Set(stage.sessions.map((s) => s.id));
    return {
      ...stage,
      standing: { stageId: stage.id, status: (p?.status ?? 'not_started') as MyStage['standing']['status'], dueOn: p?.dueOn ?? null, completedAt: p?.completedAt?.toISOString() ?? null, score: p?.score ?? null },
      submission: p?.submittedAt ? { text: p.submission ?? '', attachmentId: p.submissionAttachmentId, submittedAt: p.submittedAt.toISOString(), feedback: p.feedback } : null,
      registrations: mine.filter((r) => sessionIds.has(r.sessionId)),
      attendance: attendance.filter((a) => sessionIds.has(a.sessionId)).map((a) => ({ sessionId: a.sessionId, state: a.state as AttendanceState, checkedInAt: a.checkedInAt?.toISOString() ?? null })),
    };
  });
  return { ...summary, stages };
}
