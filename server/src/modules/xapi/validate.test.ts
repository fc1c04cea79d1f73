import { describe, expect, it } from 'vitest';
import { fulcrumVerbIri, learningActivityIri, personAccount, xapiVerbs, type ErrorIssue, type XapiVersion } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';
import { isIri, validateAgentParameter, validateStatement } from './validate.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are mutated freely

const BOTH: XapiVersion[] = ['1.0.3', '2.0.0'];
const PUBLIC_URL = 'https://fulcrum.example.cn';
const UUID_A = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';
const UUID_B = '6690e6c9-3ef0-4ed3-8b37-7f3964730bee';
const SHA256 = '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a';

/** The problems the validator names (an empty list when it accepts the statement). */
function issuesOf(statement: unknown, version: XapiVersion, path?: string): ErrorIssue[] {
  try {
    validateStatement(statement, version, path);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    return (error.details as { issues: ErrorIssue[] }).issues;
  }
}

const agent = (name = 'learner'): Json => ({ objectType: 'Agent', name: '学员甲', mbox: `mailto:${name}@example.com` });
const activity = (): Json => ({ objectType: 'Activity', id: 'http://www.example.com/meetings/occurances/34534' });
const attachment = (): Json => ({
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment', 'zh-CN': '测试附件' },
  description: { 'en-US': 'A test attachment (description)' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: SHA256,
  fileUrl: 'http://over.there.com/file.txt',
});

/** A complete valid statement every case starts from (a fresh copy each time). */
function base(): Json {
  return {
    id: UUID_A,
    actor: agent(),
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended', 'zh-CN': '出勤' } },
    object: {
      ...activity(),
      definition: {
        name: { 'zh-CN': '安全例会', 'en-US': 'safety meeting' },
        description: { 'en-US': 'A meeting' },
        type: 'http://adlnet.gov/expapi/activities/meeting',
        moreInfo: 'http://virtualmeeting.example.com/345256',
        extensions: { 'http://example.com/profiles/meetings/extension/location': 'X:\\meetings\\minutes' },
      },
    },
    result: { score: { scaled: 0.95, raw: 95, min: 0, max: 100 }, success: true, completion: true, response: 'We agreed', duration: 'PT1H0M0S' },
    context: {
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      instructor: agent('teacher'),
      contextActivities: { parent: [activity()], grouping: { id: 'http://www.example.com/meetings/series/267' } },
      revision: 'rev_10_3_2',
      platform: 'Example virtual meeting software',
      language: 'zh-CN',
      statement: { objectType: 'StatementRef', id: UUID_B },
      extensions: { 'http://example.com/profiles/meetings/contextextensions/airspeed': '600mph' },
    },
    timestamp: '2013-05-18T05:32:34.804+08:00',
  };
}

function substatement(): Json {
  const { actor, verb, object, result, context, timestamp } = base();
  return { objectType: 'SubStatement', actor, verb, object, result, context, timestamp };
}

const groupOf = (...members: Json[]): Json => ({ objectType: 'Group', name: '班组', member: members });
const oauthAuthority = (): Json => groupOf({ account: { homePage: 'http://example.com/xAPI/OAuth/Token', name: 'oauth_consumer_x75db' } }, { mbox: 'mailto:bob@example.com' });

interface Refusal {
  name: string;
  change: (s: Json) => void;
  path: string;
  code: string;
  versions?: XapiVersion[];
}

/** Runs refused cases: each names the field at fault with a stable code. */
function refusals(title: string, cases: Refusal[]) {
  describe(title, () => {
    for (const c of cases) {
      for (const version of c.versions ?? BOTH) {
        it(`${c.name} (${version}) → ${c.path} ${c.code}`, () => {
          const statement = base();
          c.change(statement);
          const issues = issuesOf(statement, version);
          expect(issues).toContainEqual(expect.objectContaining({ path: c.path, code: c.code }));
        });
      }
    }
  });
}

/** Runs accepted cases: the validator says nothing. */
function acceptances(title: string, cases: { name: string; change: (s: Json) => void; versions?: XapiVersion[] }[]) {
  describe(title, () => {
    for (const c of cases) {
      for (const version of c.versions ?? BOTH) {
        it(`${c.name} (${version})`, () => {
          const statement = base();
          c.change(statement);
          expect(issuesOf(statement, version)).toEqual([]);
        });
      }
    }
  });
}

describe('the base statement', () => {
  it('is valid under both versions, so every refusal below is due to its one change', () => {
    for (const version of BOTH) expect(issuesOf(base(), version)).toEqual([]);
  });

  it('names every problem at once, with the caller’s path prefix, in a message that cites the paths', () => {
    const statement = base();
    statement.actor.mbox = 'mailto:nobody';
    statement.result.score.scaled = 2;
    statement.timestamp = 'yesterday';
    try {
      validateStatement(statement, '2.0.0', 'statements.3');
      expect.unreachable('the statement is invalid');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const issues = ((error as AppError).details as { issues: ErrorIssue[] }).issues;
      expect(issues.map((i) => [i.path, i.code])).toEqual([
        ['statements.3.actor.mbox', 'BAD_MBOX'],
        ['statements.3.result.score.scaled', 'OUT_OF_RANGE'],
        ['statements.3.timestamp', 'BAD_TIMESTAMP'],
      ]);
      expect((error as AppError).message).toContain('statements.3.result.score.scaled');
    }
  });

  it('stops at twenty issues for a statement that is wrong everywhere', () => {
    const statement: Json = {};
    for (let i = 0; i < 40; i++) statement[`junk${i}`] = i;
    const issues = issuesOf(statement, '2.0.0');
    expect(issues).toHaveLength(20);
    expect(issues[0]).toMatchObject({ path: 'statement.junk0', code: 'UNKNOWN_PROPERTY' });
  });

  it('refuses what is not a statement object', () => {
    for (const value of [null, [], 'statement', 12]) expect(issuesOf(value, '2.0.0')).toEqual([expect.objectContaining({ path: 'statement', code: 'WRONG_TYPE' })]);
  });
});

refusals('top level: required and known properties, null values, ids', [
  { name: 'no actor', change: (s) => delete s.actor, path: 'statement.actor', code: 'REQUIRED' },
  { name: 'no verb', change: (s) => delete s.verb, path: 'statement.verb', code: 'REQUIRED' },
  { name: 'no object', change: (s) => delete s.object, path: 'statement.object', code: 'REQUIRED' },
  { name: 'a key in the wrong case', change: (s) => ((s.Actor = s.actor), delete s.actor), path: 'statement.Actor', code: 'UNKNOWN_PROPERTY' },
  { name: 'timeStamp for timestamp', change: (s) => (s.timeStamp = s.timestamp), path: 'statement.timeStamp', code: 'UNKNOWN_PROPERTY' },
  { name: 'attachmentS', change: (s) => (s.attachmentS = [attachment()]), path: 'statement.attachmentS', code: 'UNKNOWN_PROPERTY' },
  { name: 'an objectType on a statement', change: (s) => (s.objectType = 'Statement'), path: 'statement.objectType', code: 'NOT_ALLOWED' },
  { name: 'a null actor name', change: (s) => (s.actor.name = null), path: 'statement.actor.name', code: 'NULL_VALUE' },
  { name: 'a null display value', change: (s) => (s.verb.display = { 'en-US': null }), path: 'statement.verb.display["en-US"]', code: 'NULL_VALUE' },
  { name: 'a null registration', change: (s) => (s.context.registration = null), path: 'statement.context.registration', code: 'NULL_VALUE' },
  { name: 'a null moreInfo', change: (s) => (s.object.definition.moreInfo = null), path: 'statement.object.definition.moreInfo', code: 'NULL_VALUE' },
  { name: 'a null result', change: (s) => (s.result = null), path: 'statement.result', code: 'NULL_VALUE' },
  { name: 'a numeric id', change: (s) => (s.id = 12345), path: 'statement.id', code: 'WRONG_TYPE' },
  { name: 'an object id', change: (s) => (s.id = { key: 'x' }), path: 'statement.id', code: 'WRONG_TYPE' },
  { name: 'an id with too many digits', change: (s) => (s.id = 'AA97B177-9383-4934-8543-0F91A7A028368'), path: 'statement.id', code: 'NOT_UUID' },
  { name: 'an id with a letter beyond F', change: (s) => (s.id = 'MA97B177-9383-4934-8543-0F91A7A02836'), path: 'statement.id', code: 'NOT_UUID' },
  { name: 'an empty id', change: (s) => (s.id = ''), path: 'statement.id', code: 'NOT_UUID' },
]);

refusals('actor, authority, instructor, team: Agents and Groups', [
  { name: 'objectType "agent"', change: (s) => (s.actor.objectType = 'agent'), path: 'statement.actor.objectType', code: 'BAD_VALUE' },
  { name: 'objectType "group"', change: (s) => (s.actor.objectType = 'group'), path: 'statement.actor.objectType', code: 'BAD_VALUE' },
  { name: 'a numeric objectType', change: (s) => (s.actor.objectType = 123), path: 'statement.actor.objectType', code: 'WRONG_TYPE' },
  { name: 'JSON text as objectType', change: (s) => (s.actor.objectType = '"objectType": "Agent"'), path: 'statement.actor.objectType', code: 'BAD_VALUE' },
  { name: 'a numeric name', change: (s) => (s.actor.name = 123), path: 'statement.actor.name', code: 'WRONG_TYPE' },
  { name: 'no identifier', change: (s) => delete s.actor.mbox, path: 'statement.actor', code: 'ONE_IFI' },
  { name: 'mbox and account', change: (s) => (s.actor.account = { homePage: 'http://www.example.com', name: 'x' }), path: 'statement.actor', code: 'ONE_IFI' },
  { name: 'mbox and openid', change: (s) => (s.actor.openid = 'http://openid.example.org/12345'), path: 'statement.actor', code: 'ONE_IFI' },
  { name: 'an http mbox', change: (s) => (s.actor.mbox = 'http://should.fail.com'), path: 'statement.actor.mbox', code: 'BAD_MBOX' },
  { name: 'a mailto without an address', change: (s) => (s.actor.mbox = 'mailto:should.fail.com'), path: 'statement.actor.mbox', code: 'BAD_MBOX' },
  { name: 'a non-string mbox_sha1sum', change: (s) => ((s.actor.mbox_sha1sum = { key: 'value' }), delete s.actor.mbox), path: 'statement.actor.mbox_sha1sum', code: 'WRONG_TYPE' },
  { name: 'an mbox_sha1sum that is not a SHA-1', change: (s) => ((s.actor.mbox_sha1sum = 'abc'), delete s.actor.mbox), path: 'statement.actor.mbox_sha1sum', code: 'BAD_SHA1SUM' },
  { name: 'an openid that is not a URI', change: (s) => ((s.actor.openid = 'ab=c://should.fail.com'), delete s.actor.mbox), path: 'statement.actor.openid', code: 'NOT_IRI' },
  { name: 'an account without name', change: (s) => ((s.actor.account = { homePage: 'http://www.example.com' }), delete s.actor.mbox), path: 'statement.actor.account.name', code: 'REQUIRED' },
  { name: 'an account without homePage', change: (s) => ((s.actor.account = { name: 'x' }), delete s.actor.mbox), path: 'statement.actor.account.homePage', code: 'REQUIRED' },
  { name: 'an account name that is an object', change: (s) => ((s.actor.account = { homePage: 'http://www.example.com', name: { key: 'value' } }), delete s.actor.mbox), path: 'statement.actor.account.name', code: 'WRONG_TYPE' },
  { name: 'an account homePage that is not an IRL', change: (s) => ((s.actor.account = { homePage: 'ab=c://should.fail.com', name: 'x' }), delete s.actor.mbox), path: 'statement.actor.account.homePage', code: 'NOT_IRI' },
  { name: 'an account with an extra key', change: (s) => ((s.actor.account = { homePage: 'http://www.example.com', name: 'x', id: 1 }), delete s.actor.mbox), path: 'statement.actor.account.id', code: 'UNKNOWN_PROPERTY' },
  { name: 'an Agent with members', change: (s) => (s.actor.member = [agent('b')]), path: 'statement.actor.member', code: 'NOT_ALLOWED' },
  { name: 'an anonymous Group without members', change: (s) => (s.actor = { objectType: 'Group', name: 'g' }), path: 'statement.actor.member', code: 'REQUIRED' },
  { name: 'an anonymous Group with no one in it', change: (s) => (s.actor = groupOf()), path: 'statement.actor.member', code: 'EMPTY' },
  { name: 'members that are not an array', change: (s) => (s.actor = { objectType: 'Group', mbox: 'mailto:g@example.com', member: agent('b') }), path: 'statement.actor.member', code: 'WRONG_TYPE' },
  { name: 'a Group inside a Group', change: (s) => (s.actor = groupOf(groupOf(agent('b')))), path: 'statement.actor.member.0.objectType', code: 'NOT_ALLOWED' },
  { name: 'a member without identifier', change: (s) => (s.actor = groupOf(agent('a'), { name: 'nobody' })), path: 'statement.actor.member.1', code: 'ONE_IFI' },
  { name: 'an identified Group with two identifiers', change: (s) => (s.actor = { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'http://openid.example.org/1' }), path: 'statement.actor', code: 'ONE_IFI' },
  { name: 'an instructor that is an object of nothing', change: (s) => (s.context.instructor = { key: 'should fail' }), path: 'statement.context.instructor.key', code: 'UNKNOWN_PROPERTY' },
  { name: 'an instructor that is a string', change: (s) => (s.context.instructor = 'should fail'), path: 'statement.context.instructor', code: 'WRONG_TYPE' },
  { name: 'a team that is an Agent', change: (s) => (s.context.team = agent('b')), path: 'statement.context.team.objectType', code: 'BAD_VALUE' },
  { name: 'a team without objectType', change: (s) => (s.context.team = { mbox: 'mailto:team@example.com' }), path: 'statement.context.team.objectType', code: 'REQUIRED' },
  { name: 'an authority without identifier', change: (s) => (s.authority = { objectType: 'Agent', name: 'x' }), path: 'statement.authority', code: 'ONE_IFI' },
  { name: 'an identified authority Group', change: (s) => (s.authority = { ...oauthAuthority(), mbox: 'mailto:bob@example.com' }), path: 'statement.authority', code: 'AUTHORITY_GROUP' },
  { name: 'an authority Group of one', change: (s) => (s.authority = groupOf(agent('a'))), path: 'statement.authority.member', code: 'AUTHORITY_GROUP' },
  { name: 'an authority Group of three', change: (s) => (s.authority = groupOf(agent('a'), agent('b'), agent('c'))), path: 'statement.authority.member', code: 'AUTHORITY_GROUP' },
  { name: 'an authority Group without members', change: (s) => (s.authority = { objectType: 'Group' }), path: 'statement.authority.member', code: 'REQUIRED' },
  { name: 'authority members that are not an array', change: (s) => (s.authority = { objectType: 'Group', member: agent('a') }), path: 'statement.authority.member', code: 'WRONG_TYPE' },
]);

refusals('verb', [
  { name: 'no id', change: (s) => delete s.verb.id, path: 'statement.verb.id', code: 'REQUIRED' },
  { name: 'an id that is not an IRI', change: (s) => (s.verb.id = 'ab=c://should.fail.com'), path: 'statement.verb.id', code: 'NOT_IRI' },
  { name: 'a verb that is a string', change: (s) => (s.verb = 'ab=c://should.fail.com'), path: 'statement.verb', code: 'WRONG_TYPE' },
  { name: 'a display that is a string', change: (s) => (s.verb.display = 'should error'), path: 'statement.verb.display', code: 'WRONG_TYPE' },
  { name: 'an empty display', change: (s) => (s.verb.display = {}), path: 'statement.verb.display', code: 'EMPTY' },
  { name: 'a tag beginning with one letter', change: (s) => (s.verb.display = { a12345: 'attended' }), path: 'statement.verb.display.a12345', code: 'BAD_LANGUAGE_TAG' },
  { name: 'two region subtags', change: (s) => (s.verb.display = { 'de-419-DE': 'besucht' }), path: 'statement.verb.display["de-419-DE"]', code: 'BAD_LANGUAGE_TAG' },
  { name: 'a nine-letter language', change: (s) => (s.verb.display = { something: 'besucht' }), path: 'statement.verb.display.something', code: 'BAD_LANGUAGE_TAG' },
  { name: 'a repeated extension singleton', change: (s) => (s.verb.display = { 'ar-a-aaa-b-bbb-a-ccc': 'x' }), path: 'statement.verb.display["ar-a-aaa-b-bbb-a-ccc"]', code: 'BAD_LANGUAGE_TAG' },
  { name: 'a repeated variant', change: (s) => (s.verb.display = { 'de-DE-1901-1901': 'x' }), path: 'statement.verb.display["de-DE-1901-1901"]', code: 'BAD_LANGUAGE_TAG' },
  { name: 'a numeric display value', change: (s) => (s.verb.display = { 'en-US': 1 }), path: 'statement.verb.display["en-US"]', code: 'WRONG_TYPE' },
  { name: 'voided with an Activity object', change: (s) => (s.verb = { id: xapiVerbs.voided }), path: 'statement.object', code: 'VOID_TARGET' },
]);

refusals('object: Activity and its definition', [
  { name: 'objectType "activity"', change: (s) => (s.object.objectType = 'activity'), path: 'statement.object.objectType', code: 'BAD_VALUE' },
  { name: 'objectType "substatement"', change: (s) => (s.object = { ...substatement(), objectType: 'substatement' }), path: 'statement.object.objectType', code: 'BAD_VALUE' },
  { name: 'a null objectType', change: (s) => (s.object.objectType = null), path: 'statement.object.objectType', code: 'NULL_VALUE' },
  { name: 'no id', change: (s) => delete s.object.id, path: 'statement.object.id', code: 'REQUIRED' },
  { name: 'an id that is not an IRI', change: (s) => (s.object.id = 'ab=c://should.fail.com'), path: 'statement.object.id', code: 'NOT_IRI' },
  { name: 'an id without scheme', change: (s) => (s.object.id = 'www.example.com/course'), path: 'statement.object.id', code: 'NOT_IRI' },
  { name: 'an id with a space', change: (s) => (s.object.id = 'http://example.com/a course'), path: 'statement.object.id', code: 'NOT_IRI' },
  { name: 'an Agent object without objectType', change: (s) => (s.object = { mbox: 'mailto:b@example.com' }), path: 'statement.object.mbox', code: 'UNKNOWN_PROPERTY' },
  { name: 'a definition that is a string', change: (s) => (s.object.definition = 'should error'), path: 'statement.object.definition', code: 'WRONG_TYPE' },
  { name: 'an empty definition', change: (s) => (s.object.definition = {}), path: 'statement.object.definition', code: 'EMPTY' },
  { name: 'a name that is a string', change: (s) => (s.object.definition.name = 'should error'), path: 'statement.object.definition.name', code: 'WRONG_TYPE' },
  { name: 'an empty description', change: (s) => (s.object.definition.description = {}), path: 'statement.object.definition.description', code: 'EMPTY' },
  { name: 'a type that is not an IRI', change: (s) => (s.object.definition.type = 'should error'), path: 'statement.object.definition.type', code: 'NOT_IRI' },
  { name: 'a moreInfo that is not an IRL', change: (s) => (s.object.definition.moreInfo = 'should error'), path: 'statement.object.definition.moreInfo', code: 'NOT_IRI' },
  { name: 'an unknown definition key', change: (s) => (s.object.definition.Name = { en: 'x' }), path: 'statement.object.definition.Name', code: 'UNKNOWN_PROPERTY' },
  { name: 'interactionType in the wrong case', change: (s) => (s.object.definition.interactionType = 'choiCe'), path: 'statement.object.definition.interactionType', code: 'BAD_VALUE' },
  { name: 'an IRI as interactionType', change: (s) => (s.object.definition.interactionType = 'http://adlnet.gov/expapi/activities/cmi.interaction'), path: 'statement.object.definition.interactionType', code: 'BAD_VALUE' },
  { name: 'a numeric interactionType', change: (s) => (s.object.definition.interactionType = 12345), path: 'statement.object.definition.interactionType', code: 'WRONG_TYPE' },
  { name: 'choices without interactionType', change: (s) => (s.object.definition.choices = [{ id: 'a' }]), path: 'statement.object.definition.interactionType', code: 'REQUIRED' },
  { name: 'a pattern without interactionType', change: (s) => (s.object.definition.correctResponsesPattern = ['true']), path: 'statement.object.definition.interactionType', code: 'REQUIRED' },
  { name: 'a pattern that is a string', change: (s) => Object.assign(s.object.definition, { interactionType: 'fill-in', correctResponsesPattern: 'x' }), path: 'statement.object.definition.correctResponsesPattern', code: 'WRONG_TYPE' },
  { name: 'a pattern with a number', change: (s) => Object.assign(s.object.definition, { interactionType: 'numeric', correctResponsesPattern: [4] }), path: 'statement.object.definition.correctResponsesPattern.0', code: 'WRONG_TYPE' },
  { name: 'choices that are an object', change: (s) => Object.assign(s.object.definition, { interactionType: 'choice', choices: { id: 'a' } }), path: 'statement.object.definition.choices', code: 'WRONG_TYPE' },
  { name: 'a repeated choice id', change: (s) => Object.assign(s.object.definition, { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), path: 'statement.object.definition.choices.1.id', code: 'DUPLICATE_ID' },
  { name: 'a component without id', change: (s) => Object.assign(s.object.definition, { interactionType: 'likert', scale: [{ description: { en: 'x' } }] }), path: 'statement.object.definition.scale.0.id', code: 'REQUIRED' },
  { name: 'a component id that is an object', change: (s) => Object.assign(s.object.definition, { interactionType: 'matching', source: [{ id: { x: 1 } }] }), path: 'statement.object.definition.source.0.id', code: 'WRONG_TYPE' },
  { name: 'a component that is a string', change: (s) => Object.assign(s.object.definition, { interactionType: 'performance', steps: ['x'] }), path: 'statement.object.definition.steps.0', code: 'WRONG_TYPE' },
  { name: 'a component description with a bad tag', change: (s) => Object.assign(s.object.definition, { interactionType: 'matching', target: [{ id: 'a', description: { 'de-419-DE': 'x' } }] }), path: 'statement.object.definition.target.0.description["de-419-DE"]', code: 'BAD_LANGUAGE_TAG' },
  { name: 'extensions that are a string', change: (s) => (s.object.definition.extensions = 'should error'), path: 'statement.object.definition.extensions', code: 'WRONG_TYPE' },
  { name: 'an extension key that is not an IRI', change: (s) => (s.object.definition.extensions = { id: 'valid' }), path: 'statement.object.definition.extensions.id', code: 'NOT_IRI' },
]);

refusals('object: Agent, Group, StatementRef, SubStatement', [
  { name: 'objectType "agent"', change: (s) => (s.object = { ...agent('b'), objectType: 'agent' }), path: 'statement.object.objectType', code: 'BAD_VALUE' },
  { name: 'an object Agent without identifier', change: (s) => (s.object = { objectType: 'Agent', name: 'b' }), path: 'statement.object', code: 'ONE_IFI' },
  { name: 'a StatementRef without id', change: (s) => (s.object = { objectType: 'StatementRef' }), path: 'statement.object.id', code: 'REQUIRED' },
  { name: 'a StatementRef id that is not a UUID', change: (s) => (s.object = { objectType: 'StatementRef', id: 'should fail' }), path: 'statement.object.id', code: 'NOT_UUID' },
  { name: 'a StatementRef with a definition', change: (s) => (s.object = { objectType: 'StatementRef', id: UUID_B, definition: {} }), path: 'statement.object.definition', code: 'UNKNOWN_PROPERTY' },
  { name: 'objectType "statementref"', change: (s) => (s.object = { objectType: 'statementref', id: UUID_B }), path: 'statement.object.objectType', code: 'BAD_VALUE' },
  { name: 'a SubStatement with an id', change: (s) => (s.object = { ...substatement(), id: UUID_B }), path: 'statement.object.id', code: 'NOT_ALLOWED' },
  { name: 'a SubStatement with stored', change: (s) => (s.object = { ...substatement(), stored: '2013-05-18T05:32:34.804Z' }), path: 'statement.object.stored', code: 'NOT_ALLOWED' },
  { name: 'a SubStatement with a version', change: (s) => (s.object = { ...substatement(), version: '1.0.0' }), path: 'statement.object.version', code: 'NOT_ALLOWED' },
  { name: 'a SubStatement with an authority', change: (s) => (s.object = { ...substatement(), authority: agent('a') }), path: 'statement.object.authority', code: 'NOT_ALLOWED' },
  { name: 'a SubStatement inside a SubStatement', change: (s) => (s.object = { ...substatement(), object: substatement() }), path: 'statement.object.object.objectType', code: 'NOT_ALLOWED' },
  { name: 'a SubStatement without actor', change: (s) => (s.object = { ...substatement(), actor: undefined }), path: 'statement.object.actor', code: 'REQUIRED' },
  { name: 'a SubStatement without verb', change: (s) => (s.object = { ...substatement(), verb: undefined }), path: 'statement.object.verb', code: 'REQUIRED' },
  { name: 'a SubStatement with a bad actor mbox', change: (s) => (s.object = { ...substatement(), actor: { mbox: 'mailto:x' } }), path: 'statement.object.actor.mbox', code: 'BAD_MBOX' },
  { name: 'a SubStatement with a bad display tag', change: (s) => (s.object = { ...substatement(), verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'de-419-DE': 'x' } } }), path: 'statement.object.verb.display["de-419-DE"]', code: 'BAD_LANGUAGE_TAG' },
]);

