import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { XapiVersion } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { xapiActivities, xapiAttachments, xapiStatements } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { agentKey } from './statement-keys.ts';
import { isRecord, isUuid, type Json } from './json.ts';
import { STATEMENT_REF_KEYS } from './statement-store.ts';
import type { LrsPrincipal, XapiAgent } from './types.ts';
import { isIri, validateAgentParameter } from './validate.ts';

/*
 * Reading statements: one by id, or a query whose pages follow `more` links. Filters run on the indexed columns; a
 * statement whose object is a StatementRef also matches when the statement it targets (or that one's target, and so
 * on) matches, as the specification's "Filter Conditions for StatementRefs" require.
 */

export type StatementFormat = 'exact' | 'ids' | 'canonical';

/** The most statements one page holds; `limit=0` asks for this many. */
export const MAX_PAGE = 100;

export interface SingleStatementQuery {
  kind: 'single';
  id: string;
  voided: boolean;
  format: StatementFormat;
  attachments: boolean;
}

export interface StatementFilters {
  agentKey?: string;
  relatedAgents: boolean;
  verb?: string;
  activity?: string;
  relatedActivities: boolean;
  registration?: string;
  since?: Date;
  until?: Date;
  ascending: boolean;
}

export interface StatementListQuery {
  kind: 'list';
  filters: StatementFilters;
  limit: number;
  format: StatementFormat;
  attachments: boolean;
  /** The query parameters the `more` links carry forward. */
  params: Record<string, string>;
  /** Where the previous page ended (from a `more` link). */
  after?: { stored: string; seq: number };
}

const bad = (path: string, message: string, code = 'INVALID') => new AppError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, code, message }] });

const singleParameters = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);
const listParameters = new Set(['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

function booleanParameter(query: Record<string, string>, name: string): boolean {
  const value = query[name];
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw bad(`query.${name}`, 'must be true or false');
}

function formatParameter(query: Record<string, string>): StatementFormat {
  const format = query.format ?? 'exact';
  if (format !== 'exact' && format !== 'ids' && format !== 'canonical') throw bad('query.format', 'must be ids, exact or canonical');
  return format;
}

function timestampParameter(query: Record<string, string>, name: string): Date | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!TIMESTAMP.test(value) || Number.isNaN(date.getTime())) throw bad(`query.${name}`, 'must be an ISO 8601 timestamp with a time zone');
  return date;
}

/** The `more` token: the query's parameters and the (stored, seq) the page ended at, as base64url JSON. */
function encodeMore(params: Record<string, string>, after: { stored: string; seq: number }): string {
  return Buffer.from(JSON.stringify({ p: params, s: after.stored, q: after.seq }), 'utf8').toString('base64url');
}

function decodeMore(token: string): { params: Record<string, string>; after: { stored: string; seq: number } } {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { p?: unknown; s?: unknown; q?: unknown };
    if (isRecord(decoded.p) && typeof decoded.s === 'string' && !Number.isNaN(Date.parse(decoded.s)) && Number.isSafeInteger(decoded.q)) {
      const params = Object.fromEntries(Object.entries(decoded.p).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return { params, after: { stored: decoded.s, seq: decoded.q as number } };
    }
  } catch {
    // falls through to the refusal below
  }
  throw bad('query.more', 'is not a link this store gave out');
}

/**
 * Reads a GET's parameters: one statement by id (with only format and attachments beside it), a `more` link, or a
 * query. Unknown parameters and malformed values are a 400 naming the parameter. A learner's query is held to
 * statements about themselves: their own agent is the filter, and asking for another agent is refused.
 */
