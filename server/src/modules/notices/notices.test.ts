import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, noticeObjections, organisations, publicNotices } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/context.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import type { InjectOptions } from 'fastify';
import { buildTestApp, Client, createOrganisation, createUser, type TestApp } from '../../test/app.ts';
import { assertNoticeCleared, findNoticeOfSubject, publishNotice, type PublishNoticeInput } from './service.ts';

let t: TestApp;
let hrss: { id: string };
let publisher: Actor;
let hrssOfficer: Client;
let hrssReviewer: Client;
let ficOfficer: Client;
let tangshanOfficer: Client;
let admin: Client;
let enterpriseAdmin: Client;
const anonymous = () => new Client(t.app);

/** A signed-in client that signs in again when moving the clock by days has ended its session. */
class StaySignedIn extends Client {
  constructor(private readonly username: string) {
    super(t.app);
  }
  override async request(options: InjectOptions & { csrf?: boolean }) {
    const response = await super.request(options);
    if (response.statusCode !== 401 || String(options.url).startsWith('/api/v1/auth/')) return response;
    await this.login(this.username);
    return super.request(options);
  }
}
async function signedIn(organisationId: string, role: Actor['role']) {
  const { user, membership } = await createUser(t.db, organisationId, role);
  const client = await new StaySignedIn(user.username).login(user.username);
  return { client, user, membership };
}

const ZHANG_ID = syntheticResidentId(101);
const OUYANG_ID = syntheticResidentId(202);
const OBJECTOR = { name: '李异议', residentId: syntheticResidentId(303), phone: '13912345678' };

interface Issue { path: string; code: string }
interface CalendarDay { date: string; kind: 'holiday' | 'workday' }

const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;
const at = (date: string, time = '09:00') => t.clock.set(new Date(`${date}T${time}:00+08:00`));
const objectionCount = async () => Number((await t.db.select({ n: count() }).from(noticeObjections))[0]!.n);
/** Audit entries of notices, objections and settings (signing in again after the clock moved writes entries of its own). */
const auditCount = async () =>
  Number((await t.db.select({ n: count() }).from(auditLog).where(inArray(auditLog.entityType, ['public_notice', 'notice_objection', 'system_setting'])))[0]!.n);

function input(overrides: Partial<PublishNoticeInput> = {}): PublishNoticeInput {
  return {
    subjectType: 'test_batch',
    subjectId: randomUUID(),
    organisationId: hrss.id,
    regionId: 'baodi',
    title: '2026年度技能人才培训中心拟认定名单公示',
    body: '经审核，拟认定以下单位，现予公示。',
    columns: [
      { key: 'name', zh: '姓名', en: 'Name', mask: 'name' },
      { key: 'residentId', zh: '身份证号', en: 'Resident ID', mask: 'residentId' },
      { key: 'company', zh: '企业名称', en: 'Enterprise' },
    ],
    rows: [
      { ref: 'r1', cells: { name: '张小三', residentId: ZHANG_ID, company: '天津宝坻华信汽车部件有限公司' } },
      { ref: 'r2', cells: { name: '欧阳小明', residentId: OUYANG_ID, company: '天津宝坻精工机械有限公司' } },
    ],
    ...overrides,
  };
}

/** Publishes through the service, as a module does inside its own transaction, on the given Beijing date. */
async function publish(on: string, overrides: Partial<PublishNoticeInput> = {}) {
  at(on);
  return t.db.transaction((tx) => publishNotice({ db: tx as unknown as Db, actor: publisher, clock: t.clock, requestId: null, ip: null }, input(overrides)));
}

const fileObjection = (noticeId: string, body: Record<string, unknown>, client = anonymous()) =>
  client.post(`/api/v1/public/notices/${noticeId}/objections`, { ...OBJECTOR, content: '该单位实际并无培训场地，申报材料与实际情况不符。', ...body });

async function filed(noticeId: string, body: Record<string, unknown> = {}) {
  const response = await fileObjection(noticeId, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ referenceCode: string; filedAt: string }>();
}

