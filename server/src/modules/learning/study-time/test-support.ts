import { and, eq } from 'drizzle-orm';
import { learningActivityIri, type HeartbeatRequest } from '@fulcrum/shared';
import { courses, knowledgePoints, learningStudyTime, lessonKnowledgePoints, lessons, users } from '../../../db/schema/index.ts';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, Client, createOrganisation, createUser, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { seedEmployee } from '../../subsidies/test-support.ts';

/*
 * Builders for the study-time tests: an enterprise with a course and lessons straight in the database, learners whose
 * accounts are people employed there, and a player that opens sessions and beats over HTTP.
 */

export const BEAT_MS = 15_000;
const API = '/api/v1/learning/study';

/** An enterprise with a published course. */
export async function seedCourse(t: TestApp, organisationId?: string) {
  const orgId = organisationId ?? (await createOrganisation(t.db, { type: 'enterprise' })).id;
  const [course] = await t.db.insert(courses).values({ organisationId: orgId, title: '液压系统维护', status: 'published' }).returning();
  return { organisationId: orgId, course: course! };
}

/** A lesson of the course (a 300-second video unless given). */
export async function seedLesson(t: TestApp, course: { id: string; organisationId: string }, values: { kind?: string; durationSeconds?: number; title?: string; body?: string } = {}) {
  const [lesson] = await t.db
    .insert(lessons)
    .values({ organisationId: course.organisationId, courseId: course.id, position: 1, kind: values.kind ?? 'video', title: values.title ?? '液压泵的拆装', durationSeconds: values.durationSeconds ?? 300, body: values.body ?? null })
    .returning();
  return lesson!;
}

/** A knowledge point attached to a lesson. */
export async function attachKnowledgePoint(t: TestApp, lesson: { id: string; organisationId: string }) {
  const [point] = await t.db.insert(knowledgePoints).values({ organisationId: lesson.organisationId, code: `KP-${lesson.id.slice(0, 6)}`, name: '液压泵工作原理' }).returning();
  await t.db.insert(lessonKnowledgePoints).values({ lessonId: lesson.id, knowledgePointId: point!.id });
  return point!;
}

/** A signed-in learner: an employee whose account is a person employed at the organisation. */
export async function signInLearner(t: TestApp, organisationId: string) {
  const { person } = await seedEmployee(t, organisationId);
  const { user } = await createUser(t.db, organisationId, 'employee');
  await t.db.update(users).set({ personId: person.id }).where(eq(users.id, user.id));
  const client = await new Client(t.app).login(user.username);
  return { client, person, player: new Player(t, client, user.username) };
}

/** A beat as the player sends it: focused, playing, just interacted, no segments. */
export const beatBody = (t: TestApp, overrides: Partial<HeartbeatRequest> = {}) => ({
  position: 0,
  playing: true,
  focused: true,
  lastInteractionAt: t.clock.now().toISOString(),
  segments: [],
  playbackRate: 1,
  ...overrides,
});

/** The player: opens sessions, beats after moving the clock, ends. */
export class Player {
  constructor(
    private t: TestApp,
    public client: Client,
    private username: string,
  ) {}

  /** Moves the clock by long stretches (sign-in sessions expire after 30 idle minutes) and signs in again. */
  async later(ms: number) {
    this.t.clock.advance(ms);
    await this.client.login(this.username);
  }

  async open(lessonId: string, clientKey = 'tab-aaaa-1') {
    const response = await this.client.post(`${API}/sessions`, { lessonId, clientKey });
    if (response.statusCode !== 201) throw new Error(`open: ${response.statusCode} ${response.body}`);
    return response.json().session.id as string;
  }

  /** Moves the clock by `ms` and beats. */
  async beat(sessionId: string, overrides: Partial<HeartbeatRequest> = {}, ms = BEAT_MS) {
    this.t.clock.advance(ms);
    const response = await this.client.post(`${API}/sessions/${sessionId}/heartbeats`, beatBody(this.t, overrides));
    if (response.statusCode !== 200) throw new Error(`beat: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  async end(sessionId: string) {
    const response = await this.client.post(`${API}/sessions/${sessionId}/end`, { position: null });
    if (response.statusCode !== 200) throw new Error(`end: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  async me() {
    return (await this.client.get(`${API}/me`)).json();
  }

  async lesson(lessonId: string) {
    return (await this.client.get(`${API}/lessons/${lessonId}`)).json();
  }
}

/** The projected study seconds of a person on a lesson activity (after the projector caught up). */
export async function projectedSeconds(t: TestApp, personId: string, lessonId: string, kind: 'lesson' | 'micro-course' = 'lesson') {
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
  const rows = await t.db
    .select({ seconds: learningStudyTime.seconds })
    .from(learningStudyTime)
    .where(and(eq(learningStudyTime.personId, personId), eq(learningStudyTime.activityId, learningActivityIri(TEST_PUBLIC_URL, kind, lessonId))));
  return rows.reduce((sum, r) => sum + r.seconds, 0);
}

/** A test file's app and enterprise course, built before its tests and closed after them. */
export function studyEnvironment() {
  const env = {} as { t: TestApp; course: Awaited<ReturnType<typeof seedCourse>>['course'] };
  beforeAll(async () => {
    env.t = await buildTestApp();
    ({ course: env.course } = await seedCourse(env.t));
  });
  afterAll(() => env.t.close());
  return env;
}
