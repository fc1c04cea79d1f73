import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, desktop, login, newPage, phone, scanQr, shot, signedInJourney } from './support.ts';

/*
 * An employee's learning day on the phone, against the demo district: a micro-course from the catalogue (its study
 * time is credited by heartbeats), a check-in to today's offline session by scanning the QR code the instructor's
 * screen shows, the electrical-safety exam (its demo answers are in server/src/demo/steps/exams.ts), and the
 * certificate (电气作业安全上岗证) that passing it issues, verified on the public page without signing in.
 */

const employee = signedInJourney('ent-employee');

/** Seconds in a "今日已计学时 h:mm:ss" or "mm:ss" text. */
function seconds(text: string): number {
  const clock = /(\d+):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!clock) throw new Error(`no time in "${text}"`);
  const [, a, b, c] = clock;
  return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
}

describe('learning platform: micro-course → QR check-in → exam → certificate', { timeout: 120_000 }, () => {
  it('finds a micro-course by a Chinese search and studies it; the server credits the time between heartbeats', async () => {
    const { page } = employee;
    await page.getByRole('link', { name: '课程' }).click();
    await page.getByTestId('mobile-catalogue').waitFor();
    const search = page.locator('input[data-testid="mobile-search"], [data-testid="mobile-search"] input').first();
    await search.fill('液压');
    await search.press('Enter');
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-hit').first().innerText()).toContain('液压');
    await page.getByTestId('mobile-catalogue').screenshot({ path: 'test-results/screenshots/learning-search-phone.png' }).catch(() => undefined);

    await page.goto('/m/courses');
    await page.getByTestId('mobile-course-card').first().click();
    await page.getByTestId('mobile-course').waitFor();
    await page.getByTestId('mobile-lesson').filter({ hasText: '微课' }).first().click();
    await page.getByTestId('lesson-player-page').waitFor();
    await page.getByTestId('card-sequence').waitFor();
    const before = seconds(await page.getByTestId('study-today').innerText());
    await page.getByTestId('card-play').click();
    // Heartbeats come every 15 s; the second one earns the stretch since the first.
    await expect.poll(async () => seconds(await page.getByTestId('study-today').innerText()), { timeout: 60_000, interval: 2_000 }).toBeGreaterThan(before);
    await shot(page, 'learning-micro-course-phone');
  });

  it('checks in to today’s session by scanning the rotating QR code on the instructor’s screen', async () => {
    const { context, page: instructor } = await newPage(employee.browser, desktop);
    await login(instructor, 'ent-instructor');
    await instructor.getByTestId('main-menu').getByText('我的授课').click();
    await instructor.getByTestId('session-table').waitFor();
    await instructor.getByTestId('session-link').first().click();
    await instructor.getByTestId('check-in-qr').waitFor();
    await shot(instructor, 'learning-session-qr-desktop');
    const present = async () => (await instructor.getByTestId('attendance-state').allInnerTexts()).filter((s) => s.includes('全勤')).length;
    const presentBefore = await present();
    const scanned = new URL(await scanQr(instructor, 'check-in-qr'));
    expect(scanned.pathname).toBe('/m/check-in');
    expect(scanned.searchParams.get('t')).toBeTruthy();

    // The phone opens what its camera read (on this server's address: the QR names the configured public one).
    const { page } = employee;
    await page.goto(`${baseUrl()}${scanned.pathname}${scanned.search}`);
    await page.getByTestId('check-in-success').waitFor();
    await shot(page, 'learning-check-in-phone');

    // The roster shows the check-in (it refreshes itself while the QR is up).
    await expect.poll(present, { timeout: 15_000 }).toBe(presentBefore + 1);
    await context.close();
  });

  it('passes the electrical-safety exam', async () => {
    const { page } = employee;
    await page.getByRole('link', { name: '考试' }).click();
    await page.getByTestId('my-exams-page').waitFor();
    await page.getByTestId('my-exam-title').filter({ hasText: '电气安全上岗考试' }).first().click();
    await page.getByTestId('start-exam').click();
    await page.getByTestId('attempt-runner').waitFor();
    const answers: Array<(p: Page) => Promise<void>> = [
      (p) => p.getByTestId('option-1').click(),
      (p) => p.getByTestId('option-2').click(),
      (p) => p.getByTestId('option-0').click(),
      async (p) => {
        for (const i of [0, 1, 3]) await p.getByTestId(`option-${i}`).click();
      },
      (p) => p.getByTestId('answer-true').click(),
      (p) => p.getByTestId('answer-false').click(),
      async (p) => {
        await p.getByTestId('answer-text').fill('有人工作');
        await p.getByTestId('answer-text').blur();
      },
    ];
    for (const [i, answer] of answers.entries()) {
      await answer(page);
      if (i < answers.length - 1) await page.getByTestId('next-question').click();
    }
    await page.getByTestId('submit-attempt').click();
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('attempt-result').waitFor();
    expect(await page.getByTestId('result-title').innerText()).toContain('恭喜通过');
    await shot(page, 'learning-exam-passed-phone');
  });

  it('finds the certificate the pass issued and verifies it on the public page', async () => {
    const { page } = employee;
    const card = page.getByTestId('my-certificate-card').filter({ hasText: '电气作业安全上岗证' });
    // The certificate is issued when the projector has taken in the pass (it runs moments after the statements).
    await expect
      .poll(
        async () => {
          await page.goto('/m/certificates');
          await page.getByTestId('my-certificates-page').waitFor();
          return card.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    const number = (await card.first().getByTestId('my-certificate-number').innerText()).trim();
    const verifyHref = await card.first().getByTestId('my-certificate-verify').getAttribute('href');
    expect(verifyHref).toMatch(/\/public\/learning-certificates\//);
    await shot(page, 'learning-certificates-phone');

    // Anyone can check it: a fresh browser without a session.
    const { context, page: visitor } = await newPage(employee.browser, phone);
    await visitor.goto(new URL(verifyHref!, baseUrl()).pathname);
    await visitor.getByTestId('public-certificate').waitFor();
    expect(await visitor.getByTestId('public-certificate-number').innerText()).toContain(number.replace(/^.*?(ZD-)/, '$1'));
    expect(await visitor.getByTestId('public-certificate').getAttribute('data-status')).toBe('valid');
    // The holder's name is masked.
    expect(await visitor.getByTestId('public-certificate-holder').innerText()).toMatch(/\*/);
    await shot(visitor, 'learning-certificate-public-phone');
    await context.close();
  });
});
