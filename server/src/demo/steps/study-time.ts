import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { courses, employments, lessons, studyDays, studyFlags, studySessions, users, watchedRanges } from '../../db/schema/index.ts';
import { addCalendarDays, shanghaiDateOf } from '../../lib/working-days.ts';
import { recordSessionStatements, experiencedAction, completedAction, type SessionLesson } from '../../modules/learning/study-time/statements.ts';
import { COMPLETION_SHARE, isPlayedKind, isStudiedKind, markLearnedAfter, type Range } from '../../modules/learning/study-time/rules.ts';
import { Random } from '../random.ts';
import type { LearningDemoInput } from './learning-demo.ts';

/*
 * Study time of the showcase enterprise's employees over the last three weeks, made the way the player makes it:
 * ended sessions whose credited seconds are whole beats, study_days under the cap, watched ranges from the start of
 * each video, experienced (and completed) statements; plus two open flags to review — parallel sessions (a phone and
 * a laptop beating in the same minute) and too-regular heartbeats (a script's exact 15-second beats).
 */

const HISTORY_DAYS = 21;
const LEARNERS = 12;
const BEAT = 15;
const MINUTE_MS = 60_000;

type SessionRow = typeof studySessions.$inferInsert;
type Pending = { sessionId: string; action: Awaited<ReturnType<typeof completedAction>> }[];

interface Plan {
  sessions: SessionRow[];
  days: Map<string, number>;
  ranges: Map<string, { personId: string; lessonId: string; watched: number; credited: number; completedAt: Date | null }>;
  pending: Pending;
}

async function showcaseLearners(db: Db, organisationId: string): Promise<string[]> {
  const [employee] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'ent-employee'));
  const rows = await db.select({ personId: employments.personId }).from(employments).where(and(eq(employments.organisationId, organisationId), isNull(employments.endDate))).limit(LEARNERS);
  return [...new Set([employee?.personId, ...rows.map((r) => r.personId)].filter((id): id is string => Boolean(id)))].slice(0, LEARNERS);
}

async function studiedLessons(db: Db, organisationId: string): Promise<(SessionLesson & { durationSeconds: number })[]> {
  const rows = await db
    .select({ id: lessons.id, kind: lessons.kind, title: lessons.title, courseId: lessons.courseId, courseTitle: courses.title, durationSeconds: lessons.durationSeconds })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(or(eq(courses.organisationId, organisationId), eq(courses.visibility, 'district')), eq(courses.status, 'published'), inArray(lessons.kind, ['video', 'micro_course', 'document', 'rich_text'])));
  return rows.filter((l) => isStudiedKind(l.kind) && l.durationSeconds > 0);
}

