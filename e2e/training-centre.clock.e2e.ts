import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syntheticUscc } from '../server/src/lib/synthetic-ids.ts';
import { desktop, launch, login, newPage, phone, scanQr, shot } from './support.ts';

/*
 * The whole life of a training centre, by the people who run it: an enterprise applies, the HRSS officer checks
 * the documents and the site, the reviewer approves, the officer puts it in a selection batch and publishes the
 * list; after the notice period (the server's shiftable clock is moved on) the reviewer certifies; the printed
 * certificate's QR code, scanned on a phone, opens the public verification page.
 */

const NEW_ADMIN = 'e2e-centre-admin';
const NEW_PASSWORD = 'Centre-admin-2026';
const ENTERPRISE = '天津宝坻精工机械有限公司';
const API = { 'x-requested-with': 'fulcrum', 'content-type': 'application/json' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Polls until the value matches: pages load lazily, and a loaded machine is slow. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 250 });

/** A JSON API call with the page's session. */
async function call<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: API, data: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Picks an option of an antd Select by typing part of its label. */
async function choose(page: Page, testId: string, text: string, nth = 0) {
  await page.getByTestId(testId).nth(nth).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** A small but real PDF: what the upload accepts (its type is detected from the bytes). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);


describe('training centre: apply → review → batch → notice → certify → verify', { timeout: 120_000 }, () => {
  let applicationId: string;
  let batchId: string;

  it('a new enterprise applies with its scope, instructors and a document', async () => {
    // The bureau registers the enterprise and the system administrator gives it an account.
    const { context: adminContext, page: admin } = await newPage(browser, desktop);
    await login(admin, 'admin');
    const org = await call<{ id: string }>(admin, 'POST', '/organisations', {
      type: 'enterprise', regionId: 'baodi', name: ENTERPRISE, uscc: syntheticUscc(9_000_001), industryDivision: '34', size: 'medium', employeeCount: 420,
    });
    await call(admin, 'POST', '/users', { username: NEW_ADMIN, displayName: '精工机械 人力资源部', password: NEW_PASSWORD, memberships: [{ organisationId: org.id, role: 'enterprise_admin' }] });
    await adminContext.close();

    const { context, page } = await newPage(browser, desktop);
    await login(page, NEW_ADMIN, NEW_PASSWORD);
    await page.getByTestId('main-menu').getByText('培训中心申报').click();
    await page.getByTestId('application-start').first().click();
    await page.getByTestId('application-form').waitFor();

    await choose(page, 'scope-occupation', '车工');
    await page.getByTestId('scope-levels').first().getByText('四级/中级工').click();
    await page.getByTestId('scope-levels').first().getByText('三级/高级工').click();
    await page.getByTestId('application-facilities').fill('实训车间 800 平方米，数控车床 12 台，普通车床 20 台，理论教室 2 间。');
    await page.getByTestId('application-capacity').fill('300');
    await page.getByTestId('application-plan').fill('全年开展车工中级、高级培训 8 期，培训 300 人次，组织企业自主评价 4 次。');
    if (!(await page.getByTestId('instructor-line').count())) await page.getByTestId('instructor-add').click();
    await page.getByTestId('instructor-name').first().fill('王建国');
    await choose(page, 'instructor-occupation', '车工');
    await choose(page, 'instructor-level', '二级/技师');
    await page.getByTestId('attachment-upload').locator('input[type=file]').setInputFiles({ name: '培训中心申报材料.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('attachment-uploaded').first().waitFor();
    await shot(page, 'tc-application-form');

    await page.getByTestId('application-submit').click();
    await page.getByTestId('submit-confirm').click();
    await eventually(() => page.getByTestId('application-status').first().textContent()).toContain('已提交');
    const mine = await call<{ items: { id: string; status: string }[] }>(page, 'GET', '/training-centre-applications');
    expect(mine.items[0]!.status).toBe('submitted');
    applicationId = mine.items[0]!.id;
    await shot(page, 'tc-application-submitted');
    await context.close();
  });

  it('the HRSS officer checks the documents and the site; the reviewer approves', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'hrss-officer');
    await page.getByTestId('main-menu').getByText('认定审核').click();
    await page.getByTestId('review-table').waitFor();
    await shot(page, 'tc-review-queue');
    await page.goto(`/console/training-centre-applications/${applicationId}`);
    await page.getByTestId('review-detail-page').waitFor();
    await eventually(() => page.getByTestId('application-organisation').textContent()).toBe(ENTERPRISE);

    await page.getByTestId('action-check_documents').click();
    await page.getByTestId('action-comment').fill('申报材料齐全。');
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('action-record_onsite_check').waitFor();
    await page.getByTestId('action-record_onsite_check').click();
    await page.getByTestId('onsite-findings').fill('场地、设备与申报一致，讲师持证上岗。');
    await page.getByTestId('onsite-passed').getByText('通过').first().click();
    await page.getByTestId('onsite-save').click();
    await eventually(async () => (await call<{ status: string }>(page, 'GET', `/training-centre-applications/${applicationId}`)).status).toBe('onsite_checked');
    // The officer who checked the site may not also approve.
    await expect(page.getByTestId('action-approve').count()).resolves.toBe(0);
    await shot(page, 'tc-review-detail');
    await context.close();

    const reviewer = await newPage(browser, desktop);
    await login(reviewer.page, 'hrss-reviewer');
    await reviewer.page.goto(`/console/training-centre-applications/${applicationId}`);
    await reviewer.page.getByTestId('action-approve').click();
    await reviewer.page.getByTestId('action-confirm').click();
    await eventually(async () => (await call<{ status: string }>(reviewer.page, 'GET', `/training-centre-applications/${applicationId}`)).status).toBe('approved');
    await reviewer.context.close();
  });

  it('the officer puts it in a batch and publishes the list; the public sees the notice', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'hrss-officer');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const batch = await call<{ id: string }>(page, 'POST', '/selection-batches', { name: '浏览器测试遴选批次', year: Number(today.slice(0, 4)), quota: 3, opensOn: today, closesOn: today, validityYears: 3 });
    batchId = batch.id;
    await page.goto(`/console/selection-batches/${batchId}`);
    await page.getByTestId('batch-add').click();
    await choose(page, 'batch-add-select', ENTERPRISE);
    await page.getByTestId('batch-add-confirm').click();
    await eventually(() => page.getByTestId('batch-applications').textContent()).toContain(ENTERPRISE);
    await page.getByTestId('batch-publish').click();
    await page.getByTestId('publish-save').click();
    await page.getByTestId('batch-notice-link').waitFor();
    await shot(page, 'tc-batch-in-notice');

    // Certifying is the reviewer's, and during the notice period it is refused with the date it ends.
    expect(await page.getByTestId('batch-certify').count()).toBe(0);
    const noticeEnds = (await call<{ notice: { endsOn: string } }>(page, 'GET', `/selection-batches/${batchId}`)).notice.endsOn;
    await context.close();
    const reviewer = await newPage(browser, desktop);
    await login(reviewer.page, 'hrss-reviewer');
    await reviewer.page.goto(`/console/selection-batches/${batchId}`);
    await reviewer.page.getByTestId('batch-certify').click();
    await reviewer.page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await eventually(() => reviewer.page.getByTestId('certify-refused').textContent()).toContain(noticeEnds);
    await shot(reviewer.page, 'tc-certify-refused');
    await reviewer.context.close();

    const { noticeId } = await (async () => {
      const { context: c, page: p } = await newPage(browser, desktop);
      await login(p, 'hrss-officer');
      const b = await call<{ noticeId: string }>(p, 'GET', `/selection-batches/${batchId}`);
      await c.close();
      return b;
    })();
    const visitor = await newPage(browser, phone);
    await visitor.page.goto(`/public/notices/${noticeId}`);
    await eventually(() => visitor.page.locator('body').textContent()).toContain(ENTERPRISE);
    await shot(visitor.page, 'tc-public-notice-phone');
    await visitor.context.close();
  });

  it('after the notice period the reviewer certifies; the certificate\'s QR opens the verification page on a phone', async () => {
    // Seven working days pass (at most 10 calendar days around a weekend).
    const { context: adminContext, page: admin } = await newPage(browser, desktop);
    await login(admin, 'admin');
    await call(admin, 'POST', '/system/clock/advance', { days: 10 });
    await adminContext.close();

    const { context, page } = await newPage(browser, desktop);
    await login(page, 'hrss-reviewer');
    await page.goto(`/console/selection-batches/${batchId}`);
    await page.getByTestId('batch-certify').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.getByTestId('certify-result').waitFor();
    await shot(page, 'tc-batch-certified');
    const centres = await call<{ items: { id: string; certificateNo: string; organisationName: string }[] }>(page, 'GET', `/training-centres?q=${encodeURIComponent(ENTERPRISE)}`);
    const centre = centres.items.find((c) => c.organisationName === ENTERPRISE)!;
    expect(centre.certificateNo).toMatch(/^TC120115-\d{4}-\d{3}$/);

    await page.goto(`/print/training-centres/${centre.id}`);
    await page.getByTestId('certificate-qr').waitFor();
    await eventually(() => page.getByTestId('certificate-no').textContent()).toContain(centre.certificateNo);
    await eventually(() => page.getByTestId('certificate-issuer').textContent()).toBe('天津市宝坻区人力资源和社会保障局');
    await shot(page, 'tc-certificate-print');
    const scanned = await scanQr(page, 'certificate-qr');
    expect(scanned).toMatch(new RegExp(`/public/training-centres/${centre.certificateNo}$`));
    await context.close();

    // A phone with no session opens what the QR code says.
    const visitor = await newPage(browser, phone);
    await visitor.page.goto(new URL(scanned).pathname);
    await visitor.page.getByTestId('verify-result').waitFor();
    await eventually(() => visitor.page.getByTestId('verify-status').textContent()).toContain('有效');
    await eventually(() => visitor.page.getByTestId('verify-organisation').textContent()).toBe(ENTERPRISE);
    await eventually(() => visitor.page.getByTestId('verify-scope').textContent()).toContain('车工');
    await shot(visitor.page, 'tc-verify-phone');
    await visitor.context.close();
  });
});
