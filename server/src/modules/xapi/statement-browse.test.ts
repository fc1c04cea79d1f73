import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { personAccount, xapiVerbs } from '@fulcrum/shared';
import { eq } from 'drizzle-orm';
import { memberships, xapiStatements } from '../../db/schema/index.ts';
import { buildTestApp, Client, createOrganisation, signIn, TEST_PUBLIC_URL, type TestApp } from '../../test/app.ts';
import { seedLearner, seedLrsClient, xapiClient } from './test-support.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let manager: Client;
let learner: Awaited<ReturnType<typeof seedLearner>>;
let courseware: Awaited<ReturnType<typeof seedLrsClient>>;

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const LESSON = 'http://example.com/activities/hydraulics';
const QUIZ = 'http://example.com/activities/hydraulics-quiz';

interface Row {
  id: string;
  stored: string;
  actorName: string | null;
  actorKey: string;
  personId: string | null;
  verbId: string;
  verbDisplay: string | null;
  objectId: string | null;
  objectName: string | null;
  voided: boolean;
  clientName: string | null;
  statement: Record<string, unknown>;
}
interface PageBody {
  items: Row[];
  total: number;
}

/**
 * A statement stored in the table as the store keeps it: the indexed columns beside the statement. The browser is a
 * reader of stored statements, so the test writes the rows it reads, with the stored times it needs.
 */
async function stored(options: {
  organisationId?: string;
  minutes: number;
  verb: { id: string; display?: Record<string, string> };
  activity?: string;
  activityName?: Record<string, string>;
  object?: Record<string, unknown>;
  objectAgentKey?: string;
  actor?: Record<string, unknown>;
  personId?: string | null;
  clientId?: string | null;
  voided?: boolean;
}) {
  const id = randomUUID();
  const actor: Record<string, unknown> = options.actor ?? learner.agent;
  const object = options.object ?? { objectType: 'Activity', id: options.activity ?? LESSON, ...(options.activityName ? { definition: { name: options.activityName } } : {}) };
  const actorKey = actor.account ? `account:${JSON.stringify(actor.account)}` : `mbox:${String(actor.mbox)}`;
  const statement = { id, actor, verb: options.verb, object, stored: at(options.minutes).toISOString(), timestamp: at(options.minutes - 1).toISOString(), version: '2.0.0' };
  await t.db.insert(xapiStatements).values({
    id,
    organisationId: options.organisationId ?? orgId,
    stored: at(options.minutes),
    timestamp: at(options.minutes - 1),
    actorKey,
    objectAgentKey: options.objectAgentKey ?? null,
    verbId: options.verb.id,
    activityId: object.objectType === 'Activity' ? String(object.id) : null,
    voided: options.voided ?? false,
    relatedAgents: [actorKey],
    relatedActivities: object.objectType === 'Activity' ? [String(object.id)] : [],
    personId: options.personId === undefined ? learner.person.id : options.personId,
    clientId: options.clientId === undefined ? courseware.client.id : options.clientId,
    statement,
  });
  return id;
}