export function parseStatementQuery(query: Record<string, string>, version: XapiVersion, principal: LrsPrincipal): SingleStatementQuery | StatementListQuery {
  if ('statementId' in query || 'voidedStatementId' in query) {
    if ('statementId' in query && 'voidedStatementId' in query) throw bad('query.voidedStatementId', 'statementId and voidedStatementId cannot be given together');
    for (const name of Object.keys(query)) if (!singleParameters.has(name)) throw bad(`query.${name}`, 'cannot be used with statementId or voidedStatementId', 'NOT_ALLOWED');
    const voided = 'voidedStatementId' in query;
    const id = voided ? query.voidedStatementId : query.statementId;
    if (!isUuid(id)) throw bad(`query.${voided ? 'voidedStatementId' : 'statementId'}`, 'must be a UUID');
    return { kind: 'single', id: id.toLowerCase(), voided, format: formatParameter(query), attachments: booleanParameter(query, 'attachments') };
  }

  let params = query;
  let after: StatementListQuery['after'];
  if ('more' in query) {
    if (Object.keys(query).length !== 1) throw bad('query.more', 'a more link takes no other parameter', 'NOT_ALLOWED');
    ({ params, after } = decodeMore(query.more!));
  }
  for (const name of Object.keys(params)) if (!listParameters.has(name)) throw bad(`query.${name}`, 'is not a parameter of the Statements resource', 'UNKNOWN_PARAMETER');

  const filters: StatementFilters = {
    relatedAgents: booleanParameter(params, 'related_agents'),
    relatedActivities: booleanParameter(params, 'related_activities'),
    ascending: booleanParameter(params, 'ascending'),
    since: timestampParameter(params, 'since'),
    until: timestampParameter(params, 'until'),
  };
  if (params.agent !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(params.agent);
    } catch {
      throw bad('query.agent', 'must be an Agent or Group as JSON');
    }
    if (!isRecord(agent)) throw bad('query.agent', 'must be an Agent or Group as JSON');
    validateAgentParameter(agent, version, 'query.agent');
    filters.agentKey = agentKey(agent as XapiAgent);
  }
  if (principal.learner) {
    const own = agentKey(principal.learner.agent);
    if (filters.agentKey !== undefined && filters.agentKey !== own) throw new AppError('FORBIDDEN', 'a learner may only read statements about themselves', { issues: [{ path: 'query.agent', code: 'NOT_YOURSELF', message: 'is not you' }] });
    filters.agentKey = own;
  }
  for (const name of ['verb', 'activity'] as const) {
    const value = params[name];
    if (value === undefined) continue;
    if (!isIri(value)) throw bad(`query.${name}`, 'must be an IRI');
    filters[name] = value;
  }
  if (params.registration !== undefined) {
    if (!isUuid(params.registration)) throw bad('query.registration', 'must be a UUID');
    filters.registration = params.registration.toLowerCase();
  }
  let limit = MAX_PAGE;
  if (params.limit !== undefined) {
    if (!/^\d{1,9}$/.test(params.limit)) throw bad('query.limit', 'must be a non-negative integer');
    const given = Number(params.limit);
    limit = given === 0 ? MAX_PAGE : Math.min(given, MAX_PAGE);
  }
  return { kind: 'list', filters, limit, format: formatParameter(params), attachments: booleanParameter(params, 'attachments'), params, after };
}

// --- Reading -----------------------------------------------------------------------------------------------------------

export interface StoredStatement {
  id: string;
  seq: number;
  stored: Date;
  statement: Json;
  /** The statement as the database gave it, JSON text: an exact-format page is sent without decoding it. */
  text?: string;
}

/**
 * One statement of the organisation by id: a voided statement only by voidedStatementId, any other only by
 * statementId. A learner sees it only when they are one of the agents it names.
 */
export async function findStatement(db: Db, principal: LrsPrincipal, query: SingleStatementQuery): Promise<StoredStatement | null> {
  const [row] = await db
    .select({ id: xapiStatements.id, seq: xapiStatements.seq, stored: xapiStatements.stored, statement: xapiStatements.statement, voided: xapiStatements.voided, relatedAgents: xapiStatements.relatedAgents })
    .from(xapiStatements)
    .where(and(eq(xapiStatements.id, query.id), eq(xapiStatements.organisationId, principal.organisationId)));
  if (!row || row.voided !== query.voided) return null;
  if (principal.learner && !row.relatedAgents.includes(agentKey(principal.learner.agent))) return null;
  return { id: row.id, seq: row.seq, stored: row.stored, statement: row.statement as Json };
}

/** The filter conditions other than time on the statements of one alias (`s` or a StatementRef's target `t`). */
function matchConditions(alias: string, f: StatementFilters): SQL[] {
  const a = sql.raw(alias);
  const conditions: SQL[] = [];
  if (f.agentKey !== undefined) {
    conditions.push(f.relatedAgents ? sql`${a}.related_agents @> array[${f.agentKey}]::text[]` : sql`(${a}.actor_key = ${f.agentKey} or ${a}.object_agent_key = ${f.agentKey})`);
  }
  if (f.verb !== undefined) conditions.push(sql`${a}.verb_id = ${f.verb}`);
  if (f.activity !== undefined) {
    conditions.push(f.relatedActivities ? sql`${a}.related_activities @> array[${f.activity}]::text[]` : sql`${a}.activity_id = ${f.activity}`);
  }
  if (f.registration !== undefined) conditions.push(sql`${a}.registration = ${f.registration}::uuid`);
  return conditions;
}

