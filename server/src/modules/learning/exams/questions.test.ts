import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { addQuestion, auditActions, everyKind, examWorld, publishedExam, singleQ } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof examWorld>>;
beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
});
afterAll(() => t.close());

const issuesOf = (body: string) => (JSON.parse(body) as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues.map((i) => i.path);

describe('question bank', () => {
  it('accepts every kind and lists them by knowledge point, difficulty and kind', async () => {
    for (const q of everyKind(w.kp2.id)) await addQuestion(w.manager, q);
    const byKp = (await w.manager.get(`/api/v1/learning/questions?knowledgePointId=${w.kp2.id}`)).json();
    expect(byKp.total).toBe(5);
    expect(byKp.items[0].knowledgePoints[0].name).toBe('触电急救');
    const hard = (await w.manager.get(`/api/v1/learning/questions?knowledgePointId=${w.kp2.id}&difficulty=4`)).json();
    expect(hard.items.map((q: { kind: string }) => q.kind)).toEqual(['short_answer']);
    const fill = (await w.manager.get('/api/v1/learning/questions?kind=fill_in')).json();
    expect(fill.items[0].answer).toEqual(['绝缘', 'insulated']);
  });

  it.each([
    ['single answer not an option', singleQ('00000000-0000-4000-8000-000000000000', { answer: 'D' } as never), 'body.answer'],
    ['multiple with one key', { ...everyKind('x')[1], answer: ['A'] }, 'body.answer'],
    ['true_false with text', { ...everyKind('x')[2], answer: 'yes' }, 'body.answer'],
    ['fill_in with no accepted answer', { ...everyKind('x')[3], answer: [] }, 'body.answer'],
    ['short answer without model answer', { ...everyKind('x')[4], answer: '' }, 'body.answer'],
    ['duplicate option keys', singleQ('x', { options: [{ key: 'A', text: '1' }, { key: 'A', text: '2' }] } as never), 'body.options.1.key'],
    ['no knowledge point', singleQ('x', { knowledgePointIds: [] }), 'body.knowledgePointIds'],
    ['difficulty 6', singleQ('x', { difficulty: 6 }), 'body.difficulty'],
  ])('refuses %s, naming the field', async (_name, body, path) => {
    const res = await w.manager.post('/api/v1/learning/questions', { ...body, knowledgePointIds: (body as { knowledgePointIds: string[] }).knowledgePointIds.length ? [w.kp.id] : [] });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toContain(path);
  });

  it('refuses a knowledge point of another organisation', async () => {
    const res = await w.manager.post('/api/v1/learning/questions', singleQ('11111111-1111-4111-8111-111111111111'));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['body.knowledgePointIds.0']);
  });

  it('edits and deletes an unused question, but only retires a used one (audited)', async () => {
    const unused = await addQuestion(w.manager, singleQ(w.kp.id, { stem: '未使用的题' }));
    const edited = await w.manager.put(`/api/v1/learning/questions/${unused.id}`, singleQ(w.kp.id, { stem: '改过的题' }));
    expect(edited.json().stem).toBe('改过的题');
    expect((await w.manager.request({ method: 'DELETE', url: `/api/v1/learning/questions/${unused.id}` })).statusCode).toBe(204);

    const used = await addQuestion(w.manager, singleQ(w.kp.id, { stem: '用过的题' }));
    await publishedExam(w.manager, [used.id], { passScore: 5 });
    const del = await w.manager.request({ method: 'DELETE', url: `/api/v1/learning/questions/${used.id}` });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.details.reason).toBe('QUESTION_USED');
    expect((await w.manager.put(`/api/v1/learning/questions/${used.id}`, singleQ(w.kp.id))).statusCode).toBe(409);
    const retired = await w.manager.post(`/api/v1/learning/questions/${used.id}/retire`);
    expect(retired.json().status).toBe('retired');
    expect(await auditActions(t, used.id)).toEqual(['create', 'retire']);
  });
});

describe('papers', () => {
  it('refuses a random rule the bank cannot satisfy, naming it, and accepts one it can', async () => {
    const kp = w.kp2.id;
    const tooMany = await w.manager.post('/api/v1/learning/papers', { mode: 'random', title: '随机卷', drawRules: [{ knowledgePointId: kp, difficulty: 2, count: 1, points: 5 }, { knowledgePointId: kp, difficulty: 1, count: 3, points: 5 }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.drawRules.1.count', code: 'NOT_ENOUGH_QUESTIONS' })]);
    expect(tooMany.json().error.message).toContain('rule 2 (触电急救, difficulty 1)');

    const ok = await w.manager.post('/api/v1/learning/papers', { mode: 'random', title: '随机卷', drawRules: [{ knowledgePointId: kp, difficulty: 2, count: 2, points: 5 }] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ totalPoints: 10, questionCount: 2, drawRules: [{ available: 2, knowledgePointName: '触电急救' }] });
  });

  it('refuses a fixed paper with an unknown question and a pass score above the total', async () => {
    const bad = await w.manager.post('/api/v1/learning/papers', { mode: 'fixed', title: 'x', items: [{ questionId: '22222222-2222-4222-8222-222222222222', points: 5 }] });
    expect(bad.json().error.details.issues[0].path).toBe('body.items.0.questionId');
    const q = await addQuestion(w.manager, singleQ(w.kp.id));
    const paper = (await w.manager.post('/api/v1/learning/papers', { mode: 'fixed', title: 'x', items: [{ questionId: q.id, points: 5 }] })).json();
    const exam = await w.manager.post('/api/v1/learning/exams', { title: 'x', paperId: paper.id, timeLimitMinutes: 10, maxAttempts: 1, passScore: 6 });
    expect(exam.json().error.details.issues[0].path).toBe('body.passScore');
  });
});
