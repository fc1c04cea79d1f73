import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { ErrorIssue } from '@fulcrum/shared';
import { xapiActivities, xapiStatements } from '../../db/schema/index.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import {
  deleteDocument,
  deleteDocuments,
  listDocumentIds,
  readDocument,
  writeDocument,
  type DocumentKey,
  type DocumentKind,
  type DocumentScope,
  type MissingPrecondition,
  type StoredDocument,
} from './document-store.ts';
import { isUuid } from './json.ts';
import { agentKey } from './statement-keys.ts';
import type { XapiAgent, XapiHandler, XapiRequest, XapiResource, XapiResponse } from './types.ts';
import { isIri, validateAgentParameter } from './validate.ts';

type ParameterName = 'activityId' | 'agent' | 'registration' | 'stateId' | 'profileId' | 'since';

/** The query parameters of one request, checked: absent optional parts are '' (as they are in the table's key). */
interface Parameters {
  activityId: string;
  agent: { value: XapiAgent; key: string } | null;
  registration: string;
  /** The stateId or profileId. */
  documentId: string;
  since: Date | undefined;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
/** A person seen under many names still answers with a short list. */
const MAX_NAMES = 20;

/**
 * Reads and checks the query parameters a resource takes for this method: a parameter outside `required` and
 * `optional` is refused (the specification's "parameters the LRS does not recognise", which also catches a known
 * name in the wrong case), and every fault is named at once.
 */
function readParameters(request: XapiRequest, required: ParameterName[], optional: ParameterName[] = []): Parameters {
  const issues: ErrorIssue[] = [];
  const query = request.query;
  const allowed = new Set<string>([...required, ...optional]);
  for (const name of Object.keys(query)) {
    if (!allowed.has(name)) issues.push({ path: `query.${name}`, code: 'UNKNOWN', message: `${name} is not a parameter of this request` });
  }
  for (const name of required) {
    if (!query[name]) issues.push({ path: `query.${name}`, code: 'REQUIRED', message: `${name} is required` });
  }
  const given = (name: ParameterName) => (allowed.has(name) && query[name] ? query[name] : undefined);

  const activityId = given('activityId') ?? '';
  if (activityId && !isIri(activityId)) issues.push({ path: 'query.activityId', code: 'NOT_IRI', message: 'activityId must be an IRI with a scheme' });

  const registration = (given('registration') ?? '').toLowerCase();
  if (registration && !isUuid(registration)) issues.push({ path: 'query.registration', code: 'NOT_UUID', message: 'registration must be a UUID' });

  const sinceText = given('since');
  let since: Date | undefined;
  if (sinceText !== undefined) {
    since = parseTimestamp(sinceText);
    if (!since) issues.push({ path: 'query.since', code: 'NOT_TIMESTAMP', message: 'since must be an ISO 8601 timestamp' });
  }

  let agent: Parameters['agent'] = null;
  const agentText = given('agent');
  if (agentText !== undefined) {
    const parsed = readAgent(agentText, request, issues);
    if (parsed) agent = { value: parsed, key: agentKey(parsed) };
  }

  if (issues.length) throw invalid(issues);
  return { activityId, agent, registration, documentId: given('stateId') ?? given('profileId') ?? '', since };
}

/** The agent parameter is JSON text; its shape is checked by the same rules as a statement's actor. */
function readAgent(text: string, request: XapiRequest, issues: ErrorIssue[]): XapiAgent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    issues.push({ path: 'query.agent', code: 'NOT_JSON', message: 'agent must be an Agent object in JSON' });
    return null;
  }
  try {
    validateAgentParameter(value, request.version, 'query.agent');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details as { issues?: ErrorIssue[] } | undefined;
    issues.push(...(details?.issues ?? [{ path: 'query.agent', code: 'INVALID', message: error.message }]));
    return null;
  }
  return value as XapiAgent;
}