const ids = {} as Record<'launched' | 'completed' | 'quiz' | 'stranger' | 'voided' | 'agentObject' | 'sameInstant' | 'foreign', string>;
const browse = async (query = '', client = manager) => {
  const response = await client.get(`/api/v1/lrs/statements${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PageBody>();
};

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  otherOrgId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  manager = await signIn(t, orgId, 'training_manager');
  learner = await seedLearner(t, orgId, '张伟');
  courseware = await seedLrsClient(t, { organisationId: orgId, name: '液压课件' });
  const stranger = { objectType: 'Agent', name: '外部学员', mbox: 'mailto:guest@example.com' };
  ids.launched = await stored({ minutes: 1, verb: { id: xapiVerbs.launched, display: { 'en-US': 'launched', 'zh-CN': '启动了' } }, activityName: { 'en-US': 'Hydraulics', 'zh-CN': '液压系统维护' } });
  // No display on the verb: the registry names it.
  ids.completed = await stored({ minutes: 2, verb: { id: xapiVerbs.completed }, activityName: { 'en-US': 'Hydraulics' } });
  ids.quiz = await stored({ minutes: 3, verb: { id: xapiVerbs.passed, display: { 'en-US': 'passed' } }, activity: QUIZ, activityName: { 'zh-CN': '液压测验' } });
  ids.stranger = await stored({ minutes: 4, verb: { id: 'http://example.com/verbs/bookmarked', display: { en: 'bookmarked' } }, actor: stranger, personId: null, clientId: null });
  ids.voided = await stored({ minutes: 5, verb: { id: xapiVerbs.experienced, display: { 'zh-CN': '学习' } }, voided: true });
  ids.agentObject = await stored({ minutes: 6, verb: { id: xapiVerbs.attended }, object: { objectType: 'Agent', name: '李老师', mbox: 'mailto:li@example.com' }, objectAgentKey: 'mbox:mailto:li@example.com' });
  // Stored in the same millisecond as the previous one: the later-stored row (higher seq) comes first.
  ids.sameInstant = await stored({ minutes: 6, verb: { id: xapiVerbs.voided }, object: { objectType: 'StatementRef', id: ids.voided } });
  ids.foreign = await stored({ organisationId: otherOrgId, minutes: 7, verb: { id: xapiVerbs.launched }, personId: null, clientId: (await seedLrsClient(t, { organisationId: otherOrgId })).client.id });
});
afterAll(() => t.close());

describe('the statement browser', () => {
  it('lists the organisation’s statements newest first, never another organisation’s', async () => {
    const page = await browse();
    expect(page.total).toBe(7);
    expect(page.items.map((r) => r.id)).toEqual([ids.sameInstant, ids.agentObject, ids.voided, ids.stranger, ids.quiz, ids.completed, ids.launched]);
    const oldest = await browse('?sort=stored&pageSize=2&page=2');
    expect(oldest.items.map((r) => r.id)).toEqual([ids.quiz, ids.stranger]);
  });

  it('shows each statement as a reader sees it: learner, verb, object, key, voided', async () => {
    const byId = new Map((await browse()).items.map((r) => [r.id, r]));
    expect(byId.get(ids.launched)).toMatchObject({
      actorName: '张伟',
      actorKey: `account:${JSON.stringify(personAccount(TEST_PUBLIC_URL, learner.person.id))}`,
      personId: learner.person.id,
      verbId: xapiVerbs.launched,
      verbDisplay: '启动了',
      objectId: LESSON,
      objectName: '液压系统维护',
      voided: false,
      clientName: '液压课件',
      stored: at(1).toISOString(),
    });
    expect(byId.get(ids.launched)!.statement).toMatchObject({ id: ids.launched, verb: { id: xapiVerbs.launched } });
    // The registry's name when the statement gives none; the object's only name, whatever its language.
    expect(byId.get(ids.completed)).toMatchObject({ verbDisplay: '完成', objectName: 'Hydraulics' });
    // A verb outside the registry keeps its own display; a statement a learner's page wrote has no key.
    expect(byId.get(ids.stranger)).toMatchObject({ actorName: '外部学员', personId: null, verbDisplay: 'bookmarked', clientName: null });
    expect(byId.get(ids.voided)).toMatchObject({ voided: true, verbDisplay: '学习' });
    expect(byId.get(ids.agentObject)).toMatchObject({ verbDisplay: '出勤', objectId: 'mbox:mailto:li@example.com', objectName: '李老师' });
    expect(byId.get(ids.sameInstant)).toMatchObject({ verbDisplay: '作废', objectId: ids.voided, objectName: null });
  });

  it('speaks the reader’s language when the statement has it', async () => {
    await manager.put('/api/v1/auth/preferences', { locale: 'en-US' });
    try {
      const byId = new Map((await browse()).items.map((r) => [r.id, r]));
      expect(byId.get(ids.launched)).toMatchObject({ verbDisplay: 'launched', objectName: 'Hydraulics' });
      expect(byId.get(ids.completed)!.verbDisplay).toBe('completed');
      expect(byId.get(ids.quiz)!.objectName).toBe('液压测验');
    } finally {
      await manager.put('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
  });

  it('narrows by verb, activity, learner and stored time (after since, up to until)', async () => {
    const idsOf = async (query: string) => (await browse(query)).items.map((r) => r.id);
    expect(await idsOf(`?verb=${encodeURIComponent(xapiVerbs.launched)}`)).toEqual([ids.launched]);
    expect(await idsOf(`?activity=${encodeURIComponent(QUIZ)}`)).toEqual([ids.quiz]);
    expect(await idsOf(`?personId=${learner.person.id}&verb=${encodeURIComponent(xapiVerbs.completed)}`)).toEqual([ids.completed]);
    expect((await idsOf(`?personId=${learner.person.id}`)).sort()).toEqual(Object.entries(ids).filter(([k]) => !['stranger', 'foreign'].includes(k)).map(([, v]) => v).sort());
    const window = `?since=${encodeURIComponent(at(2).toISOString())}&until=${encodeURIComponent(at(5).toISOString())}`;
    expect(await idsOf(window)).toEqual([ids.voided, ids.stranger, ids.quiz]);
    // Times with an offset mean the same instant.
    expect(await idsOf(`?until=${encodeURIComponent('2026-03-02T09:02:00+08:00')}`)).toEqual([ids.completed, ids.launched]);
    expect(await idsOf(`?verb=${encodeURIComponent('http://example.com/verbs/none')}`)).toEqual([]);
  });

  it('refuses malformed filters, naming them', async () => {
    for (const [query, path] of [
      ['?personId=someone', 'query.personId'],
      ['?since=yesterday', 'query.since'],
      ['?sort=verb', 'query.sort'],
      ['?pageSize=1000', 'query.pageSize'],
    ] as const) {
      const response = await manager.get(`/api/v1/lrs/statements${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it('exports what the filters match as a workbook', async () => {
    const response = await manager.get(`/api/v1/lrs/statements?format=xlsx&personId=${learner.person.id}&pageSize=1`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('学习记录'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(['接收时间', '学员', '动作', '对象', '接入密钥', '已作废']));
    // Every matching statement, not one page: six of the learner's.
    expect(rows).toHaveLength(7);
    expect(rows[1]).toEqual(expect.arrayContaining([at(6).toISOString(), '张伟', '作废', ids.voided]));
    expect(rows.find((r) => r.at(-1) === ids.voided)).toEqual(expect.arrayContaining(['学习', '是']));
  });

  it('is the organisation’s administrators’ and training managers’ only', async () => {
    expect((await browse('', await signIn(t, orgId, 'enterprise_admin'))).total).toBe(7);
    // Another enterprise's manager sees their own statements only.
    expect((await browse('', await signIn(t, otherOrgId, 'training_manager'))).items.map((r) => r.id)).toEqual([ids.foreign]);
    const gov = (await createOrganisation(t.db, { type: 'government_department' })).id;
    for (const [org, role] of [
      [orgId, 'employee'],
      [orgId, 'instructor'],
      [gov, 'system_admin'],
      [gov, 'department_officer'],
    ] as const) {
      const response = await (await signIn(t, org, role)).get('/api/v1/lrs/statements');
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await new Client(t.app).get('/api/v1/lrs/statements')).statusCode).toBe(401);
  });
});

describe('statements reported with a key, and the progress derived from them', () => {
  let org: string;
  let trainer: Client;
  let wang: Awaited<ReturnType<typeof seedLearner>>;
  let li: Awaited<ReturnType<typeof seedLearner>>;
  const COURSE = 'http://example.com/activities/forklift-safety';
  const EXAM = 'http://example.com/activities/forklift-exam';
  const activity = (id: string, name: string) => ({ objectType: 'Activity', id, definition: { name: { 'zh-CN': name, 'en-US': 'Forklift' } } });

  beforeAll(async () => {
    org = (await createOrganisation(t.db, { type: 'enterprise' })).id;
    trainer = await signIn(t, org, 'training_manager');
    wang = await seedLearner(t, org, '王芳');
    li = await seedLearner(t, org, '李强');
    const { xapi } = await xapiClient(t, { organisationId: org });
    const posted = await xapi.post('/xapi/statements', [
      { actor: wang.agent, verb: { id: xapiVerbs.launched }, object: activity(COURSE, '叉车安全操作'), timestamp: '2026-03-02T08:00:00+08:00' },
      { actor: wang.agent, verb: { id: xapiVerbs.passed }, object: activity(COURSE, '叉车安全操作'), result: { success: true, score: { scaled: 0.9 } }, timestamp: '2026-03-02T08:20:00+08:00' },
      { actor: wang.agent, verb: { id: xapiVerbs.terminated }, object: activity(COURSE, '叉车安全操作'), result: { duration: 'PT30M' }, timestamp: '2026-03-02T08:30:00+08:00' },
      { actor: li.agent, verb: { id: xapiVerbs.failed }, object: activity(EXAM, '叉车理论考试'), result: { success: false, score: { scaled: 0.45 } }, timestamp: '2026-03-02T08:40:00+08:00' },
    ]);
    expect(posted.statusCode, posted.body).toBe(200);
  });

  it('browses what the key reported, with the key’s name and the learner the account names', async () => {
    const page = await browse('', trainer);
    expect(page.total).toBe(4);
    expect(page.items.every((r) => r.clientName === 'Storyline 课件')).toBe(true);
    expect(page.items.find((r) => r.verbId === xapiVerbs.passed)).toMatchObject({ actorName: '王芳', personId: wang.person.id, verbDisplay: '通过', objectId: COURSE, objectName: '叉车安全操作' });
  });

  it('lists each learner’s standing per activity, filtered by learner or activity, newest first', async () => {
    const response = await trainer.get('/api/v1/lrs/progress');
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: { personId: string; personName: string; activityId: string; status: string; success: boolean | null; scoreScaled: number | null; studySeconds: number }[]; total: number }>();
    expect(page.items.map((p) => [p.personName, p.activityId])).toEqual([
      ['李强', EXAM],
      ['王芳', COURSE],
    ]);
    expect(page.items[1]).toMatchObject({ personId: wang.person.id, status: 'passed', success: true, studySeconds: 1800 });
    expect(page.items[1]!.scoreScaled).toBeCloseTo(0.9);
    expect(page.items[0]).toMatchObject({ status: 'failed', success: false });
    const mine = (await trainer.get(`/api/v1/lrs/progress?personId=${li.person.id}`)).json<{ items: { personId: string }[] }>();
    expect(mine.items.map((p) => p.personId)).toEqual([li.person.id]);
    const course = (await trainer.get(`/api/v1/lrs/progress?activity=${encodeURIComponent(COURSE)}`)).json<{ items: { activityId: string }[] }>();
    expect(course.items.map((p) => p.activityId)).toEqual([COURSE]);
    // Another organisation's training manager sees none of it.
    expect((await manager.get('/api/v1/lrs/progress')).json<{ items: { personId: string }[] }>().items.map((p) => p.personId)).not.toContain(wang.person.id);
  });

  it('exports the progress with statuses, scores and study time in words', async () => {
    const response = await trainer.get(`/api/v1/lrs/progress?format=xlsx&personId=${wang.person.id}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(expect.arrayContaining(['学员', '学习活动', '状态', '得分（%）', '学习时长']));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['王芳', '叉车安全操作', '已通过', 90, '0:30']));
  });

  it('is the organisation’s administrators’ and training managers’ only', async () => {
    expect((await (await signIn(t, org, 'enterprise_admin')).get('/api/v1/lrs/progress')).statusCode).toBe(200);
    const gov = (await createOrganisation(t.db, { type: 'government_department' })).id;
    for (const [where, role] of [
      [org, 'employee'],
      [org, 'instructor'],
      [gov, 'system_admin'],
    ] as const) {
      const response = await (await signIn(t, where, role)).get('/api/v1/lrs/progress');
      expect(response.statusCode, role).toBe(403);
    }
  });

  it('shows a signed-in employee their own rows only, and answers 404 to an account that is no person', async () => {
    const own = await new Client(t.app).login(wang.user.username);
    const response = await own.get('/api/v1/lrs/my-progress');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { personId: string; activityId: string; status: string }[] }>().items;
    expect(items).toEqual([expect.objectContaining({ personId: wang.person.id, activityId: COURSE, status: 'passed' })]);
    // A training manager who is a person too gets their own (empty) list, not the organisation's.
    const manager2 = await seedLearner(t, org, '赵敏');
    await t.db.update(memberships).set({ role: 'training_manager' }).where(eq(memberships.userId, manager2.user.id));
    expect((await (await new Client(t.app).login(manager2.user.username)).get('/api/v1/lrs/my-progress')).json()).toEqual({ items: [] });
    const notAPerson = await signIn(t, org, 'employee');
    const refused = await notAPerson.get('/api/v1/lrs/my-progress');
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
  });
});
