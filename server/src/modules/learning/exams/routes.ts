import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  attempt,
  attemptAnswerParams,
  exam,
  examInput,
  examList,
  examResultPage,
  examStatistics,
  gradeAnswerRequest,
  gradingQueue,
  knowledgePointOptions,
  listExamResultsQuery,
  listQuestionsQuery,
  myExamList,
  paper,
  paperInput,
  paperList,
  question,
  questionAvailability,
  questionInput,
  questionPage,
  saveAnswerRequest,
  uuidParam,
  type ExamResult,
  type Locale,
} from '@fulcrum/shared';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../../lib/http.ts';
import type { Column } from '../../../lib/xlsx.ts';
import { getAttempt, saveAnswer, startAttempt, submitAttempt } from './attempts.ts';
import { createExam, getExam, listExams, transitionExam, updateExam } from './exams.ts';
import { gradeAnswer, gradingQueue as readGradingQueue } from './grading-queue.ts';
import { createPaper, getPaper, listPapers } from './papers.ts';
import { createQuestion, deleteQuestion, getQuestion, knowledgePointChoices, listQuestions, questionAvailability as readAvailability, setQuestionStatus, updateQuestion } from './questions.ts';
import { examStatistics as readStatistics, listResults, myExams } from './results.ts';

const bankTags = ['exams: question bank and papers'];
const examTags = ['exams'];
const attemptTags = ['exam attempts'];

