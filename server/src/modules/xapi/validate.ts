import { parse as parseLanguageTag } from 'bcp-47';
import type { ErrorIssue, XapiVersion } from '@fulcrum/shared';
import { invalid } from '../../lib/errors.ts';
import { isRecord, isUuid, type Json } from './json.ts';

/**
 * The xAPI statement rules of both versions the store speaks (1.0.3 and 2.0.0), as the specification and the ADL
 * conformance test suite state them, checked by hand over the parsed JSON: the store takes thousands of statements a
 * second, so nothing here compiles a schema or builds a pattern per call.
 *
 * Issue codes (stable, the console and clients switch on them):
 * REQUIRED, UNKNOWN_PROPERTY, NOT_ALLOWED, NULL_VALUE, WRONG_TYPE, BAD_VALUE, EMPTY, NOT_IRI, NOT_UUID, BAD_MBOX,
 * BAD_SHA1SUM, BAD_SHA2, BAD_MEDIA_TYPE, BAD_LANGUAGE_TAG, BAD_TIMESTAMP, BAD_DURATION, BAD_VERSION, OUT_OF_RANGE,
 * ONE_IFI, DUPLICATE_ID, VOID_TARGET, AUTHORITY_GROUP.
 */

/** A statement names at most this many problems; a client fixing a broken generator needs the first ones. */
const MAX_ISSUES = 20;

