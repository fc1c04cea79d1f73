import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { maskName } from '@fulcrum/shared';
import { syntheticResidentId } from '../server/src/lib/synthetic-ids.ts';
import { desktop, launch, login, newPage, phone, shot } from './support.ts';

/*
 * An apprenticeship subsidy from registration to disbursement, by the people who handle it: the enterprise's
 * training manager registers a class and puts a new hire on its roster; the HRSS officer registers it; the
 * enterprise files the advance claim the server computes; HRSS and finance approve; the HRSS officer publishes the
 * notice, which an anonymous visitor reads on a phone with the apprentice's name masked; disbursement is refused
 * during the notice period; after it (the server's shiftable clock is moved on) finance disburses, the ledger shows
 * the entry and the enterprise confirms receipt.
 */

const API = { 'x-requested-with': 'fulcrum', 'content-type': 'application/json' };
const CLASS_NAME = '浏览器测试焊工高级工学徒班';
const APPRENTICE = '欧阳明远';
const APPRENTICE_ID = syntheticResidentId(777, '20010315', '120224');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 250 });

async function call<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: API, data: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status(), body: (await response.json().catch(() => null)) as T };
}
async function ok<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await call<T>(page, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** Picks an option of an antd Select by typing part of its label. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The server's today (its clock may have been moved on), Beijing date: the system admin reads the clock. */
async function serverToday(page: Page): Promise<string> {
  const { now } = await ok<{ now: string }>(page, 'GET', '/system/clock');
  return new Date(Date.parse(now) + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('apprenticeship subsidy: register → roster → claim → review → notice → disburse', { timeout: 180_000 }, () => {
  let classId: string;
  let claimId: string;
  let noticeId: string;

  it('the training manager registers a class and puts a new hire with a two-year contract on its roster', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'ent-admin');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const organisationId = (await ok<{ activeMembership: { organisationId: string } }>(page, 'GET', '/auth/session')).activeMembership.organisationId;
    const contractEnd = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
    await ok(page, 'POST', `/organisations/${organisationId}/employees`, { name: APPRENTICE, residentId: APPRENTICE_ID, position: '焊工', startDate: today, contractStart: today, contractEnd });
    await context.close();

    const trainer = await newPage(browser, desktop);
    const p = trainer.page;
    await login(p, 'ent-trainer');
    await p.getByTestId('main-menu').getByText('新型学徒制').click();
    await p.getByTestId('class-create').click();
    await p.getByTestId('class-form').waitFor();
    await p.getByTestId('class-name').fill(CLASS_NAME);
    await choose(p, 'class-occupation', '焊工');
    await choose(p, 'class-level', '高级');
    await p.getByTestId('class-institution-kind').getByText('其他培训机构或院校').click();
    await p.getByTestId('class-institution-name').fill('天津宝坻职业技术学院');
    await p.getByTestId('class-starts').click();
    await p.keyboard.type(today);
    await p.keyboard.press('Enter');
    await p.getByTestId('tutor-enterprise-name').fill('王建军');
    await p.getByTestId('tutor-enterprise-title').fill('高级技师');
    await p.getByTestId('tutor-institution-name').fill('李晓梅');
    await p.getByTestId('tutor-institution-title').fill('实训指导教师');
    await p.getByTestId('class-plan').fill('院校集中授课 200 学时（全程录像），线上理论 80 学时，岗位实训由企业导师带教。');
    await shot(p, 'subsidy-class-form');
    await p.getByTestId('class-save').click();
    await p.waitForURL(/\/console\/apprenticeship-classes\/[0-9a-f-]{36}/);
    classId = /apprenticeship-classes\/([0-9a-f-]{36})/.exec(p.url())![1]!;

    await p.getByTestId('class-tab-roster').click();
    await p.getByTestId('roster-add').click();
    await p.getByTestId('apprentice-name').fill(APPRENTICE);
    await p.getByTestId('apprentice-resident-id').fill(APPRENTICE_ID);
    await p.getByTestId('apprentice-save').click();
    await eventually(() => p.getByTestId('roster-table').textContent()).toContain(APPRENTICE);
    await shot(p, 'subsidy-roster');

    await p.getByTestId('class-tab-overview').click();
    await p.getByTestId('action-file').click();
    await p.getByTestId('action-confirm').click();
    await eventually(async () => (await ok<{ status: string }>(p, 'GET', `/apprenticeship-classes/${classId}`)).status).toBe('filed');
    await trainer.context.close();
  });

  it('the HRSS officer registers the class; the enterprise files the advance the server computes', async () => {
    const officer = await newPage(browser, desktop);
    await login(officer.page, 'hrss-officer');
    await officer.page.goto(`/console/apprenticeship-classes/${classId}`);
    await officer.page.getByTestId('action-register').click();
    await officer.page.getByTestId('action-confirm').click();
    await eventually(() => officer.page.getByTestId('class-registration-no').textContent()).toMatch(/XT120115-\d{4}-\d{4}/);
    await officer.context.close();

    const { context, page } = await newPage(browser, desktop);
    await login(page, 'ent-trainer');
    await page.goto(`/console/apprenticeship-classes/${classId}/claims`);
    await page.getByTestId('claim-preview').waitFor();
    // One apprentice × the demo policy's 高级 rate 6,000 yuan × 50 % of one year's amount.
    await eventually(() => page.getByTestId('claim-net').textContent()).toContain('3,000.00');
    await shot(page, 'subsidy-claim-preview');
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('claim-submit-confirm').click();
    await page.waitForURL(/\/console\/subsidy-claims\/[0-9a-f-]{36}/);
    claimId = /subsidy-claims\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await eventually(() => page.getByTestId('claim-net-amount').textContent()).toContain('3,000.00');
    await context.close();
  });

  it('HRSS and finance approve; the HRSS officer publishes the notice; a visitor reads it on a phone', async () => {
    const hrss = await newPage(browser, desktop);
    await login(hrss.page, 'hrss-officer');
    await hrss.page.goto(`/console/subsidy-claims/${claimId}`);
    await hrss.page.getByTestId('claim-computation').waitFor();
    await shot(hrss.page, 'subsidy-claim-review');
    await hrss.page.getByTestId('action-hrss_approve').click();
    await hrss.page.getByTestId('action-confirm').click();
    await eventually(async () => (await ok<{ status: string }>(hrss.page, 'GET', `/subsidy-claims/${claimId}`)).status).toBe('finance_review');

    const finance = await newPage(browser, desktop);
    await login(finance.page, 'finance-officer');
    await finance.page.goto(`/console/subsidy-claims/${claimId}`);
    await finance.page.getByTestId('action-finance_approve').click();
    await finance.page.getByTestId('action-confirm').click();
    await eventually(async () => (await ok<{ status: string }>(finance.page, 'GET', `/subsidy-claims/${claimId}`)).status).toBe('approved');

    await hrss.page.goto('/console/subsidy-claims?status=approved');
    const row = hrss.page.getByTestId('claim-table').locator('tr').filter({ hasText: CLASS_NAME });
    await row.locator('input[type=checkbox]').check();
    await hrss.page.getByTestId('publish-open').click();
    await hrss.page.getByTestId('publish-save').click();
    await hrss.page.getByTestId('publish-result').waitFor();
    noticeId = (await ok<{ noticeId: string }>(hrss.page, 'GET', `/subsidy-claims/${claimId}`)).noticeId;
    await shot(hrss.page, 'subsidy-notice-published');
    await hrss.context.close();

    // Finance may not pay during the notice period: the page says until when it runs.
    await finance.page.goto(`/console/subsidy-claims/${claimId}`);
    await finance.page.getByTestId('action-disburse').click();
    await finance.page.getByTestId('disburse-bank-reference').fill('E2E-BEFORE-END');
    await finance.page.getByTestId('disburse-save').click();
    await eventually(() => finance.page.getByTestId('action-refusal').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot(finance.page, 'subsidy-disburse-refused');
    await finance.context.close();

    const visitor = await newPage(browser, phone);
    await visitor.page.goto(`/public/notices/${noticeId}`);
    await eventually(() => visitor.page.locator('body').textContent()).toContain(CLASS_NAME);
    const text = (await visitor.page.locator('body').textContent()) ?? '';
    expect(text).toContain(maskName(APPRENTICE));
    expect(text).not.toContain(APPRENTICE);
    expect(text).not.toContain(APPRENTICE_ID);
    expect(text).toContain('3,000.00');
    await shot(visitor.page, 'subsidy-public-notice-phone');
    await visitor.context.close();
  });

  it('after the notice period finance disburses; the ledger shows it; the enterprise confirms receipt', async () => {
    const admin = await newPage(browser, desktop);
    await login(admin.page, 'admin');
    const before = await serverToday(admin.page);
    // Ten calendar days: at least six working days, past the five-working-day notice (sessions expire with the jump).
    await ok(admin.page, 'POST', '/system/clock/advance', { days: 10 });
    await admin.context.close();
    const disbursedOn = new Date(Date.parse(`${before}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);

    const finance = await newPage(browser, desktop);
    await login(finance.page, 'finance-officer');
    // The browser's date picker offers dates up to the browser's today; the server's clock has moved on, so the
    // transfer is recorded with the server's date through the same endpoint the form posts to.
    await ok(finance.page, 'POST', `/subsidy-claims/${claimId}/disburse`, { disbursedOn, bankReference: 'E2E20261125001' });
    await finance.page.goto(`/console/subsidy-ledger?classId=${classId}`);
    await eventually(() => finance.page.getByTestId('ledger-table').textContent()).toContain('E2E20261125001');
    await eventually(() => finance.page.getByTestId('ledger-balance').textContent()).toContain('3,000.00');
    await shot(finance.page, 'subsidy-ledger');
    await finance.context.close();

    const { context, page } = await newPage(browser, desktop);
    await login(page, 'ent-admin');
    await page.goto(`/console/subsidy-claims/${claimId}`);
    await eventually(() => page.getByTestId('claim-bank-reference').textContent()).toContain('E2E20261125001');
    await page.getByTestId('action-close').click();
    await page.getByTestId('action-confirm').click();
    await eventually(async () => (await ok<{ status: string }>(page, 'GET', `/subsidy-claims/${claimId}`)).status).toBe('closed');
    await shot(page, 'subsidy-claim-closed');
    await context.close();
  });
});
