import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachAnswers, coachItemParams, examAnswers, examAttempts, people } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../test/app.ts';
import { addQuestion, examWorld, publishedExam, rowsOf, singleQ, type ExamWorld } from '../learning/exams/test-support.ts';
import { DEFAULT_BKT, MIN_FIT_ANSWERS, update, type BktParams } from './model/bkt.ts';
import { estimateAbility, MIN_ITEM_ANSWERS } from './model/irt.ts';
import { generate2pl, practiceLog } from './model/simulate.ts';

/*
 * The coach.fit job over a seeded answer log: 240 learners practise one knowledge point exactly as a known BKT model
 * says (enough to fit), five learners answer another three times each (too few: defaults); 240 learners' first
 * attempts answer one exam question under a known 2PL model, 50 of them a second question (too few to calibrate).
 */

const TRUTH: BktParams = { prior: 0.3, learn: 0.2, guess: 0.15, slip: 0.05 };
const LEARNERS = 240;
const START = new Date('2026-03-01T08:00:00+08:00');

let t: TestApp;
let w: ExamWorld;
let personIds: string[];
let questionIds: string[];
let examId: string;
let thickAnswers: number;

beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
  const inserted = await t.db
    .insert(people)
    .values(Array.from({ length: LEARNERS }, (_, i) => ({ name: `学员${i + 1}`, residentId: syntheticResidentId(90_000 + i) })))
    .returning({ id: people.id });
  personIds = inserted.map((p) => p.id);

  const log = practiceLog([TRUTH], 2026, { learners: LEARNERS, pointsPerLearner: 1, minLength: 3, maxLength: 10, stream: 'fit-test' });
  thickAnswers = log.correct.length;
  const rows = Array.from(log.correct, (correct, i) => ({
    seq: i + 1,
    knowledgePointId: w.kp.id,
    personId: personIds[log.learner[i]!]!,
    organisationId: w.org.id,
    correct,
    answeredAt: new Date(START.getTime() + i * 60_000),
  }));
  for (let p = 0; p < 5; p++) {
    for (let k = 0; k < 3; k++) rows.push({ seq: rows.length + 1, knowledgePointId: w.kp2.id, personId: personIds[p]!, organisationId: w.org.id, correct: k % 2, answeredAt: START });
  }
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(coachAnswers).values(rows.slice(i, i + 500));

  questionIds = [(await addQuestion(w.manager, singleQ(w.kp.id, { stem: '第一题' }))).id, (await addQuestion(w.manager, singleQ(w.kp.id, { stem: '第二题' }))).id];
  examId = (await publishedExam(w.manager, questionIds)).id;
  const answers = generate2pl(7, LEARNERS, 1, 1).log.correct;
  const attempts = await t.db
    .insert(examAttempts)
    .values(personIds.map((personId) => ({ examId, personId, organisationId: w.org.id, attemptNo: 1, startedAt: START, deadlineAt: START, submittedAt: START, status: 'graded', paper: [] })))
    .returning({ id: examAttempts.id });
  await t.db.insert(examAnswers).values(attempts.map((a, i) => ({ attemptId: a.id, questionId: questionIds[0]!, correct: answers[i] === 1, points: answers[i]! * 10 })));
  await t.db.insert(examAnswers).values(attempts.slice(0, 50).map((a, i) => ({ attemptId: a.id, questionId: questionIds[1]!, correct: i % 2 === 0, points: 0 })));
  // A calibration left from an earlier run, on a question that no longer has enough answers.
  await t.db.insert(coachItemParams).values({ questionId: questionIds[1]!, discrimination: 1, difficulty: 0, answers: 300, fittedAt: START });
});
afterAll(() => t.close());

type ParamsRow = BktParams & { source: string; learners: number; answers: number; log_likelihood: number | null };
const paramsOf = async (kp: string) =>
  (await rowsOf<ParamsRow>(t, `select prior, learn, guess, slip, source, learners, answers, log_likelihood from coach_knowledge_point_params where knowledge_point_id = '${kp}'`))[0]!;

/** A person's mastery replayed by hand from their answers. */
async function replayed(personId: string, kp: string, params: BktParams) {
  const answers = await rowsOf<{ correct: number }>(t, `select correct from coach_answers where person_id = '${personId}' and knowledge_point_id = '${kp}' order by seq`);
  return answers.reduce((m, a) => update(m, a.correct === 1, params), params.prior);
}

