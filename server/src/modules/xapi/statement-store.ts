import { createHash, randomUUID, verify as verifySignatureBytes, X509Certificate } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { XapiVersion } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { people, xapiAttachments, xapiStatements } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { scheduleProjection } from './projector.ts';
import { isRecord, isUuid, type Json } from './json.ts';
import { agentKey, statementKeys } from './statement-keys.ts';
import type { LrsPrincipal, XapiAgent } from './types.ts';
import { validateStatement } from './validate.ts';

/*
 * Writing statements: a batch is checked whole (shape, ids, the learner's own actor, attachments and signatures), then
 * stored in one transaction with one multi-row insert, one person lookup, one activity upsert and at most two queries
 * for voiding — never a query per statement, so a batch of a hundred costs about what one statement does.
 */


/** The bytes of one attachment part, by the lower-case hex SHA-2 its X-Experience-API-Hash header named. */
export interface AttachmentPart {
  contentType: string;
  content: Buffer;
}

export interface StoreStatementsInput {
  db: Db;
  principal: LrsPrincipal;
  clock: Clock;
  publicUrl: string;
  version: XapiVersion;
  /** The statements as parsed from the body, in order (one for a PUT or a single POST). */
  statements: unknown[];
  /** Where each statement sits in the request, for error paths: `body` for a single one, `body.<i>` in a batch. */
  paths: string[];
  parts: Map<string, AttachmentPart>;
  /** PUT's statementId: the one statement takes it (its own id, if any, must be the same). */
  statementId?: string;
  /** False when the caller runs the projector itself (the demo loader inside its one transaction). */
  scheduleProjection?: boolean;
}

const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
const hashAlgorithms: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };
const signatureAlgorithms: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

const invalid = (path: string, code: string, message: string) => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, code, message }] });

/**
 * The `object_agent_key` of a statement whose object is a StatementRef. No agent key can equal it (those always carry
 * an IFI prefix such as `mbox:`), so the agent filters are unaffected, and the column's index finds an organisation's
 * StatementRef statements in a time window at once — what voiding and the StatementRef query rule need.
 */
export const STATEMENT_REF_KEY = 'StatementRef';
/**
 * The `object_agent_key` of a voiding statement whose target was not stored when it arrived. Statements never change,
 * so the mark stays; it lets a statement that arrives later find, by index among the few such rows, that it is voided.
 */
export const PENDING_VOID_KEY = 'StatementRef:pending';
/** Both keys a StatementRef statement can have. */
export const STATEMENT_REF_KEYS = [STATEMENT_REF_KEY, PENDING_VOID_KEY];


// --- Consistent-through: the stored instants of writes still in flight in this process -------------------------------

const inFlight = new Map<symbol, number>();

/**
 * The instant before which every statement that has or will have an earlier `stored` is already readable: now, held back
 * to just before the oldest write this process has stamped but not yet committed. Fulcrum is one process per database,
 * so its own in-flight writes are all the writes there are.
 */
export function consistentThrough(now: Date): Date {
  let oldest = now.getTime();
  for (const stored of inFlight.values()) oldest = Math.min(oldest, stored - 1);
  return new Date(oldest);
}

// --- Statement comparison (xAPI Data 2.3.1: what two statements with one id must agree on) ---------------------------

/** The duration with seconds cut to hundredths, as the specification compares durations. */
function comparableDuration(duration: unknown): unknown {
  if (typeof duration !== 'string') return duration;
  const match = /^(.*?)(\d+)(?:\.(\d+))?S$/.exec(duration);
  if (!match) return duration;
  const fraction = (match[3] ?? '').slice(0, 2).replace(/0+$/, '');
  return `${match[1]}${Number(match[2])}${fraction ? `.${fraction}` : ''}S`;
}

function comparableAgent(agent: unknown, defaultType: string): unknown {
  if (!isRecord(agent)) return agent;
  const copy: Json = { ...agent, objectType: agent.objectType ?? defaultType };
  if (Array.isArray(agent.member)) {
    copy.member = agent.member.map((m) => comparableAgent(m, 'Agent')).sort((a, b) => stableJson(a).localeCompare(stableJson(b)));
  }
  return copy;
}

function comparableActivity(activity: unknown): unknown {
  return isRecord(activity) ? { objectType: 'Activity', id: activity.id } : activity;
}