refusals('result and score', [
  { name: 'a numeric score', change: (s) => (s.result.score = 12345), path: 'statement.result.score', code: 'WRONG_TYPE' },
  { name: 'a string max', change: (s) => (s.result.score.max = 'one hundred'), path: 'statement.result.score.max', code: 'WRONG_TYPE' },
  { name: 'a max that is a number in a string', change: (s) => (s.result.score.max = '100'), path: 'statement.result.score.max', code: 'WRONG_TYPE' },
  { name: 'success as text', change: (s) => (s.result.success = 'true'), path: 'statement.result.success', code: 'WRONG_TYPE' },
  { name: 'completion as text', change: (s) => (s.result.completion = 'false'), path: 'statement.result.completion', code: 'WRONG_TYPE' },
  { name: 'a numeric response', change: (s) => (s.result.response = 12345), path: 'statement.result.response', code: 'WRONG_TYPE' },
  { name: 'scaled above 1', change: (s) => (s.result.score.scaled = 1.01), path: 'statement.result.score.scaled', code: 'OUT_OF_RANGE' },
  { name: 'scaled below -1', change: (s) => (s.result.score.scaled = -1.00001), path: 'statement.result.score.scaled', code: 'OUT_OF_RANGE' },
  { name: 'raw above max', change: (s) => (s.result.score = { raw: 0.6767676, max: 0.6567676 }), path: 'statement.result.score.raw', code: 'OUT_OF_RANGE' },
  { name: 'raw below min', change: (s) => (s.result.score = { raw: 0.6767676, min: 1.4067676 }), path: 'statement.result.score.raw', code: 'OUT_OF_RANGE' },
  { name: 'min above max', change: (s) => (s.result.score = { min: 0.6767676, max: 0.6767355, raw: 0.6767643 }), path: 'statement.result.score.min', code: 'OUT_OF_RANGE' },
  { name: 'min equal to max', change: (s) => (s.result.score = { min: 10, max: 10 }), path: 'statement.result.score.min', code: 'OUT_OF_RANGE' },
  { name: 'an unknown score key', change: (s) => (s.result.score.percent = 95), path: 'statement.result.score.percent', code: 'UNKNOWN_PROPERTY' },
  { name: 'a duration with a letter in place of T', change: (s) => (s.result.duration = 'PA1H0M0S'), path: 'statement.result.duration', code: 'BAD_DURATION' },
  { name: 'a duration that is words', change: (s) => (s.result.duration = 'should fail'), path: 'statement.result.duration', code: 'BAD_DURATION' },
  { name: 'an empty duration', change: (s) => (s.result.duration = 'P'), path: 'statement.result.duration', code: 'BAD_DURATION' },
  { name: 'a T with nothing after it', change: (s) => (s.result.duration = 'P1DT'), path: 'statement.result.duration', code: 'BAD_DURATION' },
  { name: 'the alternative duration format', change: (s) => (s.result.duration = 'P0001-02-03T04:05:06'), path: 'statement.result.duration', code: 'BAD_DURATION' },
  { name: 'a numeric duration', change: (s) => (s.result.duration = 12345), path: 'statement.result.duration', code: 'WRONG_TYPE' },
  { name: 'an extension key that is not an IRI', change: (s) => (s.result.extensions = { 'should fail': true }), path: 'statement.result.extensions["should fail"]', code: 'NOT_IRI' },
]);

