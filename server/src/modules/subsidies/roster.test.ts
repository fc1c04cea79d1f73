import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskResidentId, rosterImportColumns, type Apprentice } from '@fulcrum/shared';
import { apprenticeshipClasses, apprentices, auditLog, classSessions, organisations, sessionAttendance } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, createOrganisation, type Client, type TestApp } from '../../test/app.ts';
import { department, enterprise, expectStatus, issuePaths, member, type ErrorBody } from '../training-centres/test-support.ts';
import { seedApprentices, seedClass, seedEmployee, seedPolicy, seedSession } from './test-support.ts';

const V1 = '/api/v1';
const CLASSES = `${V1}/apprenticeship-classes`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let officer: Client;
let ficOfficer: Client;
let entA: { id: string; uscc: string | null };
let entB: { id: string; uscc: string | null };
let adminA: Client;
let trainerA: Client;
let instructorA: Client;
let adminB: Client;
let chamber: { id: string };
let chamberAdmin: Client;

type Problem = ErrorBody & { error: { details: Record<string, unknown> & { issues?: { path: string; code: string }[] } } };
interface RowError { row: number; field: string; code: string; relatedRow?: number }
const rosterSize = async (classId: string) => Number((await t.db.select({ n: count() }).from(apprentices).where(eq(apprentices.classId, classId)))[0]!.n);
const url = (classId: string) => `${CLASSES}/${classId}/apprentices`;
const draftOf = (orgId: string, options: Parameters<typeof seedClass>[2] = {}) => seedClass(t, orgId, { status: 'draft', ...options });

beforeAll(async () => {
  t = await buildTestApp();
  const hrss = await department(t, 'baodi');
  officer = await member(t, hrss.id, 'department_officer');
  ficOfficer = await member(t, (await department(t, 'baodi', 'fic')).id, 'department_officer');
  entA = await enterprise(t);
  entB = await enterprise(t);
  adminA = await member(t, entA.id, 'enterprise_admin');
  trainerA = await member(t, entA.id, 'training_manager');
  instructorA = await member(t, entA.id, 'instructor');
  adminB = await member(t, entB.id, 'enterprise_admin');
  chamber = await createOrganisation(t.db, { type: 'chamber' });
  chamberAdmin = await member(t, chamber.id, 'chamber_admin');
  await seedPolicy(t, 'baodi');
});
afterAll(() => t.close());

