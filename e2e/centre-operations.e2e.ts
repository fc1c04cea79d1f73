import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { occupationByCode, skillLevelLabels, type SkillLevel, type TrainingCentre, type TrainingProposal } from '@fulcrum/shared';
import { desktop, launch, login, newPage, shot } from './support.ts';

let browser: Browser;
/** The page a journey is on, for a screenshot when it fails. */
let current: Page | undefined;
const watch = <T extends { page: Page }>(opened: T) => {
  current = opened.page;
  return opened;
};
const shootOnFailure = () =>
  onTestFailed(async () => {
    await current?.screenshot({ path: 'test-results/screenshots/centre-operations-failure.png', fullPage: true }).catch(() => undefined);
  });
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The open dropdown of the select with this test id (found through the list its input controls, not by being the visible one). */
async function dropdownOf(page: Page, testId: string) {
  // The input names its list once the select has opened. A click that lands while the previous dropdown is still
  // closing opens nothing, so click again until it has.
  const input = page.getByTestId(testId).locator('input[aria-controls]');
  for (let attempt = 0; attempt < 10 && !(await input.count()); attempt++) {
    await page.getByTestId(testId).click();
    await input.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
  const list = await input.getAttribute('aria-controls');
  return page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
}

/** Picks the option with this text in the select with this test id. */
async function pick(page: Page, testId: string, text: string) {
  await (await dropdownOf(page, testId)).locator('.ant-select-item-option', { hasText: text }).first().click();
}

/** Types a date into a date picker (replacing what it held) and confirms it. */
async function typeDate(page: Page, testId: string, date: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
}

/** A valid resident ID (GB 11643-1999 check character) born on the given date. */
function residentId(birth: string, serial: string): string {
  const body = `120115${birth.replaceAll('-', '')}${serial}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

describe('a certified centre at work', () => {
  it('records an assessment within its scope, files its annual report, is suspended at review and sees it at once', async () => {
    // The centre's administrator records a passed assessment: the selects offer only the scope; a pass gets its certificate number.
    shootOnFailure();
    const admin = watch(await newPage(browser, desktop));
    await login(admin.page, 'ent-admin');
    await admin.page.getByTestId('main-menu').getByText('我的培训中心').click();
    await admin.page.getByTestId('centre-header').waitFor();
    const centre = (await (await admin.page.request.get('/api/v1/training-centres/mine')).json()) as TrainingCentre;
    const scope = centre.scope[0]!;
    const before = ((await (await admin.page.request.get(`/api/v1/training-centres/${centre.id}/assessments?pageSize=1`)).json()) as { total: number }).total;
    await admin.page.getByTestId('assessment-record').click();
    await admin.page.getByTestId('assessment-resident-id').fill(residentId('1999-07-15', '275'));
    await admin.page.getByTestId('assessment-name').fill('赵明远');
    await pick(admin.page, 'assessment-occupation', occupationByCode.get(scope.occupation)!.nameZh);
    const levels = (await dropdownOf(admin.page, 'assessment-level')).locator('.ant-select-item-option');
    await levels.first().waitFor();
    expect(await levels.count()).toBe(scope.levels.length);
    await levels.first().click();
    await admin.page.getByTestId('assessment-score').fill('88');
    await admin.page.getByTestId('assessment-save').click();
    // The form closes once the server has recorded the result; a refusal stays on the form with its reason, shown here.
    await expect
      .poll(
        async () =>
          (await admin.page.getByTestId('assessment-form').isVisible())
            ? `open: ${(await admin.page.locator('.ant-form-item-explain-error, .ant-message-error').allTextContents()).join(' / ')}`
            : 'closed',
        { timeout: 15_000 },
      )
      .toBe('closed');
    const latest = async () =>
      (await (await admin.page.request.get(`/api/v1/training-centres/${centre.id}/assessments?pageSize=1&sort=-createdAt`)).json()) as {
        total: number;
        items: { certificateNo: string | null }[];
      };
    await expect.poll(async () => (await latest()).total, { timeout: 15_000 }).toBe(before + 1);
    const certificateNo = (await latest()).items[0]!.certificateNo!;
    expect(certificateNo).toMatch(new RegExp(`^${centre.certificateNo}-\\d{4}-\\d{5}$`));
    await admin.page.getByTestId('assessments-table').getByText(certificateNo).waitFor();
    await shot(admin.page, 'centre-assessments');

    // The training manager files this year's report; the figures shown are the server's.
    const year = new Date().getFullYear();
    const figures = (await (await admin.page.request.get(`/api/v1/training-centres/${centre.id}/annual-figures?year=${year}`)).json()) as { assessments: number };
    await admin.context.close();
    const manager = watch(await newPage(browser, desktop));
    await login(manager.page, 'ent-trainer');
    await manager.page.goto('/console/my-training-centre/annual');
    await pick(manager.page, 'annual-year', String(year));
    await expect
      .poll(async () => Number(await manager.page.getByTestId('figure-assessments').locator('.ant-statistic-content-value').textContent()), { timeout: 10_000 })
      .toBe(figures.assessments);
    await manager.page.getByTestId('annual-narrative').fill(`${year}年度开展钳工等职业培训和企业自主评价，评价档案按要求归档，师资和设施保持认定条件。`);
    await manager.page.getByTestId('annual-file').click();
    await manager.page.getByTestId('annual-file-confirm').click();
    await manager.page.getByTestId('annual-filed').waitFor();
    await shot(manager.page, 'centre-annual-filed');
    await manager.context.close();

    // The HRSS officer suspends the centre at its review, confirming that it takes effect at once.
    const officer = watch(await newPage(browser, desktop));
    await login(officer.page, 'hrss-officer');
    await officer.page.goto(`/console/annual-reviews?status=filed&year=${year}`);
    await officer.page.getByTestId('review-open').filter({ hasText: centre.organisationName }).click();
    await officer.page.getByTestId('review-decide').click();
    await officer.page.getByTestId('decide-decision').getByText('暂停').click();
    await officer.page.getByTestId('decide-warning').waitFor();
    await officer.page.getByTestId('decide-save').click();
    // No reason, no suspension.
    await officer.page.getByText('请填写说明').waitFor();
    await officer.page.getByTestId('decide-comment').fill('考评员资质证明缺失，暂停培训评价资格，整改后申请恢复。');
    await officer.page.getByTestId('decide-save').click();
    await officer.page.getByTestId('decide-confirm').click();
    await officer.page.getByTestId('review-drawer').getByTestId('review-decision').filter({ hasText: '暂停' }).waitFor();
    await shot(officer.page, 'annual-review-suspended');

    // The instructor sees the suspension with its reason, and may no longer record a result.
    const instructor = watch(await newPage(browser, desktop));
    await login(instructor.page, 'ent-instructor');
    await instructor.page.goto('/console/my-training-centre');
    await instructor.page.getByTestId('centre-no-rights').getByText('考评员资质证明缺失').waitFor();
    expect(await instructor.page.getByTestId('assessment-record').isDisabled()).toBe(true);
    await shot(instructor.page, 'centre-suspended');
    await instructor.context.close();
    current = officer.page;

    // Passing it again restores its rights (the rest of the journeys find the centre as the demo left it).
    await officer.page.getByTestId('review-decide').click();
    await officer.page.getByTestId('decide-decision').getByText('通过').click();
    await officer.page.getByTestId('decide-save').click();
    await officer.page.getByTestId('decide-confirm').click();
    await officer.page.getByTestId('review-drawer').getByTestId('review-decision').filter({ hasText: '通过' }).waitFor();
    await officer.context.close();
  }, 180_000);
});

describe('resource matching', () => {
  it('an enterprise posts a need, reads why each centre is proposed and sends a request; the board counts it', async () => {
    shootOnFailure();
    const { context, page } = watch(await newPage(browser, desktop));
    await login(page, 'ent-admin');
    const own = (await (await page.request.get('/api/v1/training-centres/mine')).json()) as TrainingCentre;
    // A need another centre with rights can meet: a line of the scope of a centre of the region.
    const officerView = await newPage(browser, desktop);
    await login(officerView.page, 'hrss-officer');
    const centres = (await (await officerView.page.request.get('/api/v1/training-centres?effectiveStatus=active&pageSize=50')).json()) as { items: TrainingCentre[] };
    const other = centres.items.find((c) => c.id !== own.id)!;
    const { occupation, levels } = other.scope[0]!;

    await page.getByTestId('main-menu').getByText('培训需求对接').click();
    await page.getByTestId('need-post').click();
    await pick(page, 'need-occupation', occupationByCode.get(occupation)!.nameZh);
    await pick(page, 'need-level', skillLevelLabels[levels[0] as SkillLevel]['zh-CN']);
    await page.getByTestId('need-headcount').fill('16');
    await typeDate(page, 'need-start', `${new Date().getFullYear() + 1}-03-02`);
    await typeDate(page, 'need-end', `${new Date().getFullYear() + 1}-03-27`);
    await page.getByTestId('need-save').click();
    await page.waitForURL(/\/console\/training-needs\/[0-9a-f-]{36}$/);
    const needId = page.url().split('/').pop()!;

    // The proposals are the server's, in its order, each score as a percentage with its four parts and reasons.
    const proposals = (await (await page.request.get(`/api/v1/training-needs/${needId}/proposals`)).json()) as TrainingProposal[];
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.some((p) => p.centreId === own.id)).toBe(false);
    await page.getByTestId('proposal').first().waitFor();
    expect(await page.getByTestId('proposal-name').allTextContents()).toEqual(proposals.map((p) => p.organisationName));
    const first = page.getByTestId('proposal').first();
    expect(await first.getByTestId('proposal-score').textContent()).toBe(`${Number((proposals[0]!.score * 100).toFixed(1))}%`);
    expect(await first.getByTestId('score-breakdown').locator('tbody tr.ant-table-row').count()).toBe(4);
    await first.getByText(proposals[0]!.components.find((c) => c.key === 'capacity')!.reasonZh).waitFor();
    await shot(page, 'training-need-proposals');

    await first.getByTestId('proposal-request').click();
    await page.getByTestId('request-message').fill('希望明年 3 月开班。');
    await page.getByTestId('request-confirm').click();
    await page.getByTestId('need-matches').getByText(proposals[0]!.organisationName).waitFor();
    await first.getByTestId('match-status').waitFor();
    await context.close();
    current = officerView.page;

    // The district's board counts the requests awaiting a reply from the same list the API gives.
    await officerView.page.goto('/console/matching');
    const requested = ((await (await officerView.page.request.get('/api/v1/training-matches?status=requested&pageSize=1')).json()) as { total: number }).total;
    expect(requested).toBeGreaterThan(0);
    await expect.poll(async () => Number(await officerView.page.getByTestId('column-requested-count').textContent()), { timeout: 10_000 }).toBe(requested);
    await officerView.page.getByTestId('column-requested').getByTestId('board-card').first().click();
    await officerView.page.getByTestId('match-drawer').getByTestId('score-breakdown').waitFor();
    await shot(officerView.page, 'matching-board');
    await officerView.context.close();
  }, 120_000);
});
