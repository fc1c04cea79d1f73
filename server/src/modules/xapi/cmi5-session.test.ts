import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { learningActivityIri, xapiVerbDisplay, xapiVerbs, type XapiVerbName } from '@fulcrum/shared';
import { knowledgePointScores, learningStudyTime } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, signIn, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { CMI5_PROGRESS_EXTENSION } from './projections.ts';
import { seedLearner, xapiClient, type XapiClient } from './test-support.ts';

/*
 * A cmi5 assignable unit reporting one session of a learner to the store over HTTP, one statement at a time as a
 * real AU does: launched (by the LMS), initialized, progressed, an answer naming a knowledge point, passed,
 * terminated. The learner's progress reflects the session as soon as it is read.
 */

const AU = learningActivityIri(TEST_PUBLIC_URL, 'micro-course', 'hydraulic-maintenance');
const KNOWLEDGE_POINT = learningActivityIri(TEST_PUBLIC_URL, 'knowledge-point', 'hydraulic-seals');
const CMI5_CATEGORY = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const T0 = Date.parse('2026-03-05T01:40:00Z'); // 09:40 in Beijing

let t: TestApp;
let orgId: string;
let learner: Awaited<ReturnType<typeof seedLearner>>;
let xapi: XapiClient;

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  learner = await seedLearner(t, orgId, '刘建国');
  ({ xapi } = await xapiClient(t, { organisationId: orgId }));
});
afterAll(() => t.close());

describe('a cmi5 session posted over HTTP', () => {
  it('updates the learner’s progress: passed, success, score, progress, study time, first and last', async () => {
    const registration = randomUUID();
    const session = randomUUID();
    const statement = (verb: XapiVerbName, minute: number, extra: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      actor: learner.agent,
      verb: { id: xapiVerbs[verb], display: xapiVerbDisplay[verb] },
      object: {
        objectType: 'Activity',
        id: AU,
        definition: { name: { 'zh-CN': '液压系统维护', 'en-US': 'Hydraulic system maintenance' }, type: 'http://adlnet.gov/expapi/activities/lesson' },
      },
      context: { registration, contextActivities: { category: [CMI5_CATEGORY] }, extensions: { [SESSION_EXTENSION]: session } },
      timestamp: new Date(T0 + minute * 60_000).toISOString(),
      ...extra,
    });
    const post = async (body: unknown) => {
      const response = await xapi.post('/xapi/statements', body);
      expect(response.statusCode, response.body).toBe(200);
      t.clock.advance(60_000);
    };

    await post(statement('launched', 0));
    await post(statement('initialized', 1));
    await post(statement('progressed', 12, { result: { extensions: { [CMI5_PROGRESS_EXTENSION]: 75 } } }));
    await post({
      id: randomUUID(),
      actor: learner.agent,
      verb: { id: xapiVerbs.answered, display: xapiVerbDisplay.answered },
      object: {
        objectType: 'Activity',
        id: learningActivityIri(TEST_PUBLIC_URL, 'question', 'seal-leak'),
        definition: { name: { 'zh-CN': '油封渗漏的首要原因' }, type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'true-false', correctResponsesPattern: ['true'] },
      },
      result: { success: true, response: 'true' },
      context: { registration, contextActivities: { parent: [{ objectType: 'Activity', id: AU }], category: [{ objectType: 'Activity', id: KNOWLEDGE_POINT }] } },
      timestamp: new Date(T0 + 18 * 60_000).toISOString(),
    });
    await post(statement('passed', 21, { result: { success: true, score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, duration: 'PT20M' } }));
    await post(statement('terminated', 23, { result: { duration: 'PT22M30S' } }));

    // The learner's own view on their phone, read right after the last POST.
    const own = await new Client(t.app).login(learner.user.username);
    const mine = await own.get('/api/v1/lrs/my-progress');
    expect(mine.statusCode, mine.body).toBe(200);
    const expected = {
      personId: learner.person.id,
      personName: '刘建国',
      activityId: AU,
      activityName: '液压系统维护',
      status: 'passed',
      completed: false,
      success: true,
      progress: 75,
      studySeconds: 22 * 60 + 30,
      firstAt: new Date(T0).toISOString(),
      lastAt: new Date(T0 + 23 * 60_000).toISOString(),
    };
    expect(mine.json().items).toEqual([expect.objectContaining(expected)]);
    expect(mine.json().items[0].scoreScaled).toBeCloseTo(0.85, 5);

    // The training manager sees the same row in the organisation's list.
    const manager = await signIn(t, orgId, 'training_manager');
    const listed = await manager.get(`/api/v1/lrs/progress?personId=${learner.person.id}`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ total: 1, items: [expected] });

    expect(await t.db.select().from(learningStudyTime).where(eq(learningStudyTime.personId, learner.person.id))).toEqual([
      expect.objectContaining({ organisationId: orgId, activityId: AU, day: '2026-03-05', seconds: 1350 }),
    ]);
    expect(await t.db.select().from(knowledgePointScores).where(eq(knowledgePointScores.personId, learner.person.id))).toEqual([
      expect.objectContaining({ knowledgePointId: 'hydraulic-seals', attempts: 1, correct: 1 }),
    ]);
  });
});
