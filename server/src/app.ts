import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ErrorIssue } from '@fulcrum/shared';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { LocalDiskBlobStore, type BlobStore } from './lib/blob-store.ts';
import { systemClock, type Clock, type ShiftableClock } from './lib/clock.ts';
import { AppError } from './lib/errors.ts';
import { checkSameOrigin } from './lib/same-origin.ts';
import type { ModuleDeps } from './lib/http.ts';
import { createMetrics } from './lib/metrics.ts';
import { resolveSession, SESSION_COOKIE } from './modules/auth/sessions.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { systemInfoRoutes } from './modules/system/info-routes.ts';
import { referenceRoutes } from './modules/reference/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { centreOperationsRoutes } from './modules/centre-operations/routes.ts';
import { matchingRoutes } from './modules/matching/routes.ts';
import { clockRoutes } from './modules/system/clock-routes.ts';
import { jobRoutes } from './modules/system/jobs-routes.ts';
import { attachmentRoutes } from './modules/attachments/routes.ts';
import { noticeRoutes } from './modules/notices/routes.ts';
import { trainingCentreRoutes } from './modules/training-centres/routes.ts';
import { subsidyRoutes } from './modules/subsidies/routes.ts';
import { xapiRoutes } from './modules/xapi/routes.ts';
import { lrsRoutes } from './modules/xapi/lrs-routes.ts';
import { learningRoutes } from './modules/learning/routes.ts';
import { coachRoutes } from './modules/coach/routes.ts';

export interface BuildOptions {
  database: Database;
  config: Pick<Config, 'logLevel' | 'trustProxy' | 'allowedOrigins' | 'loginRateLimitPerMinute' | 'objectionRateLimitPerHour' | 'webDist' | 'dataDir' | 'publicUrl'>;
  clock?: Clock;
  /** The clock a system administrator may move forward (SHIFTABLE_CLOCK); its routes exist only when given. */
  shiftableClock?: ShiftableClock;
  /** Uploaded files' bytes; by default on the local disk under `<dataDir>/blobs`. */
  blobs?: BlobStore;
  logger?: boolean;
}

export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export { CSRF_HEADER, CSRF_HEADER_VALUE } from './lib/same-origin.ts';

