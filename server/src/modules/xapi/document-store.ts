import { createHash } from 'node:crypto';
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { xapiDocuments } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { isRecord } from './json.ts';

/** The three document resources share one table; the kind says which one a row belongs to. */
export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/** What names one document. Parts a resource does not use are '' (the profiles have no registration, and so on). */
export interface DocumentKey {
  organisationId: string;
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
  documentId: string;
}

/** The documents a multiple-document GET or DELETE reaches; `registration: undefined` reaches every registration. */
export interface DocumentScope {
  organisationId: string;
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration?: string;
}

export interface StoredDocument {
  content: Buffer;
  /** The Content-Type the document was stored with (parameters such as charset kept). */
  contentType: string;
  /** SHA-1 of the content in lower-case hex, unquoted. */
  etag: string;
  updatedAt: Date;
}

/** The request's If-Match and If-None-Match headers, as given. */
export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/**
 * What a write without If-Match or If-None-Match may do: `never` asks for nothing (POST, and 1.0.3's State),
 * `existing` refuses to replace a document that exists (409), `always` also refuses to create one without a header
 * (400; 1.0.3's profiles, whose clients must send one).
 */
export type MissingPrecondition = 'never' | 'existing' | 'always';

export interface DocumentWrite {
  content: Buffer;
  contentType: string;
  /** PUT replaces; POST merges two JSON objects' top-level properties, or stores when nothing is there yet. */
  mode: 'replace' | 'merge';
  preconditions: Preconditions;
  missingPrecondition: MissingPrecondition;
  now: Date;
}

const JSON_TYPE = 'application/json';
const WRITE_ATTEMPTS = 3;

/** The ETag is the hash the 1.0.3 specification prescribes: SHA-1 of the content, so clients may compare it themselves. */
export function documentEtag(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

/** One document, or null when the organisation has none under that key. */
export async function readDocument(db: Db, key: DocumentKey): Promise<StoredDocument | null> {
  const [row] = await db
    .select({ content: xapiDocuments.content, contentType: xapiDocuments.contentType, etag: xapiDocuments.etag, updatedAt: xapiDocuments.updatedAt })
    .from(xapiDocuments)
    .where(keyCondition(key));
  return row ?? null;
}

/**
 * The ids of the documents in scope changed after `since` (exclusive), each once (a State id used under several
 * registrations is one id), in byte order, and when the newest of them changed.
 */
export async function listDocumentIds(db: Db, scope: DocumentScope, since?: Date): Promise<{ ids: string[]; lastModified: Date | null }> {
  const conditions = [scopeCondition(scope)];
  if (since) conditions.push(gt(xapiDocuments.updatedAt, since));
  const rows = await db
    .select({ documentId: xapiDocuments.documentId, updatedAt: xapiDocuments.updatedAt })
    .from(xapiDocuments)
    .where(and(...conditions))
    .orderBy(sql`${xapiDocuments.documentId} collate "C"`);
  const lastModified = rows.reduce<Date | null>((newest, row) => (!newest || row.updatedAt > newest ? row.updatedAt : newest), null);
  return { ids: [...new Set(rows.map((row) => row.documentId))], lastModified };
}

/**
 * Stores (PUT) or merges (POST) one document under its preconditions, in a transaction that holds the current row,
 * so two writers cannot both pass the same If-Match. A document created by someone else in between is noticed by
 * the unique key and the write is decided again against it.
 */
export async function writeDocument(db: Db, key: DocumentKey, write: DocumentWrite): Promise<StoredDocument> {
  if (bareType(write.contentType) === JSON_TYPE && parseJson(write.content) === undefined) {
    throw documentError('VALIDATION_FAILED', 'body', 'NOT_JSON', 'the document is sent as application/json but is not valid JSON');
  }
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    const stored = await db.transaction(async (tx) => {
      const [current] = await tx.select().from(xapiDocuments).where(keyCondition(key)).for('update');
      checkPreconditions(current ?? null, write.preconditions, write.missingPrecondition);
      const next = write.mode === 'merge' && current ? merged(current, write) : { content: write.content, contentType: write.contentType };
      const document: StoredDocument = { ...next, etag: documentEtag(next.content), updatedAt: write.now };
      if (current) {
        await tx.update(xapiDocuments).set(document).where(eq(xapiDocuments.id, current.id));
        return document;
      }
      const inserted = await tx
        .insert(xapiDocuments)
        .values({ ...key, ...document })
        .onConflictDoNothing()
        .returning({ id: xapiDocuments.id });
      return inserted.length ? document : null;
    });
    if (stored) return stored;
  }
  throw new AppError('CONFLICT', 'the document was changed by another request while this one was being stored; send it again');
}