function comparableObject(object: unknown): unknown {
  if (!isRecord(object)) return object;
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') return comparableActivity(object);
  if (type === 'Agent' || type === 'Group') return comparableAgent(object, 'Agent');
  if (type === 'StatementRef') return { objectType: type, id: typeof object.id === 'string' ? object.id.toLowerCase() : object.id };
  if (type === 'SubStatement') return comparableStatement(object);
  return object;
}

function comparableContext(context: unknown): unknown {
  if (!isRecord(context)) return context;
  const copy: Json = { ...context };
  if (typeof context.registration === 'string') copy.registration = context.registration.toLowerCase();
  if (context.instructor !== undefined) copy.instructor = comparableAgent(context.instructor, 'Agent');
  if (context.team !== undefined) copy.team = comparableAgent(context.team, 'Group');
  if (isRecord(context.statement)) copy.statement = comparableObject({ ...context.statement, objectType: 'StatementRef' });
  if (isRecord(context.contextActivities)) {
    const activities: Json = {};
    for (const [kind, value] of Object.entries(context.contextActivities)) {
      activities[kind] = (Array.isArray(value) ? value : [value]).map(comparableActivity);
    }
    copy.contextActivities = activities;
  }
  if (Array.isArray(context.contextAgents)) {
    copy.contextAgents = context.contextAgents.map((entry) => (isRecord(entry) ? { ...entry, agent: comparableAgent(entry.agent, 'Agent') } : entry));
  }
  if (Array.isArray(context.contextGroups)) {
    copy.contextGroups = context.contextGroups.map((entry) => (isRecord(entry) ? { ...entry, group: comparableAgent(entry.group, 'Group') } : entry));
  }
  return copy;
}

/**
 * A statement reduced to what the specification holds immutable: without id, authority, stored, timestamp, version,
 * attachments, verb display and activity definitions; group members in any order; UUIDs in any case; durations to
 * hundredths of a second.
 */
function comparableStatement(statement: Json): Json {
  const { id: _id, authority: _authority, stored: _stored, timestamp: _timestamp, version: _version, attachments: _attachments, ...rest } = statement;
  const copy: Json = { ...rest, actor: comparableAgent(rest.actor, 'Agent'), object: comparableObject(rest.object) };
  if (isRecord(rest.verb)) copy.verb = { id: rest.verb.id };
  if (rest.context !== undefined) copy.context = comparableContext(rest.context);
  if (isRecord(rest.result)) copy.result = { ...rest.result, duration: comparableDuration(rest.result.duration) };
  return copy;
}

/** JSON with object keys sorted, so equal values have equal texts. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether two statements with one id say the same thing by the specification's comparison rules (a retried POST does). */
export function sameStatement(a: Json, b: Json): boolean {
  return stableJson(comparableStatement(a)) === stableJson(comparableStatement(b));
}

// --- Attachments and signatures ----------------------------------------------------------------------------------------

function attachmentsOf(statement: Json): unknown[] {
  const own = Array.isArray(statement.attachments) ? statement.attachments : [];
  const object = isRecord(statement.object) && statement.object.objectType === 'SubStatement' ? statement.object : null;
  return object && Array.isArray(object.attachments) ? [...own, ...object.attachments] : own;
}

const mediaType = (value: unknown) => (typeof value === 'string' ? value.split(';')[0]!.trim().toLowerCase() : '');
const fromBase64Url = (text: string) => Buffer.from(text, 'base64url');

/**
 * Checks a signature attachment (xAPI Data 2.6): a compact JWS with an RS256/384/512 header whose payload is this
 * statement as it was before the signature was attached. With an `x5c` certificate chain the signature is verified
 * against the first certificate's key; without one the store cannot know the signer's key and checks the form only.
 */