/** Builds the whole HTTP application on a database; listening is main.ts's job. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // A hop count trusts only that many proxies in front of us (proxy-addr: hop 0 is the nearest).
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    bodyLimit: BODY_LIMIT,
    // A caller's (or proxy's) X-Request-Id is kept only if it is a plain token, so logs and the audit trail hold no injected text.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  // The API takes JSON (and multipart uploads); a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const metrics = createMetrics(app);
  // Security headers: no framing (clickjacking), no MIME sniffing, no referrer to other sites. The content
  // security policy stays off for now: Ant Design injects styles at run time and Swagger UI uses inline scripts.
  await app.register(helmet, { contentSecurityPolicy: false, frameguard: { action: 'deny' }, referrerPolicy: { policy: 'same-origin' } });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Fulcrum API', version: '1', description: '支点 — district enterprise training system' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Decided by the route that matched, not the raw URL: /%61pi/v1/… reaches the same route.
    const isApi = (request.routeOptions.url ?? request.url).startsWith('/api/v1/');
    if (isApi && MUTATING.has(request.method) && !config.csrfExempt) checkSameOrigin(request, options.config.allowedOrigins);
    if (!isApi || config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', 'not signed in');
    const session = await resolveSession(database.db, token, clock.now());
    if (session.status === 'expired') throw new AppError('SESSION_EXPIRED', 'your session has expired; sign in again');
    if (session.status !== 'valid') throw new AppError('UNAUTHENTICATED', 'not signed in');
    request.actor = session.actor;
    request.session = { tokenHash: session.tokenHash, lastSeenAt: session.lastSeenAt, absoluteExpiresAt: session.absoluteExpiresAt };
  });

  // Text PostgreSQL cannot store (NUL, lone surrogates) is bad input, refused with the field that holds it.
  app.addHook('preValidation', async (request) => {
    const where = [...badTextPaths(request.body, 'body'), ...badTextPaths(request.query, 'query')];
    if (where.length) {
      throw new AppError('VALIDATION_FAILED', `${where.join(', ')}: contains characters that cannot be stored`, {
        issues: where.map((path) => ({ path, code: 'INVALID_TEXT', message: 'contains a NUL character or broken Unicode' })),
      });
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: loggableError(error) }, 'request failed');
    metrics.errors.inc({ code: body.error.code });
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const indexHtml = path.join(config.webDist, 'index.html');
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/xapi/') && fs.existsSync(indexHtml)) {
      return reply.sendFile('index.html', config.webDist);
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });

  const deps: ModuleDeps = { database, clock, blobs: options.blobs ?? new LocalDiskBlobStore(path.join(config.dataDir, 'blobs')) };
  await app.register(systemRoutes(deps, metrics.registry));
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps, config.loginRateLimitPerMinute));
      await api.register(referenceRoutes(deps));
      await api.register(organisationRoutes(deps));
      await api.register(peopleRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(centreOperationsRoutes(deps));
      await api.register(matchingRoutes(deps));
      if (options.shiftableClock) await api.register(clockRoutes(deps, options.shiftableClock));
      await api.register(attachmentRoutes(deps));
      await api.register(noticeRoutes(deps, config.objectionRateLimitPerHour));
      await api.register(trainingCentreRoutes(deps));
      await api.register(subsidyRoutes(deps));
      await api.register(lrsRoutes(deps, config.publicUrl));
      await api.register(learningRoutes(deps, config.publicUrl));
      await api.register(coachRoutes(deps));
      await api.register(systemInfoRoutes(deps));
      await api.register(jobRoutes(deps, config.publicUrl));
    },
    { prefix: '/api/v1' },
  );

  await app.register(xapiRoutes(deps, config.publicUrl), { prefix: '/xapi' });

  if (fs.existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }
  return app;
}

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** Maps any error to the one error shape; bad input is never a 500. */
export function toErrorResponse(error: FastifyError | AppError | Error): {
  status: number;
  body: { error: { code: string; message: string; details?: unknown } };
} {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = contextNames[fe.validationContext ?? 'body'] ?? 'body';
    const issues: ErrorIssue[] = fe.validation.flatMap((v) => {
      const base = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const params = v.params as { keys?: string[]; params?: { code?: string } };
      if (v.keyword === 'unrecognized_keys' && params.keys) {
        return params.keys.map((key) => ({ path: `${base}.${key}`, code: 'UNKNOWN_FIELD', message: 'unknown field' }));
      }
      return [{ path: base, code: params.params?.code ?? v.keyword.toUpperCase(), message: v.message ?? 'invalid' }];
    });
    const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, details: { issues } } } };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: { code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' } } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: { error: { code: 'BODY_TOO_LARGE', message: 'the request body is too large' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type' } } };
  }
  // Drizzle wraps the driver's error: PostgreSQL's SQLSTATE is on the cause.
  const sqlState = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (sqlState === '23505') {
    return { status: 409, body: { error: { code: 'CONFLICT', message: 'a record with the same key exists' } } };
  }
  if (sqlState === '22007' || sqlState === '22008' || sqlState === '22021' || sqlState === '22P05') {
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'a date or text value is out of range' } } };
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 404 ? 'NOT_FOUND' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 413 ? 'BODY_TOO_LARGE' : 'VALIDATION_FAILED';
    return { status: status === 404 || status === 415 || status === 413 ? status : 400, body: { error: { code, message: fe.message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; the request id identifies it in the logs' } } };
}

/** Dotted paths of strings (keys included) that PostgreSQL would refuse: NUL or unpaired surrogates. */
export function badTextPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => badTextPaths(item, `${path}.${i}`));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) => [...badTextPaths(key, `${path}.${key}`), ...badTextPaths(item, `${path}.${key}`)]);
  }
  return [];
}

/** An error as the logs may keep it: no query parameters (they hold personal data and password hashes). */
function loggableError(error: Error) {
  const message = error.message.split('\nparams:')[0]!.slice(0, 500);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return { type: error.name, message, code: (error as { code?: string }).code, sqlState: cause?.code, stack: error.stack?.split('\n').slice(1, 8).join('\n') };
}
