import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CourseDetail, CourseStatus, CourseSummary } from '@fulcrum/shared';
import { courseListQuery, courseRequest, updateCourseRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courses, lessons, organisations } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { authorize } from '../../../lib/authorize.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate, type Page } from '../../../lib/list.ts';
import { courseContent } from './lessons.ts';
import { assertEditor, canEdit, cataloguePolicy, checkVisibility, coursesVisibleTo } from './policy.ts';
import { searchVector } from './search-text.ts';

type Row = typeof courses.$inferSelect;

const columns = {
  row: courses,
  organisationName: organisations.name,
  lessonCount: sql<number>`(select count(*)::int from ${lessons} where ${lessons.courseId} = ${courses.id})`,
  microCourseCount: sql<number>`(select count(*)::int from ${lessons} where ${lessons.courseId} = ${courses.id} and ${lessons.kind} = 'micro_course')`,
  totalSeconds: sql<number>`(select coalesce(sum(${lessons.durationSeconds}), 0)::int from ${lessons} where ${lessons.courseId} = ${courses.id})`,
};
type Selected = { row: Row; organisationName: string; lessonCount: number; microCourseCount: number; totalSeconds: number };

const toSummary = (actor: Actor) => (r: Selected): CourseSummary => ({
  id: r.row.id, organisationId: r.row.organisationId, organisationName: r.organisationName, title: r.row.title, description: r.row.description,
  trade: r.row.trade, status: r.row.status as CourseStatus, visibility: r.row.visibility as CourseSummary['visibility'],
  lessonCount: Number(r.lessonCount), microCourseCount: Number(r.microCourseCount), totalSeconds: Number(r.totalSeconds),
  publishedAt: r.row.publishedAt?.toISOString() ?? null, updatedAt: r.row.updatedAt.toISOString(), canEdit: canEdit(actor, r.row.organisationId),
});

const selectCourses = (db: Db, where: SQL | undefined) => db.select(columns).from(courses).innerJoin(organisations, eq(organisations.id, courses.organisationId)).where(where);

/** The courses the actor may open, filtered by words in title or description, status and trade. */
export async function listCourses(db: Db, actor: Actor, query: z.output<typeof courseListQuery>): Promise<Page<CourseSummary>> {
  authorize(actor, cataloguePolicy, 'read');
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const where = and(
    coursesVisibleTo(actor, courses),
    like ? or(ilike(courses.title, like), ilike(courses.description, like)) : undefined,
    query.status ? eq(courses.status, query.status) : undefined,
    query.trade ? eq(courses.trade, query.trade) : undefined,
  );
  const order = orderBy(query.sort, { title: courses.title, updatedAt: courses.updatedAt, publishedAt: courses.publishedAt }, [desc(courses.updatedAt)], courses.id);
  return paginate(selectCourses(db, where).orderBy(...order).$dynamic(), db.select(countAll()).from(courses).where(where), query, toSummary(actor));
}

/** A course the actor may open; another organisation's own (or unpublished) course is 404. */
export async function findCourse(db: Db, actor: Actor, id: string): Promise<Row> {
  authorize(actor, cataloguePolicy, 'read');
  const [row] = await db.select().from(courses).where(and(eq(courses.id, id), coursesVisibleTo(actor, courses)));
  if (!row) throw notFound('course');
  return row;
}

/** A course of the actor's own organisation, to change; 404 when it is not theirs. */
export async function ownCourse(ctx: Ctx, id: string): Promise<Row> {
  assertEditor(ctx.actor);
  const row = await findCourse(ctx.db, ctx.actor, id);
  if (row.organisationId !== ctx.actor.organisationId) throw notFound('course');
  return row;
}

export async function getCourse(db: Db, actor: Actor, id: string): Promise<CourseDetail> {
  await findCourse(db, actor, id);
  const [row] = await selectCourses(db, eq(courses.id, id));
  return { ...toSummary(actor)(row!), ...(await courseContent(db, id)) };
}

export async function createCourse(ctx: Ctx, input: z.output<typeof courseRequest>): Promise<CourseDetail> {
  assertEditor(ctx.actor);
  checkVisibility(ctx.actor, input.visibility);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(courses)
      .values({ ...input, organisationId: tx.actor.organisationId, createdBy: tx.actor.userId, searchVector: searchVector(input.title, input.description), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { entityType: 'course', entityId: row!.id, action: 'create', organisationId: row!.organisationId, after: input });
    return row!.id;
  });
  return getCourse(ctx.db, ctx.actor, id);
}

export async function updateCourse(ctx: Ctx, id: string, input: z.output<typeof updateCourseRequest>): Promise<CourseDetail> {
  const before = await ownCourse(ctx, id);
  checkVisibility(ctx.actor, input.visibility);
  await inTransaction(ctx, async (tx) => {
    const next = { ...before, ...input };
    await tx.db.update(courses).set({ ...input, searchVector: searchVector(next.title, next.description), updatedAt: tx.clock.now() }).where(eq(courses.id, id));
    await recordAudit(tx, { entityType: 'course', entityId: id, action: 'update', organisationId: before.organisationId, before: { title: before.title, description: before.description, trade: before.trade, visibility: before.visibility }, after: input });
  });
  return getCourse(ctx.db, ctx.actor, id);
}

/** Which status a course may move to from each: publish a draft, archive a published course, publish an archived one again. */
const nextStatuses: Record<CourseStatus, CourseStatus[]> = { draft: ['published'], published: ['archived'], archived: ['published'] };

/** Moves a course along draft → published → archived (audited); a course is published only with at least one lesson. */
export async function setCourseStatus(ctx: Ctx, id: string, status: CourseStatus): Promise<CourseDetail> {
  const before = await ownCourse(ctx, id);
  const current = before.status as CourseStatus;
  if (!nextStatuses[current].includes(status)) {
    throw new AppError('INVALID_TRANSITION', `a ${current} course cannot become ${status}`, { currentState: current, allowed: nextStatuses[current] });
  }
  if (status === 'published') {
    const [{ n } = { n: 0 }] = await ctx.db.select(countAll()).from(lessons).where(eq(lessons.courseId, id));
    if (!Number(n)) throw invalid([{ path: 'status', code: 'COURSE_EMPTY', message: 'a course needs at least one lesson to be published' }]);
  }
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db.update(courses).set({ status, updatedAt: now, ...(status === 'published' ? { publishedAt: now } : {}) }).where(eq(courses.id, id));
    await recordAudit(tx, { entityType: 'course', entityId: id, action: status === 'published' ? 'publish' : 'archive', organisationId: before.organisationId, before: { status: current }, after: { status } });
  });
  return getCourse(ctx.db, ctx.actor, id);
}