const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** RFC 3987 in practice: a scheme, a colon, then no white space, controls or the characters an IRI never holds. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}<>"{}|\\^`]+$/u;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/;
const SHA1 = /^[0-9a-fA-F]{40}$/;
const SHA2 = /^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/;
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?$/s;
/** ISO 8601 extended (RFC 3339 allows a space for the T) and basic date-times, seconds required, zone required. */
const TIMESTAMP_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const TIMESTAMP_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}(?:\d{2})?)$/;
/** ISO 8601:2004 4.4.3.2 durations (PnYnMnDTnHnMnS or PnW), a fraction allowed on each component. */
const DURATION =
  /^P(?:\d+(?:[.,]\d+)?W|(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?)$/;
const VERSION_1 = /^1\.0(?:\.\d+)?$/;
const VERSION_2 = /^(?:1|2)\.0(?:\.\d+)?$/;
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const SUBSTATEMENT_KEYS = new Set(['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
/** Statement properties a SubStatement may not carry (the store or the outer statement owns them). */
const SUBSTATEMENT_FORBIDDEN = new Set(['id', 'stored', 'version', 'authority']);
const AGENT_KEYS = new Set(['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
const GROUP_KEYS = new Set(['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account', 'member']);
const ACCOUNT_KEYS = new Set(['homePage', 'name']);
const VERB_KEYS = new Set(['id', 'display']);
const ACTIVITY_KEYS = new Set(['objectType', 'id', 'definition']);
const DEFINITION_KEYS = new Set([
  'name',
  'description',
  'type',
  'moreInfo',
  'interactionType',
  'correctResponsesPattern',
  'choices',
  'scale',
  'source',
  'target',
  'steps',
  'extensions',
]);
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const COMPONENT_KEYS = new Set(['id', 'description']);
const INTERACTION_TYPES = new Set(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']);
const STATEMENT_REF_KEYS = new Set(['objectType', 'id']);
const RESULT_KEYS = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const SCORE_KEYS = new Set(['scaled', 'raw', 'min', 'max']);
const CONTEXT_KEYS_1 = new Set(['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions']);
const CONTEXT_KEYS_2 = new Set([...CONTEXT_KEYS_1, 'contextAgents', 'contextGroups']);
const CONTEXT_ACTIVITY_KEYS = new Set(['parent', 'grouping', 'category', 'other']);
const CONTEXT_AGENT_KEYS = new Set(['objectType', 'agent', 'relevantTypes']);
const CONTEXT_GROUP_KEYS = new Set(['objectType', 'group', 'relevantTypes']);
/** Context properties that describe an Activity, so need one as the object. */
const ACTIVITY_ONLY_CONTEXT = ['revision', 'platform'] as const;
const ATTACHMENT_REQUIRED = ['usageType', 'display', 'contentType', 'length', 'sha2'] as const;
const ATTACHMENT_KEYS = new Set(['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);

/** Where an Agent or Group stands decides what it may be. */
type ActorRole = 'actor' | 'object' | 'authority' | 'instructor' | 'team' | 'member' | 'contextAgent' | 'contextGroup' | 'parameter';
type ObjectKind = 'Activity' | 'Agent' | 'Group' | 'StatementRef' | 'SubStatement' | null;

/** One validation run: the version's rules and the problems found so far. */
class Check {
  readonly issues: ErrorIssue[] = [];
  constructor(readonly version: XapiVersion) {}

  add(path: string, code: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, code, message });
  }
}

function isEmpty(object: Json): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return false;
  return true;
}

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);
/** A key that is not a plain name (a language tag, an IRI) is quoted so the path stays readable. */
const childPath = (path: string, key: string) => (SIMPLE_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** Refuses keys the object may not have and null values (the specification allows null only inside extensions). */
function checkKeys(c: Check, object: Json, allowed: ReadonlySet<string>, path: string, what: string): void {
  for (const key in object) {
    if (!allowed.has(key)) c.add(childPath(path, key), 'UNKNOWN_PROPERTY', `${key} is not a property of ${what} (names are case-sensitive)`);
    else if (object[key] === null) c.add(childPath(path, key), 'NULL_VALUE', `${key} may not be null`);
  }
}

/** Present and not null: null was already named by checkKeys. */
const given = (value: unknown) => value !== undefined && value !== null;

function requireObject(c: Check, value: unknown, path: string, what: string): value is Json {
  if (isRecord(value)) return true;
  c.add(path, 'WRONG_TYPE', `${what} must be an object, not ${typeName(value)}`);
  return false;
}

function checkString(c: Check, value: unknown, path: string, what: string): value is string {
  if (typeof value === 'string') return true;
  c.add(path, 'WRONG_TYPE', `${what} must be a string, not ${typeName(value)}`);
  return false;
}

function checkIri(c: Check, value: unknown, path: string, what: string): void {
  if (checkString(c, value, path, what) && !IRI.test(value)) c.add(path, 'NOT_IRI', `${what} must be an absolute IRI (with a scheme)`);
}

function checkUuid(c: Check, value: unknown, path: string, what: string): void {
  if (checkString(c, value, path, what) && !isUuid(value)) c.add(path, 'NOT_UUID', `${what} must be a UUID`);
}

/** True if the text is an absolute IRI by the rules the store applies. */
export function isIri(value: string): boolean {
  return IRI.test(value);
}

// Language tags repeat endlessly (en-US, zh-CN): remember each verdict, within a bound.
const languageTagVerdicts = new Map<string, boolean>();
const LANGUAGE_TAG_MEMORY = 2000;

function isLanguageTag(tag: string): boolean {
  const known = languageTagVerdicts.get(tag);
  if (known !== undefined) return known;
  const verdict = judgeLanguageTag(tag);
  if (languageTagVerdicts.size >= LANGUAGE_TAG_MEMORY) languageTagVerdicts.clear();
  languageTagVerdicts.set(tag, verdict);
  return verdict;
}

/** RFC 5646 well-formedness: the bcp-47 grammar plus its two uniqueness rules (singletons, variants). */
function judgeLanguageTag(tag: string): boolean {
  const schema = parseLanguageTag(tag, { normalize: false });
  if (schema.language === null && schema.privateuse.length === 0 && schema.irregular === null && schema.regular === null) return false;
  const singletons = new Set<string>();
  for (const extension of schema.extensions) {
    const singleton = extension.singleton.toLowerCase();
    if (singletons.has(singleton)) return false;
    singletons.add(singleton);
  }
  const variants = new Set<string>();
  for (const variant of schema.variants) {
    const lower = variant.toLowerCase();
    if (variants.has(lower)) return false;
    variants.add(lower);
  }
  return true;
}

function checkLanguageTag(c: Check, value: unknown, path: string, what: string): void {
  if (checkString(c, value, path, what) && !isLanguageTag(value)) c.add(path, 'BAD_LANGUAGE_TAG', `${what} must be an RFC 5646 language tag`);
}

function checkLanguageMap(c: Check, value: unknown, path: string, what: string): void {
  if (!requireObject(c, value, path, `${what} (a language map)`)) return;
  let entries = 0;
  for (const tag in value) {
    entries++;
    const text = value[tag];
    if (!isLanguageTag(tag)) c.add(childPath(path, tag), 'BAD_LANGUAGE_TAG', `${JSON.stringify(tag)} is not an RFC 5646 language tag`);
    if (typeof text !== 'string') {
      if (text === null) c.add(childPath(path, tag), 'NULL_VALUE', 'a language map value may not be null');
      else c.add(childPath(path, tag), 'WRONG_TYPE', `a language map value must be a string, not ${typeName(text)}`);
    }
  }
  if (entries === 0) c.add(path, 'EMPTY', `${what} must have at least one language`);
}

function checkExtensions(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'extensions')) return;
  for (const key in value) {
    if (!IRI.test(key)) c.add(childPath(path, key), 'NOT_IRI', 'an extension key must be an absolute IRI');
  }
}

function checkTimestamp(c: Check, value: unknown, path: string, what: string): void {
  if (!checkString(c, value, path, what)) return;
  if (!isTimestamp(value)) c.add(path, 'BAD_TIMESTAMP', `${what} must be an ISO 8601 date-time with seconds and a time zone offset (not -00:00)`);
}

const ZERO_OFFSET = /^0+$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isTimestamp(text: string): boolean {
  const match = TIMESTAMP_EXTENDED.exec(text) ?? TIMESTAMP_BASIC.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, zone] = match as unknown as string[];
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return false;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return false;
  if (zone === 'Z' || zone === 'z') return true;
  // RFC 3339's "-00:00" means "offset unknown": a statement's moment must be known.
  const digits = zone!.slice(1).replace(':', '');
  if (zone![0] === '-' && ZERO_OFFSET.test(digits)) return false;
  return Number(digits.slice(0, 2)) <= 23 && (digits.length < 4 || Number(digits.slice(2)) <= 59);
}

function checkNumber(c: Check, value: unknown, path: string, what: string): value is number {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  c.add(path, 'WRONG_TYPE', `${what} must be a number, not ${typeName(value)}`);
  return false;
}

function checkBoolean(c: Check, value: unknown, path: string, what: string): void {
  if (typeof value !== 'boolean') c.add(path, 'WRONG_TYPE', `${what} must be true or false, not ${typeName(value)}`);
}

// ---------------------------------------------------------------- agents and groups

/** Checks an Agent or Group; returns which one it is (null when it is not an object at all). */
function checkActor(c: Check, value: unknown, path: string, role: ActorRole): 'Agent' | 'Group' | null {
  if (!requireObject(c, value, path, 'an Agent or Group')) return null;
  const objectType = value.objectType;
  let isGroup = false;
  if (given(objectType)) {
    if (objectType === 'Group') isGroup = true;
    else if (objectType !== 'Agent') {
      c.add(`${path}.objectType`, typeof objectType === 'string' ? 'BAD_VALUE' : 'WRONG_TYPE', 'objectType must be "Agent" or "Group" (case-sensitive)');
      return null;
    }
  }

  if (isGroup) checkKeys(c, value, GROUP_KEYS, path, 'a Group');
  else {
    for (const key in value) {
      if (key === 'member') c.add(`${path}.member`, 'NOT_ALLOWED', 'only a Group has members (set objectType "Group")');
      else if (!AGENT_KEYS.has(key)) c.add(childPath(path, key), 'UNKNOWN_PROPERTY', `${key} is not a property of an Agent (names are case-sensitive)`);
      else if (value[key] === null) c.add(childPath(path, key), 'NULL_VALUE', `${key} may not be null`);
    }
  }

  if (given(value.name)) checkString(c, value.name, `${path}.name`, 'name');
  const identifiers = checkIdentifiers(c, value, path);

  if (!isGroup) {
    if (identifiers !== 1) c.add(path, 'ONE_IFI', 'an Agent has exactly one of mbox, mbox_sha1sum, openid, account');
  } else {
    if (identifiers > 1) c.add(path, 'ONE_IFI', 'a Group has at most one of mbox, mbox_sha1sum, openid, account');
    const members = value.member;
    if (given(members)) {
      if (!Array.isArray(members)) c.add(`${path}.member`, 'WRONG_TYPE', `member must be an array of Agents, not ${typeName(members)}`);
      else for (let i = 0; i < members.length; i++) checkActor(c, members[i], `${path}.member.${i}`, 'member');
    }
    const memberCount = Array.isArray(members) ? members.length : 0;
    if (identifiers === 0 && members === undefined) c.add(`${path}.member`, 'REQUIRED', 'an anonymous Group (no identifier) must list its members');
    else if (identifiers === 0 && Array.isArray(members) && memberCount === 0) c.add(`${path}.member`, 'EMPTY', 'an anonymous Group must have at least one member');
  }

  checkRole(c, value, path, role, isGroup, identifiers);
  return isGroup ? 'Group' : 'Agent';
}

/** The rules of a position: members are Agents, a team is a Group, an authority group is OAuth's two agents … */
function checkRole(c: Check, value: Json, path: string, role: ActorRole, isGroup: boolean, identifiers: number): void {
  switch (role) {
    case 'member':
      if (isGroup) c.add(`${path}.objectType`, 'NOT_ALLOWED', 'a Group member must be an Agent (groups do not nest)');
      break;
    case 'team':
    case 'contextGroup':
      if (!isGroup) c.add(`${path}.objectType`, value.objectType === undefined ? 'REQUIRED' : 'BAD_VALUE', `a ${role === 'team' ? 'team' : 'context group'} must be a Group (objectType "Group")`);
      break;
    case 'contextAgent':
      if (isGroup) c.add(`${path}.objectType`, 'BAD_VALUE', 'a context agent must be an Agent');
      break;
    case 'authority':
      if (isGroup) {
        if (identifiers > 0) c.add(path, 'AUTHORITY_GROUP', 'an authority Group must be anonymous: the OAuth consumer and the user');
        if (Array.isArray(value.member) && value.member.length !== 2) c.add(`${path}.member`, 'AUTHORITY_GROUP', 'an authority Group has exactly two members');
      }
      break;
    case 'parameter':
      if (isGroup && identifiers !== 1) c.add(path, 'ONE_IFI', 'the agent must be an Agent or an identified Group');
      break;
    default:
      break;
  }
}

/** Checks each inverse functional identifier given and counts them. */
function checkIdentifiers(c: Check, agent: Json, path: string): number {
  let count = 0;
  const { mbox, mbox_sha1sum: sha1, openid, account } = agent;
  if (given(mbox)) {
    count++;
    if (checkString(c, mbox, `${path}.mbox`, 'mbox') && !MBOX.test(mbox)) c.add(`${path}.mbox`, 'BAD_MBOX', 'mbox must be a mailto: IRI of an email address');
  }
  if (given(sha1)) {
    count++;
    if (checkString(c, sha1, `${path}.mbox_sha1sum`, 'mbox_sha1sum') && !SHA1.test(sha1)) {
      c.add(`${path}.mbox_sha1sum`, 'BAD_SHA1SUM', 'mbox_sha1sum must be 40 hexadecimal digits');
    }
  }
  if (given(openid)) {
    count++;
    checkIri(c, openid, `${path}.openid`, 'openid');
  }
  if (given(account)) {
    count++;
    const at = `${path}.account`;
    if (requireObject(c, account, at, 'account')) {
      checkKeys(c, account, ACCOUNT_KEYS, at, 'an account');
      if (account.homePage === undefined) c.add(`${at}.homePage`, 'REQUIRED', 'account.homePage is required');
      else if (account.homePage !== null) checkIri(c, account.homePage, `${at}.homePage`, 'account.homePage');
      if (account.name === undefined) c.add(`${at}.name`, 'REQUIRED', 'account.name is required');
      else if (account.name !== null) checkString(c, account.name, `${at}.name`, 'account.name');
    }
  }
  return count;
}

// ---------------------------------------------------------------- verb, object, activity

function checkVerb(c: Check, value: unknown, path: string): string | null {
  if (!requireObject(c, value, path, 'verb')) return null;
  checkKeys(c, value, VERB_KEYS, path, 'a verb');
  if (value.id === undefined) c.add(`${path}.id`, 'REQUIRED', 'verb.id is required');
  else if (value.id !== null) checkIri(c, value.id, `${path}.id`, 'verb.id');
  if (given(value.display)) checkLanguageMap(c, value.display, `${path}.display`, 'verb.display');
  return typeof value.id === 'string' ? value.id : null;
}

function checkObject(c: Check, value: unknown, path: string, inSubStatement: boolean): ObjectKind {
  if (!requireObject(c, value, path, 'object')) return null;
  const objectType = value.objectType;
  if (objectType === undefined || objectType === 'Activity') {
    checkActivity(c, value, path);
    return 'Activity';
  }
  switch (objectType) {
    case 'Agent':
    case 'Group':
      return checkActor(c, value, path, 'object');
    case 'StatementRef':
      checkStatementRef(c, value, path);
      return 'StatementRef';
    case 'SubStatement':
      if (inSubStatement) {
        c.add(`${path}.objectType`, 'NOT_ALLOWED', 'a SubStatement cannot contain another SubStatement');
        return null;
      }
      checkStatementBody(c, value, path, true);
      return 'SubStatement';
    default:
      if (objectType === null) {
        c.add(`${path}.objectType`, 'NULL_VALUE', 'objectType may not be null');
        return null;
      }
      c.add(
        `${path}.objectType`,
        typeof objectType === 'string' ? 'BAD_VALUE' : 'WRONG_TYPE',
        'objectType must be one of "Activity", "Agent", "Group", "StatementRef", "SubStatement" (case-sensitive)',
      );
      return null;
  }
}

function checkActivity(c: Check, value: Json, path: string): void {
  checkKeys(c, value, ACTIVITY_KEYS, path, 'an Activity');
  if (value.id === undefined) c.add(`${path}.id`, 'REQUIRED', 'an Activity needs an id');
  else if (value.id !== null) checkIri(c, value.id, `${path}.id`, 'the Activity id');
  if (given(value.definition)) checkDefinition(c, value.definition, `${path}.definition`);
}

function checkDefinition(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'definition')) return;
  checkKeys(c, value, DEFINITION_KEYS, path, 'an Activity definition');
  if (isEmpty(value)) c.add(path, 'EMPTY', 'an Activity definition must say something (leave it out instead)');
  if (given(value.name)) checkLanguageMap(c, value.name, `${path}.name`, 'definition.name');
  if (given(value.description)) checkLanguageMap(c, value.description, `${path}.description`, 'definition.description');
  if (given(value.type)) checkIri(c, value.type, `${path}.type`, 'definition.type');
  if (given(value.moreInfo)) checkIri(c, value.moreInfo, `${path}.moreInfo`, 'definition.moreInfo (an IRL)');
  if (given(value.extensions)) checkExtensions(c, value.extensions, `${path}.extensions`);

  const interactionType = value.interactionType;
  if (given(interactionType) && checkString(c, interactionType, `${path}.interactionType`, 'interactionType') && !INTERACTION_TYPES.has(interactionType)) {
    c.add(`${path}.interactionType`, 'BAD_VALUE', `interactionType must be one of ${[...INTERACTION_TYPES].join(', ')} (case-sensitive)`);
  }
  let interactionParts = false;
  const pattern = value.correctResponsesPattern;
  if (given(pattern)) {
    interactionParts = true;
    if (!Array.isArray(pattern)) c.add(`${path}.correctResponsesPattern`, 'WRONG_TYPE', 'correctResponsesPattern must be an array of strings');
    else for (let i = 0; i < pattern.length; i++) checkString(c, pattern[i], `${path}.correctResponsesPattern.${i}`, 'a response pattern');
  }
  for (const list of COMPONENT_LISTS) {
    if (!given(value[list])) continue;
    interactionParts = true;
    checkComponents(c, value[list], `${path}.${list}`, list);
  }
  if (interactionParts && interactionType === undefined) {
    c.add(`${path}.interactionType`, 'REQUIRED', 'interactionType is required with correctResponsesPattern, choices, scale, source, target or steps');
  }
}

