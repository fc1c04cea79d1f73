import { describe, expect, it } from 'vitest';
import { xapiVerbs } from '@fulcrum/shared';
import { AppError } from '../../lib/errors.ts';
import { agentKey, statementKeys } from './statement-keys.ts';
import { validateStatement } from './validate.ts';

type Json = Record<string, unknown>;

const UUID_A = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';
const ann = { objectType: 'Agent', name: '安娜', mbox: 'mailto:ann@example.com' };
const bob = { mbox_sha1sum: 'CD9B00A5611F94EAA7B1661EDAB976068E364975' };
const carl = { openid: 'http://openid.example.org/carl' };
const dora = { account: { homePage: 'https://fulcrum.example.cn', name: 'd4c1a9b2' } };
const course = 'http://example.com/courses/hydraulics';
const lesson = 'http://example.com/courses/hydraulics/lesson-1';

/** Every statement these tests index is first checked to be valid, as the store does. */
function keysOf(statement: Json) {
  validateStatement(statement, '2.0.0');
  return statementKeys(statement);
}

describe('agentKey', () => {
  it.each([
    ['mbox', ann, 'mbox:mailto:ann@example.com'],
    ['mbox_sha1sum, in lower case', bob, 'mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975'],
    ['openid', carl, 'openid:http://openid.example.org/carl'],
    ['account', dora, 'account:https://fulcrum.example.cn|d4c1a9b2'],
    ['an identified group by its own identifier, not its members', { objectType: 'Group', mbox: 'mailto:team@example.com', member: [ann] }, 'mbox:mailto:team@example.com'],
  ])('%s', (_, agent, key) => {
    expect(agentKey(agent)).toBe(key);
  });

  it('ignores the name and the objectType, so one person is one key', () => {
    expect(agentKey({ name: 'Ann', mbox: 'mailto:ann@example.com' })).toBe(agentKey(ann));
  });

  it('knows an anonymous group by its members, whatever their order', () => {
    const one = agentKey({ objectType: 'Group', member: [carl, ann] });
    expect(one).toBe('group:mbox:mailto:ann@example.com,openid:http://openid.example.org/carl');
    expect(agentKey({ objectType: 'Group', name: 'another name', member: [ann, carl] })).toBe(one);
    expect(agentKey({ objectType: 'Group', member: [ann] })).not.toBe(one);
  });

  it('refuses an agent without identifier (validation should have stopped it)', () => {
    expect(() => agentKey({ name: 'nobody' })).toThrow(AppError);
  });
});

describe('statementKeys', () => {
  it('indexes an activity statement: actor, verb, activity, registration, context activities as object or array', () => {
    const keys = keysOf({
      actor: ann,
      verb: { id: xapiVerbs.completed },
      object: { id: lesson },
      context: {
        registration: UUID_A,
        instructor: bob,
        team: { objectType: 'Group', name: '一班', member: [carl, dora] },
        contextActivities: { parent: { id: course }, grouping: [{ id: course }, { id: 'http://example.com/programmes/maintenance' }], category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }], other: [] },
      },
    });
    expect(keys).toEqual({
      actorKey: 'mbox:mailto:ann@example.com',
      objectAgentKey: null,
      activityId: lesson,
      verbId: xapiVerbs.completed,
      registration: UUID_A,
      voidsId: null,
      relatedAgents: [
        'mbox:mailto:ann@example.com',
        'mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975',
        'group:account:https://fulcrum.example.cn|d4c1a9b2,openid:http://openid.example.org/carl',
        'openid:http://openid.example.org/carl',
        'account:https://fulcrum.example.cn|d4c1a9b2',
      ],
      relatedActivities: [lesson, course, 'http://example.com/programmes/maintenance', 'https://w3id.org/xapi/cmi5/context/categories/cmi5'],
    });
  });

  it('gives an Agent or Group object its key and no activity', () => {
    const keys = keysOf({ actor: ann, verb: { id: 'http://example.com/verbs/mentored' }, object: { objectType: 'Group', mbox: 'mailto:team@example.com', member: [bob] } });
    expect(keys.objectAgentKey).toBe('mbox:mailto:team@example.com');
    expect(keys.activityId).toBeNull();
    expect(keys.registration).toBeNull();
    expect(keys.relatedAgents).toEqual(['mbox:mailto:ann@example.com', 'mbox:mailto:team@example.com', 'mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975']);
    expect(keys.relatedActivities).toEqual([]);
  });

  it('counts the authority and its members among the related agents, once each', () => {
    const authority = { objectType: 'Group', member: [{ account: { homePage: 'http://example.com/xAPI/OAuth/Token', name: 'oauth_consumer_x75db' } }, ann] };
    const keys = keysOf({ actor: ann, verb: { id: xapiVerbs.experienced }, object: { id: lesson }, authority });
    expect(keys.actorKey).toBe('mbox:mailto:ann@example.com');
    expect(keys.relatedAgents).toEqual([
      'mbox:mailto:ann@example.com',
      'group:account:http://example.com/xAPI/OAuth/Token|oauth_consumer_x75db,mbox:mailto:ann@example.com',
      'account:http://example.com/xAPI/OAuth/Token|oauth_consumer_x75db',
    ]);
  });

  it('links a voiding statement to the statement it voids, and only a voiding one', () => {
    const voiding = keysOf({ actor: ann, verb: { id: xapiVerbs.voided }, object: { objectType: 'StatementRef', id: UUID_A } });
    expect(voiding.voidsId).toBe(UUID_A);
    expect(voiding.activityId).toBeNull();
    expect(voiding.objectAgentKey).toBeNull();
    const reference = keysOf({ actor: ann, verb: { id: 'http://example.com/verbs/commented' }, object: { objectType: 'StatementRef', id: UUID_A } });
    expect(reference.voidsId).toBeNull();
  });

  it('reaches into a SubStatement for related agents and activities but indexes no activity of its own', () => {
    const keys = keysOf({
      actor: ann,
      verb: { id: 'http://example.com/verbs/planned' },
      object: {
        objectType: 'SubStatement',
        actor: { objectType: 'Group', member: [bob, carl] },
        verb: { id: xapiVerbs.attended },
        object: { objectType: 'Activity', id: lesson },
        context: { instructor: dora, contextActivities: { parent: [{ id: course }] } },
      },
      context: { contextActivities: { grouping: { id: 'http://example.com/programmes/maintenance' } } },
    });
    expect(keys.activityId).toBeNull();
    expect(keys.objectAgentKey).toBeNull();
    expect(keys.relatedActivities).toEqual(['http://example.com/programmes/maintenance', lesson, course]);
    expect(keys.relatedAgents).toEqual([
      'mbox:mailto:ann@example.com',
      'group:mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975,openid:http://openid.example.org/carl',
      'mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975',
      'openid:http://openid.example.org/carl',
      'account:https://fulcrum.example.cn|d4c1a9b2',
    ]);
  });

  it('counts xAPI 2.0 context agents and context groups among the related agents', () => {
    const keys = keysOf({
      actor: ann,
      verb: { id: xapiVerbs.attended },
      object: { id: lesson },
      context: {
        contextAgents: [{ objectType: 'contextAgent', agent: carl }],
        contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:team@example.com', member: [dora] } }],
      },
    });
    expect(keys.relatedAgents).toEqual(['mbox:mailto:ann@example.com', 'openid:http://openid.example.org/carl', 'mbox:mailto:team@example.com', 'account:https://fulcrum.example.cn|d4c1a9b2']);
  });
});
