import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { studyFlags } from '../../../db/schema/index.ts';
import { buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { seedCourse, seedLesson, signInLearner } from './test-support.ts';

let t: TestApp;
let home: Awaited<ReturnType<typeof seedCourse>>;
let other: Awaited<ReturnType<typeof seedCourse>>;
beforeAll(async () => {
  t = await buildTestApp();
  home = await seedCourse(t);
  other = await seedCourse(t);
});
afterAll(() => t.close());

const API = '/api/v1/learning/study';

/** A learner of the home enterprise with an open session and a parallel-sessions flag. */
async function flaggedLearner() {
  const learner = await signInLearner(t, home.organisationId);
  const video = await seedLesson(t, home.course);
  await learner.player.open(video.id, 'laptop-access');
  const session = await learner.player.open(video.id, 'phone-access');
  await learner.player.beat(session);
  const [flag] = await t.db.select().from(studyFlags).where(eq(studyFlags.personId, learner.person.id));
  return { ...learner, video, session, flag: flag! };
}

describe('study time access', () => {
  it("answers 404 for another organisation's lessons, sessions and flags", async () => {
    const { session, video, flag, person } = await flaggedLearner();
    const outsider = await signInLearner(t, other.organisationId);
    expect((await outsider.client.get(`${API}/lessons/${video.id}`)).statusCode).toBe(404);
    expect((await outsider.client.post(`${API}/sessions`, { lessonId: video.id, clientKey: 'outsider-tab' })).statusCode).toBe(404);
    expect((await outsider.client.post(`${API}/sessions/${session}/heartbeats`, { focused: true })).statusCode).toBe(404);
    expect((await outsider.client.post(`${API}/sessions/${session}/end`, {})).statusCode).toBe(404);
    const foreignManager = await signIn(t, other.organisationId, 'training_manager');
    expect((await foreignManager.post(`${API}/flags/${flag.id}/review`, { decision: 'confirmed', note: '越权复核' })).statusCode).toBe(404);
    expect((await foreignManager.get(`${API}/flags`)).json().items).toEqual([]);
    expect((await foreignManager.get(`${API}/learners/${person.id}/days`)).statusCode).toBe(404);
    const [unchanged] = await t.db.select().from(studyFlags).where(eq(studyFlags.id, flag.id));
    expect(unchanged!.status).toBe('open');
  });

  it('lets an employee touch only their own sessions and not the flag queue', async () => {
    const { session, flag } = await flaggedLearner();
    const colleague = await signInLearner(t, home.organisationId);
    expect((await colleague.client.post(`${API}/sessions/${session}/heartbeats`, { focused: true })).statusCode).toBe(404);
    expect((await colleague.client.post(`${API}/sessions/${session}/end`, {})).statusCode).toBe(404);
    expect((await colleague.client.get(`${API}/flags`)).statusCode).toBe(403);
    expect((await colleague.client.post(`${API}/flags/${flag.id}/review`, { decision: 'cleared', note: '自己复核' })).statusCode).toBe(403);
    expect((await colleague.player.me()).lessons).toEqual([]);
  });

  it("shows managers their organisation's flag queue and a learner's daily time", async () => {
    const { flag, person } = await flaggedLearner();
    const manager = await signIn(t, home.organisationId, 'enterprise_admin');
    const items = (await manager.get(`${API}/flags`)).json().items as { id: string; personName: string }[];
    expect(items.map((f) => f.id)).toContain(flag.id);
    const days = await manager.get(`${API}/learners/${person.id}/days`);
    expect(days.statusCode).toBe(200);
    expect(days.json()).toMatchObject({ personId: person.id, totalSeconds: 15, days: [{ day: '2026-03-02', creditedSeconds: 15 }] });
  });

  it('refuses study time to an account that is no person', async () => {
    const video = await seedLesson(t, home.course);
    const manager = await signIn(t, home.organisationId, 'training_manager');
    const response = await manager.post(`${API}/sessions`, { lessonId: video.id, clientKey: 'manager-tab' });
    expect(response.statusCode).toBe(403);
    const officer = await signIn(t, home.organisationId, 'enterprise_admin');
    expect((await officer.get(`${API}/me`)).statusCode).toBe(403);
  });
});
