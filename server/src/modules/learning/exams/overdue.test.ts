import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../lib/clock.ts';
import { createOrganisation, signIn, type TestApp } from '../../../test/app.ts';
import { addQuestion, auditActions, everyKind, publishedExam, rowsOf, signInLearner, useExamWorld, type ExamWorld } from './test-support.ts';

/*
 * An attempt whose time ran out: reads show it as `timeUp` and change nothing; the scheduled job
 * exams.finalise-overdue (run here through its endpoint) submits and grades it once.
 */

let t: TestApp;
let w: ExamWorld;
useExamWorld((app, world) => {
  t = app;
  w = world;
});

/** Everything a finalisation would change: attempts' states, graded answers, statements, audit entries. */
async function footprint() {
  const [row] = await rowsOf<Record<string, string>>(
    t,
    `select (select string_agg(id || ':' || status, ',' order by id) from exam_attempts) as attempts,
            (select count(*) from exam_answers where graded_at is not null) as graded,
            (select count(*) from xapi_statements) as statements,
            (select count(*) from audit_log) as audit`,
  );
  return row;
}

describe('an attempt whose time ran out', () => {
  it('is shown as time up by every read, which writes nothing; the job submits it once', async () => {
    const ids: string[] = [];
    for (const q of everyKind(w.kp.id)) ids.push((await addQuestion(w.manager, q)).id);
    const exam = await publishedExam(w.manager, ids, { timeLimitMinutes: 20, passScore: 10 });
    const learner = await signInLearner(t, w.org.id, '钱八');
    const attempt = (await learner.client.post(`/api/v1/learning/exams/${exam.id}/attempts`)).json();
    await learner.client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[0]}`, { response: 'B' });
    await learner.client.put(`/api/v1/learning/attempts/${attempt.id}/answers/${ids[4]}`, { response: '先切断电源，再进行心肺复苏。' });
    t.clock.advance(25 * MINUTE);
    const before = await footprint();

    const results = (await w.instructor.get(`/api/v1/learning/exams/${exam.id}/results`)).json();
    expect(results.items).toMatchObject([{ attemptId: attempt.id, status: 'in_progress', timeUp: true, score: null }]);
    const stats = (await w.instructor.get(`/api/v1/learning/exams/${exam.id}/statistics`)).json();
    expect(stats).toMatchObject({ attempts: 0, graded: 0 });
    expect((await w.instructor.get(`/api/v1/learning/exams/${exam.id}/grading`)).json().items).toEqual([]);
    const mine = (await learner.client.get('/api/v1/learning/my/exams')).json().items.find((e: { id: string }) => e.id === exam.id);
    expect(mine).toMatchObject({ inProgressAttemptId: null, attempts: [{ id: attempt.id, status: 'in_progress', timeUp: true }] });
    expect((await learner.client.get(`/api/v1/learning/attempts/${attempt.id}`)).json()).toMatchObject({ status: 'in_progress', timeUp: true, submittedAt: null });
    expect(await footprint()).toEqual(before);

    const gov = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
    const admin = await signIn(t, gov.id, 'system_admin');
    const run = await admin.post('/api/v1/system/jobs/exams.finalise-overdue/run');
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ trigger: 'manual', ok: true, summary: { finalised: 1 } });
    const [stored] = await rowsOf<{ status: string; submitted_at: Date; deadline_at: Date }>(t, `select status, submitted_at, deadline_at from exam_attempts where id = '${attempt.id}'`);
    // The short answer waits for an instructor; the attempt counts as handed in at its deadline.
    expect(stored!.status).toBe('submitted');
    expect(new Date(stored!.submitted_at).getTime()).toBe(new Date(stored!.deadline_at).getTime());
    expect(await auditActions(t, attempt.id)).toEqual(['start', 'submit']);
    expect((await w.instructor.get(`/api/v1/learning/exams/${exam.id}/grading`)).json().items).toHaveLength(1);
    expect((await w.instructor.get(`/api/v1/learning/exams/${exam.id}/results`)).json().items[0]).toMatchObject({ status: 'submitted', timeUp: false });

    const after = await footprint();
    const again = await admin.post('/api/v1/system/jobs/exams.finalise-overdue/run');
    expect(again.json()).toMatchObject({ ok: true, summary: { finalised: 0 } });
    const settled = await footprint();
    // Only the second run's own audit entry is new.
    expect({ ...settled, audit: Number(settled!.audit) - 1 }).toEqual({ ...after, audit: Number(after!.audit) });
  });

  it('is submitted by its learner\'s next start, which then begins a new attempt', async () => {
    const q = await addQuestion(w.manager, everyKind(w.kp.id)[0]!);
    const exam = await publishedExam(w.manager, [q.id], { timeLimitMinutes: 10, passScore: 10 });
    const learner = await signInLearner(t, w.org.id, '孙九');
    const first = (await learner.client.post(`/api/v1/learning/exams/${exam.id}/attempts`)).json();
    await learner.client.put(`/api/v1/learning/attempts/${first.id}/answers/${q.id}`, { response: 'B' });
    t.clock.advance(11 * MINUTE);
    const second = await learner.client.post(`/api/v1/learning/exams/${exam.id}/attempts`);
    expect(second.statusCode).toBe(201);
    const [stored] = await rowsOf<{ status: string; score: number }>(t, `select status, score from exam_attempts where id = '${first.id}'`);
    expect(stored).toEqual({ status: 'graded', score: 10 });
  });
});