/** One ended session of `beats` credited beats starting at `start`; its ranges and statements go into the plan. */
async function addSession(db: Db, plan: Plan, random: Random, input: { organisationId: string; personId: string; lesson: SessionLesson & { durationSeconds: number }; start: Date; beats: number; clientKey: string; intervals?: number[] }) {
  const { personId, lesson, start, beats } = input;
  const credited = beats * BEAT;
  const end = new Date(start.getTime() + credited * 1000);
  const day = shanghaiDateOf(start);
  const id = random.uuid();
  const intervals = input.intervals ?? Array.from({ length: Math.min(beats, 20) }, () => BEAT + random.int(-1500, 1500) / 1000);
  plan.sessions.push({ id, organisationId: input.organisationId, personId, lessonId: lesson.id, clientKey: input.clientKey, status: 'ended', startedAt: start, lastBeatAt: end, endedAt: end, creditedSeconds: credited, beats, recentIntervals: intervals, creditedByDay: { [day]: credited }, userAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile' });
  plan.days.set(`${personId}\n${day}`, (plan.days.get(`${personId}\n${day}`) ?? 0) + credited);
  plan.pending.push({ sessionId: id, action: experiencedAction(personId, id, lesson, credited, end) });
  const key = `${personId}\n${lesson.id}`;
  const state = plan.ranges.get(key) ?? { personId, lessonId: lesson.id, watched: 0, credited: 0, completedAt: null };
  state.credited += credited;
  if (isPlayedKind(lesson.kind)) state.watched = Math.min(lesson.durationSeconds, state.watched + credited);
  // Videos complete at 90 % watched; documents and rich text are marked as learned once their minimum time is reached.
  const isDone = isPlayedKind(lesson.kind) ? state.watched >= lesson.durationSeconds * COMPLETION_SHARE : state.credited >= markLearnedAfter(lesson.durationSeconds);
  if (!state.completedAt && isDone) {
    state.completedAt = end;
    plan.pending.push({ sessionId: id, action: await completedAction(db, personId, id, lesson, end) });
  }
  plan.ranges.set(key, state);
  return id;
}

async function writePlan(input: LearningDemoInput, organisationId: string, plan: Plan) {
  const { db } = input;
  for (const session of plan.sessions) await db.insert(studySessions).values(session);
  for (const [key, seconds] of plan.days) {
    const [personId, day] = key.split('\n') as [string, string];
    await db.insert(studyDays).values({ personId, day, organisationId, creditedSeconds: seconds, claimedSeconds: seconds });
  }
  for (const r of plan.ranges.values()) {
    const ranges: Range[] = r.watched > 0 ? [[0, r.watched]] : [];
    await db.insert(watchedRanges).values({ personId: r.personId, lessonId: r.lessonId, organisationId, ranges, watchedSeconds: r.watched, completedAt: r.completedAt, updatedAt: input.now });
  }
  await recordSessionStatements({ db, clock: { now: () => input.now }, publicUrl: input.publicUrl, scheduleProjection: false }, organisationId, plan.pending);
}

/** The evenings of the last three weeks, a learner studying on about half of them. */
async function planHistory(input: LearningDemoInput, plan: Plan, organisationId: string, learners: string[], pool: Awaited<ReturnType<typeof studiedLessons>>) {
  const random = new Random(input.seed, 'study-time');
  const today = shanghaiDateOf(input.now);
  for (const personId of learners) {
    for (let back = HISTORY_DAYS; back >= 1; back--) {
      if (!random.chance(0.45)) continue;
      const day = addCalendarDays(today, -back);
      let start = new Date(`${day}T${19 + random.int(0, 2)}:${String(random.int(0, 50)).padStart(2, '0')}:00+08:00`);
      for (let n = random.int(1, 3); n > 0; n--) {
        const lesson = random.pick(pool);
        const beats = Math.max(4, Math.min(Math.ceil(lesson.durationSeconds / BEAT), random.int(12, 120)));
        await addSession(input.db, plan, random, { organisationId, personId, lesson, start, beats, clientKey: `demo-${personId.slice(0, 8)}` });
        start = new Date(start.getTime() + beats * BEAT * 1000 + random.int(2, 10) * MINUTE_MS);
      }
    }
  }
  return random;
}

/** Two open flags, each on a session built to show its pattern. */
async function planFlags(input: LearningDemoInput, plan: Plan, random: Random, organisationId: string, learners: string[], pool: Awaited<ReturnType<typeof studiedLessons>>) {
  const yesterday = addCalendarDays(shanghaiDateOf(input.now), -1);
  const flags: (typeof studyFlags.$inferInsert)[] = [];
  const [first, second] = [learners[0]!, learners[1] ?? learners[0]!];
  const lunch = new Date(`${yesterday}T12:10:00+08:00`);
  const phone = await addSession(input.db, plan, random, { organisationId, personId: first, lesson: pool[0]!, start: lunch, beats: 8, clientKey: 'demo-phone' });
  const laptop = await addSession(input.db, plan, random, { organisationId, personId: first, lesson: pool[pool.length > 1 ? 1 : 0]!, start: new Date(lunch.getTime() + 40_000), beats: 4, clientKey: 'demo-laptop' });
  flags.push({ organisationId, personId: first, sessionId: phone, kind: 'parallel_sessions', day: yesterday, detail: { clientKeys: ['demo-phone', 'demo-laptop'], sessionIds: [phone, laptop] }, createdAt: new Date(lunch.getTime() + 60_000) });
  const dawn = new Date(`${yesterday}T05:30:00+08:00`);
  const intervals = Array.from({ length: 20 }, () => 15);
  const script = await addSession(input.db, plan, random, { organisationId, personId: second, lesson: pool[0]!, start: dawn, beats: 24, clientKey: 'demo-script', intervals });
  flags.push({ organisationId, personId: second, sessionId: script, kind: 'regular_heartbeats', day: yesterday, detail: { intervals }, createdAt: new Date(dawn.getTime() + 20 * BEAT * 1000) });
  return flags;
}

/** Loads the showcase's study time; nothing when the catalogue has no lessons studied in the player. */
export async function loadStudyTime(input: LearningDemoInput): Promise<Record<string, number>> {
  const organisationId = input.world.organisation('showcase').id;
  const learners = await showcaseLearners(input.db, organisationId);
  const pool = await studiedLessons(input.db, organisationId);
  if (!learners.length || !pool.length) return { studySessions: 0, studyFlags: 0 };
  const plan: Plan = { sessions: [], days: new Map(), ranges: new Map(), pending: [] };
  const random = await planHistory(input, plan, organisationId, learners, pool);
  const flags = await planFlags(input, plan, random, organisationId, learners, pool);
  await writePlan(input, organisationId, plan);
  await input.db.insert(studyFlags).values(flags);
  return { studySessions: plan.sessions.length, studyFlags: flags.length };
}
