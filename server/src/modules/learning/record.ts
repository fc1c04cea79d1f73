import { inArray } from 'drizzle-orm';
import { fulcrumVerbIri, learningActivityIri, xapiVerbs, type FulcrumVerbName, type LearningActivityKind, type XapiVerbName } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { personAgent } from '../xapi/learner.ts';
import { storeStatements } from '../xapi/statement-store.ts';
import type { LrsPrincipal } from '../xapi/types.ts';

/*
 * The learning platform writes every learning action as an xAPI statement into the store of [5/8], so that its own
 * pages and outside content feed the same record (progress, study time and knowledge-point scores are projected from
 * it). Call recordLearning with the root database AFTER the platform's own change has committed: the store opens its
 * own transaction and schedules the projector.
 */

/** One learning action of a person, in Fulcrum's terms. */
export interface LearningAction {
  personId: string;
  verb: XapiVerbName | FulcrumVerbName;
  activity: { kind: LearningActivityKind; id: string; name: string; /** an xAPI activity type IRI, optional */ type?: string };
  /** `result` as xAPI has it (score, success, completion, duration 'PT…S', response, extensions). */
  result?: Record<string, unknown>;
  /** Knowledge points the action is about: they go into `context.contextActivities.category`, where the projector counts answers. */
  knowledgePointIds?: string[];
  /** The course / project / exam the action belongs to (`context.contextActivities.parent`). */
  parent?: { kind: LearningActivityKind; id: string; name?: string };
  registration?: string;
  timestamp?: Date;
  /** Extra context extensions. */
  extensions?: Record<string, unknown>;
}

export interface RecordDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** False inside the demo loader, which runs the projector once at its end (its transaction outlives no timer). */
  scheduleProjection?: boolean;
}

const PLATFORM_ACCOUNT = 'fulcrum-platform';

const verbIri = (publicUrl: string, verb: LearningAction['verb']) =>
  verb in xapiVerbs ? xapiVerbs[verb as XapiVerbName] : fulcrumVerbIri(publicUrl, verb as FulcrumVerbName);

/** The xAPI statement of one action (without id, stored, authority: the store sets them). */
export function learningStatement(publicUrl: string, person: { id: string; name: string }, action: LearningAction): Record<string, unknown> {
  const definition: Record<string, unknown> = { name: { 'zh-CN': action.activity.name } };
  if (action.activity.type) definition.type = action.activity.type;
  const contextActivities: Record<string, unknown> = {};
  if (action.knowledgePointIds?.length) {
    contextActivities.category = action.knowledgePointIds.map((id) => ({ objectType: 'Activity', id: learningActivityIri(publicUrl, 'knowledge-point', id) }));
  }
  if (action.parent) {
    const parent: Record<string, unknown> = { objectType: 'Activity', id: learningActivityIri(publicUrl, action.parent.kind, action.parent.id) };
    if (action.parent.name) parent.definition = { name: { 'zh-CN': action.parent.name } };
    contextActivities.parent = [parent];
  }
  const context: Record<string, unknown> = { platform: 'Fulcrum', language: 'zh-CN' };
  if (Object.keys(contextActivities).length) context.contextActivities = contextActivities;
  if (action.registration) context.registration = action.registration;
  if (action.extensions) context.extensions = action.extensions;
  const verb = verbIri(publicUrl, action.verb);
  const statement: Record<string, unknown> = {
    actor: personAgent(publicUrl, person),
    verb: { id: verb, display: { 'zh-CN': action.verb, 'en-US': action.verb } },
    object: { objectType: 'Activity', id: learningActivityIri(publicUrl, action.activity.kind, action.activity.id), definition },
    context,
  };
  if (action.result) statement.result = action.result;
  if (action.timestamp) statement.timestamp = action.timestamp.toISOString();
  return statement;
}

/**
 * Stores the actions of people of one organisation as statements (one batch, all or nothing) and answers their ids.
 * The authority is the platform itself (an account at this server), so they are told apart from content's statements.
 */
export async function recordLearning(deps: RecordDeps, organisationId: string, actions: LearningAction[]): Promise<string[]> {
  if (!actions.length) return [];
  const ids = [...new Set(actions.map((a) => a.personId))];
  const found = await deps.db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
  const names = new Map(found.map((p) => [p.id, p.name]));
  const statements = actions.map((action) => {
    const name = names.get(action.personId);
    if (name === undefined) throw new Error(`recordLearning: no person ${action.personId}`);
    return learningStatement(deps.publicUrl, { id: action.personId, name }, action);
  });
  return storeAsPlatform(deps, organisationId, statements);
}

/** Stores statements the platform wrote (one batch, all or nothing), with the platform as authority. */
export function storeAsPlatform(deps: RecordDeps, organisationId: string, statements: Record<string, unknown>[]): Promise<string[]> {
  const principal: LrsPrincipal = {
    organisationId,
    canRead: true,
    canWrite: true,
    clientId: null,
    authority: { objectType: 'Agent', name: 'Fulcrum', account: { homePage: deps.publicUrl, name: PLATFORM_ACCOUNT } },
    learner: null,
  };
  return storeStatements({
    db: deps.db,
    principal,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    version: '2.0.0',
    statements,
    paths: statements.map((_, i) => `statements.${i}`),
    parts: new Map(),
    scheduleProjection: deps.scheduleProjection,
  });
}
