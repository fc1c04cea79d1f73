import { AppError } from '../../lib/errors.ts';
import { buildMultipartMixed, parseMultipartMixed, type MultipartPart } from './multipart.ts';
import { attachmentParts, findStatement, formatStatements, listStatements, moreLink, parseStatementQuery } from './statement-query.ts';
import { isUuid, type Json } from './json.ts';
import { consistentThrough, storeStatements, type AttachmentPart } from './statement-store.ts';
import type { XapiHandler, XapiRequest, XapiResource, XapiResponse } from './types.ts';


const bad = (path: string, message: string, code = 'INVALID') => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, code, message }] });

/**
 * Every answer of the Statements resource, refusals included, says how far the store is consistent
 * (X-Experience-API-Consistent-Through). The instant is taken before the handler reads, so it never claims more than
 * the read saw.
 */
function consistent(handler: XapiHandler): XapiHandler {
  return async (request) => {
    const through = consistentThrough(request.clock.now()).toISOString();
    const header = { 'x-experience-api-consistent-through': through };
    try {
      const response = await handler(request);
      return { ...response, headers: { ...response.headers, ...header } };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: error.status, headers: header, body: { error: { code: error.code, message: error.message, details: error.details } } };
    }
  };
}

function parseJson(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('MALFORMED_JSON', `${path} is not valid JSON`, { issues: [{ path, code: 'MALFORMED_JSON', message: 'is not valid JSON' }] });
  }
}

/**
 * The statements of a PUT or POST and their attachments' bytes: application/json (also when the alternate request
 * syntax gave no content type), or multipart/mixed whose first part is the JSON and whose other parts are
 * attachments, each with X-Experience-API-Hash and Content-Transfer-Encoding: binary.
 */
