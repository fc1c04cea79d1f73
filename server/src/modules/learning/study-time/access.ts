import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { courses, learningMedia, lessons, users } from '../../../db/schema/index.ts';
import { authorize } from '../../../lib/authorize.ts';
import type { Actor } from '../../../lib/context.ts';
import { forbidden, invalid, notFound } from '../../../lib/errors.ts';
import { studyTimePolicy } from './policy.ts';
import { isStudiedKind } from './rules.ts';

/** The person a signed-in learner is; an account that is no person's (an officer's) has no study time. */
export async function learnerOf(db: Db, actor: Actor): Promise<string> {
  authorize(actor, studyTimePolicy, 'study');
  const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
  if (!user?.personId) throw forbidden('this account is not a learner');
  return user.personId;
}

const lessonColumns = {
  id: lessons.id,
  organisationId: lessons.organisationId,
  kind: lessons.kind,
  title: lessons.title,
  description: lessons.description,
  body: lessons.body,
  mediaId: lessons.mediaId,
  mediaContentType: learningMedia.contentType,
  durationSeconds: lessons.durationSeconds,
  courseId: lessons.courseId,
  courseTitle: courses.title,
};
export type StudyLesson = Awaited<ReturnType<typeof findLesson>>;

/** A lesson the actor's organisation may study: its own courses, or published district-wide courses; else 404. */
export async function findLesson(db: Db, actor: Actor, lessonId: string) {
  const [lesson] = await db
    .select(lessonColumns)
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(learningMedia, eq(learningMedia.id, lessons.mediaId))
    .where(
      and(
        eq(lessons.id, lessonId),
        or(eq(courses.organisationId, actor.organisationId), and(eq(courses.visibility, 'district'), eq(courses.status, 'published'))),
      ),
    );
  if (!lesson) throw notFound('lesson');
  return lesson;
}

/** The lesson, which must be one studied in the player (offline sessions, practical tasks and exams are not). */
export async function findStudiedLesson(db: Db, actor: Actor, lessonId: string) {
  const lesson = await findLesson(db, actor, lessonId);
  if (!isStudiedKind(lesson.kind)) {
    throw invalid([{ path: 'body.lessonId', message: `a ${lesson.kind} lesson is not studied in the player`, code: 'LESSON_NOT_STUDIED_ONLINE' }]);
  }
  return lesson;
}
