import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, maskResidentId } from '@fulcrum/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/context.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, signIn, type TestApp } from '../../test/app.ts';
import { publishNotice, type PublicNotice } from './service.ts';

/*
 * A notice's table as a workbook: the public download and the officers' download carry the entries exactly as
 * published, so private persons stay masked (Personal Information Protection Law) whoever downloads the file.
 */

let t: TestApp;
let hrssOfficer: Client;
let tangshanOfficer: Client;
let notice: PublicNotice;
const anonymous = () => new Client(t.app);

const ZHANG_ID = syntheticResidentId(411);
const OUYANG_ID = syntheticResidentId(412);
const TITLE = '2026年第一批新型学徒制培训补贴拟拨付名单公示';

/** The sheet's rows as text cells, header first. */
async function sheetRows(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set(new Date('2026-06-15T09:00:00+08:00'));
  const hrss = await createOrganisation(t.db, { type: 'government_department', regionId: 'baodi', name: '天津市宝坻区人力资源和社会保障局' });
  const tangshan = await createOrganisation(t.db, { type: 'government_department', regionId: 'tangshan' });
  const { user, membership } = await createUser(t.db, hrss.id, 'department_officer');
  const publisher: Actor = {
    userId: user.id, displayName: user.displayName, membershipId: membership.id, role: 'department_officer',
    organisationId: hrss.id, organisationType: 'government_department', departmentKind: 'hrss', regionId: 'baodi', locale: 'zh-CN',
  };
  hrssOfficer = await new Client(t.app).login(user.username);
  tangshanOfficer = await signIn(t, tangshan.id, 'department_officer');
  notice = await t.db.transaction((tx) =>
    publishNotice(
      { db: tx as unknown as Db, actor: publisher, clock: t.clock, requestId: null, ip: null },
      {
        subjectType: 'test_claims',
        subjectId: randomUUID(),
        organisationId: hrss.id,
        regionId: 'baodi',
        title: TITLE,
        body: '经审核，拟拨付以下补贴，现予公示。',
        columns: [
          { key: 'name', zh: '姓名', en: 'Name', mask: 'name' },
          { key: 'residentId', zh: '身份证号', en: 'Resident ID', mask: 'residentId' },
          { key: 'company', zh: '企业名称', en: 'Enterprise' },
          { key: 'amount', zh: '补贴金额（元）', en: 'Subsidy (yuan)' },
        ],
        rows: [
          { ref: 'a1', cells: { name: '张小三', residentId: ZHANG_ID, company: '天津宝坻华信汽车部件有限公司', amount: '2,500.00' } },
          { ref: 'a2', cells: { name: '欧阳小明', residentId: OUYANG_ID, company: '天津宝坻精工机械有限公司', amount: '3,000.00' } },
        ],
      },
    ),
  );
});

afterAll(async () => {
  await t?.close();
});

describe('GET /public/notices/:id?format=xlsx', () => {
  it('downloads the published table without signing in, names and ID numbers still masked', async () => {
    const response = await anonymous().get(`/api/v1/public/notices/${notice.id}?format=xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(TITLE)}.xlsx`);
    const rows = await sheetRows(response.rawPayload);
    expect(rows).toEqual([
      ['姓名', '身份证号', '企业名称', '补贴金额（元）'],
      [maskName('张小三'), maskResidentId(ZHANG_ID), '天津宝坻华信汽车部件有限公司', '2,500.00'],
      [maskName('欧阳小明'), maskResidentId(OUYANG_ID), '天津宝坻精工机械有限公司', '3,000.00'],
    ]);
    const text = rows.flat().join('|');
    for (const secret of ['张小三', '欧阳小明', ZHANG_ID, OUYANG_ID]) expect(text).not.toContain(secret);
  });

  it('heads the columns in English for a reader who asks for English', async () => {
    const response = await anonymous().request({ method: 'GET', url: `/api/v1/public/notices/${notice.id}?format=xlsx`, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.statusCode).toBe(200);
    expect((await sheetRows(response.rawPayload))[0]).toEqual(['Name', 'Resident ID', 'Enterprise', 'Subsidy (yuan)']);
  });

  it('still answers JSON by default, 404 for an unknown notice and 400 for an unknown format', async () => {
    const json = await anonymous().get(`/api/v1/public/notices/${notice.id}`);
    expect(json.statusCode).toBe(200);
    expect(json.json<{ title: string }>().title).toBe(TITLE);
    expect((await anonymous().get(`/api/v1/public/notices/${randomUUID()}?format=xlsx`)).statusCode).toBe(404);
    const pdf = await anonymous().get(`/api/v1/public/notices/${notice.id}?format=pdf`);
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json<{ error: { details: { issues: { path: string }[] } } }>().error.details.issues[0]!.path).toBe('query.format');
  });
});

describe('GET /notices/:id?format=xlsx', () => {
  it("gives the publishing region's officers the same masked table", async () => {
    const response = await hrssOfficer.get(`/api/v1/notices/${notice.id}?format=xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    const rows = await sheetRows(response.rawPayload);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [maskName('张小三'), maskResidentId(ZHANG_ID)],
      [maskName('欧阳小明'), maskResidentId(OUYANG_ID)],
    ]);
  });

  it("answers 404 to another region's officer, as for the JSON view", async () => {
    expect((await tangshanOfficer.get(`/api/v1/notices/${notice.id}?format=xlsx`)).statusCode).toBe(404);
  });
});