refusals('context', [
  { name: 'a registration that is words', change: (s) => (s.context.registration = 'should fail'), path: 'statement.context.registration', code: 'NOT_UUID' },
  { name: 'a registration that is an object', change: (s) => (s.context.registration = { key: 'x' }), path: 'statement.context.registration', code: 'WRONG_TYPE' },
  { name: 'contextActivities that are a string', change: (s) => (s.context.contextActivities = 'should fail'), path: 'statement.context.contextActivities', code: 'WRONG_TYPE' },
  { name: 'empty contextActivities', change: (s) => (s.context.contextActivities = {}), path: 'statement.context.contextActivities', code: 'EMPTY' },
  { name: 'a contextActivities key beyond the four', change: (s) => (s.context.contextActivities = { related: activity() }), path: 'statement.context.contextActivities.related', code: 'UNKNOWN_PROPERTY' },
  { name: 'a context activity that is not an Activity', change: (s) => (s.context.contextActivities = { other: [activity(), { key: 'should fail' }] }), path: 'statement.context.contextActivities.other.1.key', code: 'UNKNOWN_PROPERTY' },
  { name: 'a context activity without id', change: (s) => (s.context.contextActivities = { other: [{ objectType: 'Activity' }] }), path: 'statement.context.contextActivities.other.0.id', code: 'REQUIRED' },
  { name: 'a context activity that is an Agent', change: (s) => (s.context.contextActivities = { parent: agent('b') }), path: 'statement.context.contextActivities.parent.objectType', code: 'BAD_VALUE' },
  { name: 'a numeric revision', change: (s) => (s.context.revision = 12345), path: 'statement.context.revision', code: 'WRONG_TYPE' },
  { name: 'a platform that is an object', change: (s) => (s.context.platform = { key: 'x' }), path: 'statement.context.platform', code: 'WRONG_TYPE' },
  { name: 'a revision with an Agent object', change: (s) => (s.object = agent('b')), path: 'statement.context.revision', code: 'NOT_ALLOWED' },
  { name: 'a platform with a Group object', change: (s) => (s.object = { objectType: 'Group', mbox: 'mailto:g@example.com' }), path: 'statement.context.platform', code: 'NOT_ALLOWED' },
  { name: 'a platform with a StatementRef object', change: (s) => (s.object = { objectType: 'StatementRef', id: UUID_B }), path: 'statement.context.platform', code: 'NOT_ALLOWED' },
  { name: 'a revision with a SubStatement object', change: (s) => (s.object = substatement()), path: 'statement.context.revision', code: 'NOT_ALLOWED' },
  {
    name: 'a revision inside a SubStatement about an Agent',
    change: (s) => (s.object = { ...substatement(), object: agent('b') }),
    path: 'statement.object.context.revision',
    code: 'NOT_ALLOWED',
  },
  { name: 'a numeric language', change: (s) => (s.context.language = 12345), path: 'statement.context.language', code: 'WRONG_TYPE' },
  { name: 'a language that is not a tag', change: (s) => (s.context.language = 'something'), path: 'statement.context.language', code: 'BAD_LANGUAGE_TAG' },
  { name: 'a statement reference in the wrong case', change: (s) => (s.context.statement = { objectType: 'statementref', id: UUID_B }), path: 'statement.context.statement.objectType', code: 'BAD_VALUE' },
  { name: 'a statement reference without objectType', change: (s) => (s.context.statement = { id: UUID_B }), path: 'statement.context.statement.objectType', code: 'REQUIRED' },
  { name: 'a statement reference to no UUID', change: (s) => (s.context.statement = { objectType: 'StatementRef', id: 'should fail' }), path: 'statement.context.statement.id', code: 'NOT_UUID' },
  { name: 'contextAgents under 1.0.3', versions: ['1.0.3'], change: (s) => (s.context.contextAgents = []), path: 'statement.context.contextAgents', code: 'UNKNOWN_PROPERTY' },
  {
    name: 'a contextAgent of another objectType',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextAgents = [{ objectType: 'Should fail', agent: agent('p1') }]),
    path: 'statement.context.contextAgents.0.objectType',
    code: 'BAD_VALUE',
  },
  {
    name: 'a contextAgent whose agent is invalid',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextAgents = [{ objectType: 'contextAgent', agent: { key: 'Should fail' } }]),
    path: 'statement.context.contextAgents.0.agent.key',
    code: 'UNKNOWN_PROPERTY',
  },
  {
    name: 'a contextAgent whose agent is a Group',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextAgents = [{ objectType: 'contextAgent', agent: { objectType: 'Group', mbox: 'mailto:t@example.com' } }]),
    path: 'statement.context.contextAgents.0.agent.objectType',
    code: 'BAD_VALUE',
  },
  {
    name: 'a contextAgent with empty relevantTypes',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextAgents = [{ objectType: 'contextAgent', agent: agent('p1'), relevantTypes: [] }]),
    path: 'statement.context.contextAgents.0.relevantTypes',
    code: 'EMPTY',
  },
  {
    name: 'a contextAgent with a relevant type that is not an IRI',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextAgents = [{ objectType: 'contextAgent', agent: agent('p1'), relevantTypes: ['abc'] }]),
    path: 'statement.context.contextAgents.0.relevantTypes.0',
    code: 'NOT_IRI',
  },
  { name: 'contextAgents that are an object', versions: ['2.0.0'], change: (s) => (s.context.contextAgents = { objectType: 'contextAgent' }), path: 'statement.context.contextAgents', code: 'WRONG_TYPE' },
  {
    name: 'a contextGroup with members beside its group',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:t@example.com' }, member: [agent('p1')] }]),
    path: 'statement.context.contextGroups.0.member',
    code: 'UNKNOWN_PROPERTY',
  },
  {
    name: 'a contextGroup whose group is invalid',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group: { key: 'Should fail' } }]),
    path: 'statement.context.contextGroups.0.group.key',
    code: 'UNKNOWN_PROPERTY',
  },
  {
    name: 'a contextGroup without its group',
    versions: ['2.0.0'],
    change: (s) => (s.context.contextGroups = [{ objectType: 'contextGroup' }]),
    path: 'statement.context.contextGroups.0.group',
    code: 'REQUIRED',
  },
]);

