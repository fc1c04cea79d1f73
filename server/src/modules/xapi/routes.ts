import querystring from 'node:querystring';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { xapiVersions, type XapiVersion } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';
import type { ModuleDeps } from '../../lib/http.ts';
import { checkSameOrigin } from '../../lib/same-origin.ts';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { principalFromBasic } from './clients.ts';
import { settleProjection } from './projector.ts';
import { learnerPrincipal } from './learner.ts';
import { negotiateVersion } from './version.ts';
import { statementsResource } from './statements.ts';
import { activitiesResource, activityProfileResource, agentProfileResource, agentsResource, stateResource } from './documents.ts';
import { aboutResource } from './about.ts';
import type { LrsPrincipal, XapiResource, XapiResponse } from './types.ts';

/** Statement batches with attachments can be large; documents and single statements are small. */
export const XAPI_BODY_LIMIT = 32 * 1024 * 1024;

/** The resources of the store, under /xapi. About needs neither credentials nor a version header. */
const resources: Record<string, XapiResource> = {
  '/statements': statementsResource,
  '/activities/state': stateResource,
  '/activities/profile': activityProfileResource,
  '/activities': activitiesResource,
  '/agents/profile': agentProfileResource,
  '/agents': agentsResource,
  '/about': aboutResource,
};

/** Headers of the alternate request syntax's form that stand for request headers (xAPI 1.0.3 §7.8). */
const formHeaders = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];
const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
type Method = (typeof methods)[number];

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, X-Requested-With',
  'access-control-expose-headers': 'ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through',
};

/**
 * The xAPI learning record store at /xapi: one Fastify route per resource that turns the HTTP request (or 1.0.3's
 * alternate request syntax) into an XapiRequest, authenticates it (HTTP Basic with an LRS client's key, or a signed-in
 * learner's session) and hands it to the resource's handler. Cross-origin calls are allowed without cookies, so
 * content served from elsewhere can report with a key but never with a learner's session.
 */
export function xapiRoutes(deps: ModuleDeps, publicUrl: string) {
  return async (app: FastifyInstance) => {
    // Every body reaches the handlers as bytes: documents may be any type, statements JSON or multipart/mixed.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: XAPI_BODY_LIMIT }, (_request, body, done) => done(null, body));
    app.addHook('onSend', async (request, reply) => {
      reply.headers(CORS_HEADERS);
      if (reply.statusCode === 401) reply.header('www-authenticate', 'Basic realm="Fulcrum LRS"');
      if (!reply.hasHeader('x-experience-api-version')) reply.header('x-experience-api-version', versionOf(request) ?? xapiVersions[0]);
    });
    // The projector runs after responses are sent; the database must outlive its last run.
    app.addHook('onClose', async () => settleProjection(deps.database.db));
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'OPTIONS') return reply.status(204).headers(CORS_HEADERS).send();
    });

    for (const [path, resource] of Object.entries(resources)) {
      app.route({
        method: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
        url: path,
        bodyLimit: XAPI_BODY_LIMIT,
        handler: async (request, reply) => send(reply, await handle(request, path, resource)),
      });
    }
  };

  async function handle(request: FastifyRequest, path: string, resource: XapiResource): Promise<XapiResponse> {
    const given = singleQuery(request.query as Record<string, string | string[]>);
    let method = request.method as Method;
    let query = given;
    let headers = lowerHeaders(request.headers);
    let body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (method === 'POST' && 'method' in given) {
      ({ method, query, headers, body } = alternateRequest(given, headers, body));
    }
    const isAbout = path === '/about';
    const version = isAbout ? xapiVersions[0] : negotiateVersion(headers['x-experience-api-version']);
    (request as FastifyRequest & { xapiVersion?: XapiVersion }).xapiVersion = version;
    const principal = isAbout ? null : await authenticate(request, headers, method);
    const handler = resource[method === 'HEAD' ? 'GET' : method];
    if (!handler) throw new AppError('NOT_FOUND', `${method} is not a method of /xapi${path}`);
    return handler({
      method,
      query,
      headers,
      body,
      contentType: (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
      version,
      principal: principal as LrsPrincipal,
      db: deps.database.db,
      clock: deps.clock,
      publicUrl,
      languages: acceptLanguages(headers['accept-language']),
    });
  }

  async function authenticate(request: FastifyRequest, headers: Record<string, string | undefined>, method: Method): Promise<LrsPrincipal> {
    const now = deps.clock.now();
    let principal: LrsPrincipal | null = null;
    if (headers.authorization) {
      principal = await principalFromBasic(deps.database.db, headers.authorization, publicUrl, now);
    } else if (request.cookies[SESSION_COOKIE]) {
      if (method !== 'GET' && method !== 'HEAD') checkSameOrigin(request, []);
      const session = await resolveSession(deps.database.db, request.cookies[SESSION_COOKIE], now);
      if (session.status === 'valid') principal = await learnerPrincipal(deps.database.db, session.actor, publicUrl);
    }
    if (!principal) throw new AppError('UNAUTHENTICATED', 'an LRS client key (HTTP Basic) or a signed-in learner is required');
    const reading = method === 'GET' || method === 'HEAD';
    if (reading ? !principal.canRead : !principal.canWrite) {
      throw new AppError('FORBIDDEN', `this key may not ${reading ? 'read' : 'write'}`);
    }
    return principal;
  }
}

