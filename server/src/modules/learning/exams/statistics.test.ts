import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { addQuestion, examWorld, publishedExam, signInLearner, singleQ } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof examWorld>>;
let examId: string;
let questionIds: string[];

/*
 * Four learners, three questions of 10 points (answer B), pass score 20:
 *   L1 ✓✓✓ 30 · L2 ✓✓✗ 20 · L3 ✓✗✗ 10 · L4 ✗✗✓ 10
 * Q1 p = .75, rest scores right 20,10,0 (mean 10) vs wrong 10 → r = 0
 * Q2 p = .5, rests 20,10 vs 10,10, s = √18.75 → r = (15 − 10) / 4.330 · .5 = 0.577
 * Q3 p = .5, rests 20,0 vs 20,10, s = √68.75 → r = (10 − 15) / 8.292 · .5 = −0.302
 */
const patterns = [
  [true, true, true],
  [true, true, false],
  [true, false, false],
  [false, false, true],
];

beforeAll(async () => {
  t = await buildTestApp();
  w = await examWorld(t);
  questionIds = [];
  for (const stem of ['第一题', '第二题', '第三题']) questionIds.push((await addQuestion(w.manager, singleQ(w.kp.id, { stem }))).id);
  examId = (await publishedExam(w.manager, questionIds, { passScore: 20 })).id;
  for (const [i, pattern] of patterns.entries()) {
    const { client } = await signInLearner(t, w.org.id, `学员${i + 1}`);
    const attempt = (await client.post(`/api/v1/learning/exams/${examId}/attempts`)).json();
    for (const [j, right] of pattern.entries()) await client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${questionIds[j]}`, { response: right ? 'B' : 'A' });
    await client.post(`/api/v1/learning/attempts/${attempt.id}/submit`);
  }
});
afterAll(() => t.close());

describe('exam and item statistics', () => {
  it('gives attempts, pass rate, mean and median', async () => {
    const stats = (await w.instructor.get(`/api/v1/learning/exams/${examId}/statistics`)).json();
    expect(stats).toMatchObject({ attempts: 4, graded: 4, passed: 2, passRate: 0.5, meanScore: 17.5, medianScore: 15 });
  });

  it('gives each item its p-value and point-biserial discrimination', async () => {
    const stats = (await w.instructor.get(`/api/v1/learning/exams/${examId}/statistics`)).json();
    const item = (i: number) => stats.items.find((s: { questionId: string }) => s.questionId === questionIds[i]);
    expect(item(0)).toMatchObject({ answers: 4, correct: 3, difficulty: 0.75, discrimination: 0 });
    expect(item(1)).toMatchObject({ answers: 4, correct: 2, difficulty: 0.5, discrimination: 0.577 });
    expect(item(2)).toMatchObject({ answers: 4, correct: 2, difficulty: 0.5, discrimination: -0.302 });
  });

  it('lists results and exports them to xlsx', async () => {
    const page = (await w.instructor.get(`/api/v1/learning/exams/${examId}/results?sort=-score`)).json();
    expect(page.total).toBe(4);
    expect(page.items.map((r: { score: number }) => r.score)).toEqual([30, 20, 10, 10]);
    const file = await w.manager.get(`/api/v1/learning/exams/${examId}/results?format=xlsx`);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount).toBe(5);
  });
});
