import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addBatchApplicationRequest,
  applicationStatusLabels,
  batchApplicationParams,
  centreStatusLabels,
  certificateNoParam,
  certifySelectionBatchResult,
  createSelectionBatchRequest,
  createTrainingCentreApplicationRequest,
  listSelectionBatchesQuery,
  listTrainingCentreApplicationsQuery,
  listTrainingCentresQuery,
  onsiteCheckRequest,
  publicCentreVerification,
  publishBatchNoticeRequest,
  selectionBatchDetail,
  selectionBatchPage,
  batchStatusLabels,
  trainingCentre,
  trainingCentreApplication,
  trainingCentreApplicationCounts,
  trainingCentreApplicationPage,
  trainingCentrePage,
  trainingCentreStats,
  trainingCentreStatsQuery,
  transitionRequest,
  updateTrainingCentreApplicationRequest,
  uuidParam,
  workflowEvent,
  type Locale,
  type SelectionBatch,
  type TrainingCentre,
  type TrainingCentreApplication,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { applicationHistory, createApplication, getApplication, recordOnsiteCheck, transitionApplication, updateApplication } from './applications.ts';
import { addToBatch, batchHistory, cancelBatch, certifyBatch, createBatch, getBatch, publishBatchNotice, removeFromBatch, scopeText } from './batches.ts';
import { centreStats, getCentre, myCentre, verifyCertificate } from './centres.ts';
import { trainingCentrePolicy } from './policy.ts';
import { countApplications, listApplications, listBatches, listCentres } from './queries.ts';

const applicationTags = ['training-centre applications'];
const batchTags = ['selection batches'];
const centreTags = ['training centres'];
const history = z.array(workflowEvent);
/** A transition's body is optional: an empty POST (no body, or JSON null) takes it without comment. */
const optionalTransition = transitionRequest.nullish();