function checkSignature(statement: Json, jws: Buffer, path: string): void {
  const fail = (message: string) => invalid(path, 'SIGNATURE', message);
  const segments = jws.toString('utf8').trim().split('.');
  if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s))) throw fail('the signature is not a compact JWS');
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(fromBase64Url(segments[0]!).toString('utf8'));
    payload = JSON.parse(fromBase64Url(segments[1]!).toString('utf8'));
  } catch {
    throw fail('the JWS header or payload is not JSON');
  }
  if (!isRecord(header) || typeof header.alg !== 'string' || !signatureAlgorithms[header.alg]) throw fail('the JWS algorithm must be RS256, RS384 or RS512');
  if (!isRecord(payload)) throw fail('the JWS payload is not a statement');
  if (!sameStatement(payload, statement)) throw fail('the JWS payload is not the statement it is attached to');
  if (header.x5c !== undefined) {
    const chain = header.x5c;
    if (!Array.isArray(chain) || typeof chain[0] !== 'string') throw fail('the JWS x5c header is not a certificate chain');
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(chain[0], 'base64'));
    } catch {
      throw fail('the JWS x5c certificate cannot be read');
    }
    const signed = Buffer.from(`${segments[0]}.${segments[1]}`, 'latin1');
    let valid: boolean;
    try {
      valid = verifySignatureBytes(signatureAlgorithms[header.alg]!, signed, certificate.publicKey, fromBase64Url(segments[2]!));
    } catch {
      valid = false; // a key of another kind than RSA, or a signature of the wrong size
    }
    if (!valid) throw fail('the JWS signature does not verify with its x5c certificate');
  }
}

/**
 * Every attachment without a fileUrl needs its bytes in a part, every part must belong to an attachment, the bytes must
 * hash to the part's X-Experience-API-Hash, and signature attachments must hold a valid JWS of their statement.
 */
function checkAttachments(statements: Json[], paths: string[], parts: Map<string, AttachmentPart>): void {
  const declared = new Set<string>();
  statements.forEach((statement, i) => {
    attachmentsOf(statement).forEach((attachment, j) => {
      if (!isRecord(attachment) || typeof attachment.sha2 !== 'string') return;
      const path = `${paths[i]}.attachments.${j}`;
      const sha2 = attachment.sha2.toLowerCase();
      declared.add(sha2);
      const part = parts.get(sha2);
      if (!part && attachment.fileUrl === undefined) throw invalid(path, 'ATTACHMENT_MISSING', 'has neither a fileUrl nor a multipart part with its X-Experience-API-Hash');
      if (attachment.usageType === SIGNATURE_USAGE) {
        if (mediaType(attachment.contentType) !== 'application/octet-stream') throw invalid(`${path}.contentType`, 'SIGNATURE', 'a signature attachment must be application/octet-stream');
        if (part) checkSignature(statement, part.content, path);
      }
    });
  });
  for (const [sha2, part] of parts) {
    if (!declared.has(sha2)) throw invalid('body', 'ATTACHMENT_UNDECLARED', `the part with X-Experience-API-Hash ${sha2} matches no attachment's sha2`);
    const algorithm = hashAlgorithms[sha2.length];
    if (!algorithm || !/^[0-9a-f]+$/.test(sha2)) throw invalid('body', 'ATTACHMENT_HASH', `X-Experience-API-Hash ${sha2} is not a SHA-2 hex digest`);
    if (createHash(algorithm).update(part.content).digest('hex') !== sha2) throw invalid('body', 'ATTACHMENT_HASH', `the bytes of the part with X-Experience-API-Hash ${sha2} do not hash to it`);
  }
}

// --- Preparing and storing a batch -------------------------------------------------------------------------------------

/** Activity definitions a statement carries (its object, context activities and sub-statement's), by activity id. */
function collectDefinitions(statement: Json, into: Map<string, unknown>): void {
  const take = (activity: unknown) => {
    if (!isRecord(activity) || typeof activity.id !== 'string' || !isRecord(activity.definition)) return;
    if ((activity.objectType ?? 'Activity') !== 'Activity') return;
    into.delete(activity.id); // the last definition in the batch wins
    into.set(activity.id, activity.definition);
  };
  take(statement.object);
  const context = isRecord(statement.context) ? statement.context : null;
  if (context && isRecord(context.contextActivities)) {
    for (const value of Object.values(context.contextActivities)) for (const activity of Array.isArray(value) ? value : [value]) take(activity);
  }
  if (isRecord(statement.object) && statement.object.objectType === 'SubStatement') collectDefinitions(statement.object, into);
}

/** The Fulcrum person an actor's account at this server names, if the name is a person's id. */
function personCandidate(statement: Json, publicUrl: string): string | null {
  const actor = isRecord(statement.actor) ? statement.actor : null;
  const account = actor && isRecord(actor.account) ? actor.account : null;
  // Account names are case-sensitive: only the lower-case id Fulcrum writes names the person.
  if (!account || account.homePage !== publicUrl || !isUuid(account.name) || account.name !== account.name.toLowerCase()) return null;
  return account.name;
}

