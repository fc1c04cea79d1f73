import type { FastifyInstance } from 'fastify';
import {
  annualFigures,
  annualFiguresQuery,
  annualReview,
  annualReviewDecisionLabels,
  annualReviewDetail,
  annualReviewList,
  annualReviewPage,
  annualReviewStatusLabels,
  centreTraining,
  centreTrainingPage,
  decideAnnualReviewRequest,
  fileAnnualReviewRequest,
  listAnnualReviewsQuery,
  listAssessmentsQuery,
  listTrainingsQuery,
  occupationByCode,
  recordAssessmentRequest,
  recordTrainingRequest,
  skillAssessment,
  skillAssessmentPage,
  skillLevelLabels,
  uuidParam,
  type AnnualReview,
  type CentreTraining,
  type Locale,
  type SkillAssessment,
  type SkillLevel,
} from '@fulcrum/shared';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { decideAnnualReview, fileAnnualReview, getAnnualReview, listAnnualReviews, listCentreAnnualReviews } from './annual-reviews.ts';
import { listAssessments, recordAssessment } from './assessments.ts';
import { annualFiguresOf } from './figures.ts';
import { listTrainings, recordTraining } from './trainings.ts';

const tags = ['training centre operations'];

const occupationName = (code: string, locale: Locale) => {
  const o = occupationByCode.get(code);
  return o ? (locale === 'zh-CN' ? o.nameZh : o.nameEn) : code;
};
const levelName = (level: number, locale: Locale) => skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);
const yesNo = (value: boolean, locale: Locale) => (value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No');

const assessmentColumns = (locale: Locale): Column<SkillAssessment>[] => [
  { zh: '姓名', en: 'Name', value: (a) => a.personName },
  { zh: '身份证号', en: 'Resident ID', width: 22, value: (a) => a.residentIdMasked },
  { zh: '职业', en: 'Occupation', width: 24, value: (a) => occupationName(a.occupation, locale) },
  { zh: '等级', en: 'Level', width: 20, value: (a) => levelName(a.level, locale) },
  { zh: '评价日期', en: 'Assessed on', value: (a) => a.assessedOn },
  { zh: '成绩', en: 'Score', value: (a) => a.score },
  { zh: '通过', en: 'Passed', value: (a) => yesNo(a.passed, locale) },
  { zh: '证书编号', en: 'Certificate no.', width: 30, value: (a) => a.certificateNo },
];

const trainingColumns = (locale: Locale): Column<CentreTraining>[] => [
  { zh: '培训班', en: 'Training', width: 30, value: (t) => t.title },
  { zh: '职业', en: 'Occupation', width: 24, value: (t) => occupationName(t.occupation, locale) },
  { zh: '等级', en: 'Level', width: 20, value: (t) => levelName(t.level, locale) },
  { zh: '开始日期', en: 'Starts on', value: (t) => t.startsOn },
  { zh: '结束日期', en: 'Ends on', value: (t) => t.endsOn },
  { zh: '培训人数', en: 'Trainees', value: (t) => t.traineeCount },
];

const reviewColumns = (locale: Locale): Column<AnnualReview>[] => [
  { zh: '企业', en: 'Enterprise', width: 36, value: (r) => r.organisationName },
  { zh: '证书编号', en: 'Certificate no.', width: 22, value: (r) => r.certificateNo },
  { zh: '年度', en: 'Year', value: (r) => r.year },
  { zh: '状态', en: 'Status', value: (r) => annualReviewStatusLabels[r.status][locale] },
  { zh: '结论', en: 'Decision', value: (r) => (r.decision ? annualReviewDecisionLabels[r.decision][locale] : '') },
  { zh: '培训班次', en: 'Trainings', value: (r) => r.figures.trainings },
  { zh: '培训人次', en: 'Person-times', value: (r) => r.figures.personTimes },
  { zh: '评价人次', en: 'Assessments', value: (r) => r.figures.assessments },
  { zh: '通过人次', en: 'Passed', value: (r) => r.figures.passed },
  { zh: '报送时间', en: 'Filed at', width: 22, value: (r) => r.filedAt },
  { zh: '办理期限', en: 'Due on', value: (r) => r.dueOn },
  { zh: '逾期', en: 'Overdue', value: (r) => yesNo(r.overdue, locale) },
];

/** A certified centre's assessments, trainings, annual figures and annual reports; the HRSS annual-review queue. */
export const centreOperationsRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.post(
    '/training-centres/:id/assessments',
    { schema: { tags, summary: 'Record an in-house skill assessment within the centre\'s scope', params: uuidParam, body: recordAssessmentRequest, response: { 201: skillAssessment } } },
    async (request, reply) => reply.status(201).send(await recordAssessment(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.get(
    '/training-centres/:id/assessments',
    { schema: { tags, summary: "A centre's assessments; format=xlsx exports them", params: uuidParam, querystring: listAssessmentsQuery, response: { 200: skillAssessmentPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const page = await listAssessments(db, actor, request.params.id, request.query);
      return sendList(reply, request.query.format, page, { name: 'assessments', filename: '技能评价', columns: assessmentColumns(actor.locale), locale: actor.locale });
    },
  );

  app.post(
    '/training-centres/:id/trainings',
    { schema: { tags, summary: 'Record a training the centre delivers within its scope', params: uuidParam, body: recordTrainingRequest, response: { 201: centreTraining } } },
    async (request, reply) => reply.status(201).send(await recordTraining(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.get(
    '/training-centres/:id/trainings',
    { schema: { tags, summary: "A centre's trainings; format=xlsx exports them", params: uuidParam, querystring: listTrainingsQuery, response: { 200: centreTrainingPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const page = await listTrainings(db, actor, request.params.id, request.query);
      return sendList(reply, request.query.format, page, { name: 'trainings', filename: '培训班', columns: trainingColumns(actor.locale), locale: actor.locale });
    },
  );

  app.get(
    '/training-centres/:id/annual-figures',
    { schema: { tags, summary: "A centre's figures for a year, computed from its records", params: uuidParam, querystring: annualFiguresQuery, response: { 200: annualFigures } } },
    (request) => annualFiguresOf(db, actorOf(request), request.params.id, request.query.year),
  );

  app.post(
    '/training-centres/:id/annual-reviews',
    { schema: { tags, summary: "File the centre's annual report for a year", params: uuidParam, body: fileAnnualReviewRequest, response: { 201: annualReview } } },
    async (request, reply) => reply.status(201).send(await fileAnnualReview(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.get(
    '/training-centres/:id/annual-reviews',
    { schema: { tags, summary: "A centre's annual reports and their decisions, latest year first", params: uuidParam, response: { 200: annualReviewList } } },
    (request) => listCentreAnnualReviews(db, ctxOf(request, deps), request.params.id),
  );

  app.get(
    '/annual-reviews',
    { schema: { tags, summary: 'Annual reviews of the region (HRSS queue); format=xlsx exports them', querystring: listAnnualReviewsQuery, response: { 200: annualReviewPage } } },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const page = await listAnnualReviews(db, ctx, request.query);
      return sendList(reply, request.query.format, page, { name: 'annual reviews', filename: '培训中心年审', columns: reviewColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/annual-reviews/:id',
    { schema: { tags, summary: 'One annual review with its history', params: uuidParam, response: { 200: annualReviewDetail } } },
    (request) => getAnnualReview(db, ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/annual-reviews/:id/decide',
    { schema: { tags, summary: "Decide an annual review (HRSS): the centre's status changes at once", params: uuidParam, body: decideAnnualReviewRequest, response: { 200: annualReviewDetail } } },
    (request) => decideAnnualReview(ctxOf(request, deps), request.params.id, request.body),
  );
};
