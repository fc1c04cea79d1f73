import type { FastifyInstance } from 'fastify';
import {
  cancelTrainingNeedRequest,
  createTrainingMatchRequest,
  createTrainingNeedRequest,
  listTrainingMatchesQuery,
  listTrainingNeedsQuery,
  occupationByCode,
  skillLevelLabels,
  trainingMatchDetail,
  trainingMatchPage,
  trainingMatchStatusLabels,
  trainingNeedDetail,
  trainingNeedPage,
  trainingNeedStatusLabels,
  trainingProposalList,
  transitionRequest,
  uuidParam,
  type Locale,
  type SkillLevel,
  type TrainingMatch,
  type TrainingNeed,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { matchingPolicy } from './policy.ts';
import { listMatches, listNeeds } from './queries.ts';
import { cancelNeed, createNeed, getMatch, getNeed, moveMatchBy, proposalsFor, requestMatch } from './service.ts';

const tags = ['resource matching'];

const occupationName = (code: string, locale: Locale) => {
  const o = occupationByCode.get(code);
  return o ? (locale === 'zh-CN' ? o.nameZh : o.nameEn) : code;
};
const levelName = (level: number, locale: Locale) => skillLevelLabels[level as SkillLevel]?.[locale] ?? String(level);

const needColumns = (locale: Locale): Column<TrainingNeed>[] => [
  { zh: '企业', en: 'Enterprise', width: 36, value: (n) => n.organisationName },
  { zh: '职业', en: 'Occupation', width: 24, value: (n) => occupationName(n.occupation, locale) },
  { zh: '等级', en: 'Level', width: 20, value: (n) => levelName(n.level, locale) },
  { zh: '人数', en: 'Headcount', value: (n) => n.headcount },
  { zh: '期望开始', en: 'Preferred start', value: (n) => n.preferredStart },
  { zh: '期望结束', en: 'Preferred end', value: (n) => n.preferredEnd },
  { zh: '园区', en: 'Industrial park', width: 24, value: (n) => n.industrialParkName },
  { zh: '状态', en: 'Status', value: (n) => trainingNeedStatusLabels[n.status][locale] },
  { zh: '发布时间', en: 'Posted at', width: 22, value: (n) => n.createdAt },
];

const matchColumns = (locale: Locale): Column<TrainingMatch>[] => [
  { zh: '需求企业', en: 'Requesting enterprise', width: 36, value: (m) => m.organisationName },
  { zh: '培训中心', en: 'Training centre', width: 36, value: (m) => m.centreOrganisationName },
  { zh: '证书编号', en: 'Certificate no.', width: 22, value: (m) => m.certificateNo },
  { zh: '职业', en: 'Occupation', width: 24, value: (m) => occupationName(m.need.occupation, locale) },
  { zh: '等级', en: 'Level', width: 20, value: (m) => levelName(m.need.level, locale) },
  { zh: '人数', en: 'Headcount', value: (m) => m.need.headcount },
  { zh: '匹配得分', en: 'Score', value: (m) => m.score },
  { zh: '状态', en: 'Status', value: (m) => trainingMatchStatusLabels[m.status][locale] },
  { zh: '发起时间', en: 'Requested at', width: 22, value: (m) => m.requestedAt },
  { zh: '完成时间', en: 'Completed at', width: 22, value: (m) => m.completedAt },
];

/** Resource matching (资源对接): training needs, ranked proposals, match requests tracked to completion. */
export const matchingRoutes = (deps: ModuleDeps) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.post(
    '/training-needs',
    { schema: { tags, summary: "Post the enterprise's training need", body: createTrainingNeedRequest, response: { 201: trainingNeedDetail } } },
    async (request, reply) => reply.status(201).send(await createNeed(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/training-needs',
    { schema: { tags, summary: 'Training needs within your reach; format=xlsx exports them', querystring: listTrainingNeedsQuery, response: { 200: trainingNeedPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, matchingPolicy, 'readNeeds');
      const page = await listNeeds(db, actor, request.query);
      return sendList(reply, request.query.format, page, { name: 'training needs', filename: '培训需求', columns: needColumns(actor.locale), locale: actor.locale });
    },
  );

  app.get(
    '/training-needs/:id',
    { schema: { tags, summary: 'One training need with its matches', params: uuidParam, response: { 200: trainingNeedDetail } } },
    (request) => getNeed(db, actorOf(request), request.params.id),
  );

  app.post(
    '/training-needs/:id/cancel',
    { schema: { tags, summary: 'Cancel an open training need (its waiting requests with it)', params: uuidParam, body: cancelTrainingNeedRequest, response: { 200: trainingNeedDetail } } },
    (request) => cancelNeed(ctxOf(request, deps), request.params.id, request.body.comment),
  );

  app.get(
    '/training-needs/:id/proposals',
    { schema: { tags, summary: 'Certified centres for the need, ranked by a stated score with reasons', params: uuidParam, response: { 200: trainingProposalList } } },
    (request) => proposalsFor(ctxOf(request, deps), request.params.id),
  );

  app.post(
    '/training-needs/:id/matches',
    { schema: { tags, summary: 'Request a certified centre for the need', params: uuidParam, body: createTrainingMatchRequest, response: { 201: trainingMatchDetail } } },
    async (request, reply) => reply.status(201).send(await requestMatch(ctxOf(request, deps), request.params.id, request.body)),
  );

  app.get(
    '/training-matches',
    { schema: { tags, summary: 'Matches within your reach (side=requester|centre for an enterprise); format=xlsx exports them', querystring: listTrainingMatchesQuery, response: { 200: trainingMatchPage } } },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, matchingPolicy, 'readMatches');
      const page = await listMatches(db, actor, request.query);
      return sendList(reply, request.query.format, page, { name: 'training matches', filename: '资源对接', columns: matchColumns(actor.locale), locale: actor.locale });
    },
  );

  app.get(
    '/training-matches/:id',
    { schema: { tags, summary: "One match with its history and its trainees' results", params: uuidParam, response: { 200: trainingMatchDetail } } },
    (request) => getMatch(db, ctxOf(request, deps), request.params.id),
  );

  for (const transition of ['accept', 'decline', 'cancel', 'complete'] as const) {
    const summary = {
      accept: 'Accept a request (the centre)',
      decline: 'Decline a request with a reason (the centre)',
      cancel: 'Cancel a waiting request (the requesting enterprise)',
      complete: 'Complete an accepted match (the centre)',
    }[transition];
    app.post(
      `/training-matches/:id/${transition}`,
      { schema: { tags, summary, params: uuidParam, body: transitionRequest, response: { 200: trainingMatchDetail } } },
      (request) => moveMatchBy(ctxOf(request, deps), request.params.id, transition, request.body),
    );
  }
};