/** The conditions every returned statement meets itself: its organisation, not voided, the time window, past the cursor. */
function windowConditions(organisationId: string, f: StatementFilters, after: StatementListQuery['after']): SQL[] {
  const conditions: SQL[] = [sql`s.organisation_id = ${organisationId}`, sql`not s.voided`];
  if (f.since) conditions.push(sql`s.stored > ${f.since.toISOString()}::timestamptz`);
  if (f.until) conditions.push(sql`s.stored <= ${f.until.toISOString()}::timestamptz`);
  if (after) {
    conditions.push(f.ascending ? sql`(s.stored, s.seq) > (${after.stored}::timestamptz, ${after.seq}::bigint)` : sql`(s.stored, s.seq) < (${after.stored}::timestamptz, ${after.seq}::bigint)`);
  }
  return conditions;
}

const joinAnd = (conditions: SQL[]) => sql.join(conditions, sql` and `);
const COLUMNS = sql`s.id::text as id, s.seq::text as seq, (extract(epoch from s.stored) * 1000)::float8 as stored_ms, s.statement::text as statement`;

interface RawRow {
  id: string;
  seq: string;
  stored_ms: number;
  statement: Json | string;
}

async function rows(db: Db, query: SQL): Promise<StoredStatement[]> {
  const result = (await db.execute(query)) as unknown as { rows: RawRow[] };
  return result.rows.map((r) => {
    const text = typeof r.statement === 'string' ? r.statement : JSON.stringify(r.statement);
    let parsed: Json | undefined;
    // Decoded only when something reads it (another format, attachments, StatementRef matching).
    return {
      id: r.id,
      seq: Number(r.seq),
      stored: new Date(Number(r.stored_ms)),
      text,
      get statement() {
        return (parsed ??= JSON.parse(text) as Json);
      },
    };
  });
}

const compareRows = (ascending: boolean) => (x: StoredStatement, y: StoredStatement) => {
  const order = x.stored.getTime() - y.stored.getTime() || x.seq - y.seq;
  return ascending ? order : -order;
};

/** How many StatementRef statements are resolved at a time while looking for ones whose target matches. */
const REFERENCE_CHUNK = 5000;
/** How far a chain of StatementRefs is followed; a longer chain (or a loop) stops matching there. */
const REFERENCE_DEPTH = 10;

/** A list of UUIDs as one PostgreSQL array parameter (thousands of them cost one parameter, not thousands). */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
/** The alias's statement has a StatementRef as its object (see STATEMENT_REF_KEYS). */
const isReference = (alias: string) => sql`${sql.raw(alias)}.object_agent_key in (${sql.join(STATEMENT_REF_KEYS.map((key) => sql`${key}`), sql`, `)})`;

/**
 * Candidates whose chain continues past a StatementRef target: the target's target, and so on, matches the filters.
 * One query per further level of the chains, by primary key. A target in another organisation or not stored matches
 * nothing.
 */
async function deeperMatches(db: Db, organisationId: string, f: StatementFilters, pending: Map<string, string>): Promise<Set<string>> {
  const matched = new Set<string>();
  const match = joinAnd(matchConditions('t', f));
  for (let depth = 1; depth < REFERENCE_DEPTH && pending.size; depth++) {
    const result = (await db.execute(
      sql`select t.id::text as id, (${match}) as matches,
            case when ${isReference('t')} then coalesce(t.voids_id::text, t.statement->'object'->>'id') end as next
          from xapi_statements t
          where t.organisation_id = ${organisationId} and t.id = any(${uuidArray([...new Set(pending.values())])})`,
    )) as unknown as { rows: { id: string; matches: boolean; next: string | null }[] };
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    const next = new Map<string, string>();
    for (const [candidate, target] of pending) {
      const row = byId.get(target);
      if (row?.matches) matched.add(candidate);
      else if (row?.next && isUuid(row.next)) next.set(candidate, row.next.toLowerCase());
    }
    pending = next;
  }
  return matched;
}

/**
 * Statements the filters match through the StatementRef they target ("Filter Conditions for StatementRefs"): the
 * organisation's StatementRef statements in the window (by index), in page order, a chunk at a time until a page is
 * full. Each chunk is joined to the targets that match (a hash of the few statements the filters select, not a lookup
 * per target) and, apart, to targets that are StatementRefs themselves, whose chains are followed further; only the
 * statements that match are then read whole.
 */
