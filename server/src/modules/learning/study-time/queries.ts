import { aliasedTable, and, asc, desc, eq, gte, isNull, lte, max, sql, type SQL } from 'drizzle-orm';
import type { LearnerStudyDaysQuery, LessonKind, ListStudyFlagsQuery, StudyFlag, StudyFlagKind, StudyFlagStatus } from '@fulcrum/shared';
import { courses, employments, knowledgePoints, lessonKnowledgePoints, lessons, people, studyDays, studyFlags, studySessions, users, watchedRanges } from '../../../db/schema/index.ts';
import { authorize } from '../../../lib/authorize.ts';
import type { Ctx } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import { countAll, orderBy, paginate } from '../../../lib/list.ts';
import { addCalendarDays, shanghaiDateOf } from '../../../lib/working-days.ts';
import { findLesson, learnerOf } from './access.ts';
import { studyTimePolicy } from './policy.ts';
import { DAILY_CAP_SECONDS, markLearnedAfter, watchedPercent } from './rules.ts';
import { lessonStateOf, studyTodayOf } from './state.ts';

/** Everything the player shows for a lesson (any kind: the page explains offline, practical and exam lessons). */
export async function lessonPlayerOf(ctx: Ctx, lessonId: string) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const lesson = await findLesson(ctx.db, ctx.actor, lessonId);
  const points = await ctx.db
    .select({ id: knowledgePoints.id, name: knowledgePoints.name, description: knowledgePoints.description })
    .from(lessonKnowledgePoints)
    .innerJoin(knowledgePoints, eq(knowledgePoints.id, lessonKnowledgePoints.knowledgePointId))
    .where(eq(lessonKnowledgePoints.lessonId, lesson.id))
    .orderBy(asc(knowledgePoints.code));
  return {
    lesson: { ...lesson, kind: lesson.kind as LessonKind, knowledgePoints: points },
    state: await lessonStateOf(ctx.db, personId, lesson),
    today: await studyTodayOf(ctx.db, personId, ctx.clock.now()),
    markLearnedAfterSeconds: markLearnedAfter(lesson.durationSeconds),
  };
}

/** The learner's time today and per lesson studied (withdrawn time excluded), latest first. */
export async function myStudyTime(ctx: Ctx) {
  const personId = await learnerOf(ctx.db, ctx.actor);
  const rows = await ctx.db
    .select({
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      lessonKind: lessons.kind,
      durationSeconds: lessons.durationSeconds,
      courseTitle: courses.title,
      creditedSeconds: sql<number>`sum(${studySessions.creditedSeconds})::int`,
      lastStudiedAt: max(studySessions.lastBeatAt),
      watchedSeconds: max(watchedRanges.watchedSeconds),
      completedAt: max(watchedRanges.completedAt),
    })
    .from(studySessions)
    .innerJoin(lessons, eq(lessons.id, studySessions.lessonId))
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(watchedRanges, and(eq(watchedRanges.personId, studySessions.personId), eq(watchedRanges.lessonId, lessons.id)))
    .where(and(eq(studySessions.personId, personId), eq(studySessions.organisationId, ctx.actor.organisationId), isNull(studySessions.withdrawnAt)))
    .groupBy(lessons.id, courses.id)
    .orderBy(desc(max(studySessions.lastBeatAt)))
    .limit(100);
  return {
    today: await studyTodayOf(ctx.db, personId, ctx.clock.now()),
    lessons: rows.map((r) => ({
      lessonId: r.lessonId,
      lessonTitle: r.lessonTitle,
      lessonKind: r.lessonKind as LessonKind,
      courseTitle: r.courseTitle,
      creditedSeconds: Number(r.creditedSeconds),
      watchedPercent: watchedPercent(Number(r.watchedSeconds ?? 0), r.durationSeconds),
      completed: r.completedAt !== null,
      lastStudiedAt: new Date(r.lastStudiedAt!).toISOString(),
    })),
  };
}

const reviewer = aliasedTable(users, 'reviewer');

/** The organisation's flag queue with filters, oldest open first unless sorted otherwise. */
export async function listFlags(ctx: Ctx, query: ListStudyFlagsQuery & { flagId?: string }) {
  authorize(ctx.actor, studyTimePolicy, 'reviewFlags');
  const filters: SQL[] = [eq(studyFlags.organisationId, ctx.actor.organisationId)];
  if (query.flagId) filters.push(eq(studyFlags.id, query.flagId));
  if (query.status) filters.push(eq(studyFlags.status, query.status));
  if (query.kind) filters.push(eq(studyFlags.kind, query.kind));
  if (query.personId) filters.push(eq(studyFlags.personId, query.personId));
  if (query.from) filters.push(gte(studyFlags.day, query.from));
  if (query.to) filters.push(lte(studyFlags.day, query.to));
  const where = and(...filters);
  const rows = ctx.db
    .select({
      flag: studyFlags,
      personName: people.name,
      lessonTitle: lessons.title,
      sessionCreditedSeconds: studySessions.creditedSeconds,
      reviewedByName: reviewer.displayName,
    })
    .from(studyFlags)
    .innerJoin(people, eq(people.id, studyFlags.personId))
    .leftJoin(studySessions, eq(studySessions.id, studyFlags.sessionId))
    .leftJoin(lessons, eq(lessons.id, studySessions.lessonId))
    .leftJoin(reviewer, eq(reviewer.id, studyFlags.reviewedBy))
    .where(where)
    .orderBy(...orderBy(query.sort, { createdAt: studyFlags.createdAt, day: studyFlags.day, personName: people.name }, [desc(studyFlags.createdAt)], studyFlags.id))
    .$dynamic();
  const total = ctx.db.select(countAll()).from(studyFlags).innerJoin(people, eq(people.id, studyFlags.personId)).where(where);
  return paginate(rows, total, query, (r): StudyFlag => ({
    id: r.flag.id,
    personId: r.flag.personId,
    personName: r.personName,
    kind: r.flag.kind as StudyFlagKind,
    day: r.flag.day,
    status: r.flag.status as StudyFlagStatus,
    detail: r.flag.detail,
    sessionId: r.flag.sessionId,
    lessonTitle: r.lessonTitle,
    sessionCreditedSeconds: r.sessionCreditedSeconds,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.flag.reviewedAt?.toISOString() ?? null,
    reviewNote: r.flag.reviewNote,
    createdAt: r.flag.createdAt.toISOString(),
  }));
}

/** A learner's credited time per day in the actor's organisation (the last 30 days unless given). */
export async function learnerStudyDaysOf(ctx: Ctx, personId: string, query: LearnerStudyDaysQuery) {
  authorize(ctx.actor, studyTimePolicy, 'readLearnerTime');
  const [person] = await ctx.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .innerJoin(employments, and(eq(employments.personId, people.id), eq(employments.organisationId, ctx.actor.organisationId)))
    .where(eq(people.id, personId))
    .limit(1);
  if (!person) throw notFound('learner');
  const to = query.to ?? shanghaiDateOf(ctx.clock.now());
  const from = query.from ?? addCalendarDays(to, -29);
  const days = await ctx.db
    .select({ day: studyDays.day, creditedSeconds: studyDays.creditedSeconds })
    .from(studyDays)
    .where(and(eq(studyDays.personId, personId), eq(studyDays.organisationId, ctx.actor.organisationId), gte(studyDays.day, from), lte(studyDays.day, to)))
    .orderBy(asc(studyDays.day));
  return { personId, personName: person.name, capSeconds: DAILY_CAP_SECONDS, totalSeconds: days.reduce((sum, d) => sum + d.creditedSeconds, 0), days };
}
