import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../lib/clock.ts';
import { buildTestApp, TEST_PUBLIC_URL, type Client, type TestApp } from '../../test/app.ts';
import { addQuestion, examWorld, publishedExam, rowsOf, signInLearner, singleQ, type ExamWorld } from '../learning/exams/test-support.ts';
import { catchUpProjection, rebuildProjection } from '../xapi/projector.ts';
import { xapiClient } from '../xapi/test-support.ts';
import { DEFAULT_BKT, MASTERED, update } from './model/bkt.ts';

/*
 * Learners take a real exam of one question on a knowledge point (answer B), once per attempt, minutes apart (sessions
 * stay alive); each graded answer is an xAPI statement the projection turns into the coach's answer log, BKT mastery and, once mastered, an FSRS card.
 */

let t: TestApp;
let w: ExamWorld;
let examId: string;
let questionId: string;

beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
  questionId = (await addQuestion(w.manager, singleQ(w.kp.id))).id;
  examId = (await publishedExam(w.manager, [questionId], { maxAttempts: 20, passScore: 10 })).id;
});
afterAll(() => t.close());

/** One attempt answered right or wrong, submitted, and the projection caught up. */
async function answer(client: Client, right: boolean) {
  const attempt = (await client.post(`/api/v1/learning/exams/${examId}/attempts`)).json();
  const put = await client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${questionId}`, { response: right ? 'B' : 'A' });
  expect(put.statusCode, put.body).toBe(200);
  const submitted = await client.post(`/api/v1/learning/attempts/${attempt.id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  await catchUpProjection(t.db, TEST_PUBLIC_URL);
}

type MasteryRow = { mastery: number; answers: number; correct: number; last_seq: string };
const masteryOf = async (personId: string) =>
  (await rowsOf<MasteryRow>(t, `select mastery, answers, correct, last_seq from coach_mastery where person_id = '${personId}' and knowledge_point_id = '${w.kp.id}'`))[0];
const cardOf = async (personId: string) =>
  (await rowsOf<{ due_at: Date; card: { reps: number; lapses: number } }>(t, `select due_at, card from coach_review_cards where person_id = '${personId}' and knowledge_point_id = '${w.kp.id}'`))[0];
const snapshot = async () => ({
  answers: await rowsOf(t, 'select seq, knowledge_point_id, person_id, correct, answered_at from coach_answers order by seq, knowledge_point_id'),
  mastery: await rowsOf(t, 'select person_id, knowledge_point_id, mastery, answers, correct, last_seq, last_answered_at from coach_mastery order by person_id, knowledge_point_id'),
  cards: await rowsOf(t, 'select person_id, knowledge_point_id, card, due_at from coach_review_cards order by person_id, knowledge_point_id'),
});

describe('mastery from graded answers', () => {
  it('moves mastery by the BKT update from the defaults on a right answer, and lowers it on a wrong one', async () => {
    const { client, personId } = await signInLearner(t, w.org.id, '王一');
    await answer(client, true);
    const first = update(DEFAULT_BKT.prior, true, DEFAULT_BKT);
    const row = await masteryOf(personId);
    expect(row).toMatchObject({ answers: 1, correct: 1 });
    expect(row!.mastery).toBeCloseTo(first, 6);
    const logged = await rowsOf<{ correct: number }>(t, `select correct from coach_answers where person_id = '${personId}'`);
    expect(logged).toEqual([{ correct: 1 }]);

    await answer(client, false);
    const after = await masteryOf(personId);
    expect(after).toMatchObject({ answers: 2, correct: 1 });
    expect(after!.mastery).toBeLessThan(row!.mastery);
    expect(after!.mastery).toBeCloseTo(update(first, false, DEFAULT_BKT), 6);
    expect(await cardOf(personId)).toBeUndefined();
  });

  it('makes a review card once mastery passes 0.95, and a wrong answer brings it due earlier than a right one', async () => {
    const learners = [await signInLearner(t, w.org.id, '李二'), await signInLearner(t, w.org.id, '赵三')];
    let expected: number = DEFAULT_BKT.prior;
    for (let i = 0; i < 3; i++) {
      for (const learner of learners) await answer(learner.client, true);
      expected = update(expected, true, DEFAULT_BKT);
      const row = await masteryOf(learners[0]!.personId);
      expect(row!.mastery).toBeCloseTo(expected, 5);
      // The third right answer takes the defaults past 0.95 (0.535 → 0.605, 0.894, 0.979 after the feedback).
      expect(Boolean(await cardOf(learners[0]!.personId))).toBe(expected >= MASTERED);
      t.clock.advance(10 * MINUTE);
    }
    const made = await cardOf(learners[0]!.personId);
    expect(made!.card.reps).toBe(1);

    t.clock.advance(10 * MINUTE);
    await answer(learners[0]!.client, false);
    await answer(learners[1]!.client, true);
    const [wrong, right] = [await cardOf(learners[0]!.personId), await cardOf(learners[1]!.personId)];
    expect(wrong!.card).toMatchObject({ reps: 2, lapses: 1 });
    expect(right!.card).toMatchObject({ reps: 2, lapses: 0 });
    expect(new Date(wrong!.due_at).getTime()).toBeLessThan(new Date(right!.due_at).getTime());
    expect(new Date(right!.due_at).getTime()).toBeGreaterThan(new Date(made!.due_at).getTime());
  });

  it('stops counting a voided graded statement and replays the rest', async () => {
    const { client, personId } = await signInLearner(t, w.org.id, '钱四');
    await answer(client, true);
    await answer(client, false);
    const [voidedTarget] = await rowsOf<{ id: string; seq: string }>(
      t,
      `select id, seq from xapi_statements where person_id = '${personId}' and statement->'result'->>'success' = 'false' and activity_id like '%/question/%'`,
    );
    // Voided by a tool's key whose actor is no person of the registry.
    const { xapi } = await xapiClient(t, { organisationId: w.org.id });
    const voided = await xapi.post('/xapi/statements', {
      actor: { objectType: 'Agent', mbox: 'mailto:lms@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
      object: { objectType: 'StatementRef', id: voidedTarget!.id },
    });
    expect(voided.statusCode, voided.body).toBe(200);
    await catchUpProjection(t.db, TEST_PUBLIC_URL);

    const row = await masteryOf(personId);
    expect(row).toMatchObject({ answers: 1, correct: 1 });
    expect(row!.mastery).toBeCloseTo(update(DEFAULT_BKT.prior, true, DEFAULT_BKT), 6);
    expect(Number(row!.last_seq)).toBeLessThan(Number(voidedTarget!.seq));
    expect(await rowsOf(t, `select 1 from coach_answers where seq = ${voidedTarget!.seq}`)).toEqual([]);
  });

  it('changes nothing when the projection is rebuilt from every statement', async () => {
    const before = await snapshot();
    expect(before.mastery.length).toBeGreaterThanOrEqual(4);
    expect(before.cards.length).toBe(2);
    await rebuildProjection(t.db, TEST_PUBLIC_URL);
    expect(await snapshot()).toEqual(before);
  });
});