async function matchesByReference(db: Db, organisationId: string, query: StatementListQuery, take: number): Promise<StoredStatement[]> {
  const f = query.filters;
  const direction = sql.raw(f.ascending ? 'asc' : 'desc');
  const match = joinAnd(matchConditions('t', f));
  const matchedIds = new Set<string>();
  let after = query.after;
  for (;;) {
    const window = joinAnd([...windowConditions(organisationId, f, after), isReference('s')]);
    const result = (await db.execute(
      sql`with c as materialized (
            select s.id, s.seq, s.stored, (extract(epoch from s.stored) * 1000)::float8 as stored_ms,
              coalesce(s.voids_id, (s.statement->'object'->>'id')::uuid) as target
            from xapi_statements s where ${window} order by s.stored ${direction}, s.seq ${direction} limit ${REFERENCE_CHUNK})
          select 'match' as kind, c.id::text as id, c.seq::text as seq, c.stored_ms, null as next
            from c join xapi_statements t on t.id = c.target and t.organisation_id = ${organisationId} where ${match}
          union all
          select 'deeper', c.id::text, c.seq::text, c.stored_ms, coalesce(t.voids_id::text, t.statement->'object'->>'id')
            from c join xapi_statements t on t.id = c.target and t.organisation_id = ${organisationId}
            where ${isReference('t')} and not coalesce((${match}), false)
          union all
          select 'last', l.id::text, l.seq::text, l.stored_ms, null
            from (select * from c order by c.stored ${direction}, c.seq ${direction} offset ${REFERENCE_CHUNK - 1} limit 1) l`,
    )) as unknown as { rows: { kind: 'match' | 'deeper' | 'last'; id: string; seq: string; stored_ms: number; next: string | null }[] };
    const deeper = new Map<string, string>();
    for (const row of result.rows) if (row.kind === 'deeper' && row.next && isUuid(row.next)) deeper.set(row.id, row.next.toLowerCase());
    const matched = new Set(result.rows.filter((row) => row.kind === 'match').map((row) => row.id));
    if (deeper.size) for (const id of await deeperMatches(db, organisationId, f, deeper)) matched.add(id);
    const inOrder = result.rows.filter((row) => row.kind !== 'last' && matched.has(row.id));
    inOrder.sort((x, y) => (Number(x.stored_ms) - Number(y.stored_ms) || Number(x.seq) - Number(y.seq)) * (f.ascending ? 1 : -1));
    for (const row of inOrder) matchedIds.add(row.id);
    const last = result.rows.find((row) => row.kind === 'last');
    if (matchedIds.size >= take || !last) break;
    after = { stored: new Date(Number(last.stored_ms)).toISOString(), seq: Number(last.seq) };
  }
  if (!matchedIds.size) return [];
  return rows(db, sql`select ${COLUMNS} from xapi_statements s where s.id = any(${uuidArray([...matchedIds].slice(0, take))})`);
}

/**
 * One page of a query, in stored order (newest first unless ascending, ties by arrival), and whether more follow.
 * Statements the filters match themselves are read along an index; statements that match through the StatementRef
 * they target are found among the organisation's StatementRef statements in the same window (also by index).
 */
export async function listStatements(db: Db, organisationId: string, query: StatementListQuery): Promise<{ statements: StoredStatement[]; more: boolean }> {
  const f = query.filters;
  const take = query.limit + 1;
  const direction = sql.raw(f.ascending ? 'asc' : 'desc');
  const order = sql`order by s.stored ${direction}, s.seq ${direction}`;
  const window = windowConditions(organisationId, f, query.after);
  const matches = matchConditions('s', f);

  let direct: SQL;
  if (f.agentKey !== undefined && !f.relatedAgents) {
    // Actor or object: two index-ordered branches merged, so a prolific agent's page never sorts all their statements.
    const others = matchConditions('s', { ...f, agentKey: undefined });
    const asActor = joinAnd([...window, sql`s.actor_key = ${f.agentKey}`, ...others]);
    const asObject = joinAnd([...window, sql`s.object_agent_key = ${f.agentKey}`, sql`s.actor_key <> ${f.agentKey}`, ...others]);
    direct = sql`select * from ((select ${COLUMNS} from xapi_statements s where ${asActor} ${order} limit ${take})
      union all (select ${COLUMNS} from xapi_statements s where ${asObject} ${order} limit ${take})) s
      order by (s.stored_ms) ${direction}, (s.seq::bigint) ${direction} limit ${take}`;
  } else {
    direct = sql`select ${COLUMNS} from xapi_statements s where ${joinAnd([...window, ...matches])} ${order} limit ${take}`;
  }
  const found = await rows(db, direct);

  if (matches.length) {
    const ids = new Set(found.map((r) => r.id));
    for (const row of await matchesByReference(db, organisationId, query, take)) if (!ids.has(row.id)) found.push(row);
    found.sort(compareRows(f.ascending));
  }
  const more = found.length > query.limit;
  return { statements: found.slice(0, query.limit), more };
}

