import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { learningActivityIri, type ProjectEnrolment, type StageStanding } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { learningProgress, offlineSessions, people, projectEnrolments, projectStages, sessionCheckIns, stageProgress } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import type { Actor, Ctx } from '../../../lib/context.ts';
import { orderBy, paginate, type ListParams, type Page } from '../../../lib/list.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import type { StageRow } from './queries.ts';

/*
 * Stage progress: online stages follow the learning record (learning_progress, projected from the statements) for
 * their course or micro-course lesson; offline stages follow attendance (a full attendance at any of the stage's
 * sessions completes it; a late, partial one does not); practical tasks follow the instructor's grade. When every
 * stage is completed the enrolment is completed with `completed_at` — what certificates issue on. Completion is final:
 * an online stage once completed stays so, which also makes replaying the projection (a rebuild, whose learning
 * progress is partial until the replay ends) leave stage progress as it was.
 */

/** A context with or without someone acting: a request, or the projector and scheduled jobs (audited as the system). */
export type ProgressCtx = Pick<Ctx, 'db' | 'clock' | 'requestId' | 'ip'> & { actor: Actor | null };

/** The activity IRIs whose completion completes an online stage (a lesson may be recorded as lesson or micro-course). */
export function stageActivityIris(publicUrl: string, stage: Pick<StageRow, 'courseId' | 'lessonId'>): string[] {
  if (stage.courseId) return [learningActivityIri(publicUrl, 'course', stage.courseId)];
  if (stage.lessonId) return [learningActivityIri(publicUrl, 'lesson', stage.lessonId), learningActivityIri(publicUrl, 'micro-course', stage.lessonId)];
  return [];
}

type Standing = { status: string; completedAt: Date | null };

/** Writes a stage's standing when it changed (never undoing a completion when `final`); answers whether it did. */
async function setStanding(db: Db, stageId: string, personId: string, next: Standing, final = false): Promise<boolean> {
  const updated = await db
    .update(stageProgress)
    .set(next)
    .where(and(eq(stageProgress.stageId, stageId), eq(stageProgress.personId, personId), ne(stageProgress.status, next.status), final ? ne(stageProgress.status, 'completed') : undefined))
    .returning({ personId: stageProgress.personId });
  return updated.length > 0;
}

/**
 * Online stages of a project from the projection, for its active learners (or those given); then completions. Runs
 * where learning progress changes (the projector's listener) and where an enrolment starts, never on a read.
 */
export async function refreshOnlineStages(ctx: ProgressCtx, publicUrl: string, projectId: string, personIds?: string[]): Promise<void> {
  const stages = await ctx.db.select().from(projectStages).where(and(eq(projectStages.projectId, projectId), eq(projectStages.kind, 'online')));
  const active = await ctx.db
    .select({ personId: projectEnrolments.personId })
    .from(projectEnrolments)
    .where(and(eq(projectEnrolments.projectId, projectId), eq(projectEnrolments.status, 'active'), personIds ? inArray(projectEnrolments.personId, personIds) : undefined));
  const learners = active.map((a) => a.personId);
  if (!stages.length || !learners.length) return;
  const changed = new Set<string>();
  for (const stage of stages) {
    const rows = await ctx.db
      .select({ personId: learningProgress.personId, completed: sql<boolean>`bool_or(${learningProgress.completed})`, lastAt: sql<string>`max(${learningProgress.lastAt})` })
      .from(learningProgress)
      .where(and(inArray(learningProgress.activityId, stageActivityIris(publicUrl, stage)), inArray(learningProgress.personId, learners)))
      .groupBy(learningProgress.personId);
    for (const row of rows) {
      const next = row.completed ? { status: 'completed', completedAt: new Date(row.lastAt) } : { status: 'in_progress', completedAt: null };
      if (await setStanding(ctx.db, stage.id, row.personId, next, true)) changed.add(row.personId);
    }
  }
  for (const id of changed) await completeIfDone(ctx, projectId, id);
}