const yesNo = (value: boolean, locale: Locale) => (value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No');

function applicationColumns(locale: Locale): Column<TrainingCentreApplication>[] {
  return [
    { zh: '企业名称', en: 'Enterprise', width: 36, value: (a) => a.organisationName },
    { zh: '状态', en: 'Status', value: (a) => applicationStatusLabels[a.status][locale] },
    { zh: '申报职业及等级', en: 'Occupations and levels', width: 48, value: (a) => scopeText(a.scope) },
    { zh: '年培训能力（人次）', en: 'Annual capacity (person-times)', value: (a) => a.annualCapacity },
    { zh: '师资人数', en: 'Instructors', value: (a) => a.instructors.length },
    { zh: '遴选批次', en: 'Selection batch', width: 30, value: (a) => a.batchName },
    { zh: '提交时间', en: 'Submitted', width: 22, value: (a) => a.submittedAt },
    { zh: '办理时限', en: 'Due on', value: (a) => a.dueOn },
    { zh: '逾期', en: 'Overdue', value: (a) => yesNo(a.overdue, locale) },
  ];
}

function batchColumns(locale: Locale): Column<SelectionBatch>[] {
  return [
    { zh: '批次名称', en: 'Batch', width: 36, value: (b) => b.name },
    { zh: '年度', en: 'Year', value: (b) => b.year },
    { zh: '状态', en: 'Status', value: (b) => batchStatusLabels[b.status][locale] },
    { zh: '名额', en: 'Quota', value: (b) => b.quota },
    { zh: '已列入', en: 'Applications', value: (b) => b.applicationCount },
    { zh: '申报开始', en: 'Opens', value: (b) => b.opensOn },
    { zh: '申报截止', en: 'Closes', value: (b) => b.closesOn },
    { zh: '公示期', en: 'Notice period', width: 24, value: (b) => (b.notice ? `${b.notice.startsOn} – ${b.notice.endsOn}` : '') },
  ];
}

function centreColumns(locale: Locale): Column<TrainingCentre>[] {
  return [
    { zh: '证书编号', en: 'Certificate No.', width: 22, value: (c) => c.certificateNo },
    { zh: '企业名称', en: 'Enterprise', width: 36, value: (c) => c.organisationName },
    { zh: '状态', en: 'Status', value: (c) => centreStatusLabels[c.effectiveStatus][locale] },
    { zh: '认定职业及等级', en: 'Occupations and levels', width: 48, value: (c) => scopeText(c.scope) },
    { zh: '所在园区', en: 'Industrial park', width: 24, value: (c) => c.industrialParkName },
    { zh: '认定日期', en: 'Certified on', value: (c) => c.certifiedOn },
    { zh: '有效期至', en: 'Valid until', value: (c) => c.validUntil },
    { zh: '年培训能力（人次）', en: 'Annual capacity (person-times)', value: (c) => c.annualCapacity },
  ];
}

/** Training-centre certification: applications and their review, selection batches, certified centres, public verification. */
export const trainingCentreRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  // --- applications -------------------------------------------------------------------------------
  app.get(
    '/training-centre-applications',
    {
      schema: {
        tags: applicationTags,
        summary: 'Applications within your reach (departments: their region’s, once submitted); format=xlsx exports them',
        querystring: listTrainingCentreApplicationsQuery,
        response: { 200: trainingCentreApplicationPage },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
      const page = await listApplications(ctx, request.query);
      return sendList(reply, request.query.format, page, { name: 'applications', filename: '培训中心申报', columns: applicationColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/training-centre-applications/counts',
    { schema: { tags: applicationTags, summary: 'Applications within your reach per status (the queue’s tabs)', response: { 200: trainingCentreApplicationCounts } } },
    (request) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, trainingCentrePolicy, 'listApplications');
      return countApplications(ctx);
    },
  );

  app.post(
    '/training-centre-applications',
    {
      schema: {
        tags: applicationTags,
        summary: 'Save a draft application of your enterprise (one open application per enterprise)',
        body: createTrainingCentreApplicationRequest,
        response: { 201: trainingCentreApplication },
      },
    },
    async (request, reply) => reply.status(201).send(await createApplication(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/training-centre-applications/:id',
    { schema: { tags: applicationTags, summary: 'One application', params: uuidParam, response: { 200: trainingCentreApplication } } },
    (request) => getApplication(ctxOf(request, deps), request.params.id),
  );

  app.patch(
    '/training-centre-applications/:id',
    {
      schema: {
        tags: applicationTags,
        summary: 'Edit a draft or returned application',
        params: uuidParam,
        body: updateTrainingCentreApplicationRequest,
        response: { 200: trainingCentreApplication },
      },
    },
    (request) => updateApplication(ctxOf(request, deps), request.params.id, request.body),
  );

  app.get(
    '/training-centre-applications/:id/history',
    { schema: { tags: applicationTags, summary: 'The application’s history, oldest first', params: uuidParam, response: { 200: history } } },
    (request) => applicationHistory(ctxOf(request, deps), request.params.id),
  );

  const plain = [
    ['submit', 'submit', 'Submit (needs at least one attachment)'],
    ['withdraw', 'withdraw', 'Withdraw'],
    ['check-documents', 'check_documents', 'Record the document check (HRSS officer)'],
    ['approve', 'approve', 'Approve after the on-site check (HRSS reviewer; not the officer who checked on site)'],
    ['return', 'return', 'Return for changes (HRSS; comment required)'],
    ['reject', 'reject', 'Reject (HRSS; comment required)'],
  ] as const;
  for (const [path, transition, summary] of plain) {
    app.post(
      `/training-centre-applications/:id/${path}`,
      { schema: { tags: applicationTags, summary, params: uuidParam, body: optionalTransition, response: { 200: trainingCentreApplication } } },
      (request) => transitionApplication(ctxOf(request, deps), request.params.id, transition, request.body ?? {}),
    );
  }

  app.post(
    '/training-centre-applications/:id/onsite-check',
    {
      schema: {
        tags: applicationTags,
        summary: 'Record the on-site check: date, findings, passed (HRSS officer)',
        params: uuidParam,
        body: onsiteCheckRequest,
        response: { 200: trainingCentreApplication },
      },
    },
    (request) => recordOnsiteCheck(ctxOf(request, deps), request.params.id, request.body),
  );

  // --- selection batches --------------------------------------------------------------------------
  app.get(
    '/selection-batches',
    { schema: { tags: batchTags, summary: 'Selection batches of your region; format=xlsx exports them', querystring: listSelectionBatchesQuery, response: { 200: selectionBatchPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, trainingCentrePolicy, 'listBatches');
      const page = await listBatches(db, actor, request.query);
      return sendList(reply, request.query.format, page, { name: 'batches', filename: '遴选批次', columns: batchColumns(actor.locale), locale: actor.locale });
    },
  );

  app.post(
    '/selection-batches',
    { schema: { tags: batchTags, summary: 'Open a selection batch (HRSS officer)', body: createSelectionBatchRequest, response: { 201: selectionBatchDetail } } },
    async (request, reply) => reply.status(201).send(await createBatch(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/selection-batches/:id',
    { schema: { tags: batchTags, summary: 'One batch with its applications', params: uuidParam, response: { 200: selectionBatchDetail } } },
    (request) => getBatch(ctxOf(request, deps), request.params.id),
  );

  app.get(
    '/selection-batches/:id/history',
    { schema: { tags: batchTags, summary: 'The batch’s history, oldest first', params: uuidParam, response: { 200: history } } },
    (request) => batchHistory(ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/selection-batches/:id/applications',
    {
      schema: {
        tags: batchTags,
        summary: 'Put an approved application into the open batch (HRSS officer; 409 QUOTA_FULL at its quota)',
        params: uuidParam,
        body: addBatchApplicationRequest,
        response: { 200: selectionBatchDetail },
      },
    },
    (request) => addToBatch(ctxOf(request, deps), request.params.id, request.body.applicationId),
  );

  app.post(
    '/selection-batches/:id/applications/:applicationId/remove',
    {
      schema: {
        tags: batchTags,
        summary: 'Take an application out of the open batch (HRSS officer)',
        params: batchApplicationParams,
        response: { 200: selectionBatchDetail },
      },
    },
    (request) => removeFromBatch(ctxOf(request, deps), request.params.id, request.params.applicationId),
  );

  app.post(
    '/selection-batches/:id/publish-notice',
    {
      schema: {
        tags: batchTags,
        summary: 'Publish the batch’s list as a public notice (HRSS officer; at least one application)',
        params: uuidParam,
        body: publishBatchNoticeRequest.nullish(),
        response: { 200: selectionBatchDetail },
      },
    },
    (request) => publishBatchNotice(ctxOf(request, deps), request.params.id, request.body ?? {}),
  );

  app.post(
    '/selection-batches/:id/certify',
    {
      schema: {
        tags: batchTags,
        summary: 'Certify the batch after its notice (HRSS reviewer): upheld objections exclude, the rest become certified centres',
        params: uuidParam,
        body: optionalTransition,
        response: { 200: certifySelectionBatchResult },
      },
    },
    (request) => certifyBatch(ctxOf(request, deps), request.params.id, request.body ?? {}),
  );

  app.post(
    '/selection-batches/:id/cancel',
    {
      schema: {
        tags: batchTags,
        summary: 'Cancel an open batch that holds no application (HRSS officer; comment required)',
        params: uuidParam,
        body: optionalTransition,
        response: { 200: selectionBatchDetail },
      },
    },
    (request) => cancelBatch(ctxOf(request, deps), request.params.id, request.body ?? {}),
  );

  // --- certified centres --------------------------------------------------------------------------
  app.get(
    '/training-centres',
    { schema: { tags: centreTags, summary: 'Certified centres within your reach; format=xlsx exports them', querystring: listTrainingCentresQuery, response: { 200: trainingCentrePage } } },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      authorize(ctx.actor, trainingCentrePolicy, 'listCentres');
      const page = await listCentres(ctx, request.query);
      return sendList(reply, request.query.format, page, { name: 'centres', filename: '企业培训中心', columns: centreColumns(ctx.actor.locale), locale: ctx.actor.locale });
    },
  );

  app.get(
    '/training-centres/mine',
    { schema: { tags: centreTags, summary: 'Your enterprise’s centre (404 when it has none)', response: { 200: trainingCentre } } },
    (request) => myCentre(ctxOf(request, deps)),
  );

  app.get(
    '/training-centres/stats',
    {
      schema: {
        tags: centreTags,
        summary: 'Centres within your reach: the total by `to` and those new in [from, to], by region, industry or occupation field',
        description:
          'total counts the centres certified on or before `to` that are not revoked; newInPeriod those of them certified from `from` to `to`. ' +
          'groupBy=industry groups by the GB/T 4754-2017 section of the enterprise ("-" when not recorded). ' +
          'groupBy=field counts a centre once in every occupation field its scope touches, so the groups may add up to more than the total.',
        querystring: trainingCentreStatsQuery,
        response: { 200: trainingCentreStats },
      },
    },
    (request) => centreStats(ctxOf(request, deps), request.query),
  );

  app.get(
    '/training-centres/:id',
    { schema: { tags: centreTags, summary: 'One certified centre', params: uuidParam, response: { 200: trainingCentre } } },
    (request) => getCentre(ctxOf(request, deps), request.params.id),
  );

  app.get(
    '/public/training-centres/:certificateNo',
    {
      config: { public: true },
      schema: {
        tags: centreTags,
        summary: 'Verify a training-centre certificate by its number (public; case and surrounding spaces ignored)',
        security: [],
        params: certificateNoParam,
        response: { 200: publicCentreVerification },
      },
    },
    (request) => verifyCertificate(db, deps.clock, request.params.certificateNo),
  );
};