function readStatementBody(request: XapiRequest): { content: unknown; parts: Map<string, AttachmentPart> } {
  const parts = new Map<string, AttachmentPart>();
  if (request.contentType === 'application/json' || request.contentType === '') return { content: parseJson(request.body, 'body'), parts };
  if (request.contentType !== 'multipart/mixed') throw bad('headers.content-type', 'statements are sent as application/json or multipart/mixed', 'CONTENT_TYPE');

  const [first, ...rest] = parseMultipartMixed(request.body, request.headers['content-type'] ?? '');
  if ((first!.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw bad('body.parts.0.content-type', 'the first part must be the statements as application/json', 'MULTIPART');
  }
  rest.forEach((part: MultipartPart, index) => {
    const path = `body.parts.${index + 1}`;
    const hash = part.headers['x-experience-api-hash']?.trim().toLowerCase();
    if (!hash) throw bad(`${path}.x-experience-api-hash`, 'an attachment part needs an X-Experience-API-Hash header', 'MULTIPART');
    if ((part.headers['content-transfer-encoding'] ?? '').trim().toLowerCase() !== 'binary') {
      throw bad(`${path}.content-transfer-encoding`, 'an attachment part must be Content-Transfer-Encoding: binary', 'MULTIPART');
    }
    const earlier = parts.get(hash);
    if (earlier && !earlier.content.equals(part.body)) throw bad(path, `two parts with X-Experience-API-Hash ${hash} differ`, 'MULTIPART');
    parts.set(hash, { contentType: part.headers['content-type'] ?? 'application/octet-stream', content: part.body });
  });
  return { content: parseJson(first!.body, 'body.parts.0'), parts };
}

/** JSON as bytes: Fastify appends a charset to text bodies, and conformance tools compare the media type exactly. */
const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

function refuseParameters(request: XapiRequest, allowed: string[]): void {
  for (const name of Object.keys(request.query)) if (!allowed.includes(name)) throw bad(`query.${name}`, `is not a parameter of ${request.method} /xapi/statements`, 'UNKNOWN_PARAMETER');
}

/** PUT ?statementId=: stores one statement under that id (204), or accepts it again unchanged. */
const putStatement: XapiHandler = async (request) => {
  refuseParameters(request, ['statementId']);
  const statementId = request.query.statementId;
  if (statementId === undefined) throw bad('query.statementId', 'PUT needs the statementId parameter', 'REQUIRED');
  if (!isUuid(statementId)) throw bad('query.statementId', 'must be a UUID');
  const { content, parts } = readStatementBody(request);
  if (Array.isArray(content)) throw bad('body', 'PUT stores one statement; POST a batch instead', 'NOT_A_STATEMENT');
  await storeStatements({ ...storeContext(request), statements: [content], paths: ['body'], parts, statementId });
  return { status: 204 };
};

/** POST: one statement or a batch, stored all-or-nothing; answers their ids in order. */
const postStatements: XapiHandler = async (request) => {
  refuseParameters(request, []);
  const { content, parts } = readStatementBody(request);
  const statements = Array.isArray(content) ? content : [content];
  if (statements.length === 0) throw bad('body', 'the batch holds no statement', 'EMPTY');
  const paths = Array.isArray(content) ? statements.map((_, i) => `body.${i}`) : ['body'];
  const ids = await storeStatements({ ...storeContext(request), statements, paths, parts });
  return { status: 200, headers: { 'content-type': 'application/json' }, body: jsonBytes(ids) };
};

function storeContext(request: XapiRequest) {
  return { db: request.db, principal: request.principal, clock: request.clock, publicUrl: request.publicUrl, version: request.version };
}

/** A JSON answer, or with attachments=true multipart/mixed: the JSON first, then each stored attachment's bytes. */
async function answer(request: XapiRequest, body: object, statements: Json[], withAttachments: boolean, lastModified: Date | null): Promise<XapiResponse> {
  const headers: Record<string, string> = {};
  if (lastModified) headers['last-modified'] = lastModified.toUTCString();
  if (!withAttachments) return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, body: jsonBytes(body) };
  const stored = await attachmentParts(request.db, statements);
  const multipart = buildMultipartMixed([
    { headers: { 'Content-Type': 'application/json' }, body: jsonBytes(body) },
    ...stored.map((a) => ({ headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': a.sha2 }, body: a.content })),
  ]);
  return { status: 200, headers: { ...headers, 'content-type': multipart.contentType }, body: multipart.body };
}

/** GET: one statement by statementId or voidedStatementId, or a page of a query with its `more` link. */
const getStatements: XapiHandler = async (request) => {
  const { db, principal } = request;
  const query = parseStatementQuery(request.query, request.version, principal);
  if (query.kind === 'single') {
    const found = await findStatement(db, principal, query);
    if (!found) throw new AppError('NOT_FOUND', `no ${query.voided ? 'voided ' : ''}statement ${query.id}`);
    const [statement] = await formatStatements(db, principal.organisationId, [found.statement], query.format, request.languages);
    return answer(request, statement!, [found.statement], query.attachments, found.stored);
  }
  const page = await listStatements(db, principal.organisationId, query);
  const last = page.statements.at(-1);
  const more = page.more && last ? moreLink(request.publicUrl, query, last) : '';
  const newest = page.statements.reduce<Date | null>((max, s) => (max && max >= s.stored ? max : s.stored), null);
  if (query.format === 'exact' && !query.attachments) {
    // The stored JSON goes out as the database wrote it: decoding and encoding every statement again doubled the cost.
    const body = `{"statements":[${page.statements.map((s) => s.text ?? JSON.stringify(s.statement)).join(',')}],"more":${JSON.stringify(more)}}`;
    return { status: 200, headers: { 'content-type': 'application/json', ...(newest ? { 'last-modified': newest.toUTCString() } : {}) }, body: Buffer.from(body, 'utf8') };
  }
  const statements = await formatStatements(db, principal.organisationId, page.statements.map((s) => s.statement), query.format, request.languages);
  return answer(request, { statements, more }, page.statements.map((s) => s.statement), query.attachments, newest);
};

/** The Statements resource: POST (single, batch, multipart with attachments), PUT with statementId, GET (one or a query). */
export const statementsResource: XapiResource = {
  GET: consistent(getStatements),
  PUT: consistent(putStatement),
  POST: consistent(postStatements),
};