function checkComponents(c: Check, value: unknown, path: string, list: string): void {
  if (!Array.isArray(value)) {
    c.add(path, 'WRONG_TYPE', `${list} must be an array of interaction components`);
    return;
  }
  const ids = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const at = `${path}.${i}`;
    const component: unknown = value[i];
    if (!requireObject(c, component, at, 'an interaction component')) continue;
    checkKeys(c, component, COMPONENT_KEYS, at, 'an interaction component');
    const id = component.id;
    if (id === undefined) c.add(`${at}.id`, 'REQUIRED', 'an interaction component needs an id');
    else if (id !== null && checkString(c, id, `${at}.id`, 'an interaction component id')) {
      if (ids.has(id)) c.add(`${at}.id`, 'DUPLICATE_ID', `${JSON.stringify(id)} is used twice in ${list}`);
      ids.add(id);
    }
    if (given(component.description)) checkLanguageMap(c, component.description, `${at}.description`, 'an interaction component description');
  }
}

function checkStatementRef(c: Check, value: Json, path: string): void {
  checkKeys(c, value, STATEMENT_REF_KEYS, path, 'a StatementRef');
  if (value.id === undefined) c.add(`${path}.id`, 'REQUIRED', 'a StatementRef needs the id of the statement it refers to');
  else if (value.id !== null) checkUuid(c, value.id, `${path}.id`, 'the StatementRef id');
}

