import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, desc, eq, gt } from 'drizzle-orm';
import { employeeImportColumns } from '@fulcrum/shared';
import { auditLog, employments, people } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, signIn, type TestApp } from '../../test/app.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZH = employeeImportColumns.map((c) => c.zh);
const EN = employeeImportColumns.map((c) => c.en);

let t: TestApp;
let orgA: { id: string };
let orgB: { id: string };
let adminA: Client;
let adminB: Client;
let serial = 100;

type Cell = string | number | Date | null;
/** [name, residentId, phone, position, startDate, contractStart, contractEnd], the template's column order. */
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell];
interface RowError { row: number; field: string; code: string; message: string }

const nextId = () => syntheticResidentId(serial++);
const newRow = (overrides: Partial<Record<number, Cell>> = {}): Row => {
  const row: Row = [`导入${serial}`, nextId(), '13800138000', '操作工', '2025-03-01', '2025-03-01', '2028-02-29'];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v ?? null;
  return row;
};

async function workbookOf(header: string[], rows: (Row | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('员工');
  sheet.addRow(header);
  // A null leaves the row empty, so later rows keep the numbers Excel shows.
  rows.forEach((row, i) => {
    if (row) sheet.getRow(i + 2).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field named "file", built by hand. */
function multipartFile(content: Buffer, filename = 'employees.xlsx', contentType = XLSX_TYPE) {
  const boundary = `----fulcrum${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(client: Client, orgId: string, file: Buffer, options: { dryRun?: boolean; filename?: string; contentType?: string } = {}) {
  const query = options.dryRun === undefined ? '' : `?dryRun=${options.dryRun}`;
  return client.request({ method: 'POST', url: `/api/v1/organisations/${orgId}/employee-imports${query}`, ...multipartFile(file, options.filename, options.contentType) });
}

const counts = async () => ({
  people: Number((await t.db.select({ n: count() }).from(people))[0]!.n),
  employments: Number((await t.db.select({ n: count() }).from(employments))[0]!.n),
  audit: Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n),
});
/** A check writes no data, only its own audit entry (it tells which resident IDs are registered). */
async function expectOnlyCheckAudited(before: Awaited<ReturnType<typeof counts>>, rows: number) {
  expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  const [entry] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  expect(entry).toMatchObject({ action: 'check_employee_import', entityType: 'organisation', actorRole: 'enterprise_admin' });
  expect((entry!.after as { rows: number }).rows).toBe(rows);
}
const lastAuditId = async () => {
  const [row] = await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0n;
};

async function addEmployee(client: Client, orgId: string, row: Row) {
  const [name, residentId, phone, position, startDate] = row;
  const response = await client.post(`/api/v1/organisations/${orgId}/employees`, { name, residentId, phone, position, startDate });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; person: { id: string } };
}

async function employeesOf(client: Client, orgId: string) {
  const response = await client.get(`/api/v1/organisations/${orgId}/employees?pageSize=100`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { position: string; startDate: string; contractEnd: string | null; person: { id: string; name: string } }[];
}

beforeAll(async () => {
  t = await buildTestApp();
  orgA = await createOrganisation(t.db, { type: 'enterprise' });
  orgB = await createOrganisation(t.db, { type: 'enterprise' });
  adminA = await signIn(t, orgA.id, 'enterprise_admin');
  adminB = await signIn(t, orgB.id, 'enterprise_admin');
});
afterAll(() => t.close());

describe('a file with bad rows', () => {
  it('lists every bad row by its Excel number, field and code, and writes nothing', async () => {
    const employedHere = newRow({ 0: '已在职' });
    await addEmployee(adminA, orgA.id, employedHere);
    const first = newRow();
    const badCheck = newRow();
    badCheck[1] = String(badCheck[1]).slice(0, 17) + (String(badCheck[1]).endsWith('0') ? '1' : '0');
    const rows: (Row | null)[] = [
      first, //                                              row 2: fine
      badCheck, //                                           row 3: wrong check digit
      newRow({ 0: null }), //                                row 4: no name
      newRow({ 4: '2025-13-01' }), //                        row 5: not a date
      newRow({ 1: first[1] }), //                            row 6: the same resident ID as row 2
      newRow({ 5: '2025-03-01', 6: '2025-02-28' }), //       row 7: the contract ends before it starts
      employedHere, //                                       row 8: already employed here
      newRow(), //                                           row 9: fine
      null, //                                               row 10: empty, skipped
      newRow({ 2: '12345' }), //                             row 11: bad phone
    ];
    const before = await counts();
    const response = await upload(adminA, orgA.id, await workbookOf(ZH, rows));
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toMatch(/^7 row\(s\) have errors/);
    const listed = (error.details.rows as RowError[]).map((r) => [r.row, r.field, r.code]);
    expect(listed).toEqual([
      [3, 'residentId', 'INVALID_RESIDENT_ID'],
      [4, 'name', 'INVALID_TYPE'],
      [5, 'startDate', 'INVALID_FORMAT'],
      [6, 'residentId', 'DUPLICATE_IN_FILE'],
      [7, 'contractEnd', 'DATE_ORDER'],
      [8, 'residentId', 'ALREADY_EMPLOYED'],
      [11, 'phone', 'INVALID_PHONE'],
    ]);
    expect((error.details.rows as RowError[]).every((r) => r.message.length > 0)).toBe(true);
    expect(error.details.rows[3].message).toContain('row 2');
    await expectOnlyCheckAudited(before, rows.filter(Boolean).length);
  });

  it('answers IMPORT_INVALID at row 1 for a missing required column', async () => {
    const header = ZH.filter((h) => h !== '岗位');
    const row = newRow();
    const before = await counts();
    const response = await upload(adminA, orgA.id, await workbookOf(header, [[row[0], row[1], row[2], row[4], row[5], row[6], null]]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    expect(response.json().error.details.rows).toEqual([expect.objectContaining({ row: 1, field: 'position', code: 'MISSING_COLUMN' })]);
    expect(await counts()).toEqual(before);
  });

  it('answers IMPORT_INVALID for a sheet with a header and no rows', async () => {
    const response = await upload(adminA, orgA.id, await workbookOf(ZH, []));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    expect(response.json().error.details.rows).toEqual([expect.objectContaining({ code: 'EMPTY_FILE' })]);
  });

  it('refuses a file that is not an .xlsx workbook (400 file NOT_XLSX)', async () => {
    const before = await counts();
    const text = await upload(adminA, orgA.id, Buffer.from(`${ZH.join(',')}\n张三,${nextId()},13800138000,操作工,2025-03-01,,\n`), { filename: 'x.xlsx' });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('VALIDATION_FAILED');
    expect(text.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file', code: 'NOT_XLSX' })]);
    // A zip signature followed by garbage is no workbook either.
    const fakeZip = await upload(adminA, orgA.id, Buffer.concat([Buffer.from('PK\x03\x04', 'binary'), randomBytes(256)]), { filename: 'y.xlsx' });
    expect(fakeZip.statusCode).toBe(400);
    expect(fakeZip.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file', code: 'NOT_XLSX' })]);
    expect(await counts()).toEqual(before);
  });

  it('takes uploads over the 1 MiB JSON limit and refuses those over 10 MiB (413 BODY_TOO_LARGE)', async () => {
    const zipHead = Buffer.from('PK\x03\x04', 'binary');
    const twoMiB = await upload(adminA, orgA.id, Buffer.concat([zipHead, randomBytes(2 * 1024 * 1024)]));
    expect(twoMiB.statusCode).toBe(400);
    expect(twoMiB.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file', code: 'NOT_XLSX' })]);
    const elevenMiB = await upload(adminA, orgA.id, Buffer.concat([zipHead, randomBytes(11 * 1024 * 1024)]));
    expect(elevenMiB.statusCode).toBe(413);
    expect(elevenMiB.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('refuses a request without a file part (400 file) and one that is not multipart (415)', async () => {
    const boundary = 'fulcrum-no-file';
    const noFile = await adminA.request({
      method: 'POST',
      url: `/api/v1/organisations/${orgA.id}/employee-imports`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details.issues).toEqual([expect.objectContaining({ path: 'file' })]);
    const json = await adminA.post(`/api/v1/organisations/${orgA.id}/employee-imports`, { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it("answers 404 for an import into another organisation and writes nothing", async () => {
    const before = await counts();
    const response = await upload(adminB, orgA.id, await workbookOf(ZH, [newRow()]));
    expect(response.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('a clean file', () => {
  let file: Buffer;
  let linked: Row;
  let fresh: Row[];

  beforeAll(async () => {
    linked = newRow({ 0: '两家员工' });
    await addEmployee(adminB, orgB.id, linked);
    fresh = [newRow({ 0: '新人甲' }), newRow({ 0: '新人乙', 4: new Date(Date.UTC(2025, 3, 1)), 5: null, 6: null })];
    file = await workbookOf(ZH, [fresh[0]!, linked, fresh[1]!]);
  });

  it('with dryRun=true reports the counts and writes nothing', async () => {
    const before = await counts();
    const response = await upload(adminA, orgA.id, file, { dryRun: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dryRun: true, rows: 3, createdPeople: 2, linkedPeople: 1, createdEmployments: 3 });
    await expectOnlyCheckAudited(before, 3);
  });

  it('imports all rows, with one audit entry per person and employment plus one for the import', async () => {
    const before = await counts();
    const auditMark = await lastAuditId();
    const response = await upload(adminA, orgA.id, file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dryRun: false, rows: 3, createdPeople: 2, linkedPeople: 1, createdEmployments: 3 });
    expect(await counts()).toEqual({ people: before.people + 2, employments: before.employments + 3, audit: before.audit + 6 });

    const entries = await t.db.select().from(auditLog).where(gt(auditLog.id, auditMark));
    const tally = entries.map((e) => `${e.entityType}:${e.action}`).sort();
    expect(tally).toEqual(['employment:create', 'employment:create', 'employment:create', 'organisation:import_employees', 'person:create', 'person:create']);
    const importEntry = entries.find((e) => e.action === 'import_employees')!;
    expect(importEntry).toMatchObject({ entityId: orgA.id, organisationId: orgA.id, actorRole: 'enterprise_admin', after: { rows: 3, createdPeople: 2, linkedPeople: 1 } });

    const employees = await employeesOf(adminA, orgA.id);
    const byName = new Map(employees.map((e) => [e.person.name, e]));
    expect(byName.get('新人甲')).toMatchObject({ position: '操作工', startDate: '2025-03-01', contractEnd: '2028-02-29' });
    expect(byName.get('新人乙')).toMatchObject({ startDate: '2025-04-01', contractEnd: null });
    const [atB] = (await employeesOf(adminB, orgB.id)).filter((e) => e.person.name === '两家员工');
    expect(byName.get('两家员工')!.person.id).toBe(atB!.person.id);
  });

  it('refuses the same file a second time, row by row, and writes nothing', async () => {
    const before = await counts();
    const response = await upload(adminA, orgA.id, file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_INVALID');
    expect((response.json().error.details.rows as RowError[]).map((r) => [r.row, r.code])).toEqual([
      [2, 'ALREADY_EMPLOYED'],
      [3, 'ALREADY_EMPLOYED'],
      [4, 'ALREADY_EMPLOYED'],
    ]);
    await expectOnlyCheckAudited(before, 3);
  });

  it('accepts English headers', async () => {
    const rows = [newRow({ 0: '英文表头一' }), newRow({ 0: '英文表头二', 3: '质检员' })];
    const before = await counts();
    const response = await upload(adminA, orgA.id, await workbookOf(EN, rows));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, createdPeople: 2, createdEmployments: 2 });
    expect((await counts()).employments).toBe(before.employments + 2);
    const names = (await employeesOf(adminA, orgA.id)).map((e) => e.person.name);
    expect(names).toEqual(expect.arrayContaining(['英文表头一', '英文表头二']));
  });
});

describe('the import template', () => {
  it('is an xlsx whose first sheet has the Chinese column names and which, filled in, imports cleanly', async () => {
    const response = await adminA.get('/api/v1/employee-import-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ZH);

    const rows = [newRow({ 0: '模板一' }), newRow({ 0: '模板二', 2: null })];
    for (const row of rows) sheet.addRow(row);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await counts();
    const imported = await upload(adminA, orgA.id, filled);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ dryRun: false, rows: 2, createdPeople: 2, linkedPeople: 0, createdEmployments: 2 });
    expect((await counts()).people).toBe(before.people + 2);
    const names = (await employeesOf(adminA, orgA.id)).map((e) => e.person.name);
    expect(names).toEqual(expect.arrayContaining(['模板一', '模板二']));
  });
});

// Both ways in share one set of checks.
describe('the import and the single-employee form agree', () => {
  it('refuses in the import a person added through the form, and vice versa', async () => {
    const viaForm = newRow({ 0: '表单先' });
    await addEmployee(adminA, orgA.id, viaForm);
    const response = await upload(adminA, orgA.id, await workbookOf(ZH, [viaForm]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.rows).toEqual([expect.objectContaining({ row: 2, code: 'ALREADY_EMPLOYED' })]);

    const viaImport = newRow({ 0: '导入先' });
    expect((await upload(adminA, orgA.id, await workbookOf(ZH, [viaImport]))).statusCode).toBe(200);
    const [name, residentId, phone, position, startDate] = viaImport;
    const again = await adminA.post(`/api/v1/organisations/${orgA.id}/employees`, { name, residentId, phone, position, startDate });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_EMPLOYED');
    const [person] = await t.db.select().from(people).where(eq(people.residentId, String(residentId)));
    expect(person?.name).toBe('导入先');
  });
});
