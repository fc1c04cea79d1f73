import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { CreateSessionRequest, CreateStageRequest, OfflineSession, ProjectDetail, ProjectOptions, UpdateStageRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courses, learnerProfiles, lessons, memberships, offlineSessions, projectStages, roleProfiles, users } from '../../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import { projectPolicy } from './policy.ts';
import { countReachableCourses, projectDetail, reachableCourses } from './projects.ts';
import { assertProjectStatus, findProject, findStage, selectSessions, stagesOf, type StageRow } from './queries.ts';

/*
 * Stages (editable, with their order and due days, while the project is a draft) and the offline sessions of offline
 * stages (added until the project closes; each gets its own check-in secret, which never leaves the server).
 */

type StageContent = { kind: string; courseId: string | null; lessonId: string | null; passScore: number | null };

/** The content rules of a stage kind: online needs one course or micro-course lesson, practical a pass score. */
async function checkStageContent(db: Db, organisationId: string, stage: StageContent) {
  if (stage.kind === 'online') {
    if (Boolean(stage.courseId) === Boolean(stage.lessonId)) {
      throw invalid([{ path: 'body.courseId', code: 'ONE_CONTENT', message: 'an online stage names either a course or a micro-course lesson' }]);
    }
    if (stage.courseId && !(await countReachableCourses(db, organisationId, [stage.courseId]))) {
      throw invalid([{ path: 'body.courseId', code: 'UNKNOWN_COURSE', message: 'no such course in your catalogue' }]);
    }
    if (stage.lessonId) await checkLesson(db, organisationId, stage.lessonId);
    return;
  }
  if (stage.courseId || stage.lessonId) {
    throw invalid([{ path: 'body.courseId', code: 'NOT_ONLINE', message: 'only online stages name a course or lesson' }]);
  }
  if (stage.kind === 'practical' && stage.passScore === null) {
    throw invalid([{ path: 'body.passScore', code: 'REQUIRED', message: 'a practical task needs a pass score out of 100' }]);
  }
}

async function checkLesson(db: Db, organisationId: string, lessonId: string) {
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(eq(lessons.id, lessonId), eq(lessons.kind, 'micro_course'), reachableCourses(organisationId)));
  if (!lesson) throw invalid([{ path: 'body.lessonId', code: 'UNKNOWN_LESSON', message: 'no such micro-course lesson in your catalogue' }]);
}

async function draftProject(ctx: Ctx, projectId: string) {
  const project = await findProject(ctx.db, ctx.actor, projectId, true);
  assertProjectStatus(project, ['draft'], 'edit the stages of');
  return project;
}

/** Appends a stage to a draft project. */
export async function addStage(ctx: Ctx, projectId: string, input: CreateStageRequest): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await draftProject(tx, projectId);
    const stage = { kind: input.kind, courseId: input.courseId ?? null, lessonId: input.lessonId ?? null, passScore: input.passScore ?? null };
    await checkStageContent(tx.db, project.organisationId, stage);
    const [last] = await tx.db.select({ n: max(projectStages.position) }).from(projectStages).where(eq(projectStages.projectId, projectId));
    const [row] = await tx.db
      .insert(projectStages)
      .values({ ...stage, projectId, position: (last?.n ?? 0) + 1, title: input.title, description: input.description ?? '', dueDays: input.dueDays ?? null })
      .returning();
    await recordAudit(tx, { entityType: 'project_stage', entityId: row!.id, action: 'create', organisationId: project.organisationId, after: { projectId, kind: row!.kind, title: row!.title } });
    return projectDetail(tx.db, projectId);
  });
}

/** Edits a stage of a draft project (its kind stays). */
export async function updateStage(ctx: Ctx, projectId: string, stageId: string, input: UpdateStageRequest): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await draftProject(tx, projectId);
    const stage = await findStage(tx.db, projectId, stageId);
    const next = { ...stage, ...input } as StageRow;
    await checkStageContent(tx.db, project.organisationId, next);
    const diff = changedFields(stage as unknown as Record<string, unknown>, input);
    if (diff.changed) {
      await tx.db.update(projectStages).set(input).where(eq(projectStages.id, stageId));
      await recordAudit(tx, { entityType: 'project_stage', entityId: stageId, action: 'update', organisationId: project.organisationId, before: diff.before, after: diff.after });
    }
    return projectDetail(tx.db, projectId);
  });
}

/** Removes a stage (and its sessions) from a draft project; the others close ranks. */
export async function deleteStage(ctx: Ctx, projectId: string, stageId: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await draftProject(tx, projectId);
    const stage = await findStage(tx.db, projectId, stageId);
    await tx.db.delete(projectStages).where(eq(projectStages.id, stageId));
    const rest = await stagesOf(tx.db, [projectId]);
    await renumber(tx.db, rest.map((s) => s.id));
    await recordAudit(tx, { entityType: 'project_stage', entityId: stageId, action: 'delete', organisationId: project.organisationId, before: { title: stage.title, position: stage.position } });
    return projectDetail(tx.db, projectId);
  });
}