// ---------------------------------------------------------------- result, context, attachments

function checkResult(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'result')) return;
  checkKeys(c, value, RESULT_KEYS, path, 'a result');
  if (given(value.score)) checkScore(c, value.score, `${path}.score`);
  if (given(value.success)) checkBoolean(c, value.success, `${path}.success`, 'success');
  if (given(value.completion)) checkBoolean(c, value.completion, `${path}.completion`, 'completion');
  if (given(value.response)) checkString(c, value.response, `${path}.response`, 'response');
  if (given(value.duration) && checkString(c, value.duration, `${path}.duration`, 'duration') && !DURATION.test(value.duration)) {
    c.add(`${path}.duration`, 'BAD_DURATION', 'duration must be an ISO 8601 duration such as PT1H30M5.2S');
  }
  if (given(value.extensions)) checkExtensions(c, value.extensions, `${path}.extensions`);
}

function checkScore(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'score')) return;
  checkKeys(c, value, SCORE_KEYS, path, 'a score');
  const number = (key: 'scaled' | 'raw' | 'min' | 'max') => {
    const n = value[key];
    return given(n) && checkNumber(c, n, `${path}.${key}`, `score.${key}`) ? n : undefined;
  };
  const scaled = number('scaled');
  const raw = number('raw');
  const min = number('min');
  const max = number('max');
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) c.add(`${path}.scaled`, 'OUT_OF_RANGE', 'score.scaled must lie between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max) c.add(`${path}.min`, 'OUT_OF_RANGE', 'score.min must be less than score.max');
  if (raw !== undefined && min !== undefined && raw < min) c.add(`${path}.raw`, 'OUT_OF_RANGE', 'score.raw may not be below score.min');
  if (raw !== undefined && max !== undefined && raw > max) c.add(`${path}.raw`, 'OUT_OF_RANGE', 'score.raw may not be above score.max');
}