/** People found before: registry people are never deleted, so a person once found stays one (bounded; evicted ones are looked up again). */
const foundPeople = new Set<string>();
const FOUND_PEOPLE_MAX = 200_000;

/** Which of the candidate ids are Fulcrum people: one query for those not found before, none for a batch of regulars. */
async function knownPeople(tx: Db, candidates: (string | null)[]): Promise<Set<string>> {
  const unknown = [...new Set(candidates.filter((id): id is string => id !== null && !foundPeople.has(id)))];
  if (unknown.length) {
    const rows = await tx.select({ id: people.id }).from(people).where(sql`${people.id} = any(${sql.param(unknown)}::uuid[])`);
    if (foundPeople.size + rows.length > FOUND_PEOPLE_MAX) foundPeople.clear();
    for (const row of rows) foundPeople.add(row.id);
  }
  return foundPeople;
}

/**
 * The activity definitions this process last wrote, by organisation and activity, so a batch naming the same lessons
 * again (nearly every batch) costs no query. Bounded; an evicted or unknown entry just means one more write.
 */
const knownDefinitions = new Map<string, string>();
const KNOWN_DEFINITIONS_MAX = 20_000;

function rememberDefinition(key: string, definition: string) {
  knownDefinitions.delete(key);
  knownDefinitions.set(key, definition);
  if (knownDefinitions.size > KNOWN_DEFINITIONS_MAX) knownDefinitions.delete(knownDefinitions.keys().next().value!);
}

/**
 * Keeps the organisation's canonical activity definitions current (the last one stated wins). New activities are
 * inserted without touching existing rows, then only changed definitions are updated, in activity order: an upsert
 * would lock every row it meets, and concurrent batches naming the same activities would deadlock.
 */
async function writeDefinitions(tx: Db, organisationId: string, stored: string, definitions: Map<string, unknown>) {
  const changed = [...definitions]
    .map(([activityId, definition]) => ({ activity_id: activityId, definition, text: JSON.stringify(definition) }))
    .filter((a) => knownDefinitions.get(`${organisationId} ${a.activity_id}`) !== a.text)
    .sort((a, b) => (a.activity_id < b.activity_id ? -1 : a.activity_id > b.activity_id ? 1 : 0));
  if (!changed.length) return;
  const rows = JSON.stringify(changed.map(({ activity_id, definition }) => ({ activity_id, definition })));
  await tx.execute(sql`
    insert into xapi_activities (organisation_id, activity_id, definition, updated_at)
    select ${organisationId}::uuid, activity_id, definition, ${stored}::timestamptz
    from jsonb_to_recordset(${rows}::jsonb) as r(activity_id text, definition jsonb)
    on conflict (organisation_id, activity_id) do nothing`);
  await tx.execute(sql`
    update xapi_activities a set definition = r.definition, updated_at = ${stored}::timestamptz
    from jsonb_to_recordset(${rows}::jsonb) as r(activity_id text, definition jsonb)
    where a.organisation_id = ${organisationId}::uuid and a.activity_id = r.activity_id and a.definition is distinct from r.definition`);
  // Remembered only once the transaction has committed (see storeStatements), so a rolled-back batch is written again.
  return () => changed.forEach((a) => rememberDefinition(`${organisationId} ${a.activity_id}`, a.text));
}

/**
 * Stores a batch all-or-nothing and answers the ids in order. The store sets id (when absent), stored, authority,
 * version and timestamp (when absent); a statement whose id is already stored with the same content is accepted and
 * left as it was, with other content (or in another organisation) it is a 409.
 */