function parseTimestamp(text: string): Date | undefined {
  if (!TIMESTAMP.test(text)) return undefined;
  const hasZone = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text.slice(10));
  const time = Date.parse(hasZone ? text : `${text}Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** A learner reaches only documents about themselves; an LRS client reaches every agent of its organisation. */
function assertOwnAgent(request: XapiRequest, key: string): void {
  const learner = request.principal.learner;
  if (learner && agentKey(learner.agent) !== key) throw new AppError('FORBIDDEN', 'a learner may only use documents and records about themselves');
}

function documentResponse(document: StoredDocument): XapiResponse {
  return { status: 200, headers: { 'content-type': document.contentType, ...validators(document) }, body: document.content };
}

function validators(document: StoredDocument): Record<string, string> {
  return { etag: `"${document.etag}"`, 'last-modified': document.updatedAt.toUTCString() };
}

function idsResponse(result: { ids: string[]; lastModified: Date | null }): XapiResponse {
  return { status: 200, headers: result.lastModified ? { 'last-modified': result.lastModified.toUTCString() } : {}, body: result.ids };
}

function preconditionsOf(request: XapiRequest) {
  return { ifMatch: request.headers['if-match'] || undefined, ifNoneMatch: request.headers['if-none-match'] || undefined };
}

/** Stores the body under the key: PUT replaces, POST merges; the body's own Content-Type is kept with it. */
async function store(request: XapiRequest, key: DocumentKey, mode: 'replace' | 'merge', missingPrecondition: MissingPrecondition): Promise<XapiResponse> {
  const stored = await writeDocument(request.db, key, {
    content: request.body,
    contentType: request.headers['content-type']?.trim() || 'application/octet-stream',
    mode,
    preconditions: preconditionsOf(request),
    missingPrecondition: mode === 'merge' ? 'never' : missingPrecondition,
    now: request.clock.now(),
  });
  return { status: 204, headers: validators(stored) };
}

/**
 * One document resource: how its key is made from the parameters, which parameters single and multiple requests
 * take, and what a PUT without a precondition may do in each version.
 */
interface DocumentResourceShape {
  kind: DocumentKind;
  idName: 'stateId' | 'profileId';
  /** The parameters besides the document id that every request needs. */
  context: ParameterName[];
  /** Optional parameters of every request (State's registration). */
  contextOptional: ParameterName[];
  missingPrecondition: Record<XapiRequest['version'], MissingPrecondition>;
  /** Whether a DELETE without the id deletes every document of the context (State only). */
  deletesMany: boolean;
  /** Whether a learner may write (not the Activity Profile: it has no agent to be theirs). */
  learnerWrites: boolean;
}

function documentResource(shape: DocumentResourceShape): XapiResource {
  const keyOf = (request: XapiRequest, parameters: Parameters): DocumentKey => ({
    ...scopeOf(request, parameters),
    registration: parameters.registration,
    documentId: parameters.documentId,
  });
  const scopeOf = (request: XapiRequest, parameters: Parameters): DocumentScope => ({
    organisationId: request.principal.organisationId,
    kind: shape.kind,
    activityId: parameters.activityId,
    agentKey: parameters.agent?.key ?? '',
    registration: parameters.registration || undefined,
  });
  const guard = (request: XapiRequest, parameters: Parameters, writing: boolean) => {
    if (writing && request.principal.learner && !shape.learnerWrites) throw new AppError('FORBIDDEN', 'a learner may read activity profiles but not change them');
    if (parameters.agent) assertOwnAgent(request, parameters.agent.key);
  };
  const single = [...shape.context, shape.idName];

  const write =
    (mode: 'replace' | 'merge'): XapiHandler =>
    async (request) => {
      const parameters = readParameters(request, single, shape.contextOptional);
      guard(request, parameters, true);
      return store(request, keyOf(request, parameters), mode, shape.missingPrecondition[request.version]);
    };

  return {
    GET: async (request) => {
      if (request.query[shape.idName] !== undefined) {
        // 1.0.3 lets `since` ride along with a single-document GET (and ignores it); 2.0 forbids it there.
        const parameters = readParameters(request, single, [...shape.contextOptional, ...(request.version === '1.0.3' ? (['since'] as const) : [])]);
        guard(request, parameters, false);
        const document = await readDocument(request.db, keyOf(request, parameters));
        if (!document) throw new AppError('NOT_FOUND', `no document ${parameters.documentId} is stored here`);
        return documentResponse(document);
      }
      const parameters = readParameters(request, shape.context, [...shape.contextOptional, 'since']);
      guard(request, parameters, false);
      return idsResponse(await listDocumentIds(request.db, scopeOf(request, parameters), parameters.since));
    },
    PUT: write('replace'),
    POST: write('merge'),
    DELETE: async (request) => {
      const many = shape.deletesMany && request.query[shape.idName] === undefined;
      const parameters = readParameters(request, many ? shape.context : single, shape.contextOptional);
      guard(request, parameters, true);
      if (many) await deleteDocuments(request.db, scopeOf(request, parameters));
      else await deleteDocument(request.db, keyOf(request, parameters), preconditionsOf(request));
      return { status: 204 };
    },
  };
}

/** The State resource (per activity, agent and registration). */
export const stateResource: XapiResource = documentResource({
  kind: 'state',
  idName: 'stateId',
  context: ['activityId', 'agent'],
  contextOptional: ['registration'],
  // 1.0.3 exempts State from concurrency headers; 2.0 puts it under the same rule as the profiles.
  missingPrecondition: { '1.0.3': 'never', '2.0.0': 'existing' },
  deletesMany: true,
  learnerWrites: true,
});

/** The Activity Profile resource. */
export const activityProfileResource: XapiResource = documentResource({
  kind: 'activity_profile',
  idName: 'profileId',
  context: ['activityId'],
  contextOptional: [],
  // 1.0.3's clients MUST send If-Match or If-None-Match with a profile PUT (its conformance suite expects a 400
  // without); 2.0 asks the store only to refuse replacing an existing document without one (409).
  missingPrecondition: { '1.0.3': 'always', '2.0.0': 'existing' },
  deletesMany: false,
  learnerWrites: false,
});

/** The Agent Profile resource. */
export const agentProfileResource: XapiResource = documentResource({
  kind: 'agent_profile',
  idName: 'profileId',
  context: ['agent'],
  contextOptional: [],
  missingPrecondition: { '1.0.3': 'always', '2.0.0': 'existing' },
  deletesMany: false,
  learnerWrites: true,
});

/** The Activities resource: an activity's canonical definition. */
export const activitiesResource: XapiResource = {
  GET: async (request) => {
    const { activityId } = readParameters(request, ['activityId']);
    const [row] = await request.db
      .select({ definition: xapiActivities.definition })
      .from(xapiActivities)
      .where(and(eq(xapiActivities.organisationId, request.principal.organisationId), eq(xapiActivities.activityId, activityId)));
    // An activity never seen still answers with an Activity object (2.0 makes this a MUST).
    const definition = row?.definition;
    return { status: 200, body: { objectType: 'Activity', id: activityId, ...(definition ? { definition } : {}) } };
  },
};

/** The Agents resource: the Person object of an agent. */
export const agentsResource: XapiResource = {
  GET: async (request) => {
    const { agent } = readParameters(request, ['agent']);
    const { value, key } = agent!;
    if (value.objectType === 'Group') {
      throw invalid([{ path: 'query.agent', code: 'NOT_AGENT', message: 'the Agents resource takes an Agent, not a Group' }]);
    }
    assertOwnAgent(request, key);
    const rows = await request.db
      .selectDistinct({ name: sql<string>`${xapiStatements.statement}->'actor'->>'name'` })
      .from(xapiStatements)
      .where(
        and(
          eq(xapiStatements.organisationId, request.principal.organisationId),
          eq(xapiStatements.actorKey, key),
          isNotNull(sql`${xapiStatements.statement}->'actor'->>'name'`),
        ),
      )
      .limit(MAX_NAMES);
    const names = new Set(rows.map((row) => row.name));
    if (typeof value.name === 'string') names.add(value.name);
    return { status: 200, body: personOf(value, [...names].sort()) };
  },
};

/**
 * The Person object: every property an array. The store keeps no directory of people beyond what statements say, so
 * the identifiers are the one the agent was asked by and the names are those its statements carried.
 */
function personOf(agent: XapiAgent, names: string[]): Record<string, unknown> {
  const person: Record<string, unknown> = { objectType: 'Person' };
  if (names.length) person.name = names;
  for (const ifi of ['mbox', 'mbox_sha1sum', 'openid'] as const) {
    if (typeof agent[ifi] === 'string') person[ifi] = [agent[ifi]];
  }
  const account = agent.account as { homePage?: unknown; name?: unknown } | undefined;
  if (account && typeof account === 'object') person.account = [{ homePage: account.homePage, name: account.name }];
  return person;
}
