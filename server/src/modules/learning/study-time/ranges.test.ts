import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { learningActivityIri } from '@fulcrum/shared';
import { xapiStatements } from '../../../db/schema/index.ts';
import { TEST_PUBLIC_URL } from '../../../test/app.ts';
import { attachKnowledgePoint, seedLesson, signInLearner, studyEnvironment } from './test-support.ts';

const env = studyEnvironment();
const learner = () => signInLearner(env.t, env.course.organisationId);

describe('watched ranges', () => {
  it('merges overlapping and adjacent segments server-side, sorted and clamped to the duration', async () => {
    const { player } = await learner();
    const video = await seedLesson(env.t, env.course, { durationSeconds: 100 });
    const id = await player.open(video.id);
    await player.beat(id, { segments: [[20, 30], [0, 10]] });
    const merged = await player.beat(id, { segments: [[10, 20], [25, 35]] });
    expect(merged.lesson.ranges).toEqual([[0, 35]]);
    const clamped = await player.beat(id, { segments: [[90, 110]] });
    expect(clamped.lesson.ranges).toEqual([[0, 35], [90, 100]]);
    expect(clamped.lesson.watchedSeconds).toBe(45);
    expect((await player.lesson(video.id)).state.ranges).toEqual([[0, 35], [90, 100]]);
  });

  it('cuts a segment longer than the wall time × 2 to what could have been played', async () => {
    const { player } = await learner();
    const video = await seedLesson(env.t, env.course);
    const id = await player.open(video.id);
    const cut = await player.beat(id, { segments: [[0, 200]], playbackRate: 2 });
    expect(cut.lesson.ranges).toEqual([[0, 30]]);
    const shared = await player.beat(id, { segments: [[30, 50], [60, 80]] });
    expect(shared.lesson.ranges).toEqual([[0, 50], [60, 70]]);
  });

  it('gives no range for skipped-over video: a seek ahead leaves a gap and no completion', async () => {
    const { player } = await learner();
    const video = await seedLesson(env.t, env.course, { durationSeconds: 100 });
    const id = await player.open(video.id);
    await player.beat(id, { segments: [[0, 15]], position: 15 });
    const skipped = await player.beat(id, { segments: [[80, 95]], position: 95 });
    expect(skipped.lesson).toMatchObject({ ranges: [[0, 15], [80, 95]], watchedSeconds: 30, watchedPercent: 30, completed: false, lastPosition: 95 });
  });

  it('takes no range from a superseded or unfocused session', async () => {
    const { player } = await learner();
    const video = await seedLesson(env.t, env.course);
    const other = await seedLesson(env.t, env.course);
    const id = await player.open(video.id, 'tab-video-1');
    await player.beat(id, { segments: [[0, 15]], focused: false });
    await player.open(other.id, 'tab-other-1');
    const stale = await player.beat(id, { segments: [[15, 30]] });
    expect(stale.lesson.ranges).toEqual([]);
  });

  it('completes a video at 90 % watched and writes one completed statement with its knowledge points', async () => {
    const { player, person } = await learner();
    const micro = await seedLesson(env.t, env.course, { kind: 'micro_course', durationSeconds: 40 });
    const point = await attachKnowledgePoint(env.t, micro);
    const id = await player.open(micro.id);
    const partial = await player.beat(id, { segments: [[0, 15]] });
    expect(partial.lesson.completed).toBe(false);
    await player.beat(id, { segments: [[15, 30]] });
    const done = await player.beat(id, { segments: [[30, 36]] });
    expect(done.lesson).toMatchObject({ watchedPercent: 90, completed: true });
    await player.beat(id, { segments: [[36, 40]] });
    const statements = await env.t.db
      .select({ statement: xapiStatements.statement })
      .from(xapiStatements)
      .where(and(eq(xapiStatements.personId, person.id), eq(xapiStatements.verbId, 'http://adlnet.gov/expapi/verbs/completed')));
    expect(statements).toHaveLength(1);
    const statement = statements[0]!.statement as { object: { id: string }; context: { registration: string; contextActivities: { category: { id: string }[] } } };
    expect(statement.object.id).toBe(learningActivityIri(TEST_PUBLIC_URL, 'micro-course', micro.id));
    expect(statement.context.registration).toBe(id);
    expect(statement.context.contextActivities.category.map((c) => c.id)).toEqual([learningActivityIri(TEST_PUBLIC_URL, 'knowledge-point', point.id)]);
  });
});
