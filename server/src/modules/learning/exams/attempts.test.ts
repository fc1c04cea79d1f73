import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgePointScores } from '../../../db/schema/index.ts';
import { MINUTE } from '../../../lib/clock.ts';
import { buildTestApp, TEST_PUBLIC_URL, type TestApp } from '../../../test/app.ts';
import { catchUpProjection } from '../../xapi/projector.ts';
import { addQuestion, rowsOf, everyKind, examWorld, publishedExam, signInLearner, signInManager, singleQ } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof examWorld>>;
let ids: string[];
beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
  ids = [];
  for (const q of everyKind(w.kp.id)) ids.push((await addQuestion(w.manager, q)).id);
});
afterAll(() => t.close());

type AttemptBody = { id: string; status: string; score: number | null; passed: boolean | null; questions: Array<Record<string, unknown> & { questionId: string; options: Array<{ key: string }> }> };
const [SINGLE, MULTIPLE, TRUE_FALSE, FILL, SHORT] = [0, 1, 2, 3, 4];

describe('an attempt from start to grade', () => {
  let examId: string;
  let learner: Awaited<ReturnType<typeof signInLearner>>;
  let attempt: AttemptBody;

  beforeAll(async () => {
    examId = (await publishedExam(w.manager, ids, { passScore: 40 })).id;
    learner = await signInLearner(t, w.org.id);
  });

  it('starts with the drawn paper and no answers in sight; a second start answers the same attempt', async () => {
    const res = await learner.client.post(`/api/v1/learning/exams/${examId}/attempts`);
    expect(res.statusCode).toBe(201);
    attempt = res.json();
    expect(attempt.questions).toHaveLength(5);
    expect(res.body).not.toContain('correctAnswer');
    expect(res.body).not.toContain('explanation');
    expect(res.body).not.toContain('GB/T 3805');
    const again = await learner.client.post(`/api/v1/learning/exams/${examId}/attempts`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(attempt.id);
  });

  it('keeps the options of choice questions as the question has them, in some order', () => {
    const single = attempt.questions.find((q) => q.questionId === ids[SINGLE])!;
    expect(single.options.map((o) => o.key).sort()).toEqual(['A', 'B', 'C']);
  });

  it('refuses an answer of the wrong shape, naming the field', async () => {
    const res = await learner.client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[MULTIPLE]}`, { response: 'Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('body.response');
  });

  it('grades objective kinds on submit (fill-in normalised, multiple all-or-nothing) and waits for the short answer', async () => {
    const save = (i: number, response: unknown) => learner.client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[i]}`, { response });
    expect((await save(SINGLE, 'B')).statusCode).toBe(200);
    await save(MULTIPLE, ['C', 'A']);
    await save(TRUE_FALSE, false);
    await save(FILL, '  ＩＮＳＵＬＡＴＥＤ ');
    await save(SHORT, '先切断电源，再进行心肺复苏。');
    const submitted = await learner.client.post(`/api/v1/learning/attempts/${attempt.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', score: null, passed: null });
    expect(submitted.body).not.toContain('correctAnswer');
    const rows = await rowsOf<{ question_id: string; correct: boolean | null; points: number | null }>(t, `select question_id, correct, points from exam_answers where attempt_id = '${attempt.id}'`);
    const byQuestion = new Map(rows.map((r) => [r.question_id, r]));
    expect(byQuestion.get(ids[SINGLE]!)).toMatchObject({ correct: true, points: 10 });
    expect(byQuestion.get(ids[MULTIPLE]!)).toMatchObject({ correct: true, points: 10 });
    expect(byQuestion.get(ids[TRUE_FALSE]!)).toMatchObject({ correct: false, points: 0 });
    expect(byQuestion.get(ids[FILL]!)).toMatchObject({ correct: true, points: 10 });
    expect(byQuestion.get(ids[SHORT]!)).toMatchObject({ correct: null, points: null });
  });

  it('refuses answers once submitted', async () => {
    const res = await learner.client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[SINGLE]}`, { response: 'A' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('ATTEMPT_SUBMITTED');
  });

  it('lets an instructor grade the short answer, which grades the attempt and shows answers with explanations', async () => {
    const queue = (await w.instructor.get(`/api/v1/learning/exams/${examId}/grading`)).json();
    expect(queue.items).toEqual([expect.objectContaining({ attemptId: attempt.id, questionId: ids[SHORT], maxPoints: 10, response: '先切断电源，再进行心肺复苏。' })]);
    const tooMany = await w.instructor.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[SHORT]}/grade`, { points: 11 });
    expect(tooMany.json().error.details.issues[0].path).toBe('body.points');
    const graded = await w.instructor.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[SHORT]}/grade`, { points: 6, feedback: '步骤不全' });
    expect(graded.json()).toEqual({ attemptStatus: 'graded', score: 36 });
    const again = await w.instructor.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[SHORT]}/grade`, { points: 10 });
    expect(again.json().error.details.reason).toBe('ALREADY_GRADED');

    const view = (await learner.client.get(`/api/v1/learning/attempts/${attempt.id}`)).json() as AttemptBody;
    expect(view).toMatchObject({ status: 'graded', score: 36, passed: false });
    const single = view.questions.find((q) => q.questionId === ids[SINGLE])!;
    expect(single).toMatchObject({ correctAnswer: 'B', explanation: 'GB/T 3805 规定安全电压额定值上限为 42V。', awardedPoints: 10, correct: true });
    expect(view.questions.find((q) => q.questionId === ids[SHORT])).toMatchObject({ awardedPoints: 6, feedback: '步骤不全' });
  });

  it('records answered statements with knowledge points and the exam result, projected into knowledge_point_scores', async () => {
    await catchUpProjection(t.db, TEST_PUBLIC_URL);
    const [score] = await t.db.select().from(knowledgePointScores).where(and(eq(knowledgePointScores.personId, learner.personId), eq(knowledgePointScores.knowledgePointId, w.kp.id)));
    // five answers; true/false wrong; the short answer (6 of 10) counts as correct.
    expect(score).toMatchObject({ attempts: 5, correct: 4 });
    const verbs = await rowsOf(t, `select statement->'verb'->>'id' as verb, statement->'result'->'score'->>'scaled' as scaled from xapi_statements where statement->'object'->>'id' like '%/exam/${examId}'`);
    expect(verbs).toEqual([{ verb: 'http://adlnet.gov/expapi/verbs/failed', scaled: '0.72' }]);
  });

  it('allows the second attempt and refuses a third', async () => {
    const second = (await learner.client.post(`/api/v1/learning/exams/${examId}/attempts`)).json();
    await learner.client.post(`/api/v1/learning/attempts/${second.id}/submit`);
    const third = await learner.client.post(`/api/v1/learning/exams/${examId}/attempts`);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.details.reason).toBe('NO_ATTEMPTS_LEFT');
    const mine = (await learner.client.get('/api/v1/learning/my/exams')).json();
    expect(mine.items.find((e: { id: string }) => e.id === examId)).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, bestScore: 36, passed: false });
  });
});

describe('window and time limit', () => {
  it('refuses to start before the window opens and after it closes', async () => {
    const q = await addQuestion(w.manager, singleQ(w.kp.id, { stem: '窗口题' }));
    const now = t.clock.now().getTime();
    const exam = await publishedExam(w.manager, [q.id], { passScore: 5, opensAt: new Date(now + 60 * MINUTE).toISOString(), closesAt: new Date(now + 120 * MINUTE).toISOString() });
    const { client } = await signInLearner(t, w.org.id, '李四');
    const early = await client.post(`/api/v1/learning/exams/${exam.id}/attempts`);
    expect(early.json().error.details.reason).toBe('EXAM_NOT_OPEN');
    t.clock.advance(120 * MINUTE);
    // Sessions end after 30 idle minutes: sign in again after moving the clock.
    w.manager = await signInManager(t, w.org.id);
    const late = await (await signInLearner(t, w.org.id, '李四')).client.post(`/api/v1/learning/exams/${exam.id}/attempts`);
    expect(late.json().error.details.reason).toBe('EXAM_CLOSED');
  });

  it('refuses answers after the deadline and grades what was saved', async () => {
    const q1 = await addQuestion(w.manager, singleQ(w.kp.id, { stem: '限时题一' }));
    const q2 = await addQuestion(w.manager, singleQ(w.kp.id, { stem: '限时题二' }));
    const exam = await publishedExam(w.manager, [q1.id, q2.id], { passScore: 10, timeLimitMinutes: 20 });
    const { client } = await signInLearner(t, w.org.id, '王五');
    const attempt = (await client.post(`/api/v1/learning/exams/${exam.id}/attempts`)).json();
    await client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${q1.id}`, { response: 'B' });
    t.clock.advance(21 * MINUTE);
    const late = await client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${q2.id}`, { response: 'B' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('DEADLINE_PASSED');
    const view = (await client.get(`/api/v1/learning/attempts/${attempt.id}`)).json();
    expect(view).toMatchObject({ status: 'graded', score: 10, passed: true });
    expect(new Date(view.submittedAt).getTime()).toBe(new Date(attempt.deadlineAt).getTime());
  });
});

describe('random papers', () => {
  it('draws per attempt from the rule, and refuses to start when retirements left the rule short', async () => {
    const kp = w.kp2.id;
    const drawn: string[] = [];
    for (const stem of ['随机一', '随机二', '随机三']) drawn.push((await addQuestion(w.manager, singleQ(kp, { stem, difficulty: 5 }))).id);
    const paper = (await w.manager.post('/api/v1/learning/papers', { mode: 'random', title: '随机卷', drawRules: [{ knowledgePointId: kp, difficulty: 5, count: 2, points: 5 }] })).json();
    const exam = (await w.manager.post('/api/v1/learning/exams', { title: '随机考试', paperId: paper.id, timeLimitMinutes: 10, maxAttempts: 1, passScore: 5 })).json();
    await w.manager.post(`/api/v1/learning/exams/${exam.id}/publish`);
    const { client } = await signInLearner(t, w.org.id, '赵六');
    const attempt = (await client.post(`/api/v1/learning/exams/${exam.id}/attempts`)).json() as AttemptBody;
    expect(attempt.questions).toHaveLength(2);
    expect(attempt.questions.every((q) => drawn.includes(q.questionId))).toBe(true);

    await w.manager.post(`/api/v1/learning/questions/${drawn[0]}/retire`);
    await w.manager.post(`/api/v1/learning/questions/${drawn[1]}/retire`);
    const other = await signInLearner(t, w.org.id, '孙七');
    const refused = await other.client.post(`/api/v1/learning/exams/${exam.id}/attempts`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ details: { reason: 'RULE_UNSATISFIABLE', rule: 0 } });
  });
});