async function renumber(db: Db, stageIds: string[]) {
  for (const [i, id] of stageIds.entries()) await db.update(projectStages).set({ position: i + 1 }).where(eq(projectStages.id, id));
}

/** Sets the order of a draft project's stages: every stage named exactly once. */
export async function reorderStages(ctx: Ctx, projectId: string, stageIds: string[]): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await draftProject(tx, projectId);
    const current = await stagesOf(tx.db, [projectId]);
    const known = new Set(current.map((s) => s.id));
    if (stageIds.length !== current.length || new Set(stageIds).size !== stageIds.length || stageIds.some((id) => !known.has(id))) {
      throw invalid([{ path: 'body.stageIds', code: 'NOT_A_PERMUTATION', message: 'name every stage of the project exactly once' }]);
    }
    await renumber(tx.db, stageIds);
    await recordAudit(tx, {
      entityType: 'training_project',
      entityId: projectId,
      action: 'reorder_stages',
      organisationId: project.organisationId,
      before: { stageIds: current.map((s) => s.id) },
      after: { stageIds },
    });
    return projectDetail(tx.db, projectId);
  });
}

async function checkInstructor(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.role, 'instructor'), isNull(memberships.revokedAt)));
  if (!row) throw invalid([{ path: 'body.instructorUserId', code: 'NOT_AN_INSTRUCTOR', message: 'not an instructor of your organisation' }]);
}

/** Schedules an offline session of an offline stage (not in a closed project). */
export async function createSession(ctx: Ctx, projectId: string, input: CreateSessionRequest): Promise<OfflineSession> {
  authorize(ctx.actor, projectPolicy, 'manage');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalid([{ path: 'body.endsAt', code: 'BEFORE_START', message: 'a session ends after it starts' }]);
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, projectId, true);
    assertProjectStatus(project, ['draft', 'active'], 'schedule sessions of');
    const [stage] = await tx.db.select().from(projectStages).where(and(eq(projectStages.id, input.stageId), eq(projectStages.projectId, projectId)));
    if (stage?.kind !== 'offline') throw invalid([{ path: 'body.stageId', code: 'NOT_OFFLINE_STAGE', message: 'an offline stage of this project' }]);
    await checkInstructor(tx.db, project.organisationId, input.instructorUserId);
    const [row] = await tx.db
      .insert(offlineSessions)
      .values({
        organisationId: project.organisationId,
        projectId,
        stageId: stage.id,
        title: input.title,
        venue: input.venue,
        startsAt,
        endsAt,
        capacity: input.capacity,
        instructorUserId: input.instructorUserId,
        checkInSecret: randomBytes(32).toString('hex'),
        createdAt: tx.clock.now(),
      })
      .returning({ id: offlineSessions.id });
    await recordAudit(tx, {
      entityType: 'offline_session',
      entityId: row!.id,
      action: 'create',
      organisationId: project.organisationId,
      after: { projectId, stageId: stage.id, title: input.title, venue: input.venue, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity },
    });
    const [session] = await selectSessions(tx.db, eq(offlineSessions.id, row!.id));
    return session!;
  });
}

/** What the project editor picks from: the organisation's instructors, courses, micro-courses, departments, role profiles. */
export async function projectOptions(ctx: Ctx): Promise<ProjectOptions> {
  authorize(ctx.actor, projectPolicy, 'manage');
  const organisationId = ctx.actor.organisationId;
  const [instructors, courseRows, lessonRows, departments, profiles] = await Promise.all([
    ctx.db
      .select({ userId: users.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'instructor'), isNull(memberships.revokedAt), eq(users.disabled, false)))
      .orderBy(asc(users.displayName)),
    ctx.db.select({ id: courses.id, title: courses.title }).from(courses).where(reachableCourses(organisationId)).orderBy(asc(courses.title)),
    ctx.db
      .select({ id: lessons.id, title: lessons.title, courseTitle: courses.title })
      .from(lessons)
      .innerJoin(courses, eq(courses.id, lessons.courseId))
      .where(and(eq(lessons.kind, 'micro_course'), reachableCourses(organisationId)))
      .orderBy(asc(courses.title), asc(lessons.position)),
    ctx.db
      .selectDistinct({ department: learnerProfiles.department })
      .from(learnerProfiles)
      .where(eq(learnerProfiles.organisationId, organisationId))
      .orderBy(asc(learnerProfiles.department)),
    ctx.db.select({ id: roleProfiles.id, name: roleProfiles.name }).from(roleProfiles).where(and(eq(roleProfiles.organisationId, organisationId), eq(roleProfiles.isTemplate, false))).orderBy(asc(roleProfiles.name)),
  ]);
  return {
    instructors,
    courses: courseRows.map((c) => ({ ...c, kind: 'course' as const, courseTitle: null })),
    lessons: lessonRows.map((l) => ({ ...l, kind: 'lesson' as const })),
    departments: departments.flatMap((d) => (d.department ? [d.department] : [])),
    roleProfiles: profiles,
  };
}