async function objectionIdOf(referenceCode: string) {
  const [row] = await t.db.select().from(noticeObjections).where(eq(noticeObjections.referenceCode, referenceCode));
  return row!.id;
}

/**
 * The n-th working day after `start`, walked day by day from what the calendar API lists for the year (its named
 * holidays and adjusted working days) and the Monday–Friday rule: an independent reading of the same calendar.
 */
async function walkWorkingDays(start: string, n: number): Promise<string> {
  const named = new Map<string, string>();
  for (const year of new Set([start.slice(0, 4), String(Number(start.slice(0, 4)) + 1)])) {
    const days = (await hrssOfficer.get(`/api/v1/calendar?year=${year}`)).json<{ days: CalendarDay[] }>().days;
    for (const d of days) named.set(d.date, d.kind);
  }
  const day = new Date(`${start}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    const kind = named.get(iso) ?? (day.getUTCDay() === 0 || day.getUTCDay() === 6 ? 'holiday' : 'workday');
    if (kind === 'workday') left--;
  }
  return day.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await buildTestApp();
  hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi', name: '天津市宝坻区人力资源和社会保障局' });
  const fic = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi', name: '天津市宝坻区工商业联合会' });
  await t.db.update(organisations).set({ departmentKind: 'fic' }).where(eq(organisations.id, fic.id));
  const tangshan = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  const platform = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi' });
  const enterprise = await createOrganisation(t.db, { type: 'enterprise', regionId: 'baodi' });
  const officer = await signedIn(hrss.id, 'department_officer');
  publisher = {
    userId: officer.user.id, displayName: officer.user.displayName, membershipId: officer.membership.id, role: 'department_officer',
    organisationId: hrss.id, organisationType: 'government_department', departmentKind: 'hrss', regionId: 'baodi', locale: 'zh-CN',
  };
  hrssOfficer = officer.client;
  hrssReviewer = (await signedIn(hrss.id, 'department_reviewer')).client;
  ficOfficer = (await signedIn(fic.id, 'department_officer')).client;
  tangshanOfficer = (await signedIn(tangshan.id, 'department_officer')).client;
  admin = (await signedIn(platform.id, 'system_admin')).client;
  enterpriseAdmin = (await signedIn(enterprise.id, 'enterprise_admin')).client;
});
afterAll(() => t.close());

describe('publishing: the period in working days', () => {
  it('a normal week: published Monday 2026-03-02, five working days end on Monday 2026-03-09', async () => {
    const notice = await publish('2026-03-02');
    // Tue 3, Wed 4, Thu 5, Fri 6 are days 1–4; the weekend does not count; Monday 9 is the fifth.
    expect(notice).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-09', workingDays: 5, status: 'published', regionId: 'baodi' });
    expect(await walkWorkingDays('2026-03-02', 5)).toBe(notice.endsOn);
  });

  it('across National Day 2026: published 2026-09-29, it ends on Monday 2026-10-12', async () => {
    const year = (await hrssOfficer.get('/api/v1/calendar?year=2026')).json<{ days: (CalendarDay & { name: string })[] }>();
    const nationalDay = year.days.filter((d) => d.name === '国庆节');
    expect(nationalDay.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(nationalDay.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-09-20', '2026-10-10']);
    const notice = await publish('2026-09-29');
    // Wed 09-30 is day 1; 10-01…10-07 are the holiday; Thu 10-08 day 2, Fri 10-09 day 3, Saturday 10-10 is worked
    // (day 4), Sunday 10-11 is not; Monday 10-12 is day 5.
    expect(notice.endsOn).toBe('2026-10-12');
    expect(await walkWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    const count = await hrssOfficer.get(`/api/v1/calendar/working-days?from=2026-09-29&to=2026-10-12`);
    expect(count.json().workingDays).toBe(5);
  });

  it('across Spring Festival 2026: published Thursday 2026-02-12, it ends on 2026-02-26', async () => {
    const notice = await publish('2026-02-12');
    // Fri 02-13 day 1; Saturday 02-14 is worked (day 2); 02-15…02-23 are the holiday; Tue 24, Wed 25, Thu 26 are days 3–5.
    expect(notice.endsOn).toBe('2026-02-26');
    expect(await walkWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('takes a longer period when asked; below the installation minimum is a 400 on body.workingDays, publishing nothing', async () => {
    const longer = await publish('2026-03-02', { workingDays: 10 });
    expect(longer).toMatchObject({ workingDays: 10, endsOn: '2026-03-16' });
    const before = await t.db.select({ n: count() }).from(publicNotices);
    await expect(publish('2026-03-02', { workingDays: 4 })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'body.workingDays', code: 'BELOW_MINIMUM' })] },
    });
    expect(await t.db.select({ n: count() }).from(publicNotices)).toEqual(before);
  });

  it('masks private persons before storing: names keep first and last character, ID numbers 3 + 4 digits', async () => {
    const notice = await publish('2026-03-02');
    const [row] = await t.db.select().from(publicNotices).where(eq(publicNotices.id, notice.id));
    expect(row!.entries).toEqual([
      { ref: 'r1', cells: { name: '张*三', residentId: `${ZHANG_ID.slice(0, 3)}${'*'.repeat(11)}${ZHANG_ID.slice(-4)}`, company: '天津宝坻华信汽车部件有限公司' } },
      { ref: 'r2', cells: { name: '欧**明', residentId: `${OUYANG_ID.slice(0, 3)}${'*'.repeat(11)}${OUYANG_ID.slice(-4)}`, company: '天津宝坻精工机械有限公司' } },
    ]);
    const audit = await t.db.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, notice.id));
    expect(audit).toHaveLength(1);
    const stored = JSON.stringify(row) + JSON.stringify(audit);
    for (const raw of ['张小三', '欧阳小明', ZHANG_ID, OUYANG_ID]) expect(stored).not.toContain(raw);
  });

  it('writes the audit entry in the caller\'s transaction: a rollback leaves neither notice nor entry', async () => {
    const subjectId = randomUUID();
    at('2026-03-02');
    await expect(
      t.db.transaction(async (tx) => {
        await publishNotice({ db: tx as unknown as Db, actor: publisher, clock: t.clock, requestId: null, ip: null }, input({ subjectId }));
        throw new Error('the caller fails after publishing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await findNoticeOfSubject(t.db, 'test_batch', subjectId)).toBeNull();
    const published = await publish('2026-03-02', { subjectId });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'public_notice'), eq(auditLog.entityId, published.id)));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'publish', actorUserId: publisher.userId, organisationId: hrss.id, regionId: 'baodi',
        after: expect.objectContaining({ subjectId, startsOn: '2026-03-02', endsOn: '2026-03-09', workingDays: 5, entries: 2 }),
      }),
    ]);
    expect(await findNoticeOfSubject(t.db, 'test_batch', subjectId)).toMatchObject({ id: published.id });
  });
});

describe('the minimum period setting', () => {
  it('is read by departments, changed by a system admin only (audited), and governs later notices', async () => {
    expect((await hrssOfficer.get('/api/v1/notices/settings')).json()).toEqual({ minWorkingDays: 5 });
    expect((await enterpriseAdmin.get('/api/v1/notices/settings')).statusCode).toBe(403);
    const refused = await hrssOfficer.put('/api/v1/notices/settings', { minWorkingDays: 7 });
    expect(refused.statusCode).toBe(403);
    for (const bad of [0, 31, 5.5, '7']) {
      const response = await admin.put('/api/v1/notices/settings', { minWorkingDays: bad });
      expect(response.statusCode, String(bad)).toBe(400);
      expect(issuesOf(response.body)).toContainEqual(expect.objectContaining({ path: 'body.minWorkingDays' }));
    }
    const auditBefore = await auditCount();
    const response = await admin.put('/api/v1/notices/settings', { minWorkingDays: 7 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ minWorkingDays: 7 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'system_setting'));
    expect(entry).toMatchObject({ entityId: 'notice.minWorkingDays', action: 'update', before: { minWorkingDays: 5 }, after: { minWorkingDays: 7 } });
    expect(await auditCount()).toBe(auditBefore + 1);
    expect((await admin.put('/api/v1/notices/settings', { minWorkingDays: 7 })).statusCode).toBe(200);
    expect(await auditCount()).toBe(auditBefore + 1);

    expect((await publish('2026-03-02')).workingDays).toBe(7);
    await expect(publish('2026-03-02', { workingDays: 5 })).rejects.toMatchObject({ status: 400 });
    expect((await admin.put('/api/v1/notices/settings', { minWorkingDays: 5 })).statusCode).toBe(200);
    expect((await publish('2026-03-02')).workingDays).toBe(5);
  });
});

describe('objections from the public', () => {
  it('are filed without signing in while the notice is open, with a reference code; audited without an actor', async () => {
    const notice = await publish('2026-03-02');
    at('2026-03-04', '15:30');
    const { referenceCode, filedAt } = await filed(notice.id, { entryRef: 'r1', residentId: OBJECTOR.residentId.toLowerCase() });
    expect(referenceCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(filedAt).toBe(new Date('2026-03-04T15:30:00+08:00').toISOString());
    const [row] = await t.db.select().from(noticeObjections).where(eq(noticeObjections.referenceCode, referenceCode));
    expect(row).toMatchObject({ noticeId: notice.id, entryRef: 'r1', objectorName: OBJECTOR.name, objectorResidentId: OBJECTOR.residentId, objectorPhone: OBJECTOR.phone, status: 'open', outcome: null });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit).toEqual([
      expect.objectContaining({ entityType: 'notice_objection', action: 'file', actorUserId: null, actorRole: null, organisationId: hrss.id, regionId: 'baodi', after: { noticeId: notice.id, entryRef: 'r1', referenceCode } }),
    ]);
    const second = await filed(notice.id, {});
    expect(second.referenceCode).not.toBe(referenceCode);
    const [whole] = await t.db.select().from(noticeObjections).where(eq(noticeObjections.referenceCode, second.referenceCode));
    expect(whole!.entryRef).toBeNull();
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const notice = await publish('2026-03-02');
    const objections = await objectionCount();
    const audit = await auditCount();
    const badCheckDigit = OBJECTOR.residentId.slice(0, 17) + (OBJECTOR.residentId.endsWith('0') ? '1' : '0');
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ residentId: badCheckDigit }, 'body.residentId', 'INVALID_RESIDENT_ID'],
      [{ phone: '12345678901' }, 'body.phone', 'INVALID_PHONE'],
      [{ content: '太短了' }, 'body.content'],
      [{ content: 'x'.repeat(2001) }, 'body.content'],
      [{ name: '   ' }, 'body.name'],
      [{ entryRef: 'r9' }, 'body.entryRef', 'UNKNOWN_ENTRY'],
      [{ note: 'extra' }, 'body.note', 'UNKNOWN_FIELD'],
    ];
    for (const [body, path, code] of cases) {
      const response = await fileObjection(notice.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(issuesOf(response.body), JSON.stringify(body)).toContainEqual(expect.objectContaining(code ? { path, code } : { path }));
    }
    const { name: _name, ...withoutName } = OBJECTOR;
    const missing = await anonymous().post(`/api/v1/public/notices/${notice.id}/objections`, { ...withoutName, content: '内容足够长的一条异议内容。' });
    expect(issuesOf(missing.body)).toContainEqual(expect.objectContaining({ path: 'body.name' }));
    expect(await objectionCount()).toBe(objections);
    expect(await auditCount()).toBe(audit);
  });

  it('are accepted from the publication day through the last day until 24:00 Beijing time, and not outside it (409 NOTICE_CLOSED)', async () => {
    const notice = await publish('2026-03-02');
    const objections = await objectionCount();
    at('2026-03-01', '23:59');
    const early = await fileObjection(notice.id, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'NOTICE_CLOSED', details: { startsOn: '2026-03-02', endsOn: '2026-03-09' } });
    at('2026-03-10', '00:00');
    const late = await fileObjection(notice.id, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NOTICE_CLOSED');
    expect(await objectionCount()).toBe(objections);
    at('2026-03-09', '23:59');
    expect((await fileObjection(notice.id, {})).statusCode).toBe(201);
    at('2026-03-02', '00:01');
    expect((await fileObjection(notice.id, {})).statusCode).toBe(201);
  });

  it('need the CSRF header like every other mutating request; an unknown notice is 404', async () => {
    const notice = await publish('2026-03-02');
    const response = await anonymous().request({
      method: 'POST', url: `/api/v1/public/notices/${notice.id}/objections`, csrf: false, payload: { ...OBJECTOR, content: '一条足够长的异议内容文字。' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_REJECTED');
    expect((await fileObjection(randomUUID(), {})).statusCode).toBe(404);
  });

  it('are looked up by reference code and the same phone number; anything else is the same 404', async () => {
    const notice = await publish('2026-03-02');
    const { referenceCode, filedAt } = await filed(notice.id, { entryRef: 'r2' });
    const lookup = await anonymous().post('/api/v1/public/objections/lookup', { referenceCode: referenceCode.toLowerCase(), phone: OBJECTOR.phone });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toEqual({ status: 'open', outcome: null, handlingNote: null, filedAt, handledAt: null, noticeTitle: notice.title });
    const wrongPhone = await anonymous().post('/api/v1/public/objections/lookup', { referenceCode, phone: '13800000000' });
    const unknownCode = await anonymous().post('/api/v1/public/objections/lookup', { referenceCode: 'ZZZZZZZZZZ', phone: OBJECTOR.phone });
    for (const response of [wrongPhone, unknownCode]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'objection not found' });
    }
    const malformed = await anonymous().post('/api/v1/public/objections/lookup', { referenceCode: 'ABC', phone: OBJECTOR.phone });
    expect(malformed.statusCode).toBe(400);
    expect(issuesOf(malformed.body)).toContainEqual(expect.objectContaining({ path: 'body.referenceCode' }));
  });
});

describe('handling objections', () => {
  it('only the publishing kind of department of the notice\'s region rules; twice is a 409; audited; the objector sees the outcome', async () => {
    const notice = await publish('2026-03-02');
    at('2026-03-03');
    const { referenceCode } = await filed(notice.id, { entryRef: 'r1' });
    const objectionId = await objectionIdOf(referenceCode);
    const url = `/api/v1/notices/${notice.id}/objections/${objectionId}/handle`;
    const body = { outcome: 'upheld', note: '经核查，该单位培训场地不符合要求。' };
    const audit = await auditCount();

    const fic = await ficOfficer.post(url, body);
    expect(fic.statusCode).toBe(403);
    expect(fic.json().error.code).toBe('FORBIDDEN');
    const otherRegion = await tangshanOfficer.post(url, body);
    expect(otherRegion.statusCode).toBe(404);
    expect((await enterpriseAdmin.post(url, body)).statusCode).toBe(403);
    expect((await hrssReviewer.post(`/api/v1/notices/${notice.id}/objections/${randomUUID()}/handle`, body)).statusCode).toBe(404);
    const shortNote = await hrssReviewer.post(url, { outcome: 'dismissed', note: '否' });
    expect(shortNote.statusCode).toBe(400);
    expect(issuesOf(shortNote.body)).toContainEqual(expect.objectContaining({ path: 'body.note' }));
    const badOutcome = await hrssReviewer.post(url, { outcome: 'ignored', note: '不予处理的说明' });
    expect(issuesOf(badOutcome.body)).toContainEqual(expect.objectContaining({ path: 'body.outcome' }));
    expect(await auditCount()).toBe(audit);
    expect((await t.db.select().from(noticeObjections).where(eq(noticeObjections.id, objectionId)))[0]!.status).toBe('open');

    at('2026-03-05', '10:00');
    const handled = await hrssReviewer.post(url, body);
    expect(handled.statusCode, handled.body).toBe(200);
    const objection = handled.json().objectionList.find((o: { id: string }) => o.id === objectionId);
    expect(objection).toMatchObject({ status: 'handled', outcome: 'upheld', handlingNote: body.note, handledAt: new Date('2026-03-05T10:00:00+08:00').toISOString() });
    expect(objection.handledByName).toEqual(expect.any(String));
    expect(handled.json().objections).toEqual({ open: 0, handled: 1 });

    const again = await hrssOfficer.post(url, { outcome: 'dismissed', note: '重复处理' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'handled' } });

    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'notice_objection'), eq(auditLog.entityId, objectionId), eq(auditLog.action, 'handle')));
    expect(entries).toEqual([expect.objectContaining({ actorRole: 'department_reviewer', regionId: 'baodi', after: expect.objectContaining({ outcome: 'upheld', note: body.note }) })]);

    const lookup = await anonymous().post('/api/v1/public/objections/lookup', { referenceCode, phone: OBJECTOR.phone });
    expect(lookup.json()).toMatchObject({ status: 'handled', outcome: 'upheld', handlingNote: body.note });
  });

  it('a system admin may rule on any notice\'s objections', async () => {
    const notice = await publish('2026-03-02');
    const { referenceCode } = await filed(notice.id);
    const response = await admin.post(`/api/v1/notices/${notice.id}/objections/${await objectionIdOf(referenceCode)}/handle`, { outcome: 'dismissed', note: '异议缺乏事实依据。' });
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('the officers\' view', () => {
  it('lists the region\'s notices with their state today and objection counts; other regions see none; others may not', async () => {
    const ended = await publish('2026-03-02', { title: '已结束的公示 甲' });
    const open = await publish('2026-03-10', { title: '公示中的公示 乙' });
    at('2026-03-11');
    await filed(open.id);
    const { referenceCode } = await filed(open.id, { entryRef: 'r2' });
    await hrssOfficer.post(`/api/v1/notices/${open.id}/objections/${await objectionIdOf(referenceCode)}/handle`, { outcome: 'dismissed', note: '不成立。' });

    const list = await hrssOfficer.get('/api/v1/notices?pageSize=100');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; state: string; objections: unknown; workingDaysLeft: number; publisherName: string }[];
    expect(items.find((n) => n.id === ended.id)).toMatchObject({ state: 'ended', workingDaysLeft: 0, objections: { open: 0, handled: 0 } });
    // Published Tuesday 03-10, ends Tuesday 03-17; on Wednesday 03-11 there are Thu, Fri, Mon, Tue left.
    expect(items.find((n) => n.id === open.id)).toMatchObject({ state: 'open', endsOn: '2026-03-17', workingDaysLeft: 4, objections: { open: 1, handled: 1 }, publisherName: '天津市宝坻区人力资源和社会保障局' });

    const openOnly = (await hrssOfficer.get('/api/v1/notices?state=open&pageSize=100')).json().items as { id: string; state: string }[];
    expect(openOnly.map((n) => n.id)).toContain(open.id);
    expect(openOnly.every((n) => n.state === 'open')).toBe(true);
    const endedOnly = (await hrssOfficer.get('/api/v1/notices?state=ended&pageSize=100')).json().items as { id: string }[];
    expect(endedOnly.map((n) => n.id)).toContain(ended.id);
    expect(endedOnly.map((n) => n.id)).not.toContain(open.id);
    const byTitle = (await hrssOfficer.get(`/api/v1/notices?q=${encodeURIComponent('乙')}`)).json();
    expect(byTitle.items.map((n: { id: string }) => n.id)).toEqual([open.id]);

    expect((await tangshanOfficer.get('/api/v1/notices')).json()).toMatchObject({ items: [], total: 0 });
    expect((await tangshanOfficer.get(`/api/v1/notices/${open.id}`)).statusCode).toBe(404);
    expect((await enterpriseAdmin.get('/api/v1/notices')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/notices?pageSize=100')).json().total).toBe((await hrssOfficer.get('/api/v1/notices?pageSize=100')).json().total);
    const badState = await hrssOfficer.get('/api/v1/notices?state=closed');
    expect(issuesOf(badState.body)).toContainEqual(expect.objectContaining({ path: 'query.state' }));
  });

  it('shows each objection with the objector\'s name and phone and a masked ID number; canHandle says who may rule', async () => {
    const notice = await publish('2026-03-02');
    await filed(notice.id, { entryRef: 'r1' });
    const detail = (await hrssOfficer.get(`/api/v1/notices/${notice.id}`)).json();
    expect(detail).toMatchObject({ id: notice.id, canHandle: true, entries: notice.entries, columns: notice.columns, body: notice.body });
    expect(detail.objectionList).toEqual([
      expect.objectContaining({
        entryRef: 'r1', objectorName: OBJECTOR.name, objectorPhone: OBJECTOR.phone,
        objectorResidentIdMasked: `${OBJECTOR.residentId.slice(0, 3)}${'*'.repeat(11)}${OBJECTOR.residentId.slice(-4)}`, status: 'open',
      }),
    ]);
    expect(JSON.stringify(detail)).not.toContain(OBJECTOR.residentId);
    expect((await ficOfficer.get(`/api/v1/notices/${notice.id}`)).json().canHandle).toBe(false);
  });
});

describe('the public pages', () => {
  it('show masked entries, the period, what is left and the counts, never the objector', async () => {
    const notice = await publish('2026-03-02');
    at('2026-03-03');
    await filed(notice.id, { entryRef: 'r1' });
    const response = await anonymous().get(`/api/v1/public/notices/${notice.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: notice.id,
      regionId: 'baodi',
      publisherName: '天津市宝坻区人力资源和社会保障局',
      title: notice.title,
      body: notice.body,
      startsOn: '2026-03-02',
      endsOn: '2026-03-09',
      workingDays: 5,
      state: 'open',
      workingDaysLeft: 4,
      publishedAt: new Date('2026-03-02T09:00:00+08:00').toISOString(),
      entryCount: 2,
      columns: [
        { key: 'name', zh: '姓名', en: 'Name' },
        { key: 'residentId', zh: '身份证号', en: 'Resident ID' },
        { key: 'company', zh: '企业名称', en: 'Enterprise' },
      ],
      entries: notice.entries,
      objections: { open: 1, handled: 0 },
    });
    for (const secret of [OBJECTOR.name, OBJECTOR.phone, OBJECTOR.residentId, OBJECTOR.residentId.slice(-4) + '"', '张小三', ZHANG_ID]) {
      expect(response.body).not.toContain(secret);
    }
    const list = await anonymous().get('/api/v1/public/notices?pageSize=100');
    for (const secret of [OBJECTOR.name, OBJECTOR.phone, OBJECTOR.residentId]) expect(list.body).not.toContain(secret);
  });

  it('list started notices only, filtered by state and region; an upcoming one is not found', async () => {
    const later = await publish('2026-04-01', { title: '四月公示' });
    at('2026-03-20');
    const list = (await anonymous().get('/api/v1/public/notices?pageSize=100')).json();
    const ids = list.items.map((n: { id: string }) => n.id);
    expect(ids).not.toContain(later.id);
    expect(list.items.every((n: { startsOn: string }) => n.startsOn <= '2026-03-20')).toBe(true);
    expect((await anonymous().get(`/api/v1/public/notices/${later.id}`)).statusCode).toBe(404);
    const early = await fileObjection(later.id, {});
    expect(early.json().error.code).toBe('NOTICE_CLOSED');

    at('2026-04-02');
    const open = (await anonymous().get('/api/v1/public/notices?state=open&pageSize=100')).json();
    expect(open.items.map((n: { id: string }) => n.id)).toContain(later.id);
    expect(open.items.every((n: { state: string }) => n.state === 'open')).toBe(true);
    const ended = (await anonymous().get('/api/v1/public/notices?state=ended&pageSize=100')).json();
    expect(ended.total).toBeGreaterThan(0);
    expect(ended.items.every((n: { state: string; workingDaysLeft: number }) => n.state === 'ended' && n.workingDaysLeft === 0)).toBe(true);
    expect((await anonymous().get('/api/v1/public/notices?regionId=tangshan')).json().total).toBe(0);
    const bad = await anonymous().get('/api/v1/public/notices?state=upcoming');
    expect(bad.statusCode).toBe(400);
  });
});