/** Deletes one document when its preconditions hold; deleting a document that is not there is not an error. */
export async function deleteDocument(db: Db, key: DocumentKey, preconditions: Preconditions): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(xapiDocuments).where(keyCondition(key)).for('update');
    checkPreconditions(current ?? null, preconditions, 'never');
    if (current) await tx.delete(xapiDocuments).where(eq(xapiDocuments.id, current.id));
  });
}

/** Deletes every document in scope (the State resource's DELETE without a stateId). */
export async function deleteDocuments(db: Db, scope: DocumentScope): Promise<void> {
  await db.delete(xapiDocuments).where(scopeCondition(scope));
}

function keyCondition(key: DocumentKey): SQL {
  return and(
    eq(xapiDocuments.organisationId, key.organisationId),
    eq(xapiDocuments.kind, key.kind),
    eq(xapiDocuments.activityId, key.activityId),
    eq(xapiDocuments.agentKey, key.agentKey),
    eq(xapiDocuments.registration, key.registration),
    eq(xapiDocuments.documentId, key.documentId),
  )!;
}

function scopeCondition(scope: DocumentScope): SQL {
  const conditions = [
    eq(xapiDocuments.organisationId, scope.organisationId),
    eq(xapiDocuments.kind, scope.kind),
    eq(xapiDocuments.activityId, scope.activityId),
    eq(xapiDocuments.agentKey, scope.agentKey),
  ];
  if (scope.registration !== undefined) conditions.push(eq(xapiDocuments.registration, scope.registration));
  return and(...conditions)!;
}

/**
 * RFC 7232 on the stored document: If-Match needs the document and one of the listed ETags (or `*`), compared strongly
 * (a weak `W/` tag never matches); If-None-Match fails when the document exists and matches (`*` matches any).
 */
function checkPreconditions(current: { etag: string } | null, preconditions: Preconditions, missing: MissingPrecondition): void {
  const { ifMatch, ifNoneMatch } = preconditions;
  if (ifMatch !== undefined && !(current && matchesAny(ifMatch, current.etag))) {
    throw documentError(
      'PRECONDITION_FAILED',
      'headers.if-match',
      'NOT_MATCHED',
      current ? 'the document has changed since that ETag was read: fetch it again' : 'there is no document to match',
    );
  }
  if (ifNoneMatch !== undefined && current && matchesAny(ifNoneMatch, current.etag)) {
    throw documentError('PRECONDITION_FAILED', 'headers.if-none-match', 'MATCHED', 'a document is already stored under this key');
  }
  if (ifMatch !== undefined || ifNoneMatch !== undefined || missing === 'never') return;
  if (current) {
    throw documentError(
      'CONFLICT',
      'headers.if-match',
      'REQUIRED',
      'a document is already stored under this key: fetch it to see its current state, then send If-Match with its ETag to replace it',
    );
  }
  if (missing === 'always') {
    throw documentError('VALIDATION_FAILED', 'headers.if-none-match', 'REQUIRED', 'storing a profile document needs If-Match or If-None-Match: * (If-None-Match: * when creating it)');
  }
}

function matchesAny(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === `"${etag}"`);
}

/** Both documents must be JSON objects: the posted one's top-level properties replace the stored one's. */
function merged(current: { content: Buffer; contentType: string }, write: DocumentWrite): { content: Buffer; contentType: string } {
  if (bareType(current.contentType) !== JSON_TYPE || bareType(write.contentType) !== JSON_TYPE) {
    throw documentError('VALIDATION_FAILED', 'headers.content-type', 'NOT_JSON', 'a document can be merged only when both the stored and the posted document are application/json');
  }
  const stored = parseJson(current.content);
  const posted = parseJson(write.content);
  if (!isRecord(stored) || !isRecord(posted)) {
    throw documentError('VALIDATION_FAILED', 'body', 'NOT_JSON_OBJECT', 'a document can be merged only when both the stored and the posted document are JSON objects');
  }
  return { content: Buffer.from(JSON.stringify({ ...stored, ...posted }), 'utf8'), contentType: JSON_TYPE };
}

function bareType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

function parseJson(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    return undefined;
  }
}

function documentError(code: 'VALIDATION_FAILED' | 'PRECONDITION_FAILED' | 'CONFLICT', path: string, issue: string, message: string): AppError {
  return new AppError(code, message, { issues: [{ path, code: issue, message }] });
}
