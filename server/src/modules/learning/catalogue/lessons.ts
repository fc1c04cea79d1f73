import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Lesson, LessonKind, Section } from '@fulcrum/shared';
import { MICRO_COURSE_MAX_POINTS, MICRO_COURSE_MAX_SECONDS, lessonRequest, sectionRequest, updateLessonRequest } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { courseSections, courses, knowledgePoints, learningMedia, lessonKnowledgePoints, lessons } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type Actor, type Ctx } from '../../../lib/context.ts';
import { AppError, invalid, notFound } from '../../../lib/errors.ts';
import { findCourse, ownCourse } from './courses.ts';
import { checkPointIds } from './knowledge-points.ts';
import { assertEditor } from './policy.ts';
import { searchVector } from './search-text.ts';

type Row = typeof lessons.$inferSelect;
type LessonInput = z.output<typeof lessonRequest>;
/** A lesson as the API shows it: with its course's title. */
export type LessonView = Lesson & { courseTitle: string };
type Issue = { path: string; code: string; message: string };

/** Lessons with their knowledge points and media type, in course order. */
async function presentLessons(db: Db, rows: Row[]): Promise<Lesson[]> {
  const ids = rows.map((r) => r.id);
  const points = ids.length
    ? await db.select({ lessonId: lessonKnowledgePoints.lessonId, id: knowledgePoints.id, name: knowledgePoints.name }).from(lessonKnowledgePoints)
        .innerJoin(knowledgePoints, eq(knowledgePoints.id, lessonKnowledgePoints.knowledgePointId)).where(inArray(lessonKnowledgePoints.lessonId, ids)).orderBy(asc(knowledgePoints.code))
    : [];
  const mediaIds = rows.flatMap((r) => (r.mediaId ? [r.mediaId] : []));
  const media = mediaIds.length ? await db.select({ id: learningMedia.id, contentType: learningMedia.contentType }).from(learningMedia).where(inArray(learningMedia.id, mediaIds)) : [];
  return rows.map((row) => ({
    id: row.id, courseId: row.courseId, sectionId: row.sectionId, position: row.position, kind: row.kind as LessonKind, title: row.title,
    description: row.description, body: row.body, mediaId: row.mediaId, mediaContentType: media.find((m) => m.id === row.mediaId)?.contentType ?? null,
    examId: row.examId, durationSeconds: row.durationSeconds, knowledgePoints: points.filter((p) => p.lessonId === row.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** A course's sections with their lessons, and the lessons outside any section. */
export async function courseContent(db: Db, courseId: string): Promise<{ sections: Section[]; lessons: Lesson[] }> {
  const sections = await db.select().from(courseSections).where(eq(courseSections.courseId, courseId)).orderBy(asc(courseSections.position), asc(courseSections.title));
  const all = await presentLessons(db, await db.select().from(lessons).where(eq(lessons.courseId, courseId)).orderBy(asc(lessons.position), asc(lessons.createdAt)));
  return {
    sections: sections.map((s) => ({ id: s.id, position: s.position, title: s.title, lessons: all.filter((l) => l.sectionId === s.id) })),
    lessons: all.filter((l) => !l.sectionId),
  };
}

/** A lesson of a course the actor may open (404 otherwise), with its course's title. */
export async function getLesson(db: Db, actor: Actor, id: string): Promise<LessonView> {
  const [row] = await db.select().from(lessons).where(eq(lessons.id, id));
  if (!row) throw notFound('lesson');
  const course = await findCourse(db, actor, row.courseId).catch(() => {
    throw notFound('lesson');
  });
  return { ...(await presentLessons(db, [row]))[0]!, courseTitle: course.title };
}

// Sections ------------------------------------------------------------------------------------------------------

async function nextPosition(db: Db, table: typeof courseSections | typeof lessons, courseId: string) {
  const [row] = await db.select({ n: max(table.position) }).from(table).where(eq(table.courseId, courseId));
  return (row?.n ?? -1) + 1;
}

export async function addSection(ctx: Ctx, courseId: string, input: z.output<typeof sectionRequest>): Promise<Section> {
  const course = await ownCourse(ctx, courseId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(courseSections).values({ courseId, title: input.title, position: input.position ?? (await nextPosition(tx.db, courseSections, courseId)) }).returning();
    await touch(tx, courseId);
    await recordAudit(tx, { entityType: 'course', entityId: courseId, action: 'add_section', organisationId: course.organisationId, after: { sectionId: row!.id, title: row!.title } });
    return { id: row!.id, position: row!.position, title: row!.title, lessons: [] };
  });
}

async function ownSection(ctx: Ctx, id: string) {
  assertEditor(ctx.actor);
  const [row] = await ctx.db.select().from(courseSections).where(eq(courseSections.id, id));
  if (!row) throw notFound('section');
  const course = await ownCourse(ctx, row.courseId).catch(() => {
    throw notFound('section');
  });
  return { row, course };
}

export async function updateSection(ctx: Ctx, id: string, input: z.output<typeof sectionRequest>): Promise<void> {
  const { row, course } = await ownSection(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(courseSections).set({ title: input.title, ...(input.position !== undefined ? { position: input.position } : {}) }).where(eq(courseSections.id, id));
    await touch(tx, row.courseId);
    await recordAudit(tx, { entityType: 'course', entityId: row.courseId, action: 'update_section', organisationId: course.organisationId, before: { title: row.title, position: row.position }, after: input });
  });
}

/** Removes a section; its lessons stay in the course, outside any section. */
export async function deleteSection(ctx: Ctx, id: string): Promise<void> {
  const { row, course } = await ownSection(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(courseSections).where(eq(courseSections.id, id));
    await touch(tx, row.courseId);
    await recordAudit(tx, { entityType: 'course', entityId: row.courseId, action: 'delete_section', organisationId: course.organisationId, before: { sectionId: id, title: row.title } });
  });
}

const touch = (tx: Ctx, courseId: string) => tx.db.update(courses).set({ updatedAt: tx.clock.now() }).where(eq(courses.id, courseId));

// Lessons -------------------------------------------------------------------------------------------------------

/** Which media types each kind takes. */
const mediaKinds: Partial<Record<LessonKind, RegExp>> = { video: /^video\//, micro_course: /^video\//, document: /^application\/pdf$/, rich_text: /^image\// };

/** A micro-course lasts 1..600 s and covers one to three knowledge points; media must be the organisation's and fit the kind; the section must be the course's. */
async function checkLesson(ctx: Ctx, courseId: string, input: LessonInput): Promise<string[]> {
  const issues: Issue[] = [];
  if (input.kind === 'micro_course') {
    if (input.durationSeconds < 1 || input.durationSeconds > MICRO_COURSE_MAX_SECONDS) issues.push({ path: 'durationSeconds', code: 'MICRO_COURSE_TOO_LONG', message: `a micro-course lasts 1 to ${MICRO_COURSE_MAX_SECONDS} seconds` });
    const n = new Set(input.knowledgePointIds).size;
    if (n < 1 || n > MICRO_COURSE_MAX_POINTS) issues.push({ path: 'knowledgePointIds', code: 'MICRO_COURSE_POINTS', message: `a micro-course covers 1 to ${MICRO_COURSE_MAX_POINTS} knowledge points` });
  }
  if (input.sectionId) {
    const [section] = await ctx.db.select().from(courseSections).where(and(eq(courseSections.id, input.sectionId), eq(courseSections.courseId, courseId)));
    if (!section) issues.push({ path: 'sectionId', code: 'UNKNOWN_SECTION', message: 'not a section of this course' });
  }
  if (input.mediaId) {
    const [media] = await ctx.db.select().from(learningMedia).where(and(eq(learningMedia.id, input.mediaId), eq(learningMedia.organisationId, ctx.actor.organisationId)));
    const fits = mediaKinds[input.kind];
    if (!media) issues.push({ path: 'mediaId', code: 'UNKNOWN_MEDIA', message: 'no media of your organisation has this id' });
    else if (!fits?.test(media.contentType)) issues.push({ path: 'mediaId', code: 'MEDIA_KIND_MISMATCH', message: `a ${input.kind} lesson cannot use ${media.contentType}` });
  }
  if (issues.length) throw invalid(issues);
  const names = await checkPointIds(ctx.db, ctx.actor, [...new Set(input.knowledgePointIds)], 'knowledgePointIds');
  return [...names.values()];
}

async function writeLessonPoints(db: Db, lessonId: string, ids: string[]) {
  await db.delete(lessonKnowledgePoints).where(eq(lessonKnowledgePoints.lessonId, lessonId));
  const unique = [...new Set(ids)];
  if (unique.length) await db.insert(lessonKnowledgePoints).values(unique.map((knowledgePointId) => ({ lessonId, knowledgePointId })));
}

export async function createLesson(ctx: Ctx, courseId: string, input: LessonInput): Promise<LessonView> {
  const course = await ownCourse(ctx, courseId);
  const pointNames = await checkLesson(ctx, courseId, input);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { knowledgePointIds, position, ...fields } = input;
    const [row] = await tx.db
      .insert(lessons)
      .values({ ...fields, courseId, organisationId: course.organisationId, position: position ?? (await nextPosition(tx.db, lessons, courseId)), searchVector: searchVector(input.title, input.description, ...pointNames), createdAt: now, updatedAt: now })
      .returning();
    await writeLessonPoints(tx.db, row!.id, knowledgePointIds);
    await touch(tx, courseId);
    await recordAudit(tx, { entityType: 'lesson', entityId: row!.id, action: 'create', organisationId: course.organisationId, after: input });
    return row!.id;
  });
  return getLesson(ctx.db, ctx.actor, id);
}

async function ownLesson(ctx: Ctx, id: string) {
  assertEditor(ctx.actor);
  const [row] = await ctx.db.select().from(lessons).where(eq(lessons.id, id));
  if (!row) throw notFound('lesson');
  const course = await ownCourse(ctx, row.courseId).catch(() => {
    throw notFound('lesson');
  });
  return { row, course };
}

/** Changes a lesson; the result is checked as a whole (a lesson turned micro-course must meet its limits). */
export async function updateLesson(ctx: Ctx, id: string, input: z.output<typeof updateLessonRequest>): Promise<LessonView> {
  const { row, course } = await ownLesson(ctx, id);
  const current = (await presentLessons(ctx.db, [row]))[0]!;
  const merged: LessonInput = { ...current, knowledgePointIds: current.knowledgePoints.map((p) => p.id), ...stripUndefined(input) };
  const pointNames = await checkLesson(ctx, row.courseId, merged);
  await inTransaction(ctx, async (tx) => {
    const { knowledgePointIds, ...fields } = stripUndefined(input);
    await tx.db.update(lessons).set({ ...fields, searchVector: searchVector(merged.title, merged.description, ...pointNames), updatedAt: tx.clock.now() }).where(eq(lessons.id, id));
    if (knowledgePointIds) await writeLessonPoints(tx.db, id, knowledgePointIds);
    await touch(tx, row.courseId);
    await recordAudit(tx, { entityType: 'lesson', entityId: id, action: 'update', organisationId: course.organisationId, before: { kind: current.kind, title: current.title, durationSeconds: current.durationSeconds, knowledgePointIds: current.knowledgePoints.map((p) => p.id) }, after: input });
  });
  return getLesson(ctx.db, ctx.actor, id);
}

const stripUndefined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/** Deletes a lesson nothing else refers to (a lesson with study records or in a project is 409: archive the course instead). */
export async function deleteLesson(ctx: Ctx, id: string): Promise<void> {
  const { row, course } = await ownLesson(ctx, id);
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.delete(lessons).where(eq(lessons.id, id));
      await touch(tx, row.courseId);
      await recordAudit(tx, { entityType: 'lesson', entityId: id, action: 'delete', organisationId: course.organisationId, before: { title: row.title, kind: row.kind } });
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23503') throw new AppError('CONFLICT', 'the lesson has learning records or is part of a project', { reason: 'LESSON_IN_USE' });
    throw error;
  }
}