function checkContext(c: Check, value: unknown, path: string, objectKind: ObjectKind): void {
  if (!requireObject(c, value, path, 'context')) return;
  checkKeys(c, value, c.version === '1.0.3' ? CONTEXT_KEYS_1 : CONTEXT_KEYS_2, path, `a context (xAPI ${c.version})`);
  if (given(value.registration)) checkUuid(c, value.registration, `${path}.registration`, 'context.registration');
  if (given(value.instructor)) checkActor(c, value.instructor, `${path}.instructor`, 'instructor');
  if (given(value.team)) checkActor(c, value.team, `${path}.team`, 'team');
  if (given(value.contextActivities)) checkContextActivities(c, value.contextActivities, `${path}.contextActivities`);
  for (const key of ACTIVITY_ONLY_CONTEXT) {
    if (!given(value[key])) continue;
    checkString(c, value[key], `${path}.${key}`, `context.${key}`);
    if (objectKind !== 'Activity' && objectKind !== null) c.add(`${path}.${key}`, 'NOT_ALLOWED', `context.${key} is allowed only when the object is an Activity`);
  }
  if (given(value.language)) checkLanguageTag(c, value.language, `${path}.language`, 'context.language');
  if (given(value.statement)) {
    const at = `${path}.statement`;
    if (requireObject(c, value.statement, at, 'context.statement')) {
      const objectType = value.statement.objectType;
      if (objectType === undefined) c.add(`${at}.objectType`, 'REQUIRED', 'context.statement needs objectType "StatementRef"');
      else if (objectType !== 'StatementRef' && objectType !== null) c.add(`${at}.objectType`, 'BAD_VALUE', 'context.statement must be a StatementRef (case-sensitive)');
      checkStatementRef(c, value.statement, at);
    }
  }
  if (given(value.extensions)) checkExtensions(c, value.extensions, `${path}.extensions`);
  if (c.version !== '1.0.3') {
    if (given(value.contextAgents)) checkContextActors(c, value.contextAgents, `${path}.contextAgents`, 'contextAgent');
    if (given(value.contextGroups)) checkContextActors(c, value.contextGroups, `${path}.contextGroups`, 'contextGroup');
  }
}

