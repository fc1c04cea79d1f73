import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { roles } from '@fulcrum/shared';
import { DEMO_PASSWORD, baseUrl, desktop, launch, login, newPage, phone, shot, signInHere } from './support.ts';

interface DemoAccount {
  username: string;
  role: string;
  organisationName: string;
}

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launch();
  const info = (await (await fetch(`${baseUrl()}/api/v1/system/info`)).json()) as { demo: boolean; demoAccounts: DemoAccount[] };
  expect(info.demo).toBe(true);
  accounts = info.demoAccounts;
});
afterAll(() => browser?.close());

const mobileRoles = new Set(['employee', 'student']);

describe('each role lands on its own workbench', () => {
  it.each(roles)('%s', async (role) => {
    const account = accounts.find((a) => a.role === role);
    expect(account, `a demo account for ${role}`).toBeDefined();
    const isPhone = mobileRoles.has(role);
    const { context, page } = await newPage(browser, isPhone ? phone : desktop);
    await login(page, account!.username);
    await page.getByTestId(`home-${role}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(isPhone ? '/m' : '/console');
    if (!isPhone) await page.getByTestId('main-menu').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, `workbench-${role}${isPhone ? '-phone' : ''}`);
    await context.close();
  });
});

describe('sign-in journey', () => {
  it('a wrong password is explained, the right one signs in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('demo-accounts').waitFor();
    await shot(page, 'login');
    await page.getByTestId('login-username').fill(accounts.find((a) => a.role === 'department_officer')!.username);
    await page.getByTestId('login-password').fill('Wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await shot(page, 'login-wrong-password');
    await context.close();
  });

  it('an unauthenticated visit goes to sign-in and then back to the page asked for', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/console/audit');
    await page.waitForURL(/\/login\?next=/);
    const officer = accounts.find((a) => a.role === 'system_admin')!;
    await page.getByTestId('login-username').fill(officer.username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/console/audit');
    await context.close();
  });

  it('an expired session brings the user back to sign-in, then to where they were', async () => {
    const { context, page } = await newPage(browser);
    const admin = accounts.find((a) => a.role === 'system_admin')!;
    await login(page, admin.username);
    await page.goto('/console/people');
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByTestId('main-menu').getByText('审计日志').click();
    await page.waitForURL(/\/login\?next=/);
    await signInHere(page, admin.username);
    await page.waitForURL((url) => url.pathname === '/console/audit');
    await context.close();
  });
});

describe('language and sign-out', () => {
  it('switches to English and back, remembered for the user, then signs out', async () => {
    const { context, page } = await newPage(browser);
    const officer = accounts.find((a) => a.role === 'department_officer')!;
    await login(page, officer.username);
    const menu = page.getByTestId('main-menu');
    await expect.poll(() => menu.textContent()).toContain('企业名录');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => menu.textContent()).toContain('Enterprises');
    await shot(page, 'workbench-english');
    await page.reload();
    await expect.poll(() => page.getByTestId('main-menu').textContent()).toContain('Enterprises');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('main-menu').textContent()).toContain('企业名录');
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.goto('/console');
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('an employee signs out from the phone "Me" page', async () => {
    const { context, page } = await newPage(browser, phone);
    await login(page, accounts.find((a) => a.role === 'employee')!.username);
    await page.goto('/m/me');
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
