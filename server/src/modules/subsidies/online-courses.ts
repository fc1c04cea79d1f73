import { and, asc, eq, sql } from 'drizzle-orm';
import { onlineCourseEditableStatuses, type ClassOnlineCourse, type ClassStatus, type LinkOnlineCourseRequest } from '@fulcrum/shared';
import { apprenticeshipClassCourses, courses, lessons, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorize.ts';
import { inTransaction, type Ctx } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { invalidTransition } from '../../lib/workflow.ts';
import { coursesVisibleTo } from '../learning/catalogue/policy.ts';
import { findClass, type ClassRow } from './class-queries.ts';
import { platformSeconds, wholeMinutes } from './online-hours.ts';
import { subsidyPolicy } from './policy.ts';
import { assertRecorder } from './progress.ts';
import { classWorkflow } from './workflows.ts';

/*
 * A class's online courses: the organiser links learning-platform courses to a class as its online theory, while
 * the class is prepared or in training; its apprentices' credited study time on them counts as online hours
 * (online-hours.ts). Each link and unlink is in the class's history.
 */

const L = apprenticeshipClassCourses;

/** The courses linked to a class, with the platform minutes its apprentices earned on each. */
export async function listOnlineCourses(ctx: Ctx, classId: string): Promise<ClassOnlineCourse[]> {
  authorize(ctx.actor, subsidyPolicy, 'readClasses');
  if (!(await findClass(ctx.db, ctx.actor, classId))) throw notFound('apprenticeship class');
  const [rows, minutes] = await Promise.all([
    ctx.db
      .select({
        courseId: L.courseId,
        title: courses.title,
        lessonCount: sql<number>`(select count(*) from ${lessons} where ${lessons.courseId} = ${L.courseId})`.mapWith(Number),
        addedByName: users.displayName,
        addedAt: L.addedAt,
      })
      .from(L)
      .innerJoin(courses, eq(courses.id, L.courseId))
      .leftJoin(users, eq(users.id, L.addedBy))
      .where(eq(L.classId, classId))
      .orderBy(asc(L.addedAt), asc(L.courseId)),
    platformSeconds(ctx.db, classId, 'course').then(wholeMinutes),
  ]);
  return rows.map((r) => ({ ...r, platformMinutes: minutes.get(r.courseId) ?? 0, addedAt: r.addedAt.toISOString() }));
}

/** The class, locked, for a change to its online courses: the organiser's recorders, while it is prepared or in training. */
async function editableClass(ctx: Ctx, classId: string, transition: string): Promise<ClassRow> {
  const row = await findClass(ctx.db, ctx.actor, classId, true);
  if (!row) throw notFound('apprenticeship class');
  assertRecorder(ctx.actor, row);
  if (!(onlineCourseEditableStatuses as readonly ClassStatus[]).includes(row.status as ClassStatus)) {
    throw invalidTransition(classWorkflow.process, transition, row.status, []);
  }
  return row;
}

/**
 * Links a platform course to a class as online theory. The course must be one the organiser's staff may open in the
 * catalogue, and published (a draft has no study time to credit); linking it twice is a conflict.
 */
export async function linkOnlineCourse(ctx: Ctx, classId: string, input: LinkOnlineCourseRequest): Promise<ClassOnlineCourse> {
  authorize(ctx.actor, subsidyPolicy, 'recordProgress');
  await inTransaction(ctx, async (tx) => {
    const row = await editableClass(tx, classId, 'link_course');
    const [course] = await tx.db
      .select({ id: courses.id, title: courses.title, status: courses.status })
      .from(courses)
      .where(and(eq(courses.id, input.courseId), coursesVisibleTo(tx.actor, courses)));
    if (!course) throw invalid([{ path: 'body.courseId', code: 'UNKNOWN_COURSE', message: 'no course of the catalogue you may open' }]);
    if (course.status !== 'published') throw invalid([{ path: 'body.courseId', code: 'NOT_PUBLISHED', message: 'publish the course before linking it' }]);
    const inserted = await tx.db.insert(L).values({ classId, courseId: course.id, addedBy: tx.actor.userId, addedAt: tx.clock.now() }).onConflictDoNothing().returning();
    if (!inserted.length) throw new AppError('CONFLICT', 'the course is already linked to the class', { courseId: course.id });
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: classId,
      action: 'link_course',
      organisationId: row.organisationId,
      regionId: row.regionId,
      after: { courseId: course.id, title: course.title },
    });
  });
  const linked = (await listOnlineCourses(ctx, classId)).find((c) => c.courseId === input.courseId);
  if (!linked) throw new Error('the linked course is missing');
  return linked;
}

/** Unlinks a course: its study time no longer counts for the class. */
export async function unlinkOnlineCourse(ctx: Ctx, classId: string, courseId: string): Promise<void> {
  authorize(ctx.actor, subsidyPolicy, 'recordProgress');
  await inTransaction(ctx, async (tx) => {
    const row = await editableClass(tx, classId, 'unlink_course');
    const [removed] = await tx.db
      .delete(L)
      .where(and(eq(L.classId, classId), eq(L.courseId, courseId)))
      .returning();
    if (!removed) throw notFound('online course of the class');
    const [course] = await tx.db.select({ title: courses.title }).from(courses).where(eq(courses.id, courseId));
    await recordAudit(tx, {
      entityType: classWorkflow.process,
      entityId: classId,
      action: 'unlink_course',
      organisationId: row.organisationId,
      regionId: row.regionId,
      before: { courseId, title: course?.title ?? null, addedAt: removed.addedAt.toISOString() },
    });
  });
}
