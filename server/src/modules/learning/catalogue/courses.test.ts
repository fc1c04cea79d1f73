import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail, CourseSummary, Lesson, Section } from '@fulcrum/shared';
import { lessons } from '../../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { expectStatus, issuePaths, type ErrorBody } from '../../training-centres/test-support.ts';
import { addLesson, API, auditOf, catalogueWorld, createCourse, createPoint, del, publishedCourse, type CatalogueWorld } from './test-support.ts';

let t: TestApp;
let w: CatalogueWorld;
let points: string[];
beforeAll(async () => {
  t = await buildTestApp();
  w = await catalogueWorld(t);
  points = [];
  for (const name of ['G代码基础', '刀具补偿', '首件检验', '工件装夹']) points.push((await createPoint(w.trainerA, name)).id);
});
afterAll(() => t.close());

const lessonCount = async () => Number((await t.db.select({ n: count() }).from(lessons))[0]!.n);
const status = (courseId: string, value: string) => w.trainerA.post(`${API}/courses/${courseId}/status`, { status: value });

describe('courses, sections and lessons', () => {
  it('builds a course of sections and lessons of every kind, in order', async () => {
    const course = await createCourse(w.trainerA, '数控机床操作', { description: '数控车床的编程与操作', trade: 'cnc' });
    expect(course).toMatchObject({ status: 'draft', visibility: 'organisation', sections: [], lessons: [], canEdit: true });
    const first = await expectStatus<Section>(w.trainerA.post(`${API}/courses/${course.id}/sections`, { title: '第一章 编程基础' }), 201);
    const second = await expectStatus<Section>(w.trainerA.post(`${API}/courses/${course.id}/sections`, { title: '第二章 实操' }), 201);
    const micro = await addLesson(w.trainerA, course.id, { sectionId: first.id, kind: 'micro_course', title: 'G00 与 G01', durationSeconds: 480, knowledgePointIds: [points[0]!] });
    await addLesson(w.trainerA, course.id, { sectionId: first.id, kind: 'document', title: '编程手册', durationSeconds: 1200 });
    for (const kind of ['offline', 'practical', 'exam', 'video'] as const) await addLesson(w.trainerA, course.id, { sectionId: second.id, kind, title: `${kind} 课时`, durationSeconds: 600 });
    const detail = await expectStatus<CourseDetail>(w.instructorA.get(`${API}/courses/${course.id}`), 200);
    expect(detail.sections.map((s) => [s.title, s.lessons.map((l) => l.kind)])).toEqual([
      ['第一章 编程基础', ['micro_course', 'document']],
      ['第二章 实操', ['offline', 'practical', 'exam', 'video']],
    ]);
    expect(detail).toMatchObject({ lessonCount: 6, microCourseCount: 1, totalSeconds: 480 + 1200 + 4 * 600, canEdit: false });
    const lesson = await expectStatus<Lesson & { courseTitle: string }>(w.instructorA.get(`${API}/lessons/${micro.id}`), 200);
    expect(lesson).toMatchObject({ courseTitle: '数控机床操作', knowledgePoints: [{ id: points[0], name: 'G代码基础' }] });
    // A section removed leaves its lessons in the course.
    expect((await del(w.trainerA, `${API}/sections/${second.id}`)).statusCode).toBe(204);
    const after = await expectStatus<CourseDetail>(w.trainerA.get(`${API}/courses/${course.id}`), 200);
    expect(after.lessons).toHaveLength(4);
    expect((await auditOf(t, 'course', course.id)).map((a) => a.action)).toEqual(['create', 'add_section', 'add_section', 'delete_section']);
  });

  it('holds a micro-course to at most 600 seconds and one to three knowledge points', async () => {
    const course = await createCourse(w.trainerA, '微课合集');
    const before = await lessonCount();
    const long = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/courses/${course.id}/lessons`, { kind: 'micro_course', title: '太长', durationSeconds: 601, knowledgePointIds: [points[0]] }), 400);
    expect(long.error.details?.issues).toEqual([expect.objectContaining({ path: 'durationSeconds', code: 'MICRO_COURSE_TOO_LONG' })]);
    const none = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/courses/${course.id}/lessons`, { kind: 'micro_course', title: '无知识点', durationSeconds: 300 }), 400);
    expect(none.error.details?.issues?.[0]?.code).toBe('MICRO_COURSE_POINTS');
    const four = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/courses/${course.id}/lessons`, { kind: 'micro_course', title: '四个点', durationSeconds: 300, knowledgePointIds: points }), 400);
    expect(issuePaths(four)).toEqual(['knowledgePointIds']);
    expect(await lessonCount()).toBe(before);
    const ok = await addLesson(w.trainerA, course.id, { kind: 'micro_course', title: '正好十分钟', durationSeconds: 600, knowledgePointIds: points.slice(0, 3) });
    // Changing it into a longer one is held to the same rule; another kind may be long.
    const stretched = await expectStatus<ErrorBody>(w.trainerA.patch(`${API}/lessons/${ok.id}`, { durationSeconds: 900 }), 400);
    expect(issuePaths(stretched)).toEqual(['durationSeconds']);
    const video = await expectStatus<Lesson>(w.trainerA.patch(`${API}/lessons/${ok.id}`, { kind: 'video', durationSeconds: 900 }), 200);
    expect(video).toMatchObject({ kind: 'video', durationSeconds: 900 });
    const back = await expectStatus<ErrorBody>(w.trainerA.patch(`${API}/lessons/${ok.id}`, { kind: 'micro_course' }), 400);
    expect(issuePaths(back)).toEqual(['durationSeconds']);
  });

  it('refuses a section of another course and unknown media', async () => {
    const a = await createCourse(w.trainerA, '课程甲');
    const b = await createCourse(w.trainerA, '课程乙');
    const sectionOfB = await expectStatus<Section>(w.trainerA.post(`${API}/courses/${b.id}/sections`, { title: '乙的章节' }), 201);
    const body = await expectStatus<ErrorBody>(w.trainerA.post(`${API}/courses/${a.id}/lessons`, { kind: 'video', title: '错位', sectionId: sectionOfB.id, mediaId: crypto.randomUUID() }), 400);
    expect(issuePaths(body).sort()).toEqual(['mediaId', 'sectionId']);
  });

  it('moves draft → published → archived → published, audited; an empty course is not published; other moves are 409', async () => {
    const course = await createCourse(w.trainerA, '电气安全');
    const empty = await expectStatus<ErrorBody>(status(course.id, 'published'), 400);
    expect(empty.error.details?.issues?.[0]?.code).toBe('COURSE_EMPTY');
    await addLesson(w.trainerA, course.id, { title: '停电挂牌上锁' });
    const published = await expectStatus<CourseDetail>(status(course.id, 'published'), 200);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const again = await expectStatus<ErrorBody>(status(course.id, 'published'), 409);
    expect(again.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'published' } });
    await expectStatus(status(course.id, 'archived'), 200);
    expect((await expectStatus<ErrorBody>(status(course.id, 'draft'), 409)).error.code).toBe('INVALID_TRANSITION');
    await expectStatus(status(course.id, 'published'), 200);
    const trail = await auditOf(t, 'course', course.id);
    expect(trail.filter((a) => a.action !== 'create').map((a) => [a.action, (a.after as { status: string }).status])).toEqual([['publish', 'published'], ['archive', 'archived'], ['publish', 'published']]);
  });

  it('lists courses with filters; a lesson with learning records cannot be deleted but a fresh one can', async () => {
    await publishedCourse(w.trainerA, '液压系统维护', { trade: 'hydraulics' });
    const list = await expectStatus<{ items: CourseSummary[] }>(w.trainerA.get(`${API}/courses?status=published&trade=hydraulics`), 200);
    expect(list.items.map((c) => c.title)).toEqual(['液压系统维护']);
    const course = await createCourse(w.trainerA, '临时课程');
    const lesson = await addLesson(w.trainerA, course.id, { title: '临时课时' });
    expect((await del(w.trainerA, `${API}/lessons/${lesson.id}`)).statusCode).toBe(204);
    expect(await t.db.select().from(lessons).where(eq(lessons.id, lesson.id))).toEqual([]);
  });
});
