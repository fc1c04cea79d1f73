import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, studyDays, studySessions } from '../../../db/schema/index.ts';
import { DAILY_CAP_SECONDS, IDLE_AFTER_SECONDS, MAX_CREDIT_PER_BEAT_SECONDS } from './rules.ts';
import { projectedSeconds, seedLesson, signInLearner, studyEnvironment } from './test-support.ts';

const env = studyEnvironment();
const learner = () => signInLearner(env.t, env.course.organisationId);

describe('crediting beats', () => {
  it('credits the wall time since the previous beat, capped at 1.5 × the interval', async () => {
    const { player } = await learner();
    const video = await seedLesson(env.t, env.course);
    const id = await player.open(video.id);
    expect((await player.beat(id, {}, 15_000)).creditedSeconds).toBe(15);
    const late = await player.beat(id, {}, 120_000);
    expect(late.creditedSeconds).toBe(MAX_CREDIT_PER_BEAT_SECONDS);
    expect(late.session.creditedSeconds).toBe(15 + MAX_CREDIT_PER_BEAT_SECONDS);
    expect(late.today.creditedSeconds).toBe(15 + MAX_CREDIT_PER_BEAT_SECONDS);
  });

  it('lets only one item accrue time: opening another lesson supersedes the first session', async () => {
    const { player } = await learner();
    const [first, second] = [await seedLesson(env.t, env.course), await seedLesson(env.t, env.course, { title: '液压油的更换' })];
    const a = await player.open(first.id, 'tab-first-1');
    expect((await player.beat(a)).creditedSeconds).toBe(15);
    const b = await player.open(second.id, 'tab-second-1');
    const stale = await player.beat(a);
    expect(stale).toMatchObject({ creditedSeconds: 0, reason: 'superseded' });
    // The beat took the item back: now the second session has stopped accruing.
    const other = await player.beat(b);
    expect(other).toMatchObject({ creditedSeconds: 0, reason: 'superseded' });
    const [row] = await env.t.db.select().from(studySessions).where(eq(studySessions.id, a));
    expect(row!.status).toBe('superseded');
  });

  it('gives nothing while the page is not focused', async () => {
    const { player } = await learner();
    const id = await player.open((await seedLesson(env.t, env.course)).id);
    expect(await player.beat(id, { focused: false })).toMatchObject({ creditedSeconds: 0, reason: 'unfocused' });
    expect((await player.beat(id)).creditedSeconds).toBe(15);
  });

  it('gives a video nothing while it is paused', async () => {
    const { player } = await learner();
    const id = await player.open((await seedLesson(env.t, env.course)).id);
    expect(await player.beat(id, { playing: false })).toMatchObject({ creditedSeconds: 0, reason: 'paused' });
  });

  it('turns a document idle after 5 minutes without interaction, and credits again once activity returns', async () => {
    const { player } = await learner();
    const doc = await seedLesson(env.t, env.course, { kind: 'document', durationSeconds: 600 });
    const id = await player.open(doc.id);
    const touched = env.t.clock.now().toISOString();
    expect((await player.beat(id, { playing: false, lastInteractionAt: touched })).creditedSeconds).toBe(15);
    env.t.clock.advance(IDLE_AFTER_SECONDS * 1000);
    const idle = await player.beat(id, { playing: false, lastInteractionAt: touched });
    expect(idle).toMatchObject({ creditedSeconds: 0, reason: 'idle' });
    expect(idle.session.status).toBe('idle');
    const back = await player.beat(id, { playing: false });
    expect(back).toMatchObject({ creditedSeconds: 15, reason: 'credited' });
    expect(back.session.status).toBe('active');
  });

  it('stops crediting at the daily cap and starts again the next day', async () => {
    const { player, person } = await learner();
    const id = await player.open((await seedLesson(env.t, env.course)).id);
    const today = (await player.beat(id)).today.day;
    await env.t.db.update(studyDays).set({ creditedSeconds: DAILY_CAP_SECONDS - 5 }).where(eq(studyDays.personId, person.id));
    expect(await player.beat(id)).toMatchObject({ creditedSeconds: 5, reason: 'daily_cap' });
    const capped = await player.beat(id);
    expect(capped).toMatchObject({ creditedSeconds: 0, reason: 'daily_cap' });
    expect(capped.today).toEqual({ day: today, creditedSeconds: DAILY_CAP_SECONDS, capSeconds: DAILY_CAP_SECONDS });
    await player.later(24 * 3600 * 1000);
    const next = await player.open((await seedLesson(env.t, env.course)).id);
    expect((await player.beat(next)).creditedSeconds).toBe(15);
  });
});

