import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { LessonStudyState, StudyToday } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { studyDays, studySessions, watchedRanges } from '../../../db/schema/index.ts';
import { shanghaiDateOf } from '../../../lib/working-days.ts';
import { DAILY_CAP_SECONDS, watchedPercent } from './rules.ts';

/** A person's credited time today (Asia/Shanghai) against the daily cap. */
export async function studyTodayOf(db: Db, personId: string, now: Date): Promise<StudyToday> {
  const day = shanghaiDateOf(now);
  const [row] = await db.select({ seconds: studyDays.creditedSeconds }).from(studyDays).where(and(eq(studyDays.personId, personId), eq(studyDays.day, day)));
  return { day, creditedSeconds: row?.seconds ?? 0, capSeconds: DAILY_CAP_SECONDS };
}

/** Credited seconds of a person on a lesson over every session whose time was not withdrawn. */
export async function lessonCreditedSeconds(db: Db, personId: string, lessonId: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number>`coalesce(sum(${studySessions.creditedSeconds}), 0)::int` })
    .from(studySessions)
    .where(and(eq(studySessions.personId, personId), eq(studySessions.lessonId, lessonId), isNull(studySessions.withdrawnAt)));
  return Number(row?.seconds ?? 0);
}

/** Where a person stands on a lesson: merged watched ranges, completion, credited time, the position to resume at. */
export async function lessonStateOf(db: Db, personId: string, lesson: { id: string; durationSeconds: number }): Promise<LessonStudyState> {
  const [watched] = await db.select().from(watchedRanges).where(and(eq(watchedRanges.personId, personId), eq(watchedRanges.lessonId, lesson.id)));
  const [last] = await db
    .select({ position: studySessions.lastPosition })
    .from(studySessions)
    .where(and(eq(studySessions.personId, personId), eq(studySessions.lessonId, lesson.id)))
    .orderBy(desc(studySessions.lastBeatAt))
    .limit(1);
  const watchedSeconds = watched?.watchedSeconds ?? 0;
  return {
    lessonId: lesson.id,
    ranges: watched?.ranges ?? [],
    watchedSeconds,
    durationSeconds: lesson.durationSeconds,
    watchedPercent: watchedPercent(watchedSeconds, lesson.durationSeconds),
    completed: Boolean(watched?.completedAt),
    completedAt: watched?.completedAt?.toISOString() ?? null,
    creditedSeconds: await lessonCreditedSeconds(db, personId, lesson.id),
    lastPosition: last?.position ?? null,
  };
}

type SessionRow = typeof studySessions.$inferSelect;

/** A session as the player sees it. */
export function sessionView(row: SessionRow) {
  return {
    id: row.id,
    lessonId: row.lessonId,
    status: row.status as 'active' | 'idle' | 'superseded' | 'ended',
    creditedSeconds: row.creditedSeconds,
    beats: row.beats,
    startedAt: row.startedAt.toISOString(),
    lastBeatAt: row.lastBeatAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