function checkContextActivities(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'contextActivities')) return;
  let size = 0;
  for (const key in value) {
    size++;
    const at = childPath(path, key);
    const activities = value[key];
    if (!CONTEXT_ACTIVITY_KEYS.has(key)) {
      c.add(at, 'UNKNOWN_PROPERTY', `${key} is not parent, grouping, category or other`);
      continue;
    }
    if (activities === null) c.add(at, 'NULL_VALUE', `${key} may not be null`);
    else if (Array.isArray(activities)) for (let i = 0; i < activities.length; i++) checkContextActivity(c, activities[i], `${at}.${i}`);
    else checkContextActivity(c, activities, at);
  }
  if (size === 0) c.add(path, 'EMPTY', 'contextActivities must name at least one of parent, grouping, category, other');
}

function checkContextActivity(c: Check, value: unknown, path: string): void {
  if (!requireObject(c, value, path, 'a context activity')) return;
  const objectType = value.objectType;
  if (objectType !== undefined && objectType !== null && objectType !== 'Activity') {
    c.add(`${path}.objectType`, 'BAD_VALUE', 'a context activity is an Activity');
    return;
  }
  checkActivity(c, value, path);
}

function checkContextActors(c: Check, value: unknown, path: string, kind: 'contextAgent' | 'contextGroup'): void {
  if (!Array.isArray(value)) {
    c.add(path, 'WRONG_TYPE', `${kind}s must be an array of ${kind} objects`);
    return;
  }
  const member = kind === 'contextAgent' ? 'agent' : 'group';
  for (let i = 0; i < value.length; i++) {
    const at = `${path}.${i}`;
    const item: unknown = value[i];
    if (!requireObject(c, item, at, `a ${kind}`)) continue;
    checkKeys(c, item, kind === 'contextAgent' ? CONTEXT_AGENT_KEYS : CONTEXT_GROUP_KEYS, at, `a ${kind}`);
    if (item.objectType === undefined) c.add(`${at}.objectType`, 'REQUIRED', `objectType "${kind}" is required`);
    else if (item.objectType !== null && item.objectType !== kind) c.add(`${at}.objectType`, 'BAD_VALUE', `objectType must be "${kind}" (case-sensitive)`);
    if (item[member] === undefined) c.add(`${at}.${member}`, 'REQUIRED', `a ${kind} needs its ${member}`);
    else if (item[member] !== null) checkActor(c, item[member], `${at}.${member}`, kind);
    const types = item.relevantTypes;
    if (given(types)) {
      if (!Array.isArray(types)) c.add(`${at}.relevantTypes`, 'WRONG_TYPE', 'relevantTypes must be an array of IRIs');
      else if (types.length === 0) c.add(`${at}.relevantTypes`, 'EMPTY', 'relevantTypes, when given, lists at least one type');
      else for (let j = 0; j < types.length; j++) checkIri(c, types[j], `${at}.relevantTypes.${j}`, 'a relevant type');
    }
  }
}