function resultColumns(locale: Locale): Column<ExamResult>[] {
  const status = { in_progress: ['作答中', 'In progress'], submitted: ['待阅卷', 'Awaiting grading'], graded: ['已评分', 'Graded'] } as const;
  return [
    { zh: '姓名', en: 'Name', value: (r) => r.personName },
    { zh: '第几次', en: 'Attempt', value: (r) => r.attemptNo },
    { zh: '状态', en: 'Status', value: (r) => status[r.status][locale === 'zh-CN' ? 0 : 1] },
    { zh: '开始时间', en: 'Started', width: 22, value: (r) => new Date(r.startedAt) },
    { zh: '交卷时间', en: 'Submitted', width: 22, value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
    { zh: '得分', en: 'Score', value: (r) => r.score },
    { zh: '是否通过', en: 'Passed', value: (r) => (r.passed === null ? null : r.passed ? (locale === 'zh-CN' ? '通过' : 'Yes') : locale === 'zh-CN' ? '未通过' : 'No') },
    { zh: '能力估计 θ', en: 'Ability θ', value: (r) => r.ability?.theta ?? null },
    { zh: 'θ 标准误', en: 'θ standard error', value: (r) => r.ability?.standardError ?? null },
  ];
}

/** The question bank, papers, exams, attempts, grading and results under /learning. */
export function examRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);

    // --- bank ---------------------------------------------------------------------------------------
    app.get('/learning/questions', { schema: { tags: bankTags, summary: 'The question bank, filtered', querystring: listQuestionsQuery, response: { 200: questionPage } } }, (request) =>
      listQuestions(ctxOf(request, deps), request.query),
    );
    app.get('/learning/questions/availability', { schema: { tags: bankTags, summary: 'Active questions per knowledge point × difficulty', response: { 200: questionAvailability } } }, (request) =>
      readAvailability(ctxOf(request, deps)),
    );
    app.get('/learning/questions/knowledge-points', { schema: { tags: bankTags, summary: 'Knowledge points questions may name', response: { 200: knowledgePointOptions } } }, (request) =>
      knowledgePointChoices(ctxOf(request, deps)),
    );
    app.post('/learning/questions', { schema: { tags: bankTags, summary: 'Add a question (validated per kind)', body: questionInput, response: { 201: question } } }, async (request, reply) =>
      reply.status(201).send(await createQuestion(ctxOf(request, deps), request.body)),
    );
    app.get('/learning/questions/:id', { schema: { tags: bankTags, summary: 'One question with its answer', params: uuidParam, response: { 200: question } } }, (request) =>
      getQuestion(ctxOf(request, deps), request.params.id),
    );
    app.put('/learning/questions/:id', { schema: { tags: bankTags, summary: 'Rewrite a question not yet used (409 QUESTION_USED)', params: uuidParam, body: questionInput, response: { 200: question } } }, (request) =>
      updateQuestion(ctxOf(request, deps), request.params.id, request.body),
    );
    app.post('/learning/questions/:id/retire', { schema: { tags: bankTags, summary: 'Retire a question (never drawn again)', params: uuidParam, response: { 200: question } } }, (request) =>
      setQuestionStatus(ctxOf(request, deps), request.params.id, 'retired'),
    );
    app.post('/learning/questions/:id/reactivate', { schema: { tags: bankTags, summary: 'Make a retired question active again', params: uuidParam, response: { 200: question } } }, (request) =>
      setQuestionStatus(ctxOf(request, deps), request.params.id, 'active'),
    );
    app.delete('/learning/questions/:id', { schema: { tags: bankTags, summary: 'Delete a question never used (409 QUESTION_USED: retire it)', params: uuidParam } }, async (request, reply) => {
      await deleteQuestion(ctxOf(request, deps), request.params.id);
      return reply.status(204).send();
    });

    app.get('/learning/papers', { schema: { tags: bankTags, summary: 'Papers with their questions or rules', response: { 200: paperList } } }, (request) => listPapers(ctxOf(request, deps)));
    app.post('/learning/papers', { schema: { tags: bankTags, summary: 'A fixed or random paper (rules the bank cannot satisfy are refused)', body: paperInput, response: { 201: paper } } }, async (request, reply) =>
      reply.status(201).send(await createPaper(ctxOf(request, deps), request.body)),
    );
    app.get('/learning/papers/:id', { schema: { tags: bankTags, summary: 'One paper', params: uuidParam, response: { 200: paper } } }, (request) => getPaper(ctxOf(request, deps), request.params.id));

    // --- exams --------------------------------------------------------------------------------------
    app.get('/learning/exams', { schema: { tags: examTags, summary: 'The organisation’s exams', response: { 200: examList } } }, (request) => listExams(ctxOf(request, deps)));
    app.post('/learning/exams', { schema: { tags: examTags, summary: 'A draft exam', body: examInput, response: { 201: exam } } }, async (request, reply) =>
      reply.status(201).send(await createExam(ctxOf(request, deps), request.body)),
    );
    app.get('/learning/exams/:id', { schema: { tags: examTags, summary: 'One exam', params: uuidParam, response: { 200: exam } } }, (request) => getExam(ctxOf(request, deps), request.params.id));
    app.put('/learning/exams/:id', { schema: { tags: examTags, summary: 'Rewrite a draft exam', params: uuidParam, body: examInput, response: { 200: exam } } }, (request) =>
      updateExam(ctxOf(request, deps), request.params.id, request.body),
    );
    for (const action of ['publish', 'close'] as const) {
      app.post(`/learning/exams/:id/${action}`, { schema: { tags: examTags, summary: `${action} the exam (audited)`, params: uuidParam, response: { 200: exam } } }, (request) =>
        transitionExam(ctxOf(request, deps), request.params.id, action),
      );
    }
    app.get('/learning/exams/:id/results', { schema: { tags: examTags, summary: 'Attempts with scores; format=xlsx exports them', params: uuidParam, querystring: listExamResultsQuery, response: { 200: examResultPage } } }, async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const page = await listResults(ctx, request.params.id, request.query);
      return sendList(reply, request.query.format, page, { name: 'results', filename: '考试成绩', columns: resultColumns(ctx.actor.locale), locale: ctx.actor.locale });
    });
    app.get('/learning/exams/:id/statistics', { schema: { tags: examTags, summary: 'Attempts, pass rate, mean and median; item difficulty and discrimination', params: uuidParam, response: { 200: examStatistics } } }, (request) =>
      readStatistics(ctxOf(request, deps), request.params.id),
    );
    app.get('/learning/exams/:id/grading', { schema: { tags: examTags, summary: 'Short answers waiting for an instructor', params: uuidParam, response: { 200: gradingQueue } } }, (request) =>
      readGradingQueue(ctxOf(request, deps), request.params.id),
    );

    // --- attempts -----------------------------------------------------------------------------------
    app.get('/learning/my/exams', { schema: { tags: attemptTags, summary: 'My exams: attempts left, best score, status', response: { 200: myExamList } } }, (request) => myExams(ctxOf(request, deps)));
    app.post('/learning/exams/:id/attempts', { schema: { tags: attemptTags, summary: 'Start an attempt (200 with the one in progress)', params: uuidParam, response: { 200: attempt, 201: attempt } } }, async (request, reply) => {
      const { attempt: started, resumed } = await startAttempt(ctxOf(request, deps), request.params.id, publicUrl);
      return reply.status(resumed ? 200 : 201).send(started);
    });
    app.get('/learning/attempts/:id', { schema: { tags: attemptTags, summary: 'An attempt (answers and explanations once graded)', params: uuidParam, response: { 200: attempt } } }, (request) =>
      getAttempt(ctxOf(request, deps), request.params.id),
    );
    app.put('/learning/attempts/:id/answers/:questionId', { schema: { tags: attemptTags, summary: 'Save an answer while the attempt runs', params: attemptAnswerParams, body: saveAnswerRequest, response: { 200: z.object({ saved: z.literal(true) }) } } }, (request) =>
      saveAnswer(ctxOf(request, deps), request.params.id, request.params.questionId, request.body, publicUrl),
    );
    app.post('/learning/attempts/:id/submit', { schema: { tags: attemptTags, summary: 'Submit: objective answers are graded at once', params: uuidParam, response: { 200: attempt } } }, (request) =>
      submitAttempt(ctxOf(request, deps), request.params.id, publicUrl),
    );
    app.put('/learning/attempts/:id/answers/:questionId/grade', { schema: { tags: attemptTags, summary: 'Grade a short answer', params: attemptAnswerParams, body: gradeAnswerRequest, response: { 200: z.object({ attemptStatus: z.string(), score: z.number().int().nullable() }) } } }, (request) =>
      gradeAnswer(ctxOf(request, deps), request.params.id, request.params.questionId, request.body, publicUrl),
    );
  };
}