/** The link to the page after this one: this store's /xapi/statements with an opaque `more` token. */
export function moreLink(publicUrl: string, query: StatementListQuery, last: StoredStatement): string {
  const base = new URL(publicUrl).pathname.replace(/\/+$/, '');
  return `${base}/xapi/statements?more=${encodeMore(query.params, { stored: last.stored.toISOString(), seq: last.seq })}`;
}

// --- Formats -----------------------------------------------------------------------------------------------------------

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function idsAgent(agent: unknown): unknown {
  if (!isRecord(agent)) return agent;
  const out: Json = {};
  if (agent.objectType !== undefined) out.objectType = agent.objectType;
  for (const ifi of IFIS) if (agent[ifi] !== undefined) out[ifi] = agent[ifi];
  const identified = IFIS.some((ifi) => agent[ifi] !== undefined);
  if (!identified && Array.isArray(agent.member)) out.member = agent.member.map(idsAgent);
  return out;
}

const idsActivity = (activity: unknown) => (isRecord(activity) ? { id: activity.id } : activity);

function idsContext(context: unknown): unknown {
  if (!isRecord(context)) return context;
  const out: Json = { ...context };
  if (context.instructor !== undefined) out.instructor = idsAgent(context.instructor);
  if (context.team !== undefined) out.team = idsAgent(context.team);
  if (isRecord(context.contextActivities)) {
    out.contextActivities = Object.fromEntries(Object.entries(context.contextActivities).map(([kind, value]) => [kind, Array.isArray(value) ? value.map(idsActivity) : idsActivity(value)]));
  }
  if (Array.isArray(context.contextAgents)) out.contextAgents = context.contextAgents.map((e) => (isRecord(e) ? { ...e, agent: idsAgent(e.agent) } : e));
  if (Array.isArray(context.contextGroups)) out.contextGroups = context.contextGroups.map((e) => (isRecord(e) ? { ...e, group: idsAgent(e.group) } : e));
  return out;
}

/** format=ids: agents and groups by their identifier (anonymous groups by their members'), activities and verbs by id. */
function idsStatement(statement: Json): Json {
  const out: Json = { ...statement, actor: idsAgent(statement.actor) };
  if (isRecord(statement.verb)) out.verb = { id: statement.verb.id };
  const object = statement.object;
  if (isRecord(object)) {
    const type = object.objectType ?? 'Activity';
    if (type === 'Activity') out.object = idsActivity(object);
    else if (type === 'Agent' || type === 'Group') out.object = idsAgent(object);
    else if (type === 'SubStatement') out.object = idsStatement(object);
  }
  if (statement.context !== undefined) out.context = idsContext(statement.context);
  if (statement.authority !== undefined) out.authority = idsAgent(statement.authority);
  return out;
}

/**
 * One language of a language map: the reader's first preferred language present (exactly, then by primary subtag),
 * else Chinese, else English, else whichever the map has first.
 */
export function oneLanguage(map: unknown, languages: string[]): unknown {
  if (!isRecord(map)) return map;
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const pick =
    languages.map((l) => keys.find((k) => k.toLowerCase() === l.toLowerCase())).find(Boolean) ??
    languages.map((l) => (l === '*' ? keys[0] : keys.find((k) => primary(k) === primary(l)))).find(Boolean) ??
    ['zh-CN', 'en-US'].map((l) => keys.find((k) => k.toLowerCase() === l.toLowerCase())).find(Boolean) ??
    keys[0]!;
  return { [pick]: map[pick] };
}

const INTERACTION_COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