function checkAttachments(c: Check, value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    c.add(path, 'WRONG_TYPE', `attachments must be an array, not ${typeName(value)}`);
    return;
  }
  for (let i = 0; i < value.length; i++) {
    const at = `${path}.${i}`;
    const attachment: unknown = value[i];
    if (!requireObject(c, attachment, at, 'an attachment')) continue;
    checkKeys(c, attachment, ATTACHMENT_KEYS, at, 'an attachment');
    for (const key of ATTACHMENT_REQUIRED) {
      if (attachment[key] === undefined) c.add(`${at}.${key}`, 'REQUIRED', `an attachment needs ${key}`);
    }
    if (given(attachment.usageType)) checkIri(c, attachment.usageType, `${at}.usageType`, 'usageType');
    if (given(attachment.display)) checkLanguageMap(c, attachment.display, `${at}.display`, 'attachment display');
    if (given(attachment.description)) checkLanguageMap(c, attachment.description, `${at}.description`, 'attachment description');
    const contentType = attachment.contentType;
    if (given(contentType) && checkString(c, contentType, `${at}.contentType`, 'contentType') && !MEDIA_TYPE.test(contentType)) {
      c.add(`${at}.contentType`, 'BAD_MEDIA_TYPE', 'contentType must be an Internet media type such as text/plain');
    }
    const length = attachment.length;
    if (given(length) && checkNumber(c, length, `${at}.length`, 'length') && (!Number.isInteger(length) || length < 0)) {
      c.add(`${at}.length`, 'OUT_OF_RANGE', 'length is a whole number of octets');
    }
    if (given(attachment.sha2) && checkString(c, attachment.sha2, `${at}.sha2`, 'sha2') && !SHA2.test(attachment.sha2)) {
      c.add(`${at}.sha2`, 'BAD_SHA2', 'sha2 must be the hexadecimal SHA-2 hash of the attachment');
    }
    if (given(attachment.fileUrl)) checkIri(c, attachment.fileUrl, `${at}.fileUrl`, 'fileUrl (an IRL)');
  }
}

