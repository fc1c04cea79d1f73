import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { DEMO_PASSWORD } from '@fulcrum/shared';

export { DEMO_PASSWORD };
export const baseUrl = () => inject('baseUrl');
const shots = path.resolve(import.meta.dirname, '../test-results/screenshots');

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const desktop = { viewport: { width: 1366, height: 820 }, locale: 'zh-CN' };
export const phone = { viewport: { width: 375, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, baseURL: baseUrl() });
  const page = await context.newPage();
  return { context, page };
}

/**
 * A journey file's browser and one signed-in page (opened before its tests, closed after them): `journey.page` is the
 * signed-in page, `journey.browser` opens further pages (another user, a visitor without a session).
 */
export function signedInJourney(username: string, options: Parameters<Browser['newContext']>[0] = phone) {
  const journey = {} as { browser: Browser; context: BrowserContext; page: Page };
  beforeAll(async () => {
    journey.browser = await launch();
    Object.assign(journey, await newPage(journey.browser, options));
    await login(journey.page, username);
  });
  afterAll(async () => {
    await journey.context?.close();
    await journey.browser?.close();
  });
  return journey;
}

/** A full-page screenshot in test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Signs in through the login page and waits to leave it. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await signInHere(page, username, password);
}

/** Fills the login page the browser is on (keeping its ?next=) and waits to leave it. */
export async function signInHere(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Reads the QR code of an <img> (a PNG data URL) the way a phone camera would: from its pixels. */
export async function scanQr(page: Page, testId: string): Promise<string> {
  const src = await page.getByTestId(testId).getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src!.split(',')[1]!, 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'a readable QR code').not.toBeNull();
  return code!.data;
}