export async function storeStatements(input: StoreStatementsInput): Promise<string[]> {
  const { db, principal, clock, publicUrl, version, paths, parts } = input;
  const statements: Json[] = input.statements.map((given, i) => {
    if (!isRecord(given)) throw invalid(paths[i]!, 'NOT_A_STATEMENT', 'a statement must be a JSON object');
    // A timestamp given as null is one the LRS fills in (the conformance suite sends it so).
    if (given.timestamp === null) {
      const { timestamp: _timestamp, ...rest } = given;
      return rest;
    }
    return given;
  });
  statements.forEach((statement, i) => validateStatement(statement, version, paths[i]));

  if (input.statementId !== undefined) {
    const given = statements[0]!.id;
    if (given !== undefined && String(given).toLowerCase() !== input.statementId.toLowerCase()) {
      throw invalid(`${paths[0]}.id`, 'ID_MISMATCH', 'differs from the statementId parameter');
    }
  }
  const ids = statements.map((statement) => (typeof statement.id === 'string' ? statement.id : (input.statementId ?? randomUUID())));
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const key = id.toLowerCase();
    if (seen.has(key)) throw invalid(`${paths[i]}.id`, 'DUPLICATE_ID', `the batch uses id ${id} more than once`);
    seen.set(key, i);
  });

  if (principal.learner) {
    const own = agentKey(principal.learner.agent);
    statements.forEach((statement, i) => {
      if (agentKey(statement.actor as XapiAgent) !== own) {
        throw new AppError('FORBIDDEN', 'a learner may only record statements whose actor is themselves', { issues: [{ path: `${paths[i]}.actor`, code: 'NOT_YOURSELF', message: 'is not you' }] });
      }
    });
  }
  checkAttachments(statements, paths, parts);

  const now = clock.now();
  const stored = now.toISOString();
  const defaultVersion = version === '2.0.0' ? '2.0.0' : '1.0.0';
  const rows = statements.map((given, i) => {
    const statement: Json = { ...given, id: ids[i], timestamp: given.timestamp ?? stored, stored, authority: principal.authority, version: given.version ?? defaultVersion };
    const timestamp = new Date(statement.timestamp as string);
    if (Number.isNaN(timestamp.getTime())) throw invalid(`${paths[i]}.timestamp`, 'TIMESTAMP', 'is not an ISO 8601 timestamp');
    return { statement, timestamp, keys: statementKeys(statement) };
  });

  const token = Symbol('statement write');
  inFlight.set(token, now.getTime());
  let insertedCount: number;
  let afterCommit: (() => void) | undefined;
  try {
    insertedCount = await db.transaction(async (tx) => {
      const known = await knownPeople(tx, rows.map((row) => personCandidate(row.statement, publicUrl)));

      // A voiding statement whose target is neither stored nor in this batch is marked pending (see PENDING_VOID_KEY).
      const batchIds = new Set(ids.map((id) => id.toLowerCase()));
      const outside = [...new Set(rows.map((row) => row.keys.voidsId?.toLowerCase()).filter((id): id is string => !!id && !batchIds.has(id)))];
      const present = outside.length
        ? new Set((await tx.select({ id: xapiStatements.id }).from(xapiStatements).where(and(eq(xapiStatements.organisationId, principal.organisationId), inArray(xapiStatements.id, outside)))).map((r) => r.id))
        : new Set<string>();
      const objectKey = (statement: Json, voidsId: string | null) => {
        if (voidsId) return batchIds.has(voidsId.toLowerCase()) || present.has(voidsId.toLowerCase()) ? STATEMENT_REF_KEY : PENDING_VOID_KEY;
        return isRecord(statement.object) && statement.object.objectType === 'StatementRef' ? STATEMENT_REF_KEY : null;
      };

      // The batch travels as one JSON parameter: building a multi-row insert of ~1,500 parameters costs more than storing it.
      const batch = rows.map(({ statement, timestamp, keys }) => {
        const person = personCandidate(statement, publicUrl);
        return {
          id: String(statement.id),
          organisation_id: principal.organisationId,
          stored,
          timestamp: timestamp.toISOString(),
          actor_key: keys.actorKey,
          object_agent_key: keys.objectAgentKey ?? objectKey(statement, keys.voidsId),
          verb_id: keys.verbId,
          activity_id: keys.activityId,
          registration: keys.registration,
          voids_id: keys.voidsId,
          related_agents: keys.relatedAgents,
          related_activities: keys.relatedActivities,
          person_id: person && known.has(person) ? person : null,
          client_id: principal.clientId,
          statement,
        };
      });
      const inserted = (
        (await tx.execute(sql`
          insert into xapi_statements (id, organisation_id, stored, "timestamp", actor_key, object_agent_key, verb_id, activity_id, registration,
            voids_id, related_agents, related_activities, person_id, client_id, statement)
          select id, organisation_id, stored, "timestamp", actor_key, object_agent_key, verb_id, activity_id, registration,
            voids_id, related_agents, related_activities, person_id, client_id, statement
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id uuid, organisation_id uuid, stored timestamptz, "timestamp" timestamptz,
            actor_key text, object_agent_key text, verb_id text, activity_id text, registration uuid, voids_id uuid,
            related_agents text[], related_activities text[], person_id uuid, client_id uuid, statement jsonb)
          on conflict (id) do nothing
          returning id::text as id`)) as unknown as { rows: { id: string }[] }
      ).rows;
      const insertedIds = new Set(inserted.map((r) => r.id));

      const existing = ids.filter((id) => !insertedIds.has(id.toLowerCase()));
      if (existing.length) await checkExisting(tx, principal.organisationId, existing, statements, seen, paths);
      if (!inserted.length) return 0;

      const fresh = rows.filter((row) => insertedIds.has(String(row.statement.id).toLowerCase()));
      await applyVoiding(tx, principal.organisationId, fresh.map((row) => ({ id: String(row.statement.id).toLowerCase(), voidsId: row.keys.voidsId })));

      const definitions = new Map<string, unknown>();
      for (const row of fresh) collectDefinitions(row.statement, definitions);
      if (definitions.size) afterCommit = await writeDefinitions(tx, principal.organisationId, stored, definitions);
      if (parts.size) {
        await tx
          .insert(xapiAttachments)
          .values([...parts].map(([sha2, part]) => ({ sha2, contentType: declaredType(statements, sha2) ?? part.contentType, length: part.content.length, content: part.content })))
          .onConflictDoNothing({ target: xapiAttachments.sha2 });
      }
      return inserted.length;
    });
  } finally {
    inFlight.delete(token);
  }
  afterCommit?.();
  if (insertedCount > 0 && input.scheduleProjection !== false) scheduleProjection(db, publicUrl);
  return ids;
}