// ---------------------------------------------------------------- the statement

/** A statement or, with `inSubStatement`, the body of a SubStatement object. */
function checkStatementBody(c: Check, statement: Json, path: string, inSubStatement: boolean): void {
  const allowed = inSubStatement ? SUBSTATEMENT_KEYS : STATEMENT_KEYS;
  for (const key in statement) {
    if (allowed.has(key)) {
      if (statement[key] === null) c.add(childPath(path, key), 'NULL_VALUE', `${key} may not be null`);
    } else if (inSubStatement && SUBSTATEMENT_FORBIDDEN.has(key)) {
      c.add(`${path}.${key}`, 'NOT_ALLOWED', `a SubStatement may not have ${key}`);
    } else if (!inSubStatement && key === 'objectType') {
      c.add(`${path}.objectType`, 'NOT_ALLOWED', 'only a SubStatement has an objectType');
    } else {
      c.add(childPath(path, key), 'UNKNOWN_PROPERTY', `${key} is not a statement property (names are case-sensitive)`);
    }
  }

  if (!inSubStatement && given(statement.id)) checkUuid(c, statement.id, `${path}.id`, 'the statement id');

  if (statement.actor === undefined) c.add(`${path}.actor`, 'REQUIRED', 'a statement needs an actor');
  else if (statement.actor !== null) checkActor(c, statement.actor, `${path}.actor`, 'actor');

  let verbId: string | null = null;
  if (statement.verb === undefined) c.add(`${path}.verb`, 'REQUIRED', 'a statement needs a verb');
  else if (statement.verb !== null) verbId = checkVerb(c, statement.verb, `${path}.verb`);

  let objectKind: ObjectKind = null;
  if (statement.object === undefined) c.add(`${path}.object`, 'REQUIRED', 'a statement needs an object');
  else if (statement.object !== null) objectKind = checkObject(c, statement.object, `${path}.object`, inSubStatement);

  if (!inSubStatement && verbId === VOIDED_VERB && objectKind !== 'StatementRef' && objectKind !== null) {
    c.add(`${path}.object`, 'VOID_TARGET', 'a voiding statement (verb voided) must have a StatementRef as its object');
  }

  if (given(statement.result)) checkResult(c, statement.result, `${path}.result`);
  if (given(statement.context)) checkContext(c, statement.context, `${path}.context`, objectKind);
  if (given(statement.timestamp)) checkTimestamp(c, statement.timestamp, `${path}.timestamp`, 'timestamp');
  if (given(statement.attachments)) checkAttachments(c, statement.attachments, `${path}.attachments`);
  if (inSubStatement) return;

  if (given(statement.stored)) checkTimestamp(c, statement.stored, `${path}.stored`, 'stored');
  if (given(statement.authority)) checkActor(c, statement.authority, `${path}.authority`, 'authority');
  const version = statement.version;
  if (given(version) && checkString(c, version, `${path}.version`, 'version')) {
    const pattern = c.version === '1.0.3' ? VERSION_1 : VERSION_2;
    if (!pattern.test(version)) c.add(`${path}.version`, 'BAD_VERSION', c.version === '1.0.3' ? 'version must be 1.0 or 1.0.x' : 'version must be 1.0.x or 2.0.x');
  }
}

/**
 * Checks one statement as a client sent it, by the rules of the xAPI version (1.0.3 or 2.0.0), and throws
 * AppError('VALIDATION_FAILED', message, { issues: [{ path, code, message }] }) naming every problem found (paths like
 * `statement.actor.mbox`, `statements.3.result.score.scaled` — the caller gives the path prefix). Returns nothing.
 */
export function validateStatement(statement: unknown, version: XapiVersion, path = 'statement'): void {
  const c = new Check(version);
  if (requireObject(c, statement, path, 'a statement')) checkStatementBody(c, statement, path, false);
  if (c.issues.length) throw invalid(c.issues);
}

/** Checks an Agent or Group given as a JSON query parameter or document key (the `agent` parameter). */
export function validateAgentParameter(agent: unknown, version: XapiVersion, path: string): void {
  const c = new Check(version);
  checkActor(c, agent, path, 'parameter');
  if (c.issues.length) throw invalid(c.issues);
}