describe('adding an apprentice', () => {
  it('puts an employee with a long enough contract on the roster, masks the ID for everyone, and audits it', async () => {
    const cls = await draftOf(entA.id);
    const { person, employment } = await seedEmployee(t, entA.id, { name: '张小三' });
    const added = await expectStatus<Apprentice>(trainerA.post(url(cls.id), { name: '张小三', residentId: person.residentId }), 201);
    expect(added).toMatchObject({
      personId: person.id,
      personName: '张小三',
      residentIdMasked: maskResidentId(person.residentId),
      employerOrganisationId: entA.id,
      position: employment.position,
      contractStart: '2025-01-01',
      contractEnd: '2027-12-31',
      employed: true,
      joinedOn: '2026-03-02',
      status: 'active',
      assessment: null,
      certified: false,
      hours: { totalMinutes: 0, sessionsAttended: 0, sessionsMissed: 0 },
    });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'add_apprentice')));
    expect(audit!.after).toMatchObject({ apprenticeId: added.id, personId: person.id, via: 'form' });
    // An officer of the bureau sees the masked number only, like everyone else.
    await t.db.update(apprenticeshipClasses).set({ status: 'filed', filedAt: new Date() }).where(eq(apprenticeshipClasses.id, cls.id));
    const seen = await expectStatus<{ items: Apprentice[] }>(officer.get(url(cls.id)), 200);
    expect(seen.items.map((a) => a.residentIdMasked)).toEqual([maskResidentId(person.residentId)]);
    expect(JSON.stringify(seen)).not.toContain(person.residentId);
  });

  it('refuses an unknown person with 422 APPRENTICE_NOT_ELIGIBLE, reason UNKNOWN_PERSON', async () => {
    const cls = await draftOf(entA.id);
    const error = await expectStatus<Problem>(adminA.post(url(cls.id), { name: '无名氏', residentId: syntheticResidentId(7, '19800101', '120224') }), 422);
    expect(error.error).toMatchObject({ code: 'APPRENTICE_NOT_ELIGIBLE', details: { reason: 'UNKNOWN_PERSON' } });
    expect(await rosterSize(cls.id)).toBe(0);
  });

  it('refuses a name that differs from the registry at body.name (NAME_MISMATCH)', async () => {
    const cls = await draftOf(entA.id);
    const { person } = await seedEmployee(t, entA.id, { name: '李四' });
    const error = await expectStatus<Problem>(adminA.post(url(cls.id), { name: '李四四', residentId: person.residentId }), 422);
    expect(error.error).toMatchObject({ code: 'APPRENTICE_NOT_ELIGIBLE', details: { reason: 'NAME_MISMATCH' } });
    expect(issuePaths(error)).toEqual(['body.name']);
    expect(await rosterSize(cls.id)).toBe(0);
  });

  it('refuses someone not employed by the enterprise, or whose employment ended (NOT_EMPLOYED)', async () => {
    const cls = await draftOf(entA.id);
    const elsewhere = await seedEmployee(t, entB.id);
    const ended = await seedEmployee(t, entA.id, { endDate: '2026-01-31' });
    for (const { person } of [elsewhere, ended]) {
      const error = await expectStatus<Problem>(adminA.post(url(cls.id), { name: person.name, residentId: person.residentId }), 422);
      expect(error.error.details.reason).toBe('NOT_EMPLOYED');
    }
    expect(await rosterSize(cls.id)).toBe(0);
  });

  it('requires a labour contract of at least one year (人社部发〔2021〕39号): one day short, none recorded → CONTRACT_TOO_SHORT', async () => {
    const cls = await draftOf(entA.id);
    const short = await seedEmployee(t, entA.id, { contractStart: '2025-06-01', contractEnd: '2026-05-30' });
    const none = await seedEmployee(t, entA.id, { contractStart: null, contractEnd: null });
    for (const { person } of [short, none]) {
      const error = await expectStatus<Problem>(adminA.post(url(cls.id), { name: person.name, residentId: person.residentId }), 422);
      expect(error.error.details.reason).toBe('CONTRACT_TOO_SHORT');
    }
    const exactYear = await seedEmployee(t, entA.id, { contractStart: '2025-06-01', contractEnd: '2026-05-31' });
    const openEnded = await seedEmployee(t, entA.id, { contractStart: '2025-06-01', contractEnd: null });
    for (const { person } of [exactYear, openEnded]) await expectStatus(adminA.post(url(cls.id), { name: person.name, residentId: person.residentId }), 201);
    expect(await rosterSize(cls.id)).toBe(2);
  });

  it('refuses someone already on this roster (409 CONFLICT) or on another open class’s (409 ALREADY_IN_OPEN_CLASS)', async () => {
    const cls = await draftOf(entA.id);
    const other = await seedClass(t, entA.id, { status: 'registered' });
    const [onOther] = await seedApprentices(t, other, 1);
    const { person } = await seedEmployee(t, entA.id);
    await expectStatus(adminA.post(url(cls.id), { name: person.name, residentId: person.residentId }), 201);
    expect((await expectStatus<Problem>(adminA.post(url(cls.id), { name: person.name, residentId: person.residentId }), 409)).error.code).toBe('CONFLICT');
    const busy = await expectStatus<Problem>(adminA.post(url(cls.id), { name: onOther!.person.name, residentId: onOther!.person.residentId }), 409);
    expect(busy.error).toMatchObject({ code: 'ALREADY_IN_OPEN_CLASS', details: { classId: other.id, className: other.name } });
    expect(await rosterSize(cls.id)).toBe(1);
    // Once the other class is over (or the person left it) they may join.
    await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-03-01', leftReason: '离职' }).where(eq(apprentices.id, onOther!.id));
    await expectStatus(adminA.post(url(cls.id), { name: onOther!.person.name, residentId: onOther!.person.residentId }), 201);
  });

  it('names the small firm of a grouped class: required, an enterprise of the region, and the person employed there', async () => {
    const cls = await draftOf(chamber.id, { kind: 'grouped' });
    const { person } = await seedEmployee(t, entB.id);
    const farFirm = await enterprise(t, 'tangshan');
    expect(issuePaths(await expectStatus<ErrorBody>(chamberAdmin.post(url(cls.id), { name: person.name, residentId: person.residentId }), 400))).toEqual(['body.employerOrganisationId']);
    expect(issuePaths(await expectStatus<ErrorBody>(chamberAdmin.post(url(cls.id), { name: person.name, residentId: person.residentId, employerOrganisationId: farFirm.id }), 400))).toEqual([
      'body.employerOrganisationId',
    ]);
    expect((await expectStatus<Problem>(chamberAdmin.post(url(cls.id), { name: person.name, residentId: person.residentId, employerOrganisationId: entA.id }), 422)).error.details.reason).toBe('NOT_EMPLOYED');
    const added = await expectStatus<Apprentice>(chamberAdmin.post(url(cls.id), { name: person.name, residentId: person.residentId, employerOrganisationId: entB.id }), 201);
    expect(added).toMatchObject({ employerOrganisationId: entB.id });
  });

  it('changes the roster only while the class is prepared (409 INVALID_TRANSITION), only by the organiser (403 / 404)', async () => {
    const registered = await seedClass(t, entA.id, { status: 'registered' });
    const { person } = await seedEmployee(t, entA.id);
    const body = { name: person.name, residentId: person.residentId };
    expect((await expectStatus<Problem>(adminA.post(url(registered.id), body), 409)).error).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentState: 'registered' } });
    const draft = await draftOf(entA.id);
    expect((await adminB.post(url(draft.id), body)).statusCode).toBe(404);
    expect((await instructorA.post(url(draft.id), body)).statusCode).toBe(403);
    const returned = await seedClass(t, entA.id, { status: 'returned' });
    await t.db.update(apprenticeshipClasses).set({ filedAt: new Date() }).where(eq(apprenticeshipClasses.id, returned.id));
    expect((await ficOfficer.post(url(returned.id), body)).statusCode).toBe(403);
    expect((await officer.post(url(returned.id), body)).statusCode).toBe(403);
    await expectStatus(adminA.post(url(returned.id), body), 201);
  });
});

