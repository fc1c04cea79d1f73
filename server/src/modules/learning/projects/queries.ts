import { and, asc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { OfflineSession } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { offlineSessions, projectStages, sessionRegistrations, trainingProjects, users } from '../../../db/schema/index.ts';
import type { Actor } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';

/*
 * Lookups the project use-cases share: a project or session within the actor's organisation (another organisation's
 * is a 404), the person behind a user, and sessions with their seat counts.
 */

export type ProjectRow = typeof trainingProjects.$inferSelect;
export type StageRow = typeof projectStages.$inferSelect;
export type SessionRow = typeof offlineSessions.$inferSelect;

/** The actor's organisation's project, locked for the change when asked; 404 otherwise. */
export async function findProject(db: Db, actor: Actor, id: string, lock = false): Promise<ProjectRow> {
  const query = db.select().from(trainingProjects).where(and(eq(trainingProjects.id, id), eq(trainingProjects.organisationId, actor.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('training project');
  return row;
}

/** 409 unless the project is in one of the states. */
export function assertProjectStatus(project: ProjectRow, allowed: string[], action: string) {
  if (!allowed.includes(project.status)) {
    throw new AppError('INVALID_TRANSITION', `cannot ${action} a ${project.status} project`, { currentState: project.status, allowed });
  }
}

export const stagesOf = (db: Db, projectIds: string[]) =>
  projectIds.length
    ? db.select().from(projectStages).where(inArray(projectStages.projectId, projectIds)).orderBy(asc(projectStages.projectId), asc(projectStages.position))
    : Promise.resolve([] as StageRow[]);

export async function findStage(db: Db, projectId: string, stageId: string): Promise<StageRow> {
  const [row] = await db.select().from(projectStages).where(and(eq(projectStages.id, stageId), eq(projectStages.projectId, projectId)));
  if (!row) throw notFound('project stage');
  return row;
}

/** The person a user is (an employee's account is linked to their person record), or null. */
export async function personOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  return row?.personId ?? null;
}

/** Like personOfUser, but a 404 for accounts without a person (they have no enrolments to act on). */
export async function requirePerson(db: Db, actor: Actor, what: string): Promise<string> {
  const personId = await personOfUser(db, actor.userId);
  if (!personId) throw notFound(what);
  return personId;
}

const seatCount = (status: string) =>
  sql<number>`(select count(*) from ${sessionRegistrations} r where r.session_id = ${offlineSessions.id} and r.status = ${status})`.mapWith(Number);

/** Sessions with their project title, instructor name and seat counts, filtered as asked, earliest first. */
export async function selectSessions(db: Db, where: SQL | undefined): Promise<OfflineSession[]> {
  const rows = await db
    .select({
      session: offlineSessions,
      projectTitle: trainingProjects.title,
      instructorName: users.displayName,
      registeredCount: seatCount('registered'),
      waitlistedCount: seatCount('waitlisted'),
    })
    .from(offlineSessions)
    .innerJoin(trainingProjects, eq(trainingProjects.id, offlineSessions.projectId))
    .leftJoin(users, eq(users.id, offlineSessions.instructorUserId))
    .where(where)
    .orderBy(asc(offlineSessions.startsAt), asc(offlineSessions.id));
  return rows.map((row) => ({
    id: row.session.id,
    projectId: row.session.projectId,
    projectTitle: row.projectTitle,
    stageId: row.session.stageId,
    title: row.session.title,
    venue: row.session.venue,
    startsAt: row.session.startsAt.toISOString(),
    endsAt: row.session.endsAt.toISOString(),
    capacity: row.session.capacity,
    instructorUserId: row.session.instructorUserId,
    instructorName: row.instructorName,
    status: row.session.status as OfflineSession['status'],
    registeredCount: row.registeredCount,
    waitlistedCount: row.waitlistedCount,
  }));
}

/** A session the actor may run: their organisation's, and — for instructors — one they teach. */
export async function findTaughtSession(db: Db, actor: Actor, id: string, lock = false): Promise<SessionRow> {
  const query = db.select().from(offlineSessions).where(and(eq(offlineSessions.id, id), eq(offlineSessions.organisationId, actor.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('offline session');
  if (actor.role === 'instructor' && row.instructorUserId !== actor.userId) throw notFound('offline session');
  return row;
}

/** Sessions I run: for instructors the ones they teach, for managers all of the organisation's; from a day on. */
export function mySessions(db: Db, actor: Actor, from: Date | null): Promise<OfflineSession[]> {
  return selectSessions(
    db,
    and(
      eq(offlineSessions.organisationId, actor.organisationId),
      actor.role === 'instructor' ? eq(offlineSessions.instructorUserId, actor.userId) : undefined,
      from ? gte(offlineSessions.endsAt, from) : undefined,
    ),
  );
}