/** The contentType a statement gives for the attachment with this hash. */
function declaredType(statements: Json[], sha2: string): string | null {
  for (const statement of statements) {
    for (const attachment of attachmentsOf(statement)) {
      if (isRecord(attachment) && typeof attachment.sha2 === 'string' && attachment.sha2.toLowerCase() === sha2 && typeof attachment.contentType === 'string') return attachment.contentType;
    }
  }
  return null;
}

/** Ids that were already stored: fine when the same statement was stored by this organisation, else a 409. */
async function checkExisting(tx: Db, organisationId: string, ids: string[], statements: Json[], index: Map<string, number>, paths: string[]) {
  const stored = await tx
    .select({ id: xapiStatements.id, organisationId: xapiStatements.organisationId, statement: xapiStatements.statement })
    .from(xapiStatements)
    .where(inArray(xapiStatements.id, ids.map((id) => id.toLowerCase())));
  for (const row of stored) {
    const i = index.get(row.id)!;
    if (row.organisationId !== organisationId || !sameStatement(row.statement as Json, statements[i]!)) {
      throw new AppError('CONFLICT', `statement ${row.id} is already stored with other content`, { issues: [{ path: `${paths[i]}.id`, code: 'CONFLICT', message: 'an id already stored with other content' }] });
    }
  }
}

/**
 * Marks what new statements void, and new statements that an earlier voiding statement already named (voiding what is
 * not stored yet is allowed). A voiding statement never voids another voiding statement: such a target is left as it is.
 */
async function applyVoiding(tx: Db, organisationId: string, fresh: { id: string; voidsId: string | null }[]) {
  const targets = new Set(fresh.filter((s) => s.voidsId).map((s) => s.voidsId!.toLowerCase()));
  const plain = fresh.filter((s) => !s.voidsId).map((s) => s.id);
  if (plain.length) {
    const earlier = await tx
      .select({ voidsId: xapiStatements.voidsId })
      .from(xapiStatements)
      .where(and(eq(xapiStatements.organisationId, organisationId), eq(xapiStatements.objectAgentKey, PENDING_VOID_KEY), inArray(xapiStatements.voidsId, plain)));
    for (const row of earlier) if (row.voidsId) targets.add(row.voidsId);
  }
  if (!targets.size) return;
  await tx
    .update(xapiStatements)
    .set({ voided: true })
    .where(and(eq(xapiStatements.organisationId, organisationId), inArray(xapiStatements.id, [...targets]), sql`${xapiStatements.voidsId} is null`, eq(xapiStatements.voided, false)));
}
