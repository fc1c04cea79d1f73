import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { desktop, login, newPage, shot, signedInJourney } from './support.ts';

/*
 * The AI coach against the demo district: the demo employee opens the phone app to today's picks, each with the reason
 * the coach built from the numbers (the demo's coach step pushed them), snoozes one (it leaves the list and stays gone),
 * opens another (the lesson player), and looks at 我的能力; the training manager reads the team's gap heat map.
 */

const employee = signedInJourney('ent-employee');

const pushIds = (page: Page) => page.getByTestId('coach-push').evaluateAll((items) => items.map((item) => item.getAttribute('data-push-id')));

describe('AI coach: pushes with reasons on the phone, snooze, open, the managers’ heat map', { timeout: 120_000 }, () => {
  it('shows today’s pushes on the employee home, each with its kind, minutes and reason', async () => {
    const { page } = employee;
    await page.getByTestId('coach-card').waitFor();
    await page.getByTestId('coach-push').first().waitFor();
    const pushes = page.getByTestId('coach-push');
    expect(await pushes.count()).toBeGreaterThanOrEqual(2);
    for (const reason of await pushes.getByTestId('coach-reason').allInnerTexts()) expect(reason).toMatch(/掌握度 \d\.\d{2}，岗位要求 \d\.\d{2}/);
    expect(await pushes.first().getByTestId('coach-kind').innerText()).toMatch(/新学|复习/);
    expect(await pushes.first().innerText()).toMatch(/\d+ 分钟/);
    await shot(page, 'coach-home-phone');
  });

  it('snoozes a push: it leaves the list at once and stays gone after a reload', async () => {
    const { page } = employee;
    const [snoozed] = await pushIds(page);
    const item = page.locator(`[data-testid="coach-push"][data-push-id="${snoozed}"]`);
    await item.getByTestId('coach-snooze').click();
    await item.waitFor({ state: 'detached' });
    await page.getByText('已推迟到明天').waitFor();
    await page.reload();
    await page.getByTestId('coach-push').first().waitFor();
    expect(await pushIds(page)).not.toContain(snoozed);
  });

  it('opens a push: the lesson player shows its lesson, and the push is marked opened', async () => {
    const { page } = employee;
    const first = page.getByTestId('coach-push').first();
    const lessonId = await first.getAttribute('data-lesson-id');
    const pushId = await first.getAttribute('data-push-id');
    const title = await first.getByTestId('coach-title').innerText();
    await first.getByTestId('coach-open').click();
    await page.waitForURL(`**/m/lessons/${lessonId}`);
    await page.getByTestId('lesson-player-page').waitFor();
    expect(await page.getByTestId('lesson-player-page').innerText()).toContain(title);
    await shot(page, 'coach-opened-lesson-phone');
    await page.goto('/m');
    await expect.poll(() => page.locator(`[data-testid="coach-push"][data-push-id="${pushId}"]`).getAttribute('data-status'), { timeout: 10_000 }).toBe('opened');
  });

  it('shows 我的能力: the role’s competencies against the required levels and the knowledge points’ mastery', async () => {
    const { page } = employee;
    await page.getByTestId('coach-competencies-link').click();
    await page.getByTestId('my-competencies-page').waitFor();
    expect(await page.getByTestId('competency-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('competency-row').first().innerText()).toMatch(/要求 \d 级/);
    await page.getByTestId('mastery-row').first().waitFor();
    await shot(page, 'coach-competencies-phone');
  });

  it('lets the training manager read the team’s gap heat map, filtered by department', async () => {
    const { context, page } = await newPage(employee.browser, desktop);
    await login(page, 'ent-trainer');
    await page.getByTestId('main-menu').getByText('团队能力热力图').click();
    await page.getByTestId('heatmap-grid').waitFor();
    const people = await page.getByTestId('heatmap-person').count();
    expect(people).toBeGreaterThan(1);
    expect(await page.getByTestId('heatmap-cell').first().innerText()).toMatch(/^\d+\/\d+$/);
    expect(await page.getByTestId('heatmap-summary').innerText()).toMatch(/\d+\/\d+ · \d/);
    await shot(page, 'coach-heatmap-desktop');

    // A department narrows the grid to its people.
    await page.getByTestId('heatmap-department').click();
    await page.locator('.ant-select-item-option').first().click();
    await expect.poll(() => page.getByTestId('heatmap-person').count(), { timeout: 10_000 }).toBeLessThan(people);
    await context.close();
  });
});
