import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { factories } from '../packages/server/src/testing/factories.ts';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';
import { describeInBrowser } from './with-app.ts';

/** Sign-in (身份鉴别) in real Chromium: the lockout message, the first-sign-in password change, TOTP enrolment and a sign-in with a code. */
describeInBrowser('sign-in: lockout, forced password change, two-factor enrolment', { sessionIdleMinutes: 30 }, (app) => {
  async function account(server: E2eServer, username: string, opts: { mustChangePassword?: boolean } = {}) {
    const centre = server.org.units['centre']!;
    // Not a demo account: treated as a real one (a role that needs it would have to enrol a second factor).
    return factories(server.db).user({ username, roles: ['clerk'], unitIds: [centre], demo: false, ...opts });
  }

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    return { page, errors };
  }

  async function signInForm(page: Page, username: string, password: string) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('five wrong passwords lock the account: the page says until when', async () => {
    const server = app.server;
    await account(server, 'e2elock');
    const { page, errors } = await newPage();
    await page.goto(`${server.base}/admin/login`);
    for (let i = 1; i <= 4; i++) {
      await signInForm(page, 'e2elock', `wrong-password-${i}`);
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    }
    await signInForm(page, 'e2elock', 'wrong-password-5');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/账号已锁定，将于 .+ 解锁/);
    // The right password gets the same answer while locked.
    await signInForm(page, 'e2elock', 'huiyin-demo');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/账号已锁定/);
    await page.screenshot({ path: shot('sign-in-locked'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('first sign-in: the password must be changed before anything else, then the workbench opens', async () => {
    const server = app.server;
    await account(server, 'e2enew', { mustChangePassword: true });
    const { page, errors } = await newPage();
    await page.goto(`${server.base}/admin/cases`);
    await page.waitForURL(/\/admin\/login\?next=/);
    await signInForm(page, 'e2enew', 'huiyin-demo');
    await page.getByText('请先修改密码').first().waitFor();
    await page.getByLabel('当前密码').fill('huiyin-demo');
    await page.getByLabel('新密码', { exact: true }).fill('weakpassword');
    await page.getByLabel('确认新密码').fill('weakpassword');
    await page.getByRole('button', { name: /修改密码/ }).click();
    await expect.poll(() => page.getByText('须包含小写字母、大写字母、数字、其他符号中的至少三类').count()).toBeGreaterThan(0);
    await page.getByLabel('新密码', { exact: true }).fill('Spring-River-2026');
    await page.getByLabel('确认新密码').fill('Spring-River-2026');
    await page.screenshot({ path: shot('sign-in-forced-change'), fullPage: true });
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.waitForURL(`${server.base}/admin/cases`);
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('TOTP: enrolment on the account page, recovery codes shown once, then a sign-in asks for the code', async () => {
    const server = app.server;
    await account(server, 'e2etotp');
    const { page, errors } = await newPage();
    await page.goto(`${server.base}/admin/login`);
    await signInForm(page, 'e2etotp', 'huiyin-demo');
    await page.waitForURL(`${server.base}/admin`);
    await page.goto(`${server.base}/admin/account`);
    // From a full session the password is asked again before a second factor is bound.
    await page.getByLabel('密码', { exact: true }).fill('huiyin-demo');
    await page.getByRole('button', { name: /绑定身份验证器/ }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.locator('img[alt="otpauth QR"]').waitFor();
    const code = await generate({ secret, epoch: Math.floor(server.clock.now().getTime() / 1000) });
    await page.getByLabel('应用显示的 6 位验证码').fill(code);
    await page.getByRole('button', { name: /确认绑定/ }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(((await codes.locator('pre').textContent()) ?? '').split('\n')).toHaveLength(10);
    await page.screenshot({ path: shot('sign-in-recovery-codes'), fullPage: true });
    await page.getByRole('button', { name: /我已保存/ }).click();
    await expect.poll(() => page.getByTestId('totp-state').textContent()).toBe('已启用');
    await expect.poll(() => page.getByText('当前会话').count()).toBe(1);

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL(/\/admin\/login/);
    await signInForm(page, 'e2etotp', 'huiyin-demo');
    const field = page.getByLabel('动态验证码');
    await field.waitFor();
    // The enrolment's code is spent: the next step's code signs in.
    server.clock.advance(30_000);
    await field.fill(await generate({ secret, epoch: Math.floor(server.clock.now().getTime() / 1000) }));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(new RegExp(`${server.base}/admin(/account)?$`));
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a session idle past the timeout ends: the page sends the user to sign in, and back afterwards', async () => {
    const server = app.server;
    await account(server, 'e2eidle');
    const { page, errors } = await newPage();
    await page.goto(`${server.base}/admin/login`);
    await signInForm(page, 'e2eidle', 'huiyin-demo');
    await page.waitForURL(`${server.base}/admin`);
    server.clock.advance(31 * 60_000);
    await page.goto(`${server.base}/admin/account`);
    await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Faccount/);
    await signInForm(page, 'e2eidle', 'huiyin-demo');
    await page.waitForURL(`${server.base}/admin/account`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