function versionOf(request: FastifyRequest): XapiVersion | undefined {
  return (request as FastifyRequest & { xapiVersion?: XapiVersion }).xapiVersion;
}

async function send(reply: FastifyReply, response: XapiResponse) {
  reply.status(response.status);
  if (response.headers) reply.headers(response.headers);
  if (response.body === undefined) return reply.send();
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') return reply.send(response.body);
  if (!reply.hasHeader('content-type')) reply.type('application/json');
  return reply.send(JSON.stringify(response.body));
}

/** Query parameters given once each; a repeated one is ambiguous and refused. */
function singleQuery(query: Record<string, string | string[]>): Record<string, string> {
  const single: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) throw new AppError('VALIDATION_FAILED', `query parameter ${name} is given more than once`, { issues: [{ path: `query.${name}`, code: 'REPEATED', message: 'given more than once' }] });
    single[name] = value;
  }
  return single;
}

function lowerHeaders(headers: FastifyRequest['headers']): Record<string, string | undefined> {
  const lower: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return lower;
}

/**
 * xAPI 1.0.3's alternate request syntax: a form POST with `?method=X` (and no other query parameter) whose fields carry
 * the headers, the content and the real query parameters. xAPI 2.0 removed it; a 2.0 request in this form is refused.
 */
function alternateRequest(query: Record<string, string>, headers: Record<string, string | undefined>, body: Buffer) {
  const fail = (message: string, path: string) => new AppError('VALIDATION_FAILED', message, { issues: [{ path, code: 'ALTERNATE_SYNTAX', message }] });
  if (Object.keys(query).length !== 1) throw fail('the alternate request syntax takes no query parameter besides method', 'query');
  const method = query.method!.toUpperCase() as Method;
  if (!methods.includes(method) || method === 'HEAD') throw fail(`method ${query.method} is not one of GET, PUT, POST, DELETE`, 'query.method');
  if ((headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    throw fail('the alternate request syntax needs an application/x-www-form-urlencoded body', 'headers.content-type');
  }
  const form = querystring.parse(body.toString('utf8'));
  const next: Record<string, string | undefined> = { ...headers, 'content-type': undefined, 'content-length': undefined };
  const nextQuery: Record<string, string> = {};
  let content = Buffer.alloc(0);
  for (const [rawName, value] of Object.entries(form)) {
    if (Array.isArray(value)) throw fail(`form field ${rawName} is given more than once`, `body.${rawName}`);
    const name = rawName.toLowerCase();
    if (name === 'content') content = Buffer.from(value ?? '', 'utf8');
    else if (formHeaders.includes(name)) next[name] = value;
    else nextQuery[rawName] = value ?? '';
  }
  if (negotiateVersion(next['x-experience-api-version']) !== '1.0.3') throw fail('xAPI 2.0 has no alternate request syntax', 'query.method');
  return { method, query: nextQuery, headers: next, body: content };
}

/** Languages from an Accept-Language header, by their q weight. */
function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag!.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}
