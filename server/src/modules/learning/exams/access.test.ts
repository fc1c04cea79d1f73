import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createOrganisation, signIn, type TestApp } from '../../../test/app.ts';
import { addQuestion, auditActions, examWorld, publishedExam, signInLearner, signInManager, singleQ } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof examWorld>>;
let ids: { question: string; exam: string; paper: string; attempt: string };

beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
  const question = await addQuestion(w.manager, singleQ(w.kp.id));
  const exam = await publishedExam(w.manager, [question.id], { passScore: 5 });
  const learner = await signInLearner(t, w.org.id);
  const attempt = (await learner.client.post(`/api/v1/learning/exams/${exam.id}/attempts`)).json();
  ids = { question: question.id, exam: exam.id, paper: exam.paperId, attempt: attempt.id };
});
afterAll(() => t.close());

describe('who reaches exams', () => {
  it('answers 404 for another organisation’s records', async () => {
    const other = await createOrganisation(t.db, { type: 'enterprise' });
    const manager = await signInManager(t, other.id);
    for (const url of [`/api/v1/learning/questions/${ids.question}`, `/api/v1/learning/papers/${ids.paper}`, `/api/v1/learning/exams/${ids.exam}`, `/api/v1/learning/exams/${ids.exam}/statistics`, `/api/v1/learning/attempts/${ids.attempt}`]) {
      expect((await manager.get(url)).statusCode, url).toBe(404);
    }
    expect((await manager.post(`/api/v1/learning/exams/${ids.exam}/close`)).statusCode).toBe(404);
    const learner = await signInLearner(t, other.id, '外单位');
    expect((await learner.client.post(`/api/v1/learning/exams/${ids.exam}/attempts`)).statusCode).toBe(404);
    expect((await learner.client.get('/api/v1/learning/my/exams')).json().items).toEqual([]);
  });

  it('keeps a learner to their own attempts and away from the bank', async () => {
    const classmate = await signInLearner(t, w.org.id, '同事');
    expect((await classmate.client.get(`/api/v1/learning/attempts/${ids.attempt}`)).statusCode).toBe(404);
    expect((await classmate.client.put(`/api/v1/learning/attempts/${ids.attempt}/answers/${ids.question}`, { response: 'A' })).statusCode).toBe(404);
    expect((await classmate.client.get('/api/v1/learning/questions')).statusCode).toBe(403);
    expect((await classmate.client.post('/api/v1/learning/questions', singleQ(w.kp.id))).statusCode).toBe(403);
  });

  it('lets instructors read and grade but not manage; managers do not take exams', async () => {
    expect((await w.instructor.get(`/api/v1/learning/exams/${ids.exam}/statistics`)).statusCode).toBe(200);
    expect((await w.instructor.get(`/api/v1/learning/exams/${ids.exam}/grading`)).statusCode).toBe(200);
    expect((await w.instructor.post('/api/v1/learning/questions', singleQ(w.kp.id))).statusCode).toBe(403);
    expect((await w.instructor.post(`/api/v1/learning/exams/${ids.exam}/close`)).statusCode).toBe(403);
    expect((await w.manager.post(`/api/v1/learning/exams/${ids.exam}/attempts`)).statusCode).toBe(403);
    const officer = await signIn(t, (await createOrganisation(t.db, { type: 'government_department' })).id, 'department_officer');
    expect((await officer.get('/api/v1/learning/exams')).statusCode).toBe(403);
  });

  it('hides drafts from learners and audits publish and close', async () => {
    const paper = (await w.manager.post('/api/v1/learning/papers', { mode: 'fixed', title: '草稿卷', items: [{ questionId: ids.question, points: 5 }] })).json();
    const draft = (await w.manager.post('/api/v1/learning/exams', { title: '草稿', paperId: paper.id, timeLimitMinutes: 5, maxAttempts: 1, passScore: 5 })).json();
    const learner = await signInLearner(t, w.org.id, '草稿学员');
    expect((await learner.client.post(`/api/v1/learning/exams/${draft.id}/attempts`)).statusCode).toBe(404);
    expect((await w.manager.post(`/api/v1/learning/exams/${draft.id}/close`)).json().error.code).toBe('INVALID_TRANSITION');
    await w.manager.post(`/api/v1/learning/exams/${draft.id}/publish`);
    await w.manager.post(`/api/v1/learning/exams/${draft.id}/close`);
    expect(await auditActions(t, draft.id)).toEqual(['create', 'publish', 'close']);
    expect((await learner.client.post(`/api/v1/learning/exams/${draft.id}/attempts`)).statusCode).toBe(404);
  });
});