describe('removing an apprentice', () => {
  it('takes someone off a draft roster (204), audited; a registered class keeps its roster (409)', async () => {
    const cls = await draftOf(entA.id);
    const [a] = await seedApprentices(t, cls, 1);
    expect((await adminB.request({ method: 'DELETE', url: `${V1}/apprentices/${a!.id}` })).statusCode).toBe(404);
    const removed = await adminA.request({ method: 'DELETE', url: `${V1}/apprentices/${a!.id}` });
    expect(removed.statusCode).toBe(204);
    expect(await rosterSize(cls.id)).toBe(0);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'remove_apprentice')));
    expect(audit!.before).toMatchObject({ apprenticeId: a!.id, personId: a!.personId });
    const registered = await seedClass(t, entA.id, { status: 'registered' });
    const [r] = await seedApprentices(t, registered, 1);
    expect((await expectStatus<Problem>(adminA.request({ method: 'DELETE', url: `${V1}/apprentices/${r!.id}` }), 409)).error.code).toBe('INVALID_TRANSITION');
    expect(await rosterSize(registered.id)).toBe(1);
  });
});

// --- import ------------------------------------------------------------------------------------------------------

type Cell = string | null;
async function workbookOf(header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(header);
  rows.forEach((row, i) => {
    sheet.getRow(i + 2).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(client: Client, classId: string, file: Buffer) {
  const boundary = `----fulcrum${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`;
  return client.request({
    method: 'POST',
    url: `${url(classId)}/import`,
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const ZH = rosterImportColumns.map((c) => c.zh);
const EN = rosterImportColumns.map((c) => c.en);

describe('importing a roster', () => {
  it('adds nothing when any row fails, and names each bad row, field and reason', async () => {
    const cls = await draftOf(entA.id);
    const good = await seedEmployee(t, entA.id);
    const elsewhere = await seedEmployee(t, entB.id);
    const short = await seedEmployee(t, entA.id, { contractStart: '2025-06-01', contractEnd: '2026-01-31' });
    const file = await workbookOf(ZH, [
      [good.person.name, good.person.residentId, null],
      ['坏号码', '120224199001011234', null],
      ['无名氏', syntheticResidentId(8, '19800101', '120224'), null],
      [elsewhere.person.name, elsewhere.person.residentId, null],
      [short.person.name, short.person.residentId, null],
      [good.person.name, good.person.residentId, null],
      [good.person.name.slice(0, 1) + '某', (await seedEmployee(t, entA.id)).person.residentId, null],
    ]);
    const response = await upload(adminA, cls.id, file);
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ error: { code: string; details: { rows: RowError[] } } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.rows.map((r) => [r.row, r.field, r.code])).toEqual([
      [3, 'residentId', 'INVALID_RESIDENT_ID'],
      [4, 'residentId', 'UNKNOWN_PERSON'],
      [5, 'residentId', 'NOT_EMPLOYED'],
      [6, 'residentId', 'CONTRACT_TOO_SHORT'],
      [7, 'residentId', 'DUPLICATE_ROW'],
      [8, 'name', 'NAME_MISMATCH'],
    ]);
    expect(body.error.details.rows.find((r) => r.code === 'DUPLICATE_ROW')!.relatedRow).toBe(2);
    expect(await rosterSize(cls.id)).toBe(0);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, cls.id));
    expect(audits.map((a) => [a.action, a.after])).toEqual([['check_roster_import', { rows: 7, badRows: 6 }]]);
  });

  it('adds every row of a good file (English headers), each audited', async () => {
    const cls = await draftOf(entA.id);
    const a = await seedEmployee(t, entA.id);
    const b = await seedEmployee(t, entA.id);
    const response = await upload(trainerA, cls.id, await workbookOf(EN, [[a.person.name, a.person.residentId, entA.uscc], [b.person.name, b.person.residentId, null]]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ added: 2 });
    const roster = await expectStatus<{ items: Apprentice[] }>(adminA.get(url(cls.id)), 200);
    expect(roster.items.map((x) => x.personId).sort()).toEqual([a.person.id, b.person.id].sort());
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'add_apprentice')));
    expect(audits).toHaveLength(2);
  });

  it('takes the employer by USCC for a grouped class, and refuses an unknown one', async () => {
    const cls = await draftOf(chamber.id, { kind: 'grouped' });
    const { person } = await seedEmployee(t, entB.id);
    const [orgB] = await t.db.select().from(organisations).where(eq(organisations.id, entB.id));
    const bad = await upload(chamberAdmin, cls.id, await workbookOf(ZH, [[person.name, person.residentId, null]]));
    expect(bad.json<{ error: { details: { rows: RowError[] } } }>().error.details.rows.map((r) => [r.field, r.code])).toEqual([['employerUscc', 'REQUIRED']]);
    const unknown = await upload(chamberAdmin, cls.id, await workbookOf(ZH, [[person.name, person.residentId, '91120115MA00000000']]));
    expect(unknown.json<{ error: { details: { rows: RowError[] } } }>().error.details.rows.map((r) => r.code)).toEqual(['UNKNOWN_EMPLOYER']);
    const ok = await upload(chamberAdmin, cls.id, await workbookOf(ZH, [[person.name, person.residentId, orgB!.uscc]]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await expectStatus<{ items: Apprentice[] }>(chamberAdmin.get(url(cls.id)), 200)).items[0]).toMatchObject({ employerOrganisationId: entB.id });
  });

  it('refuses a workbook without the required columns, a file that is no workbook, and another enterprise’s class', async () => {
    const cls = await draftOf(entA.id);
    const missing = await upload(adminA, cls.id, await workbookOf(['姓名', '电话'], [['张三', '13800138000']]));
    expect(missing.json<{ error: { code: string; details: { rows: RowError[] } } }>().error).toMatchObject({ code: 'IMPORT_INVALID', details: { rows: [{ row: 1, field: 'residentId', code: 'MISSING_COLUMN' }] } });
    const notXlsx = await upload(adminA, cls.id, Buffer.from('name,residentId\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(issuePaths(notXlsx.json())).toEqual(['file']);
    expect((await upload(adminB, cls.id, await workbookOf(ZH, []))).statusCode).toBe(404);
  });

  it('serves the template with the roster columns as its header', async () => {
    const response = await adminA.get(`${CLASSES}/roster-template`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment;/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(ZH);
    expect((await officer.get(`${CLASSES}/roster-template`)).statusCode).toBe(200);
    expect((await instructorA.get(`${CLASSES}/roster-template`)).statusCode).toBe(403);
  });
});

describe('leaving and assessment', () => {
  it('records that an apprentice left a registered class; twice, in the future or in a draft class is refused', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered' });
    const [a, b] = await seedApprentices(t, cls, 2);
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(`${V1}/apprentices/${a!.id}/leave`, { leftOn: '2026-03-03', reason: '离职' }), 400))).toEqual(['body.leftOn']);
    const left = await expectStatus<Apprentice>(adminA.post(`${V1}/apprentices/${a!.id}/leave`, { leftOn: '2026-03-02', reason: '离职' }), 200);
    expect(left).toMatchObject({ status: 'left', leftOn: '2026-03-02', leftReason: '离职' });
    expect((await expectStatus<ErrorBody>(adminA.post(`${V1}/apprentices/${a!.id}/leave`, { leftOn: '2026-03-02', reason: '离职' }), 409)).error.code).toBe('INVALID_TRANSITION');
    expect((await adminB.post(`${V1}/apprentices/${b!.id}/leave`, { leftOn: '2026-03-02', reason: '离职' })).statusCode).toBe(404);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'apprentice_leave')));
    expect(audit!.after).toMatchObject({ apprenticeId: a!.id, status: 'left' });
    const draft = await draftOf(entA.id);
    const [d] = await seedApprentices(t, draft, 1);
    expect((await adminA.post(`${V1}/apprentices/${d!.id}/leave`, { leftOn: '2026-03-02', reason: '离职' })).statusCode).toBe(409);
  });

  it('records a pass at the target level as certified; a re-assessment overwrites and keeps before/after in the audit', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered', targetLevel: 3 });
    const [a] = await seedApprentices(t, cls, 1);
    const failed = await expectStatus<Apprentice>(instructorA.post(`${V1}/apprentices/${a!.id}/assessment`, { assessedOn: '2026-03-02', passed: false }), 200);
    expect(failed).toMatchObject({ status: 'completed', certified: false, assessment: { passed: false, levelReached: null, certificateNo: null } });
    const passed = await expectStatus<Apprentice>(adminA.post(`${V1}/apprentices/${a!.id}/assessment`, { assessedOn: '2026-03-02', passed: true, levelReached: 3, certificateNo: 'S2026120115000001' }), 200);
    expect(passed).toMatchObject({ status: 'completed', certified: true, assessment: { assessedOn: '2026-03-02', passed: true, levelReached: 3, certificateNo: 'S2026120115000001' } });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, cls.id), eq(auditLog.action, 'reassess_apprentice')));
    expect(audits[0]!.before).toMatchObject({ apprenticeId: a!.id, passed: false, status: 'completed' });
    expect(audits[0]!.after).toMatchObject({ passed: true, levelReached: 3, certificateNo: 'S2026120115000001' });
    const detail = await expectStatus<{ counts: { certified: number; completed: number } }>(adminA.get(`${CLASSES}/${cls.id}`), 200);
    expect(detail.counts).toMatchObject({ completed: 1, certified: 1 });
  });

  it('counts a level above the target (技师 for a 高级工 class) as certified, one below it as not', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered', targetLevel: 3 });
    const [above, below] = await seedApprentices(t, cls, 2);
    expect((await expectStatus<Apprentice>(adminA.post(`${V1}/apprentices/${above!.id}/assessment`, { assessedOn: '2026-03-01', passed: true, levelReached: 2, certificateNo: 'S-ABOVE' }), 200)).certified).toBe(true);
    expect((await expectStatus<Apprentice>(adminA.post(`${V1}/apprentices/${below!.id}/assessment`, { assessedOn: '2026-03-01', passed: true, levelReached: 4, certificateNo: 'S-BELOW' }), 200)).certified).toBe(false);
  });

  it('refuses a certificate number of another apprentice (409 at body.certificateNo), a pass without level, a left apprentice, the bureau', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered' });
    const [a, b, c] = await seedApprentices(t, cls, 3);
    await expectStatus(adminA.post(`${V1}/apprentices/${a!.id}/assessment`, { assessedOn: '2026-03-01', passed: true, levelReached: 3, certificateNo: 'S-DUP' }), 200);
    const dup = await expectStatus<Problem>(adminA.post(`${V1}/apprentices/${b!.id}/assessment`, { assessedOn: '2026-03-01', passed: true, levelReached: 3, certificateNo: 'S-DUP' }), 409);
    expect(dup.error.code).toBe('CONFLICT');
    expect(issuePaths(dup)).toEqual(['body.certificateNo']);
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(`${V1}/apprentices/${b!.id}/assessment`, { assessedOn: '2026-03-01', passed: true, certificateNo: 'S-X' }), 400))).toEqual(['body.levelReached']);
    expect(issuePaths(await expectStatus<ErrorBody>(adminA.post(`${V1}/apprentices/${b!.id}/assessment`, { assessedOn: '2026-02-01', passed: false }), 400))).toEqual(['body.assessedOn']);
    await t.db.update(apprentices).set({ status: 'left', leftOn: '2026-03-01' }).where(eq(apprentices.id, c!.id));
    expect((await expectStatus<ErrorBody>(adminA.post(`${V1}/apprentices/${c!.id}/assessment`, { assessedOn: '2026-03-01', passed: false }), 409)).error.code).toBe('INVALID_TRANSITION');
    expect((await officer.post(`${V1}/apprentices/${b!.id}/assessment`, { assessedOn: '2026-03-01', passed: false })).statusCode).toBe(403);
    const [row] = await t.db.select().from(apprentices).where(eq(apprentices.id, b!.id));
    expect(row).toMatchObject({ status: 'active', certificateNo: null });
  });
});

