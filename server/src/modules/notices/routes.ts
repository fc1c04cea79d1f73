import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  fileObjectionRequest,
  fileObjectionResponse,
  handleObjectionRequest,
  listNoticesQuery,
  noticeDetail as noticeDetailResponse,
  noticeFormatQuery,
  noticeObjectionParams,
  noticePage,
  noticeSettings,
  objectionLookupRequest,
  objectionLookupResponse,
  publicNotice,
  publicNoticePage,
  publicNoticesQuery,
  updateNoticeSettingsRequest,
  uuidParam,
  type Locale,
} from '@fulcrum/shared';
import { actorOf, ctxOf, typed, type ModuleDeps } from '../../lib/http.ts';
import {
  fileObjection,
  handleObjection,
  listNotices,
  listPublicNotices,
  lookupObjection,
  noticeDetail,
  noticeSettingsOf,
  noticeWorkbook,
  publicNoticeDetail,
  updateNoticeSettings,
} from './service.ts';

const tags = ['notices'];
const publicTags = ['public notices'];

/** The public's language for a download: English when the browser asks for it first, Chinese otherwise. */
const requestLocale = (request: FastifyRequest): Locale => (/^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en-US' : 'zh-CN');

/** Sends a notice's table as a workbook download named after its title. */
async function sendNoticeWorkbook(reply: FastifyReply, notice: Parameters<typeof noticeWorkbook>[0], locale: Locale) {
  const { filename, data } = await noticeWorkbook(notice, locale);
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}.xlsx`)
    .send(data);
}

/** Public notices: the officers' view and objection handling, the minimum period, and the public's pages (no sign-in). */
export const noticeRoutes = (deps: ModuleDeps, objectionsPerHour: number) => async (instance: FastifyInstance) => {
  const app = typed(instance);
  const { db } = deps.database;

  app.get(
    '/notices',
    { schema: { tags, summary: "Notices of your region's departments, with their state today and objection counts", querystring: listNoticesQuery, response: { 200: noticePage } } },
    (request) => listNotices(db, actorOf(request), deps.clock, request.query),
  );

  app.get(
    '/notices/settings',
    { schema: { tags, summary: 'The shortest notice period (working days)', response: { 200: noticeSettings } } },
    (request) => noticeSettingsOf(db, actorOf(request)),
  );

  app.put(
    '/notices/settings',
    { schema: { tags, summary: 'Set the shortest notice period (system admin; audited)', body: updateNoticeSettingsRequest, response: { 200: noticeSettings } } },
    (request) => updateNoticeSettings(ctxOf(request, deps), request.body),
  );

  app.get(
    '/notices/:id',
    {
      schema: {
        tags,
        summary: 'A notice with its entries and objections (objector name and phone; ID number masked); format=xlsx downloads its table',
        params: uuidParam,
        querystring: noticeFormatQuery,
        response: { 200: noticeDetailResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await noticeDetail(db, actor, deps.clock, request.params.id);
      if (request.query.format === 'json') return detail;
      await sendNoticeWorkbook(reply, detail, actor.locale);
      return reply;
    },
  );

  app.post(
    '/notices/:id/objections/:objectionId/handle',
    {
      schema: {
        tags,
        summary: "Record an objection's outcome (the publishing department of the notice's region)",
        params: noticeObjectionParams,
        body: handleObjectionRequest,
        response: { 200: noticeDetailResponse },
      },
    },
    (request) => handleObjection(ctxOf(request, deps), request.params.id, request.params.objectionId, request.body),
  );

  // --- public: no sign-in; mutating requests still carry the CSRF header the web app sends --------

  app.get(
    '/public/notices',
    { config: { public: true }, schema: { tags: publicTags, security: [], summary: 'Published notices (no sign-in)', querystring: publicNoticesQuery, response: { 200: publicNoticePage } } },
    (request) => listPublicNotices(db, deps.clock, request.query),
  );

  app.get(
    '/public/notices/:id',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        security: [],
        summary: 'A published notice: masked entries, period, objection counts (no sign-in); format=xlsx downloads its table',
        params: uuidParam,
        querystring: noticeFormatQuery,
        response: { 200: publicNotice },
      },
    },
    async (request, reply) => {
      const notice = await publicNoticeDetail(db, deps.clock, request.params.id);
      if (request.query.format === 'json') return notice;
      await sendNoticeWorkbook(reply, notice, requestLocale(request));
      return reply;
    },
  );

  app.post(
    '/public/notices/:id/objections',
    {
      config: { public: true, rateLimit: { max: objectionsPerHour, timeWindow: '1 hour' } },
      schema: {
        tags: publicTags,
        security: [],
        summary: 'File a real-name objection while the notice is open (no sign-in; rate-limited per address)',
        params: uuidParam,
        body: fileObjectionRequest,
        response: { 201: fileObjectionResponse },
      },
    },
    async (request, reply) => {
      const created = await fileObjection({ db, clock: deps.clock, requestId: request.id, ip: request.ip }, request.params.id, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/public/objections/lookup',
    {
      config: { public: true, rateLimit: { max: objectionsPerHour * 3, timeWindow: '1 hour' } },
      schema: {
        tags: publicTags,
        security: [],
        summary: "An objection's status and outcome, by reference code and the phone number given (no sign-in)",
        body: objectionLookupRequest,
        response: { 200: objectionLookupResponse },
      },
    },
    (request) => lookupObjection(db, request.body),
  );
};
