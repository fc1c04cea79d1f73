import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CreateProjectRequest, ListProjectsQuery, ProjectDetail, TrainingProject, UpdateProjectRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courses, lessons, offlineSessions, projectEnrolmentRules, projectEnrolments, projectStages, roleProfiles, trainingProjects } from '../../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../../lib/context.ts';
import { invalid } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { applyEnrolmentRules } from './enrolment.ts';
import { projectPolicy } from './policy.ts';
import { assertProjectStatus, findProject, selectSessions, stagesOf, type ProjectRow } from './queries.ts';

/*
 * A project's life: draft (stages and their order editable) → active (rules applied, learners enrolled) → closed.
 * Every change is audited.
 */

const P = trainingProjects;
/** The project's own id inside a correlated subquery (drizzle leaves columns unqualified in single-table selects). */
const outerProjectId = sql`${P}."id"`;
const enrolledCount = (status?: string) =>
  sql<number>`(select count(*) from ${projectEnrolments} e where e.project_id = ${outerProjectId} and e.status ${status ? sql`= ${status}` : sql`<> 'withdrawn'`})`.mapWith(Number);
const stageCount = sql<number>`(select count(*) from ${projectStages} s where s.project_id = ${outerProjectId})`.mapWith(Number);

function selectProjects(db: Db) {
  return db
    .select({ project: P, stageCount, enrolledCount: enrolledCount(), completedCount: enrolledCount('completed') })
    .from(P)
    .$dynamic();
}
type ProjectSelection = { project: ProjectRow; stageCount: number; enrolledCount: number; completedCount: number };

function toProject(row: ProjectSelection): TrainingProject {
  const p = row.project;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    status: p.status as TrainingProject['status'],
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    stageCount: row.stageCount,
    enrolledCount: row.enrolledCount,
    completedCount: row.completedCount,
    createdAt: p.createdAt.toISOString(),
  };
}

function checkDates(input: { startsOn?: string | null; endsOn?: string | null }) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw invalid([{ path: 'body.endsOn', code: 'BEFORE_START', message: 'the project ends on or after it starts' }]);
  }
}

/** The organisation's projects, newest first, filtered by status and title. */
export async function listProjects(ctx: Ctx, query: ListProjectsQuery): Promise<Page<TrainingProject>> {
  authorize(ctx.actor, projectPolicy, 'manage');
  const filters: (SQL | undefined)[] = [eq(P.organisationId, ctx.actor.organisationId)];
  if (query.status) filters.push(eq(P.status, query.status));
  if (query.q) filters.push(ilike(P.title, `%${query.q}%`));
  const where = and(...filters);
  const order = orderBy(query.sort, { title: P.title, createdAt: P.createdAt, status: P.status }, [desc(P.createdAt)], P.id);
  return paginate(selectProjects(ctx.db).where(where).orderBy(...order), ctx.db.select(countAll()).from(P).where(where), query, toProject);
}

async function projectSummary(db: Db, id: string): Promise<TrainingProject> {
  const [row] = await selectProjects(db).where(eq(P.id, id));
  return toProject(row!);
}

/** One project with its stages (offline ones with their sessions) and enrolment rules. */
export async function getProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  await findProject(ctx.db, ctx.actor, id);
  return projectDetail(ctx.db, id);
}

export async function projectDetail(db: Db, id: string): Promise<ProjectDetail> {
  const [summary, stages, sessions, rules] = await Promise.all([
    projectSummary(db, id),
    db
      .select({ stage: projectStages, courseTitle: courses.title, lessonTitle: lessons.title })
      .from(projectStages)
      .leftJoin(courses, eq(courses.id, projectStages.courseId))
      .leftJoin(lessons, eq(lessons.id, projectStages.lessonId))
      .where(eq(projectStages.projectId, id))
      .orderBy(asc(projectStages.position)),
    selectSessions(db, eq(offlineSessions.projectId, id)),
    db
      .select({ rule: projectEnrolmentRules, profileName: roleProfiles.name })
      .from(projectEnrolmentRules)
      .leftJoin(roleProfiles, sql`${projectEnrolmentRules.kind} = 'role_profile' and ${roleProfiles.id}::text = ${projectEnrolmentRules.value}`)
      .where(eq(projectEnrolmentRules.projectId, id))
      .orderBy(asc(projectEnrolmentRules.createdAt)),
  ]);
  return {
    ...summary,
    stages: stages.map(({ stage, courseTitle, lessonTitle }) => ({
      id: stage.id,
      position: stage.position,
      kind: stage.kind as ProjectDetail['stages'][number]['kind'],
      title: stage.title,
      description: stage.description,
      courseId: stage.courseId,
      courseTitle,
      lessonId: stage.lessonId,
      lessonTitle,
      dueDays: stage.dueDays,
      passScore: stage.passScore,
      sessions: sessions.filter((s) => s.stageId === stage.id),
    })),
    rules: rules.map(({ rule, profileName }) => ({
      id: rule.id,
      kind: rule.kind as ProjectDetail['rules'][number]['kind'],
      value: rule.value,
      valueLabel: profileName,
      createdAt: rule.createdAt.toISOString(),
    })),
  };
}