describe('the roster list', () => {
  it('carries each apprentice’s hours from the attendance rows', async () => {
    const cls = await seedClass(t, entA.id, { status: 'registered' });
    const [a, b] = await seedApprentices(t, cls, 2);
    await seedSession(t, cls.id, [{ apprenticeId: a!.id, personId: a!.personId, present: true }, { apprenticeId: b!.id, personId: b!.personId, present: false }], { kind: 'centralised', videoRecorded: true });
    await seedSession(t, cls.id, [{ apprenticeId: a!.id, personId: a!.personId, present: true }, { apprenticeId: b!.id, personId: b!.personId, present: true }], { kind: 'online', date: '2026-04-02', startTime: '19:00', endTime: '20:30', videoRecorded: false });
    const roster = await expectStatus<{ items: Apprentice[] }>(trainerA.get(url(cls.id)), 200);
    const byId = new Map(roster.items.map((x) => [x.id, x.hours]));
    expect(byId.get(a!.id)).toEqual({ centralisedMinutes: 240, onlineMinutes: 90, platformMinutes: 0, onTheJobMinutes: 0, videoMinutes: 240, totalMinutes: 330, sessionsAttended: 2, sessionsMissed: 0 });
    expect(byId.get(b!.id)).toEqual({ centralisedMinutes: 0, onlineMinutes: 90, platformMinutes: 0, onTheJobMinutes: 0, videoMinutes: 0, totalMinutes: 90, sessionsAttended: 1, sessionsMissed: 1 });
    expect((await adminB.get(url(cls.id))).statusCode).toBe(404);
    expect(Number((await t.db.select({ n: count() }).from(sessionAttendance))[0]!.n)).toBeGreaterThanOrEqual(4);
    expect(Number((await t.db.select({ n: count() }).from(classSessions).where(eq(classSessions.classId, cls.id)))[0]!.n)).toBe(2);
  });
});