describe('ending a session', () => {
  it('writes an experienced statement with exactly the credited seconds, projected into study time', async () => {
    const { player, person } = await learner();
    const video = await seedLesson(env.t, env.course);
    const id = await player.open(video.id);
    await player.beat(id);
    await player.beat(id, { focused: false });
    await player.beat(id, {}, 30_000);
    const ended = await player.end(id);
    expect(ended).toMatchObject({ status: 'ended', creditedSeconds: 15 + MAX_CREDIT_PER_BEAT_SECONDS });
    expect(await projectedSeconds(env.t, person.id, video.id)).toBe(15 + MAX_CREDIT_PER_BEAT_SECONDS);
    // Ending twice changes nothing and writes no second statement.
    await player.end(id);
    expect(await projectedSeconds(env.t, person.id, video.id)).toBe(15 + MAX_CREDIT_PER_BEAT_SECONDS);
    const audit = await env.t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(['end', 'open']);
  });

  it('accepts the end as a sendBeacon text/plain body without the CSRF header, but not from another site', async () => {
    const { client, player } = await learner();
    const id = await player.open((await seedLesson(env.t, env.course)).id);
    const foreign = await client.request({ method: 'POST', url: `/api/v1/learning/study/sessions/${id}/end`, payload: '{}', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, csrf: false });
    expect(foreign.statusCode).toBe(403);
    const beacon = await client.request({ method: 'POST', url: `/api/v1/learning/study/sessions/${id}/end`, payload: '{"position":42}', headers: { 'content-type': 'text/plain;charset=UTF-8' }, csrf: false });
    expect(beacon.statusCode, beacon.body).toBe(200);
    expect(beacon.json().status).toBe('ended');
    expect((await client.post(`/api/v1/learning/study/sessions/${id}/heartbeats`, { focused: true })).statusCode).toBe(409);
  });

  it('ends sessions abandoned without an end when the learner opens the next one, with their statement', async () => {
    const { player, person } = await learner();
    const video = await seedLesson(env.t, env.course);
    const id = await player.open(video.id);
    await player.beat(id);
    await player.later(3600 * 1000);
    await player.open(video.id);
    const [row] = await env.t.db.select().from(studySessions).where(eq(studySessions.id, id));
    expect(row!.status).toBe('ended');
    expect(await projectedSeconds(env.t, person.id, video.id)).toBe(15);
  });

  it('refuses lessons not studied in the player and bad input, changing nothing', async () => {
    const { client, person } = await learner();
    const offline = await seedLesson(env.t, env.course, { kind: 'offline' });
    const refused = await client.post('/api/v1/learning/study/sessions', { lessonId: offline.id, clientKey: 'tab-offline-1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'body.lessonId', code: 'LESSON_NOT_STUDIED_ONLINE' });
    const short = await client.post('/api/v1/learning/study/sessions', { lessonId: offline.id, clientKey: 'x' });
    expect(short.statusCode).toBe(400);
    expect(await env.t.db.select().from(studySessions).where(eq(studySessions.personId, person.id))).toEqual([]);
  });
});

describe('marking a document as learned', () => {
  it('needs the minimum credited time, then writes one completion', async () => {
    const { client, player } = await learner();
    const doc = await seedLesson(env.t, env.course, { kind: 'rich_text', durationSeconds: 60, body: '安全规程' });
    const id = await player.open(doc.id);
    await player.beat(id, { playing: false });
    const early = await client.post(`/api/v1/learning/study/lessons/${doc.id}/learned`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ requiredSeconds: 60, creditedSeconds: 15 });
    for (let i = 0; i < 3; i++) await player.beat(id, { playing: false });
    const done = await client.post(`/api/v1/learning/study/lessons/${doc.id}/learned`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ completed: true, creditedSeconds: 60 });
    const video = await seedLesson(env.t, env.course);
    expect((await client.post(`/api/v1/learning/study/lessons/${video.id}/learned`)).statusCode).toBe(400);
  });
});