describe('assertNoticeCleared: the gate before the subject moves on', () => {
  it('refuses before a notice exists and while it runs, then while an objection is open; returns the upheld entries', async () => {
    const subjectId = randomUUID();
    await expect(assertNoticeCleared(t.db, 'test_batch', subjectId, '2026-03-02')).rejects.toMatchObject({ status: 409, code: 'NOTICE_NOT_ENDED', details: { endsOn: null } });
    const notice = await publish('2026-03-02', { subjectId });
    for (const today of ['2026-03-02', '2026-03-09']) {
      await expect(assertNoticeCleared(t.db, 'test_batch', subjectId, today)).rejects.toMatchObject({ status: 409, code: 'NOTICE_NOT_ENDED', details: { endsOn: '2026-03-09' } });
    }
    at('2026-03-04');
    const a = await filed(notice.id, { entryRef: 'r1' });
    const b = await filed(notice.id, { entryRef: 'r2' });
    const c = await filed(notice.id, {});
    await expect(assertNoticeCleared(t.db, 'test_batch', subjectId, '2026-03-10')).rejects.toMatchObject({ status: 409, code: 'OBJECTIONS_UNHANDLED', details: { open: 3 } });

    const handle = async (code: string, outcome: string) => {
      const response = await hrssOfficer.post(`/api/v1/notices/${notice.id}/objections/${await objectionIdOf(code)}/handle`, { outcome, note: '已核查处理。' });
      expect(response.statusCode, response.body).toBe(200);
    };
    await handle(a.referenceCode, 'upheld');
    await handle(b.referenceCode, 'dismissed');
    await expect(assertNoticeCleared(t.db, 'test_batch', subjectId, '2026-03-10')).rejects.toMatchObject({ code: 'OBJECTIONS_UNHANDLED', details: { open: 1 } });
    await handle(c.referenceCode, 'upheld');
    const cleared = await assertNoticeCleared(t.db, 'test_batch', subjectId, '2026-03-10');
    expect(cleared.notice.id).toBe(notice.id);
    expect([...cleared.upheldRefs].sort()).toEqual(['*', 'r1']);
  });

  it('clears a notice without objections the day after it ends, with nothing upheld', async () => {
    const subjectId = randomUUID();
    await publish('2026-03-02', { subjectId });
    const cleared = await assertNoticeCleared(t.db, 'test_batch', subjectId, '2026-03-10');
    expect(cleared.upheldRefs.size).toBe(0);
  });
});

