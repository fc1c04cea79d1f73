import { and, eq, gte, ne, sql } from 'drizzle-orm';
import type { StudyFlagKind } from '@fulcrum/shared';
import type { Db } from '../../../db/client.ts';
import { studyDays, studyFlags, studySessions } from '../../../db/schema/index.ts';
import { endOfShanghaiDay } from '../../../lib/working-days.ts';
import { IMPOSSIBLE_LESSON_MULTIPLE, isTooRegular, MAX_PLAYBACK_RATE, PARALLEL_WINDOW_SECONDS } from './rules.ts';

/*
 * Suspicious patterns become flags for a manager's review, at most one per person, kind and day (a unique index):
 * parallel_sessions, regular_heartbeats, impossible_total. A flag never changes credit by itself; review decides.
 */

export interface FlagInput {
  organisationId: string;
  personId: string;
  sessionId: string;
  day: string;
  kind: StudyFlagKind;
  detail: Record<string, unknown>;
}

/** Raises a flag unless the person already has one of that kind that day. */
export async function raiseFlag(db: Db, flag: FlagInput, now: Date): Promise<void> {
  await db.insert(studyFlags).values({ ...flag, createdAt: now }).onConflictDoNothing();
}

/** The beat's session with what the checks need. */
export interface BeatFacts {
  organisationId: string;
  personId: string;
  sessionId: string;
  clientKey: string;
  lessonId: string;
  durationSeconds: number;
  day: string;
  intervals: number[];
}

/** Two clients of one learner beating within the same minute. */
async function checkParallel(db: Db, facts: BeatFacts, now: Date): Promise<FlagInput | null> {
  const since = new Date(now.getTime() - PARALLEL_WINDOW_SECONDS * 1000);
  const others = await db
    .select({ id: studySessions.id, clientKey: studySessions.clientKey })
    .from(studySessions)
    .where(and(eq(studySessions.personId, facts.personId), ne(studySessions.clientKey, facts.clientKey), ne(studySessions.status, 'ended'), gte(studySessions.lastBeatAt, since)));
  if (!others.length) return null;
  const detail = { clientKeys: [facts.clientKey, ...new Set(others.map((o) => o.clientKey))], sessionIds: [facts.sessionId, ...others.map((o) => o.id)] };
  return { ...flagBase(facts), kind: 'parallel_sessions', detail };
}

/** Credited or claimed time beyond what the day allows so far, or a lesson credited many times its length in a day. */
async function checkImpossible(db: Db, facts: BeatFacts, now: Date): Promise<FlagInput | null> {
  const [day] = await db.select().from(studyDays).where(and(eq(studyDays.personId, facts.personId), eq(studyDays.day, facts.day)));
  const elapsed = Math.round((now.getTime() - (endOfShanghaiDay(facts.day).getTime() - 86_400_000)) / 1000);
  const credited = day?.creditedSeconds ?? 0;
  const claimed = day?.claimedSeconds ?? 0;
  if (credited > elapsed || claimed > elapsed * MAX_PLAYBACK_RATE) {
    return { ...flagBase(facts), kind: 'impossible_total', detail: { creditedSeconds: credited, claimedSeconds: claimed, elapsedSeconds: elapsed } };
  }
  if (facts.durationSeconds <= 0) return null;
  const [lesson] = await db
    .select({ seconds: sql<number>`coalesce(sum((${studySessions.creditedByDay} ->> ${facts.day})::int), 0)::int` })
    .from(studySessions)
    .where(and(eq(studySessions.personId, facts.personId), eq(studySessions.lessonId, facts.lessonId)));
  const lessonSeconds = Number(lesson?.seconds ?? 0);
  if (lessonSeconds <= facts.durationSeconds * IMPOSSIBLE_LESSON_MULTIPLE) return null;
  return { ...flagBase(facts), kind: 'impossible_total', detail: { lessonId: facts.lessonId, lessonSeconds, durationSeconds: facts.durationSeconds } };
}

const flagBase = (facts: BeatFacts) => ({ organisationId: facts.organisationId, personId: facts.personId, sessionId: facts.sessionId, day: facts.day });

/** Runs every check on a beat and raises what it finds. */
export async function checkBeat(db: Db, facts: BeatFacts, now: Date): Promise<void> {
  const found = [await checkParallel(db, facts, now), await checkImpossible(db, facts, now)];
  if (isTooRegular(facts.intervals)) found.push({ ...flagBase(facts), kind: 'regular_heartbeats', detail: { intervals: facts.intervals } });
  for (const flag of found) if (flag) await raiseFlag(db, flag, now);
}