refusals('timestamp and stored', [
  { name: 'words', change: (s) => (s.timestamp = 'should fail'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'a slashed date', change: (s) => (s.timestamp = '01/011/2015'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'offset -00', change: (s) => (s.timestamp = '2008-09-15T15:53:00.601-00'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'offset -0000', change: (s) => (s.timestamp = '2008-09-15T15:53:00.601-0000'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'offset -00:00', change: (s) => (s.timestamp = '2008-09-15T15:53:00.601-00:00'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'no time zone', change: (s) => (s.timestamp = '2008-09-15T15:53:00.601'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'no seconds', change: (s) => (s.timestamp = '2008-09-15T15:53Z'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'the 30th of February', change: (s) => (s.timestamp = '2023-02-30T10:00:00Z'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'a 29th of February outside a leap year', change: (s) => (s.timestamp = '2023-02-29T10:00:00Z'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'month 13', change: (s) => (s.timestamp = '2023-13-01T10:00:00Z'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'hour 25', change: (s) => (s.timestamp = '2023-01-01T25:00:00Z'), path: 'statement.timestamp', code: 'BAD_TIMESTAMP' },
  { name: 'a numeric timestamp', change: (s) => (s.timestamp = 1700000000000), path: 'statement.timestamp', code: 'WRONG_TYPE' },
  { name: 'an invalid stored', change: (s) => (s.stored = 'Sep 17, 1787'), path: 'statement.stored', code: 'BAD_TIMESTAMP' },
]);

refusals('version', [
  { name: '1.1.0', change: (s) => (s.version = '1.1.0'), path: 'statement.version', code: 'BAD_VERSION' },
  { name: '0.9.9', change: (s) => (s.version = '0.9.9'), path: 'statement.version', code: 'BAD_VERSION' },
  { name: 'words', change: (s) => (s.version = 'should fail'), path: 'statement.version', code: 'BAD_VERSION' },
  { name: '2.0.0 under 1.0.3', versions: ['1.0.3'], change: (s) => (s.version = '2.0.0'), path: 'statement.version', code: 'BAD_VERSION' },
  { name: '2.1.0', versions: ['2.0.0'], change: (s) => (s.version = '2.1.0'), path: 'statement.version', code: 'BAD_VERSION' },
  { name: 'a number', change: (s) => (s.version = 1), path: 'statement.version', code: 'WRONG_TYPE' },
  { name: 'Version in the wrong case', change: (s) => (s.Version = '1.0.3'), path: 'statement.Version', code: 'UNKNOWN_PROPERTY' },
]);

refusals('attachments', [
  { name: 'not an array', change: (s) => (s.attachments = attachment()), path: 'statement.attachments', code: 'WRONG_TYPE' },
  { name: 'a number in the array', change: (s) => (s.attachments = [12345]), path: 'statement.attachments.0', code: 'WRONG_TYPE' },
  { name: 'a string in the array', change: (s) => (s.attachments = ['should fail']), path: 'statement.attachments.0', code: 'WRONG_TYPE' },
  { name: 'no usageType', change: (s) => (s.attachments = [{ ...attachment(), usageType: undefined }]), path: 'statement.attachments.0.usageType', code: 'REQUIRED' },
  { name: 'a usageType that is not an IRI', change: (s) => (s.attachments = [{ ...attachment(), usageType: 'should fail' }]), path: 'statement.attachments.0.usageType', code: 'NOT_IRI' },
  { name: 'a contentType that is not a media type', change: (s) => (s.attachments = [{ ...attachment(), contentType: 'should fail' }]), path: 'statement.attachments.0.contentType', code: 'BAD_MEDIA_TYPE' },
  { name: 'a numeric contentType', change: (s) => (s.attachments = [{ ...attachment(), contentType: 999 }]), path: 'statement.attachments.0.contentType', code: 'WRONG_TYPE' },
  { name: 'a length that is words', change: (s) => (s.attachments = [{ ...attachment(), length: 'should fail' }]), path: 'statement.attachments.0.length', code: 'WRONG_TYPE' },
  { name: 'a fractional length', change: (s) => (s.attachments = [{ ...attachment(), length: 2.5 }]), path: 'statement.attachments.0.length', code: 'OUT_OF_RANGE' },
  { name: 'a negative length', change: (s) => (s.attachments = [{ ...attachment(), length: -1 }]), path: 'statement.attachments.0.length', code: 'OUT_OF_RANGE' },
  { name: 'a numeric sha2', change: (s) => (s.attachments = [{ ...attachment(), sha2: 12345 }]), path: 'statement.attachments.0.sha2', code: 'WRONG_TYPE' },
  { name: 'a sha2 that is no hash', change: (s) => (s.attachments = [{ ...attachment(), sha2: 'abc' }]), path: 'statement.attachments.0.sha2', code: 'BAD_SHA2' },
  { name: 'no sha2', change: (s) => (s.attachments = [{ ...attachment(), sha2: undefined }]), path: 'statement.attachments.0.sha2', code: 'REQUIRED' },
  { name: 'a fileUrl that is not an IRL', change: (s) => (s.attachments = [{ ...attachment(), fileUrl: 'should fail' }]), path: 'statement.attachments.0.fileUrl', code: 'NOT_IRI' },
  { name: 'no display', change: (s) => (s.attachments = [{ ...attachment(), display: undefined }]), path: 'statement.attachments.0.display', code: 'REQUIRED' },
  { name: 'an empty display', change: (s) => (s.attachments = [{ ...attachment(), display: {} }]), path: 'statement.attachments.0.display', code: 'EMPTY' },
  { name: 'a display that is a string', change: (s) => (s.attachments = [{ ...attachment(), display: 'should error' }]), path: 'statement.attachments.0.display', code: 'WRONG_TYPE' },
  { name: 'a numeric description', change: (s) => (s.attachments = [{ ...attachment(), description: 12345 }]), path: 'statement.attachments.0.description', code: 'WRONG_TYPE' },
  { name: 'a description with a bad tag', change: (s) => (s.attachments = [{ ...attachment(), description: { something: 'x' } }]), path: 'statement.attachments.0.description.something', code: 'BAD_LANGUAGE_TAG' },
]);

acceptances('Agents, Groups and the authority', [
  { name: 'an actor without objectType', change: (s) => delete s.actor.objectType },
  { name: 'an mbox_sha1sum', change: (s) => ((s.actor = { mbox_sha1sum: 'CD9B00A5611F94EAA7B1661EDAB976068E364975' })) },
  { name: 'an openid', change: (s) => (s.actor = { openid: 'http://openid.example.org/12345' }) },
  { name: 'an account', change: (s) => (s.actor = { objectType: 'Agent', account: personAccount(PUBLIC_URL, UUID_B) }) },
  { name: 'an identified Group without members', change: (s) => (s.actor = { objectType: 'Group', name: 'Group Identified', mbox: 'mailto:xapi@adlnet.gov' }) },
  {
    name: 'an identified Group with members of every identifier',
    change: (s) =>
      (s.actor = {
        objectType: 'Group',
        openid: 'http://openid.example.org/12345',
        member: [
          { objectType: 'Agent', account: { homePage: 'http://account.xapi.adlnet.gov', name: 'xAPI' } },
          { openid: 'http://openid.xapi.adlnet.gov' },
          { mbox_sha1sum: '9a126c1d3d446da553231de4461791ca0a3b8b3f' },
          { mbox: 'mailto:xapi@adlnet.gov' },
        ],
      }),
  },
  { name: 'an anonymous Group', change: (s) => (s.actor = groupOf(agent('a'), agent('b'))) },
  { name: 'a Group as instructor and a Group as team', change: (s) => Object.assign(s.context, { instructor: groupOf(agent('a')), team: { objectType: 'Group', mbox: 'mailto:t@example.com' } }) },
  { name: 'an Agent authority', change: (s) => (s.authority = agent('authority')) },
  { name: 'the OAuth authority Group', change: (s) => (s.authority = oauthAuthority()) },
  { name: 'an empty name', change: (s) => (s.actor.name = '') },
]);

acceptances('objects', [
  { name: 'an Activity without objectType or definition', change: (s) => (s.object = { id: 'http://www.example.com/meetings/occurances/34534' }) },
  { name: 'an Agent object', change: (s) => ((s.object = agent('b')), delete s.context.revision, delete s.context.platform) },
  { name: 'a Group object', change: (s) => ((s.object = groupOf(agent('b'))), delete s.context.revision, delete s.context.platform) },
  { name: 'a StatementRef', change: (s) => ((s.object = { objectType: 'StatementRef', id: UUID_B }), delete s.context.revision, delete s.context.platform) },
  { name: 'a voiding statement', change: (s) => ((s.verb = { id: xapiVerbs.voided, display: { 'en-US': 'voided' } }), (s.object = { objectType: 'StatementRef', id: UUID_B }), delete s.context) },
  { name: 'a SubStatement', change: (s) => ((s.object = substatement()), delete s.context.revision, delete s.context.platform) },
  { name: 'a SubStatement about a StatementRef', change: (s) => ((s.object = { objectType: 'SubStatement', actor: agent('b'), verb: { id: 'http://example.com/v' }, object: { objectType: 'StatementRef', id: UUID_B } }), delete s.context) },
  { name: 'a SubStatement in the future with attachments', change: (s) => ((s.object = { ...substatement(), timestamp: '2099-01-01T00:00:00Z', attachments: [attachment()] }), delete s.context.revision, delete s.context.platform) },
  { name: 'an IRI with dot segments', change: (s) => (s.object.id = 'http://example.com/path/../7c4e') },
  { name: 'a URN', change: (s) => (s.object.id = 'urn:articulate:storyline:5rHOBfQ3Rzf/6Yc1mOCyTfJ') },
  { name: 'an IRI with Chinese characters', change: (s) => (s.object.id = 'https://培训.example.cn/课程/液压') },
]);

const interactions: Record<string, Json> = {
  'true-false': { interactionType: 'true-false', correctResponsesPattern: ['true'] },
  choice: { interactionType: 'choice', correctResponsesPattern: ['golf[,]tetris'], choices: [{ id: 'golf', description: { 'en-US': 'Golf Example' } }, { id: 'tetris', description: { 'en-US': 'Tetris Example' } }] },
  'fill-in': { interactionType: 'fill-in', correctResponsesPattern: ['Bob\'s your uncle'] },
  'long-fill-in': { interactionType: 'long-fill-in', correctResponsesPattern: ['{case_matters=false}{lang=en}To store and provide access to learning experiences.'] },
  matching: {
    interactionType: 'matching',
    correctResponsesPattern: ['ben[.]3[,]chris[.]2'],
    source: [{ id: 'ben', description: { 'en-US': 'Ben' } }, { id: 'chris', description: { 'sr-Latn-RS': 'Kris' } }],
    target: [{ id: '2', description: { 'en-US': 'Swimming' } }, { id: '3', description: { ja: '水泳' } }],
  },
  performance: { interactionType: 'performance', correctResponsesPattern: ['pong[.]1:[,]dg[.]:10[,]lunch[.]'], steps: [{ id: 'pong', description: { 'en-US': 'Net pong' } }, { id: 'dg' }] },
  sequencing: { interactionType: 'sequencing', correctResponsesPattern: ['tim[,]mike'], choices: [{ id: 'tim' }, { id: 'mike' }] },
  likert: { interactionType: 'likert', correctResponsesPattern: ['likert_3'], scale: [{ id: 'likert_0', description: { 'en-US': "It's OK" } }, { id: 'likert_3' }] },
  numeric: { interactionType: 'numeric', correctResponsesPattern: ['4[:]'] },
  other: { interactionType: 'other', correctResponsesPattern: ['(35.937432,-86.868896)'] },
  'no components': { interactionType: 'choice' },
};

acceptances(
  'interaction activities of every type',
  Object.entries(interactions).map(([name, parts]) => ({
    name,
    change: (s: Json) => Object.assign(s.object.definition, { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', ...structuredClone(parts) }),
  })),
);

acceptances('language tags the suite accepts', [
  ...['de', 'i-enochian', 'ine', 'zh-Hant', 'sr-Latn', 'zh-cmn-Hans-CN', 'sr-Latn-RS', 'sl-rozaj-biske', 'de-CH-1901', 'hy-Latn-IT-arevela', 'de-DE', 'az-Arab-x-AZE-derbend', 'x-whatever', 'es-MX', 'und'].map(
    (tag) => ({ name: `display ${tag}`, change: (s: Json) => (s.verb.display = { [tag]: 'attended' }) }),
  ),
  ...['tlh', 'cmn', 'fr-CA', 'en-us'].map((tag) => ({ name: `context.language ${tag}`, change: (s: Json) => (s.context.language = tag) })),
]);

acceptances('result, context and extensions', [
  { name: 'scaled at both ends', change: (s) => (s.result.score.scaled = -1) },
  { name: 'scaled 1.0', change: (s) => (s.result.score.scaled = 1.0) },
  { name: 'raw equal to min and to max', change: (s) => (s.result.score = { raw: 0, min: 0, max: 0.5 }) },
  { name: 'raw alone, any number', change: (s) => (s.result.score = { raw: 100.6767676 }) },
  { name: 'an empty result', change: (s) => (s.result = {}) },
  ...['PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'PT0S', 'P1DT12H'].map((duration) => ({ name: `duration ${duration}`, change: (s: Json) => (s.result.duration = duration) })),
  { name: 'a null extension value', change: (s) => (s.object.definition.extensions = { 'http://example.com/null': null }) },
  { name: 'empty extensions', change: (s) => ((s.result.extensions = {}), (s.context.extensions = {})) },
  { name: 'extension values of every type', change: (s) => (s.context.extensions = { 'http://example.com/a': true, 'http://example.com/b': 12345, 'http://example.com/c': { key: 'valid' }, 'http://example.com/d': [1] }) },
  { name: 'all four context activity kinds, object and array', change: (s) => (s.context.contextActivities = { parent: activity(), grouping: [activity()], category: [], other: [activity(), { id: 'http://example.com/b' }] }) },
  { name: 'revision and platform with an Activity lacking objectType', change: (s) => delete s.object.objectType },
  {
    name: 'contextAgents and contextGroups',
    versions: ['2.0.0'],
    change: (s) =>
      Object.assign(s.context, {
        contextAgents: [{ objectType: 'contextAgent', agent: agent('p1'), relevantTypes: ['https://example.com/xapi/activity-types/personnel/player'] }],
        contextGroups: [
          { objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:team-1@example.com', member: [agent('p1'), agent('p2')] }, relevantTypes: ['https://example.com/xapi/activity-types/team/a'] },
          { objectType: 'contextGroup', group: groupOf(agent('p3')) },
        ],
      }),
  },
]);

acceptances('timestamps, stored, version, attachments', [
  { name: 'Z', change: (s) => (s.timestamp = '2013-05-18T05:32:34.804Z') },
  { name: 'no fraction', change: (s) => (s.timestamp = '2013-05-18T05:32:34Z') },
  { name: 'nanoseconds', change: (s) => (s.timestamp = '2013-05-18T05:32:34.123456789+08:00') },
  { name: '+0800', change: (s) => (s.timestamp = '2013-05-18T05:32:34.804+0800') },
  { name: '+08', change: (s) => (s.timestamp = '2013-05-18T05:32:34.804+08') },
  { name: '+00:00', change: (s) => (s.timestamp = '2013-05-18T05:32:34.804+00:00') },
  { name: 'a space for the T (RFC 3339)', change: (s) => (s.timestamp = '2008-09-15 15:53:00.601+00:00') },
  { name: 'ISO 8601 basic', change: (s) => (s.timestamp = '20080915T155300Z') },
  { name: 'a leap day', change: (s) => (s.timestamp = '2024-02-29T23:59:59.999-05:00') },
  { name: 'a stored time the store will replace', change: (s) => (s.stored = '2011-07-15T00:00:00.000Z') },
  { name: 'version 1.0', versions: ['1.0.3'], change: (s) => (s.version = '1.0') },
  { name: 'version 1.0.9', change: (s) => (s.version = '1.0.9') },
  { name: 'version 2.0.0', versions: ['2.0.0'], change: (s) => (s.version = '2.0.0') },
  { name: 'an attachment', change: (s) => (s.attachments = [attachment()]) },
  { name: 'an attachment without fileUrl and with a SHA-512', change: (s) => (s.attachments = [{ ...attachment(), fileUrl: undefined, sha2: 'ab'.repeat(64) }]) },
  { name: 'no attachments', change: (s) => (s.attachments = []) },
]);

/** A cmi5 assignable unit's "completed" statement as a cmi5 player's content sends it. */
function cmi5Completed(): Json {
  return {
    id: '2a1f3c44-6c8e-4a5e-9c57-2d7c2f1b9e11',
    actor: { objectType: 'Agent', name: '张伟', account: { homePage: 'https://lms.example.cn', name: 'zhangwei' } },
    verb: { id: xapiVerbs.completed, display: { 'en-US': 'completed', 'zh-CN': '完成' } },
    object: {
      objectType: 'Activity',
      id: 'https://courses.example.cn/au/hydraulics-01',
      definition: {
        name: { 'zh-CN': '液压系统维护 第一单元', 'en-US': 'Hydraulic systems, unit 1' },
        description: { 'zh-CN': '液压泵的拆装与检查' },
        type: 'http://adlnet.gov/expapi/activities/lesson',
      },
    },
    result: { completion: true, duration: 'PT23M12.5S' },
    context: {
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      contextActivities: {
        grouping: [{ objectType: 'Activity', id: 'https://courses.example.cn/hydraulics' }],
        category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }, { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
      },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': '458d6c3a-2ac6-4d2e-b7f5-a4a0b3c6e1d8' },
    },
    timestamp: '2024-06-01T09:15:27.123+08:00',
  };
}

/** A Storyline-style answered question: a choice interaction with its response and score. */
function storylineAnswered(): Json {
  return {
    actor: { name: 'Li Na', mbox: 'mailto:lina@example.cn' },
    verb: { id: xapiVerbs.answered, display: { 'en-US': 'answered' } },
    object: {
      id: 'urn:articulate:storyline:5rHOBfQ3Rzf/6Yc1mOCyTfJ/5xFmzTlYHJd',
      objectType: 'Activity',
      definition: {
        name: { und: '安全阀的开启压力' },
        description: { und: '下列哪些说法正确？' },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['choice_6HzVw[,]choice_5dWJs'],
        choices: [
          { id: 'choice_6HzVw', description: { und: '开启压力应高于工作压力' } },
          { id: 'choice_5dWJs', description: { und: '需定期校验' } },
          { id: 'choice_6WeAc', description: { und: '可随意调整' } },
        ],
      },
    },
    result: { score: { scaled: 1, raw: 10, min: 0, max: 10 }, success: true, response: 'choice_6HzVw[,]choice_5dWJs', duration: 'PT12.34S' },
    context: {
      contextActivities: { parent: [{ id: 'urn:articulate:storyline:5rHOBfQ3Rzf/6Yc1mOCyTfJ', objectType: 'Activity' }], grouping: [{ id: 'urn:articulate:storyline:5rHOBfQ3Rzf', objectType: 'Activity' }] },
    },
    timestamp: '2024-06-01T01:15:27.123Z',
  };
}

/** A statement Fulcrum writes itself: an employee's safety-drill check-in, by account, zh-CN first. */
function fulcrumCheckIn(): Json {
  return {
    id: '0b0f3d1e-7c43-4b6f-8a3e-93d1f4f3a2c1',
    actor: { objectType: 'Agent', name: '王芳', account: personAccount(PUBLIC_URL, 'd4c1a9b2-5e6f-4a7b-8c9d-0e1f2a3b4c5d') },
    verb: { id: fulcrumVerbIri(PUBLIC_URL, 'checked-in'), display: { 'zh-CN': '签到', 'en-US': 'checked in' } },
    object: {
      objectType: 'Activity',
      id: learningActivityIri(PUBLIC_URL, 'safety-drill', '9f8e7d6c-5b4a-4321-8fed-cba987654321'),
      definition: { name: { 'zh-CN': '消防疏散演练', 'en-US': 'Fire evacuation drill' }, type: 'http://adlnet.gov/expapi/activities/simulation' },
    },
    context: { platform: 'Fulcrum', language: 'zh-CN', extensions: { [`${PUBLIC_URL}/xapi/extensions/location`]: { lat: 31.23, lng: 121.47 } } },
    timestamp: '2024-06-03T08:00:05.000+08:00',
    version: '1.0.3',
  };
}

describe('realistic statements', () => {
  for (const [name, make] of [
    ['cmi5 completed', cmi5Completed],
    ['Storyline answered', storylineAnswered],
    ['Fulcrum check-in', fulcrumCheckIn],
  ] as const) {
    it(`accepts a ${name} statement under both versions`, () => {
      for (const version of BOTH) expect(issuesOf(make(), version)).toEqual([]);
    });
  }

  it('measures the cost of one realistic statement (printed, not asserted)', () => {
    const statement = { ...cmi5Completed(), result: storylineAnswered().result, object: storylineAnswered().object };
    expect(JSON.stringify(statement).length).toBeGreaterThan(1000);
    const rounds = 20_000;
    for (let i = 0; i < 2_000; i++) validateStatement(statement, '2.0.0');
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) validateStatement(statement, '2.0.0');
    const micros = Number(process.hrtime.bigint() - started) / 1000 / rounds;
    console.log(`validateStatement: ${micros.toFixed(2)} µs per statement of ${JSON.stringify(statement).length} bytes`);
    expect(issuesOf(statement, '2.0.0')).toEqual([]);
  });
});

describe('the agent parameter', () => {
  const refusalOf = (value: unknown) => {
    try {
      validateAgentParameter(value, '2.0.0', 'query.agent');
      return [];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return (error.details as { issues: ErrorIssue[] }).issues.map((i) => `${i.path} ${i.code}`);
    }
  };

  it('accepts an Agent by any identifier and an identified Group', () => {
    expect(refusalOf({ mbox: 'mailto:a@example.com' })).toEqual([]);
    expect(refusalOf({ objectType: 'Agent', account: personAccount(PUBLIC_URL, UUID_A) })).toEqual([]);
    expect(refusalOf({ objectType: 'Group', openid: 'http://openid.example.org/g' })).toEqual([]);
  });

  it('refuses a malformed Agent, an anonymous Group and what is not an object, naming the parameter', () => {
    expect(refusalOf({ mbox: 'a@example.com' })).toEqual(['query.agent.mbox BAD_MBOX']);
    expect(refusalOf({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] })).toEqual(['query.agent ONE_IFI']);
    expect(refusalOf({ mbox: 'mailto:a@example.com', Name: 'x' })).toEqual(['query.agent.Name UNKNOWN_PROPERTY']);
    expect(refusalOf('mailto:a@example.com')).toEqual(['query.agent WRONG_TYPE']);
  });
});

describe('isIri', () => {
  it.each([
    ['http://www.example.com/meetings/occurances/34534', true],
    ['urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0', true],
    ['mailto:a@example.com', true],
    ['https://培训.example.cn/课程', true],
    ['ab=c://should.fail.com', false],
    ['should fail', false],
    ['abc', false],
    ['http://example.com/a b', false],
    ['http:', false],
    ['1http://example.com', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIri(value)).toBe(expected);
  });
});