describe('rate limit', () => {
  it('lets one address file a limited number of objections an hour (429 beyond, nothing stored)', async () => {
    const limited = await buildTestApp({ objectionRateLimitPerHour: 2 });
    try {
      const org = await createOrganisation(limited.db, { type: 'government_department', regionId: 'baodi' });
      const { user, membership } = await createUser(limited.db, org.id, 'department_officer');
      const actor: Actor = { ...publisher, userId: user.id, membershipId: membership.id, organisationId: org.id };
      const notice = await limited.db.transaction((tx) =>
        publishNotice({ db: tx as unknown as Db, actor, clock: limited.clock, requestId: null, ip: null }, { ...input(), organisationId: org.id }),
      );
      const send = (remoteAddress: string) =>
        limited.app.inject({
          method: 'POST', url: `/api/v1/public/notices/${notice.id}/objections`, remoteAddress,
          headers: { 'x-requested-with': 'fulcrum' }, payload: { ...OBJECTOR, content: '一条足够长的异议内容文字。' },
        });
      expect((await send('10.0.0.1')).statusCode).toBe(201);
      expect((await send('10.0.0.1')).statusCode).toBe(201);
      const third = await send('10.0.0.1');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
      expect((await send('10.0.0.2')).statusCode).toBe(201);
      expect(Number((await limited.db.select({ n: count() }).from(noticeObjections))[0]!.n)).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
