import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apprenticeshipClassCourses, apprenticeshipClasses, apprentices, lessons, studyFlags, studySessions } from '../../db/schema/index.ts';

/*
 * Platform study time as online hours: each apprentice's credited study time on the lessons of the platform courses
 * linked to the class counts as online theory (Tianjin caps online at 50 % of the hours). Only time the platform
 * stands behind counts: credited by the heartbeat rules, on a day within the class's dates, not withdrawn after a
 * confirmed flag, and not on a day with a flag still under review (it counts once the flag is cleared).
 */

const L = apprenticeshipClassCourses;

/**
 * Credited platform seconds of the class's apprentices on lessons of its linked courses, grouped by apprentice or by
 * course: each session's per-day credit within the class dates, skipping withdrawn sessions and days with an open flag.
 */
export function platformSeconds(db: Db, classId: string, by: 'apprentice' | 'course') {
  const key = by === 'apprentice' ? apprentices.id : L.courseId;
  return db
    .select({ key: sql<string>`${key}`, seconds: sql<string>`sum((credit.value)::numeric)` })
    .from(apprentices)
    .innerJoin(apprenticeshipClasses, eq(apprenticeshipClasses.id, apprentices.classId))
    .innerJoin(studySessions, and(eq(studySessions.personId, apprentices.personId), sql`${studySessions.withdrawnAt} is null`))
    .innerJoin(lessons, eq(lessons.id, studySessions.lessonId))
    .innerJoin(L, and(eq(L.classId, apprentices.classId), eq(L.courseId, lessons.courseId)))
    .innerJoin(sql`jsonb_each_text(${studySessions.creditedByDay}) as credit(day, value)`, sql`true`)
    .where(
      and(
        eq(apprentices.classId, classId),
        sql`credit.day::date between ${apprenticeshipClasses.startsOn} and ${apprenticeshipClasses.endsOn}`,
        sql`not exists (select 1 from ${studyFlags} where ${studyFlags.personId} = ${apprentices.personId} and ${studyFlags.day} = credit.day::date and ${studyFlags.status} = 'open')`,
      ),
    )
    .groupBy(key);
}

/** Whole minutes from summed seconds (floored once, after summing, so short sessions add up). */
export const wholeMinutes = (rows: { key: string; seconds: string | null }[]) => new Map(rows.map((r) => [r.key, Math.floor(Number(r.seconds ?? 0) / 60)]));

/** Each apprentice's credited platform minutes on the class's linked courses: the figure progress, roster and claim checks add to online hours. */
export async function platformMinutesByApprentice(db: Db, classId: string): Promise<Map<string, number>> {
  return wholeMinutes(await platformSeconds(db, classId, 'apprentice'));
}
