import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  endStudySessionRequest,
  heartbeatRequest,
  heartbeatResponse,
  learnerStudyDays,
  learnerStudyDaysQuery,
  lessonPlayer,
  lessonStudyState,
  listStudyFlagsQuery,
  myStudyTime,
  openStudySessionRequest,
  openStudySessionResponse,
  reviewStudyFlagRequest,
  studyFlag,
  studyFlagKindLabels,
  studyFlagPage,
  studyFlagStatusLabels,
  studySession,
  studyTimeText,
  uuidParam,
  type Locale,
  type StudyFlag,
} from '@fulcrum/shared';
import { AppError } from '../../../lib/errors.ts';
import { ctxOf, sendList, typed, type ModuleDeps } from '../../../lib/http.ts';
import type { Column } from '../../../lib/xlsx.ts';
import { learnerStudyDaysOf, lessonPlayerOf, listFlags, myStudyTime as myStudyTimeOf } from './queries.ts';
import { reviewFlag } from './review.ts';
import { endSession, heartbeat, markLearned, openSession } from './sessions.ts';

const tags = ['learning: study time'];
const lessonParam = z.strictObject({ lessonId: z.uuid() });
const personParam = z.strictObject({ personId: z.uuid() });

const flagColumns = (locale: Locale): Column<StudyFlag>[] => [
  { zh: '学员', en: 'Learner', width: 14, value: (f) => f.personName },
  { zh: '日期', en: 'Day', width: 12, value: (f) => f.day },
  { zh: '类型', en: 'Kind', width: 18, value: (f) => studyFlagKindLabels[f.kind][locale] },
  { zh: '课时', en: 'Lesson', width: 30, value: (f) => f.lessonTitle },
  { zh: '本次计入学时', en: 'Session credited', width: 14, value: (f) => (f.sessionCreditedSeconds === null ? null : studyTimeText(f.sessionCreditedSeconds)) },
  { zh: '状态', en: 'Status', width: 20, value: (f) => studyFlagStatusLabels[f.status][locale] },
  { zh: '复核人', en: 'Reviewed by', width: 14, value: (f) => f.reviewedByName },
  { zh: '复核意见', en: 'Review note', width: 36, value: (f) => f.reviewNote },
  { zh: '发现时间', en: 'Raised at', width: 20, value: (f) => f.createdAt },
];

/**
 * The end of a session may come from navigator.sendBeacon on page hide, which cannot set the CSRF header: that route is
 * exempt from the header and checks the request's origin itself (a beacon is same-origin and says so).
 */
function assertSameSite(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (request.headers['sec-fetch-site'] === 'cross-site' || (origin && origin !== `${request.protocol}://${request.host}`)) {
    throw new AppError('CSRF_REJECTED', 'cross-site request refused');
  }
}

/** Heartbeats, watched ranges and anti-cheat flags under /learning/study. */
export function studyTimeRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (instance: FastifyInstance) => {
    const app = typed(instance);
    // sendBeacon sends a string body as text/plain: read it as JSON (this plugin's routes only).
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(String(body) || '{}'));
      } catch {
        done(new AppError('MALFORMED_JSON', 'the body is not JSON'), undefined);
      }
    });

    app.post(
      '/learning/study/sessions',
      { schema: { tags, summary: "Open a study session for a lesson (the learner's other sessions stop accruing; audited)", body: openStudySessionRequest, response: { 201: openStudySessionResponse } } },
      async (request, reply) => reply.code(201).send(await openSession(ctxOf(request, deps), publicUrl, request.body, request.headers['user-agent'] ?? null)),
    );

    app.post(
      '/learning/study/sessions/:id/heartbeats',
      { schema: { tags, summary: 'A heartbeat: credit since the previous beat, played segments, focus and interaction', params: uuidParam, body: heartbeatRequest, response: { 200: heartbeatResponse } } },
      (request) => heartbeat(ctxOf(request, deps), publicUrl, request.params.id, request.body),
    );

    app.post(
      '/learning/study/sessions/:id/end',
      {
        config: { csrfExempt: true },
        schema: { tags, summary: 'End a session (also as a sendBeacon text/plain body); its credited time becomes an experienced statement', params: uuidParam, body: endStudySessionRequest.default({ position: null }), response: { 200: studySession } },
      },
      (request) => {
        assertSameSite(request);
        return endSession(ctxOf(request, deps), publicUrl, request.params.id, request.body);
      },
    );

    app.get(
      '/learning/study/lessons/:lessonId',
      { schema: { tags, summary: "The player's view of a lesson: content, watched ranges to resume, today's time and the cap", params: lessonParam, response: { 200: lessonPlayer } } },
      (request) => lessonPlayerOf(ctxOf(request, deps), request.params.lessonId),
    );

    app.post(
      '/learning/study/lessons/:lessonId/learned',
      { schema: { tags, summary: 'Mark a document or rich-text lesson as learned after its minimum credited time (audited)', params: lessonParam, response: { 200: lessonStudyState } } },
      (request) => markLearned(ctxOf(request, deps), publicUrl, request.params.lessonId),
    );

    app.get('/learning/study/me', { schema: { tags, summary: 'My credited time today and per lesson', response: { 200: myStudyTime } } }, (request) => myStudyTimeOf(ctxOf(request, deps)));

    app.get(
      '/learning/study/flags',
      { schema: { tags, summary: "The organisation's study-time flags with filters; format=xlsx exports them", querystring: listStudyFlagsQuery, response: { 200: studyFlagPage } } },
      async (request, reply) => {
        const ctx = ctxOf(request, deps);
        const page = await listFlags(ctx, request.query);
        return sendList(reply, request.query.format, page, { name: 'flags', filename: '学时异常复核', columns: flagColumns(ctx.actor.locale), locale: ctx.actor.locale });
      },
    );

    app.post(
      '/learning/study/flags/:id/review',
      { schema: { tags, summary: 'Review a flag: cleared (time stands) or confirmed (the session’s time is withdrawn; audited)', params: uuidParam, body: reviewStudyFlagRequest, response: { 200: studyFlag } } },
      async (request) => {
        const ctx = ctxOf(request, deps);
        const id = await reviewFlag(ctx, publicUrl, request.params.id, request.body);
        const page = await listFlags(ctx, { page: 1, pageSize: 1, format: 'json', flagId: id });
        return page.items[0]!;
      },
    );

    app.get(
      '/learning/study/learners/:personId/days',
      { schema: { tags, summary: "A learner's credited time per day in this organisation (managers)", params: personParam, querystring: learnerStudyDaysQuery, response: { 200: learnerStudyDays } } },
      (request) => learnerStudyDaysOf(ctxOf(request, deps), request.params.personId, request.query),
    );
  };
}