function canonicalActivity(activity: unknown, definitions: Map<string, unknown>, languages: string[]): unknown {
  if (!isRecord(activity) || typeof activity.id !== 'string') return activity;
  const definition = definitions.get(activity.id) ?? activity.definition;
  if (!isRecord(definition)) return activity;
  const out: Json = { ...definition };
  if (definition.name !== undefined) out.name = oneLanguage(definition.name, languages);
  if (definition.description !== undefined) out.description = oneLanguage(definition.description, languages);
  for (const component of INTERACTION_COMPONENTS) {
    const list = definition[component];
    if (Array.isArray(list)) out[component] = list.map((c) => (isRecord(c) && c.description !== undefined ? { ...c, description: oneLanguage(c.description, languages) } : c));
  }
  return { ...activity, definition: out };
}

function canonicalContext(context: unknown, definitions: Map<string, unknown>, languages: string[]): unknown {
  if (!isRecord(context) || !isRecord(context.contextActivities)) return context;
  const activities = Object.fromEntries(
    Object.entries(context.contextActivities).map(([kind, value]) => [kind, Array.isArray(value) ? value.map((a) => canonicalActivity(a, definitions, languages)) : canonicalActivity(value, definitions, languages)]),
  );
  return { ...context, contextActivities: activities };
}

/** format=canonical: activities with the organisation's canonical definition, and every language map cut to one language. */
function canonicalStatement(statement: Json, definitions: Map<string, unknown>, languages: string[]): Json {
  const out: Json = { ...statement };
  if (isRecord(statement.verb) && statement.verb.display !== undefined) out.verb = { ...statement.verb, display: oneLanguage(statement.verb.display, languages) };
  const object = statement.object;
  if (isRecord(object)) {
    const type = object.objectType ?? 'Activity';
    if (type === 'Activity') out.object = canonicalActivity(object, definitions, languages);
    else if (type === 'SubStatement') out.object = canonicalStatement(object, definitions, languages);
  }
  if (statement.context !== undefined) out.context = canonicalContext(statement.context, definitions, languages);
  return out;
}

/** Ids of every activity a statement names, for looking up canonical definitions in one query. */
function activityIds(statement: Json, into: Set<string>): void {
  const object = statement.object;
  if (isRecord(object)) {
    const type = object.objectType ?? 'Activity';
    if (type === 'Activity' && typeof object.id === 'string') into.add(object.id);
    if (type === 'SubStatement') activityIds(object, into);
  }
  const context = isRecord(statement.context) ? statement.context : null;
  if (context && isRecord(context.contextActivities)) {
    for (const value of Object.values(context.contextActivities)) {
      for (const activity of Array.isArray(value) ? value : [value]) if (isRecord(activity) && typeof activity.id === 'string') into.add(activity.id);
    }
  }
}

/** The statements in the asked format (exact is what was stored). Canonical looks the definitions up in one query. */
export async function formatStatements(db: Db, organisationId: string, statements: Json[], format: StatementFormat, languages: string[]): Promise<Json[]> {
  if (format === 'exact') return statements;
  if (format === 'ids') return statements.map(idsStatement);
  const ids = new Set<string>();
  for (const statement of statements) activityIds(statement, ids);
  const definitions = new Map<string, unknown>();
  if (ids.size) {
    const found = await db
      .select({ activityId: xapiActivities.activityId, definition: xapiActivities.definition })
      .from(xapiActivities)
      .where(and(eq(xapiActivities.organisationId, organisationId), inArray(xapiActivities.activityId, [...ids])));
    for (const row of found) if (row.definition) definitions.set(row.activityId, row.definition);
  }
  return statements.map((s) => canonicalStatement(s, definitions, languages));
}

/** The stored bytes of the attachments these statements carry (those sent with them, not the fileUrl-only ones). */
export async function attachmentParts(db: Db, statements: Json[]): Promise<{ sha2: string; contentType: string; content: Buffer }[]> {
  const hashes = new Set<string>();
  const collect = (statement: Json) => {
    for (const attachment of Array.isArray(statement.attachments) ? statement.attachments : []) {
      if (isRecord(attachment) && typeof attachment.sha2 === 'string') hashes.add(attachment.sha2.toLowerCase());
    }
    if (isRecord(statement.object) && statement.object.objectType === 'SubStatement') collect(statement.object);
  };
  statements.forEach(collect);
  if (!hashes.size) return [];
  return db
    .select({ sha2: xapiAttachments.sha2, contentType: xapiAttachments.contentType, content: xapiAttachments.content })
    .from(xapiAttachments)
    .where(inArray(xapiAttachments.sha2, [...hashes]));
}
