import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { desktop, launch, login, newPage, shot } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The list total the page shows, once it has settled. */
async function shownTotal(page: Page): Promise<number> {
  const total = page.getByTestId('organisation-total');
  await expect.poll(() => total.getAttribute('aria-busy')).toBe('false');
  return Number((await total.textContent())!.replace(/[^\d]/g, ''));
}

/** The same list straight from the API, with the page's own session. */
async function apiTotal(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/v1/organisations?${query}&pageSize=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { total: number }).total;
}

describe('enterprise registry', () => {
  it('an HRSS officer searches, filters and sorts the enterprises of the region', async () => {
    const { context, page } = await newPage(browser, desktop);
    await login(page, 'hrss-officer');
    // The home's figures and charts are counted from the records the officer reaches.
    await page.getByTestId('chart-industry').locator('canvas').waitFor();
    await page.getByTestId('chart-park').locator('canvas').waitFor();
    const stats = (await (await page.request.get('/api/v1/organisations/stats?groupBy=industrySection&type=enterprise')).json()) as { total: number };
    await expect.poll(async () => Number((await page.getByTestId('figure-enterprises').textContent())!.replace(/[^\d]/g, ''))).toBe(stats.total);
    await page.waitForTimeout(800); // let the bars' entry animation finish before the screenshot
    await shot(page, 'home-officer');
    await page.getByTestId('main-menu').getByText('企业名录').click();
    await page.getByTestId('organisation-table').waitFor();
    const all = await shownTotal(page);
    expect(all).toBe(await apiTotal(page, 'type=enterprise'));
    expect(all).toBeGreaterThan(20);
    await shot(page, 'enterprises-list');

    // Search by part of the first enterprise's name: every row left contains it.
    const firstName = (await page.getByTestId('organisation-link').first().textContent())!;
    const term = firstName.slice(2, 6);
    await page.getByTestId('organisation-search').fill(term);
    await page.getByTestId('organisation-search-button').click();
    await expect.poll(() => shownTotal(page)).toBe(await apiTotal(page, `type=enterprise&q=${encodeURIComponent(term)}`));
    for (const name of await page.getByTestId('organisation-link').allTextContents()) expect(name).toContain(term);
    expect(new URL(page.url()).searchParams.get('q')).toBe(term);
    await shot(page, 'enterprises-search');

    // Filter state-owned enterprises: the count is the API's for the same filter.
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('filter-state-owned').click();
    await page.locator('.ant-select-dropdown:visible').getByText('是', { exact: true }).click();
    const stateOwned = await apiTotal(page, 'type=enterprise&stateOwned=true');
    await expect.poll(() => shownTotal(page)).toBe(stateOwned);
    expect(stateOwned).toBeLessThan(all);
    await shot(page, 'enterprises-state-owned');

    // Sort by name descending through the column header: the first row is the API's first.
    await page.getByTestId('filter-reset').click();
    await page.goto('/console/enterprises?sort=-name');
    await page.getByTestId('organisation-table').waitFor();
    const first = (await (await page.request.get('/api/v1/organisations?type=enterprise&sort=-name&pageSize=1')).json()) as { items: { name: string }[] };
    await expect.poll(() => page.getByTestId('organisation-link').first().textContent()).toBe(first.items[0]!.name);

    // Open a record from the list.
    await page.getByTestId('organisation-link').first().click();
    await page.getByTestId('organisation-details').waitFor();
    await shot(page, 'enterprise-detail');
    await context.close();
  });
});