describe('the coach.fit job', () => {
  it('refuses people other than system administrators', async () => {
    const manager = await signIn(t, w.org.id, 'training_manager');
    expect((await manager.post('/api/v1/system/jobs/coach.fit/run')).statusCode).toBe(403);
    expect(await rowsOf(t, 'select 1 from coach_knowledge_point_params')).toEqual([]);
  });

  it('fits a point with enough answers, keeps the defaults for a thin one and replays every mastery row', async () => {
    expect(thickAnswers).toBeGreaterThanOrEqual(MIN_FIT_ANSWERS);
    const gov = await createOrganisation(t.db, { type: 'government_department' });
    const admin = await signIn(t, gov.id, 'system_admin');
    const run = await admin.post('/api/v1/system/jobs/coach.fit/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ ok: true, summary: { points: 2, fitted: 1, masteryRows: LEARNERS + 5, items: 1 } });

    const thick = await paramsOf(w.kp.id);
    expect(thick).toMatchObject({ source: 'fitted', learners: LEARNERS, answers: thickAnswers });
    expect(thick.log_likelihood).toBeLessThan(0);
    for (const key of ['prior', 'learn', 'guess', 'slip'] as const) expect(Math.abs(thick[key] - TRUTH[key])).toBeLessThan(0.12);
    expect(Math.abs(thick.slip - DEFAULT_BKT.slip) + Math.abs(thick.prior - DEFAULT_BKT.prior)).toBeGreaterThan(0.05);

    const thin = await paramsOf(w.kp2.id);
    expect(thin).toMatchObject({ source: 'default', learners: 5, answers: 15 });
    expect(thin.prior).toBeCloseTo(DEFAULT_BKT.prior, 6);
    expect(thin.slip).toBeCloseTo(DEFAULT_BKT.slip, 6);

    const [mastery] = await rowsOf<{ mastery: number; answers: number }>(t, `select mastery, answers from coach_mastery where person_id = '${personIds[0]}' and knowledge_point_id = '${w.kp.id}'`);
    expect(mastery!.mastery).toBeCloseTo(await replayed(personIds[0]!, w.kp.id, thick), 4);
    const [thinMastery] = await rowsOf<{ mastery: number; answers: number; correct: number }>(
      t,
      `select mastery, answers, correct from coach_mastery where person_id = '${personIds[0]}' and knowledge_point_id = '${w.kp2.id}'`,
    );
    expect(thinMastery).toMatchObject({ answers: 3, correct: 1 });
    expect(thinMastery!.mastery).toBeCloseTo(await replayed(personIds[0]!, w.kp2.id, DEFAULT_BKT), 5);
  });

  it('calibrates 2PL only for questions with enough answers and shows it in the item statistics', async () => {
    const items = await rowsOf<{ question_id: string; answers: number }>(t, 'select question_id, answers from coach_item_params');
    expect(items).toEqual([{ question_id: questionIds[0], answers: LEARNERS }]);
    expect(LEARNERS).toBeGreaterThanOrEqual(MIN_ITEM_ANSWERS);
    const stats = (await w.instructor.get(`/api/v1/learning/exams/${examId}/statistics`)).json();
    const item = (id: string) => stats.items.find((s: { questionId: string }) => s.questionId === id);
    expect(item(questionIds[0]!).irt).toMatchObject({ answers: LEARNERS, discrimination: expect.any(Number), difficulty: expect.any(Number) });
    expect(item(questionIds[1]!).irt).toBeNull();
  });

  it('gives each attempt its 2PL ability from the calibrated questions: right above wrong, none without one', async () => {
    const [calibrated] = await rowsOf<{ discrimination: number; difficulty: number }>(t, `select discrimination, difficulty from coach_item_params where question_id = '${questionIds[0]}'`);
    const results = (await w.instructor.get(`/api/v1/learning/exams/${examId}/results?pageSize=100`)).json() as { items: { attemptId: string; ability: { theta: number; standardError: number; answers: number } | null }[] };
    const answers = await rowsOf<{ attempt_id: string; correct: boolean }>(t, `select attempt_id, correct from exam_answers where question_id = '${questionIds[0]}'`);
    const rightly = new Map(answers.map((a) => [a.attempt_id, a.correct]));
    const item = { a: calibrated!.discrimination, b: calibrated!.difficulty };
    for (const r of results.items) {
      // Only the calibrated question counts (the second is not calibrated), so θ is the EAP of that one answer.
      const expected = estimateAbility([{ item, correct: rightly.get(r.attemptId)! }]);
      expect(r.ability).toEqual({ theta: Math.round(expected.theta * 1000) / 1000, standardError: Math.round(expected.standardError * 1000) / 1000, answers: 1 });
    }
    const right = results.items.find((r) => rightly.get(r.attemptId))!;
    const wrong = results.items.find((r) => !rightly.get(r.attemptId))!;
    expect(right.ability!.theta).toBeGreaterThan(wrong.ability!.theta);

    await t.db.delete(coachItemParams);
    const none = (await w.instructor.get(`/api/v1/learning/exams/${examId}/results`)).json() as { items: { ability: unknown }[] };
    expect(none.items.every((r) => r.ability === null)).toBe(true);
  });

  it('changes nothing more when run again', async () => {
    const before = await rowsOf(t, 'select person_id, knowledge_point_id, mastery, answers, correct, last_seq from coach_mastery order by 1, 2');
    const gov = await createOrganisation(t.db, { type: 'government_department' });
    const admin = await signIn(t, gov.id, 'system_admin');
    expect((await admin.post('/api/v1/system/jobs/coach.fit/run')).json()).toMatchObject({ ok: true, summary: { fitted: 1, masteryRows: LEARNERS + 5 } });
    expect(await rowsOf(t, 'select person_id, knowledge_point_id, mastery, answers, correct, last_seq from coach_mastery order by 1, 2')).toEqual(before);
  });
});
