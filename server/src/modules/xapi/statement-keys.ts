import { AppError } from '../../lib/errors.ts';
import { isRecord, type Json } from './json.ts';

const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
const CONTEXT_ACTIVITY_KINDS = ['parent', 'grouping', 'category', 'other'] as const;


/**
 * The inverse functional identifier of an agent or identified group as one text, for indexing and comparison: the
 * same person sent by two tools with the same mbox (or account …) gets the same key whatever else the JSON says.
 * An anonymous group is known by its members: `group:` and their keys, sorted, joined by commas.
 */
export function agentKey(agent: Record<string, unknown>): string {
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox}`;
  if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  const account = agent.account;
  if (isRecord(account) && typeof account.homePage === 'string' && typeof account.name === 'string') {
    return `account:${account.homePage}|${account.name}`;
  }
  if (agent.objectType === 'Group' && Array.isArray(agent.member)) {
    return `group:${agent.member
      .filter(isRecord)
      .map((member) => agentKey(member))
      .sort()
      .join(',')}`;
  }
  throw new AppError('INTERNAL', 'an agent without an identifier reached the statement index (validation missed it)');
}

/** An Agent or Group and, for a group, each of its members. */
function addAgent(keys: Set<string>, agent: unknown): void {
  if (!isRecord(agent)) return;
  keys.add(agentKey(agent));
  if (agent.objectType === 'Group' && Array.isArray(agent.member)) {
    for (const member of agent.member) if (isRecord(member)) keys.add(agentKey(member));
  }
}

function addActivity(ids: Set<string>, activity: unknown): void {
  if (isRecord(activity) && typeof activity.id === 'string') ids.add(activity.id);
}

/** The agents and activities a statement (or the SubStatement inside it) is about, besides its object. */
function collectRelated(statement: Json, agents: Set<string>, activities: Set<string>): void {
  addAgent(agents, statement.actor);
  const object = statement.object;
  if (isRecord(object)) {
    if (object.objectType === 'Agent' || object.objectType === 'Group') addAgent(agents, object);
    else if (object.objectType === undefined || object.objectType === 'Activity') addActivity(activities, object);
  }
  addAgent(agents, statement.authority);
  const context = statement.context;
  if (!isRecord(context)) return;
  addAgent(agents, context.instructor);
  addAgent(agents, context.team);
  if (Array.isArray(context.contextAgents)) for (const item of context.contextAgents) if (isRecord(item)) addAgent(agents, item.agent);
  if (Array.isArray(context.contextGroups)) for (const item of context.contextGroups) if (isRecord(item)) addAgent(agents, item.group);
  const contextActivities = context.contextActivities;
  if (!isRecord(contextActivities)) return;
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const value = contextActivities[kind];
    if (Array.isArray(value)) for (const activity of value) addActivity(activities, activity);
    else addActivity(activities, value);
  }
}

/**
 * What the store indexes of a valid statement: the columns the statement queries filter on (agent, verb, activity,
 * registration, the `related_agents` / `related_activities` widenings) and the voiding link. Context agents and
 * groups (xAPI 2.0) count among the related agents, as 2.0's `related_agents` asks.
 */
export function statementKeys(statement: Record<string, unknown>): {
  actorKey: string;
  objectAgentKey: string | null;
  activityId: string | null;
  verbId: string;
  registration: string | null;
  voidsId: string | null;
  relatedAgents: string[];
  relatedActivities: string[];
} {
  const actor = statement.actor as Json;
  const verb = statement.verb as Json;
  const object = statement.object as Json;
  const context = isRecord(statement.context) ? statement.context : null;
  const verbId = verb.id as string;
  const objectType = object.objectType ?? 'Activity';

  const agents = new Set<string>();
  const activities = new Set<string>();
  collectRelated(statement, agents, activities);
  if (objectType === 'SubStatement') collectRelated(object, agents, activities);

  return {
    actorKey: agentKey(actor),
    objectAgentKey: objectType === 'Agent' || objectType === 'Group' ? agentKey(object) : null,
    activityId: objectType === 'Activity' ? (object.id as string) : null,
    verbId,
    registration: typeof context?.registration === 'string' ? context.registration : null,
    voidsId: verbId === VOIDED_VERB && objectType === 'StatementRef' ? (object.id as string) : null,
    relatedAgents: [...agents],
    relatedActivities: [...activities],
  };
}
