import type { FastifyInstance } from 'fastify';
import {
  createdLrsClient,
  createLrsClientRequest,
  learningProgressList,
  learningProgressPage,
  learningProgressQuery,
  learningStatusLabels,
  lrsClient,
  lrsClientListQuery,
  lrsClientPage,
  statementBrowseQuery,
  storedStatementPage,
  studyTimeText,
  uuidParam,
  type LearningProgressRow,
  type Locale,
  type LrsClient,
  type StoredStatementRow,
} from '@fulcrum/shared';
import { authorize } from '../../lib/authorize.ts';
import { notFound } from '../../lib/errors.ts';
import { actorOf, ctxOf, sendList, typed, type ModuleDeps } from '../../lib/http.ts';
import type { Column } from '../../lib/xlsx.ts';
import { createLrsClient, listLrsClients, lrsPolicy, revokeLrsClient } from './lrs-clients.ts';
import { listLearningProgress, myLearningProgress } from './progress.ts';
import { learnerPrincipal } from './learner.ts';
import { browseStatements } from './statement-browse.ts';

const tags = ['learning record store'];

const yesNo = (value: boolean | null, locale: Locale) => (value === null ? null : value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No');

const clientColumns = (locale: Locale): Column<LrsClient>[] => [
  { zh: '名称', en: 'Name', width: 28, value: (c) => c.name },
  { zh: '密钥', en: 'Key', width: 24, value: (c) => c.key },
  { zh: '权限', en: 'Scopes', width: 14, value: (c) => c.scopes.join(', ') },
  { zh: '学习记录数', en: 'Statements', width: 12, value: (c) => c.statements },
  { zh: '创建人', en: 'Created by', width: 16, value: (c) => c.createdByName },
  { zh: '创建时间', en: 'Created', width: 26, value: (c) => c.createdAt },
  { zh: '最近使用', en: 'Last used', width: 26, value: (c) => c.lastUsedAt },
  { zh: '已停用', en: 'Revoked', width: 26, value: (c) => c.revokedAt ?? yesNo(false, locale) },
];

const statementColumns = (locale: Locale): Column<StoredStatementRow>[] => [
  { zh: '接收时间', en: 'Stored', width: 26, value: (s) => s.stored },
  { zh: '发生时间', en: 'Timestamp', width: 26, value: (s) => s.timestamp },
  { zh: '学员', en: 'Learner', width: 16, value: (s) => s.actorName },
  { zh: '学员标识', en: 'Learner identifier', width: 40, value: (s) => s.actorKey },
  { zh: '动作', en: 'Verb', width: 14, value: (s) => s.verbDisplay },
  { zh: '动作 IRI', en: 'Verb IRI', width: 44, value: (s) => s.verbId },
  { zh: '对象', en: 'Object', width: 28, value: (s) => s.objectName },
  { zh: '对象标识', en: 'Object identifier', width: 50, value: (s) => s.objectId },
  { zh: '接入密钥', en: 'Reported with', width: 20, value: (s) => s.clientName },
  { zh: '已作废', en: 'Voided', width: 10, value: (s) => yesNo(s.voided, locale) },
  { zh: '记录编号', en: 'Statement id', width: 38, value: (s) => s.id },
];

const progressColumns = (locale: Locale): Column<LearningProgressRow>[] => [
  { zh: '学员', en: 'Learner', width: 16, value: (p) => p.personName },
  { zh: '学习活动', en: 'Activity', width: 32, value: (p) => p.activityName ?? p.activityId },
  { zh: '活动标识', en: 'Activity IRI', width: 50, value: (p) => p.activityId },
  { zh: '状态', en: 'Status', width: 12, value: (p) => learningStatusLabels[p.status][locale] },
  { zh: '已完成', en: 'Completed', width: 10, value: (p) => yesNo(p.completed, locale) },
  { zh: '通过', en: 'Passed', width: 10, value: (p) => yesNo(p.success, locale) },
  { zh: '进度（%）', en: 'Progress (%)', width: 12, value: (p) => p.progress },
  { zh: '得分（%）', en: 'Score (%)', width: 12, value: (p) => (p.scoreScaled === null ? null : Math.round(p.scoreScaled * 100)) },
  { zh: '学习时长', en: 'Study time', width: 12, value: (p) => studyTimeText(p.studySeconds) },
  { zh: '首次学习', en: 'First activity', width: 26, value: (p) => p.firstAt },
  { zh: '最近学习', en: 'Last activity', width: 26, value: (p) => p.lastAt },
];

/** The console's side of the store under /api/v1/lrs: LRS clients, the statement browser, learners' progress. */
export function lrsRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    const { db } = deps.database;

    app.post(
      '/lrs/clients',
      {
        schema: {
          tags,
          summary: 'Create a key pair for a content package or tool of your organisation; the secret is answered this once (audited without it)',
          body: createLrsClientRequest,
          response: { 201: createdLrsClient },
        },
      },
      async (request, reply) => reply.status(201).send(await createLrsClient(ctxOf(request, deps), request.body, publicUrl)),
    );

    app.get(
      '/lrs/clients',
      {
        schema: {
          tags,
          summary: 'Your organisation’s LRS keys with the statements each stored (system admins: any organisation’s); format=xlsx exports them',
          querystring: lrsClientListQuery,
          response: { 200: lrsClientPage },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const page = await listLrsClients(db, actor, request.query, publicUrl);
        return sendList(reply, request.query.format, page, { name: 'clients', filename: '学习记录接入密钥', columns: clientColumns(actor.locale), locale: actor.locale });
      },
    );

    app.post(
      '/lrs/clients/:id/revoke',
      { schema: { tags, summary: 'Revoke a key: requests made with it are refused from now on (audited)', params: uuidParam, response: { 200: lrsClient } } },
      (request) => revokeLrsClient(ctxOf(request, deps), request.params.id, publicUrl),
    );

    app.get(
      '/lrs/statements',
      {
        schema: {
          tags,
          summary: 'The organisation’s stored statements, newest first, voided ones marked; format=xlsx exports them',
          querystring: statementBrowseQuery,
          response: { 200: storedStatementPage },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const page = await browseStatements(db, actor, request.query, publicUrl);
        return sendList(reply, request.query.format, page, { name: 'statements', filename: '学习记录', columns: statementColumns(actor.locale), locale: actor.locale });
      },
    );

    app.get(
      '/lrs/progress',
      {
        schema: {
          tags,
          summary: 'Each learner’s standing on each activity of the organisation; format=xlsx exports it',
          querystring: learningProgressQuery,
          response: { 200: learningProgressPage },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        authorize(ctx.actor, lrsPolicy, 'readProgress');
        const page = await listLearningProgress(ctx, request.query, publicUrl);
        return sendList(reply, request.query.format, page, { name: 'progress', filename: '学习进度', columns: progressColumns(ctx.actor.locale), locale: ctx.actor.locale });
      },
    );

    app.get(
      '/lrs/my-progress',
      { schema: { tags, summary: 'The signed-in learner’s own standing on each activity (404 when the account is not a person’s)', response: { 200: learningProgressList } } },
      async (request) => {
        const ctx = ctxOf(request, deps);
        const learner = (await learnerPrincipal(db, ctx.actor, publicUrl))?.learner;
        if (!learner) throw notFound('learner');
        return { items: await myLearningProgress(ctx, learner.personId, publicUrl) };
      },
    );
  };
}
