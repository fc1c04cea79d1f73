import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, desktop, launch, login, newPage, phone, shot } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Posts one statement to the store as courseware does: HTTP Basic with the key pair, the 2.0.0 version header. */
async function report(key: string, secret: string, statement: unknown) {
  const response = await fetch(`${baseUrl()}/xapi/statements`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
      'x-experience-api-version': '2.0.0',
      'content-type': 'application/json',
    },
    body: JSON.stringify(statement),
  });
  return { status: response.status, body: await response.text() };
}

describe('learning record store', () => {
  it('a training manager creates a key, sees its secret once, and finds what courseware reported with it', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'ent-trainer');
    await page.getByTestId('main-menu').getByText('学习记录库').click();
    await page.getByTestId('lrs-clients-table').waitFor();

    const name = `浏览器测试课件 ${randomUUID().slice(0, 6)}`;
    await page.getByTestId('lrs-client-create').click();
    await page.getByTestId('lrs-client-name').fill(name);
    await page.getByTestId('lrs-client-save').click();
    const modal = page.getByTestId('lrs-secret-modal');
    await modal.waitFor();
    const key = (await page.getByTestId('lrs-secret-key').textContent())!.trim();
    const secret = (await page.getByTestId('lrs-secret-secret').textContent())!.trim();
    expect(key).toMatch(/^lrs_/);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(await page.getByTestId('lrs-secret-endpoint').textContent()).toMatch(/\/xapi\/$/);
    const snippet = await page.getByTestId('lrs-secret-snippet').textContent();
    expect(snippet).toContain(`${key}:${secret}`);
    expect(snippet).toContain('X-Experience-API-Version: 2.0.0');
    await shot(page, 'lrs-secret-once');

    // Once the dialog is closed the secret is nowhere on the page, and the list never had it.
    await page.getByTestId('lrs-secret-done').click();
    await modal.waitFor({ state: 'detached' });
    const row = page.getByTestId('lrs-clients-table').locator('tr', { hasText: name });
    await expect.poll(() => row.textContent()).toContain(key);
    expect(await page.content()).not.toContain(secret);
    const listed = await page.request.get('/api/v1/lrs/clients?pageSize=100');
    expect(await listed.text()).not.toContain(secret);

    const activity = `http://courses.example.cn/e2e/${randomUUID()}`;
    const posted = await report(key, secret, {
      actor: { objectType: 'Agent', name: '浏览器测试学员', mbox: 'mailto:e2e.learner@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'zh-CN': '完成', 'en-US': 'completed' } },
      object: { objectType: 'Activity', id: activity, definition: { name: { 'zh-CN': '浏览器测试课程' } } },
      result: { completion: true, duration: 'PT12M' },
    });
    expect(posted.status, posted.body).toBe(200);
    const [statementId] = JSON.parse(posted.body) as string[];

    await page.getByTestId('lrs-tab-statements').click();
    await page.getByTestId('lrs-statements-table').waitFor();
    await page.getByTestId('lrs-filter-activity').fill(activity);
    await page.getByTestId('lrs-filter-apply').click();
    await page.waitForURL((url) => url.searchParams.get('activity') === activity);
    const found = page.getByTestId('lrs-statements-table').locator('tbody tr', { hasText: '浏览器测试学员' });
    await expect.poll(() => found.count()).toBe(1);
    const text = await found.textContent();
    expect(text).toContain('完成');
    expect(text).toContain('浏览器测试课程');
    expect(text).toContain(name);
    await shot(page, 'lrs-statement-browser');
    await found.getByTestId('lrs-statement-view').click();
    await expect.poll(() => page.getByTestId('lrs-statement-json').textContent()).toContain(statementId!);
    await shot(page, 'lrs-statement-json');
    await page.keyboard.press('Escape');

    // The key's count follows, and revoking it stops the courseware at once.
    await page.getByTestId('lrs-tab-clients').click();
    await expect.poll(() => row.getByTestId('lrs-client-statements').textContent()).toBe('1');
    await row.getByTestId('lrs-client-revoke').click();
    await page.getByTestId('lrs-revoke-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
    expect((await report(key, secret, { actor: { mbox: 'mailto:e2e.learner@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: activity } })).status).toBe(401);
    await context.close();
  });

  it('an employee opens their own learning records on the phone from 我的', async () => {
    const { context, page } = await newPage(browser, phone);
    await login(page, 'ent-employee');
    await page.getByRole('link', { name: '我的' }).click();
    await page.getByTestId('me-learning').click();
    await page.waitForURL((url) => url.pathname === '/m/learning');
    await page.getByTestId('my-learning-page').waitFor();
    await shot(page, 'lrs-my-learning-phone');
    await context.close();
  });
});