/** A new project in draft. */
export async function createProject(ctx: Ctx, input: CreateProjectRequest): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  checkDates(input);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(P)
      .values({
        organisationId: tx.actor.organisationId,
        title: input.title,
        description: input.description ?? '',
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        createdBy: tx.actor.userId,
        createdAt: tx.clock.now(),
        updatedAt: tx.clock.now(),
      })
      .returning();
    await recordAudit(tx, { entityType: 'training_project', entityId: row!.id, action: 'create', organisationId: row!.organisationId, after: { title: row!.title } });
    return projectDetail(tx.db, row!.id);
  });
}

/** Edits the title, description and dates (not of a closed project). */
export async function updateProject(ctx: Ctx, id: string, input: UpdateProjectRequest): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, id, true);
    assertProjectStatus(project, ['draft', 'active'], 'edit');
    checkDates({ startsOn: input.startsOn === undefined ? project.startsOn : input.startsOn, endsOn: input.endsOn === undefined ? project.endsOn : input.endsOn });
    const diff = changedFields(project as unknown as Record<string, unknown>, input);
    if (diff.changed) {
      await tx.db.update(P).set({ ...input, updatedAt: tx.clock.now() }).where(eq(P.id, id));
      await recordAudit(tx, { entityType: 'training_project', entityId: id, action: 'update', organisationId: project.organisationId, before: diff.before, after: diff.after });
    }
    return projectDetail(tx.db, id);
  });
}

async function assertActivatable(db: Db, project: ProjectRow) {
  const stages = await stagesOf(db, [project.id]);
  if (!stages.length) throw invalid([{ path: 'stages', code: 'NO_STAGES', message: 'a project needs at least one stage before it starts' }]);
}

/** draft → active: the enrolment rules are applied at once. */
export async function activateProject(ctx: Ctx, id: string, publicUrl: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, id, true);
    assertProjectStatus(project, ['draft'], 'activate');
    await assertActivatable(tx.db, project);
    await tx.db.update(P).set({ status: 'active', updatedAt: tx.clock.now() }).where(eq(P.id, id));
    await recordAudit(tx, { entityType: 'training_project', entityId: id, action: 'activate', organisationId: project.organisationId, before: { status: 'draft' }, after: { status: 'active' } });
    await applyEnrolmentRules(tx, { ...project, status: 'active' }, publicUrl);
    return projectDetail(tx.db, id);
  });
}

/** active → closed: nobody is enrolled any more; what was completed stays completed. */
export async function closeProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  authorize(ctx.actor, projectPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const project = await findProject(tx.db, tx.actor, id, true);
    assertProjectStatus(project, ['active'], 'close');
    await tx.db.update(P).set({ status: 'closed', updatedAt: tx.clock.now() }).where(eq(P.id, id));
    await recordAudit(tx, { entityType: 'training_project', entityId: id, action: 'close', organisationId: project.organisationId, before: { status: 'active' }, after: { status: 'closed' } });
    return projectDetail(tx.db, id);
  });
}

/** Courses the organisation may use in a stage: its own and the district's published ones. */
export function reachableCourses(organisationId: string) {
  return or(eq(courses.organisationId, organisationId), and(eq(courses.visibility, 'district'), eq(courses.status, 'published')));
}

/** How many of the given courses are reachable (used to validate a stage's content). */
export async function countReachableCourses(db: Db, organisationId: string, ids: string[]) {
  const [row] = await db.select({ n: count() }).from(courses).where(and(inArray(courses.id, ids), reachableCourses(organisationId)));
  return row?.n ?? 0;
}