/** An offline stage's standing from the person's attendance at its sessions. */
export async function refreshOfflineStage(ctx: ProgressCtx, stageId: string, projectId: string, personId: string): Promise<void> {
  const rows = await ctx.db
    .select({ state: sessionCheckIns.state, checkedInAt: sessionCheckIns.checkedInAt, updatedAt: sessionCheckIns.updatedAt })
    .from(sessionCheckIns)
    .innerJoin(offlineSessions, eq(offlineSessions.id, sessionCheckIns.sessionId))
    .where(and(eq(offlineSessions.stageId, stageId), eq(sessionCheckIns.personId, personId)));
  const full = rows.find((r) => r.state === 'full');
  const next = full
    ? { status: 'completed', completedAt: full.checkedInAt ?? full.updatedAt }
    : { status: rows.some((r) => r.state === 'partial') ? 'in_progress' : 'not_started', completedAt: null };
  if (await setStanding(ctx.db, stageId, personId, next)) await completeIfDone(ctx, projectId, personId);
}

/** Completes an active enrolment whose stages are all completed (audited). */
export async function completeIfDone(ctx: ProgressCtx, projectId: string, personId: string): Promise<boolean> {
  const [open] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(stageProgress)
    .where(and(eq(stageProgress.projectId, projectId), eq(stageProgress.personId, personId), ne(stageProgress.status, 'completed')));
  if (open!.n > 0) return false;
  const now = ctx.clock.now();
  const done = await ctx.db
    .update(projectEnrolments)
    .set({ status: 'completed', completedAt: now })
    .where(and(eq(projectEnrolments.projectId, projectId), eq(projectEnrolments.personId, personId), eq(projectEnrolments.status, 'active')))
    .returning({ organisationId: projectEnrolments.organisationId });
  if (!done.length) return false;
  await recordAudit(ctx, {
    entityType: 'project_enrolment',
    entityId: `${projectId}:${personId}`,
    action: 'complete',
    organisationId: done[0]!.organisationId,
    before: { status: 'active' },
    after: { status: 'completed', completedAt: now.toISOString() },
  });
  return true;
}

/** The standings of people in a project, stage order, by person. */
export async function standingsOf(db: Db, projectId: string, personIds: string[]): Promise<Map<string, StageStanding[]>> {
  const result = new Map<string, StageStanding[]>();
  if (!personIds.length) return result;
  const rows = await db
    .select({ progress: stageProgress })
    .from(stageProgress)
    .innerJoin(projectStages, eq(projectStages.id, stageProgress.stageId))
    .where(and(eq(stageProgress.projectId, projectId), inArray(stageProgress.personId, personIds)))
    .orderBy(asc(projectStages.position));
  for (const { progress: p } of rows) {
    const list = result.get(p.personId) ?? [];
    list.push({ stageId: p.stageId, status: p.status as StageStanding['status'], dueOn: p.dueOn, completedAt: p.completedAt?.toISOString() ?? null, score: p.score });
    result.set(p.personId, list);
  }
  return result;
}

/** Stages not completed whose due date has passed. */
export const overdueCount = (stages: StageStanding[], today: string) => stages.filter((s) => s.status !== 'completed' && s.dueOn !== null && s.dueOn < today).length;

/** A project's learners with their standing on every stage, as stored (a read writes nothing); also the xlsx export. */
export async function listEnrolments(ctx: Ctx, projectId: string, query: ListParams & { status?: string | undefined }): Promise<Page<ProjectEnrolment>> {
  const filters: (SQL | undefined)[] = [eq(projectEnrolments.projectId, projectId)];
  if (query.status) filters.push(eq(projectEnrolments.status, query.status));
  const where = and(...filters);
  const order = orderBy(query.sort, { name: people.name, enrolledAt: projectEnrolments.enrolledAt }, [asc(people.name)], projectEnrolments.personId);
  const page = await paginate(
    ctx.db.select({ enrolment: projectEnrolments, name: people.name }).from(projectEnrolments).innerJoin(people, eq(people.id, projectEnrolments.personId)).where(where).orderBy(...order).$dynamic(),
    ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(projectEnrolments).where(where),
    query,
    (row) => row,
  );
  const today = shanghaiDateOf(ctx.clock.now());
  const standings = await standingsOf(ctx.db, projectId, page.items.map((r) => r.enrolment.personId));
  return {
    ...page,
    items: page.items.map(({ enrolment: e, name }) => {
      const stages = standings.get(e.personId) ?? [];
      return {
        personId: e.personId,
        name,
        enrolledAt: e.enrolledAt.toISOString(),
        source: e.source as ProjectEnrolment['source'],
        status: e.status as ProjectEnrolment['status'],
        completedAt: e.completedAt?.toISOString() ?? null,
        completedStages: stages.filter((s) => s.status === 'completed').length,
        totalStages: stages.length,
        overdueStages: e.status === 'active' ? overdueCount(stages, today) : 0,
        stages,
      };
    }),
  };
}
