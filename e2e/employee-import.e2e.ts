import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckChar } from '@fulcrum/shared';
import { desktop, launch, login, newPage, shot } from './support.ts';

let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fulcrum-e2e-import-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A resident ID that the demo district does not use (another province's area code). */
function residentId(serial: number) {
  const first17 = `650102199505${String(10 + serial).padStart(2, '0')}${String(100 + serial).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

async function workbook(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('员工');
  sheet.addRow(['姓名', '身份证号', '手机号', '岗位', '入职日期', '劳动合同开始日期', '劳动合同结束日期']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(tmp, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function activeEmployees(page: Page): Promise<number> {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { activeMembership: { organisationId: string } };
  const list = await page.request.get(`/api/v1/organisations/${session.activeMembership.organisationId}/employees?active=true&pageSize=1`);
  return ((await list.json()) as { total: number }).total;
}

async function check(page: Page, file: string) {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-check').click();
}

describe('employee import', () => {
  it('shows every bad row and saves nothing, then imports the corrected file', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'ent-admin');
    const before = await activeEmployees(page);
    await page.goto('/console/employees/import');
    await page.getByTestId('employee-import-page').waitFor();

    const good = [
      ['测试甲', residentId(1), '13900000001', '装配工', '2026-11-02', '2026-11-02', '2029-11-01'],
      ['测试乙', residentId(2), '13900000002', '质检员', '2026-11-02', '2026-11-02', '2028-11-01'],
    ];
    const bad = await workbook('bad.xlsx', [
      good[0]!,
      ['测试丙', `${residentId(3).slice(0, 17)}0`, '13900000003', '焊工', '2026-11-02', '', ''],
      good[1]!,
      ['', residentId(4), '1390000', '焊工', '2026/13/40', '', ''],
    ]);
    await check(page, bad);
    await page.getByTestId('import-invalid').waitFor();
    // Rows 3 and 5 (Excel numbering, header = 1) are bad; rows 2 and 4 are not listed.
    const rows = await page.getByTestId('import-errors').locator('tbody tr').allTextContents();
    const rowNumbers = new Set(rows.map((r) => Number(/^\d+/.exec(r.trim())?.[0])).filter((n) => !Number.isNaN(n)));
    expect([...rowNumbers].sort()).toEqual([3, 5]);
    await shot(page, 'import-bad-rows');
    expect(await activeEmployees(page)).toBe(before);

    const clean = await workbook('clean.xlsx', [...good, ['测试丙', residentId(3), '13900000003', '焊工', '2026-11-02', '', '']]);
    await check(page, clean);
    await page.getByTestId('import-counts').waitFor();
    await shot(page, 'import-clean-checked');
    expect(await activeEmployees(page)).toBe(before);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor();
    await shot(page, 'import-done');
    expect(await activeEmployees(page)).toBe(before + 3);
    await context.close();
  });
});
