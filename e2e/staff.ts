import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';

/** Helpers for journeys through the staff workbench. */
export async function staffPage(browser: Browser, server: E2eServer, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.base}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('huiyin-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Most land on the workbench; the security admin and the auditor on their own pages.
  await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.startsWith('/admin/login'));
  return { page, errors };
}

export async function openCase(page: Page, server: E2eServer, id: number): Promise<void> {
  await page.goto(`${server.base}/admin/cases/${id}`);
  await page.locator('.ant-card-head-title', { hasText: '可办理操作' }).waitFor();
}

/** Click an action button, let `fill` fill the dialog, submit, and wait for the success toast. */
export async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
  const answered = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST', { timeout: 20_000 });
  if (action === 'sign') {
    const ok = page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ });
    await ok.waitFor();
    await ok.click();
  } else {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
  }
  try {
    const res = await answered;
    if (res.status() !== 200) throw new Error(`${action}: ${res.status()} ${await res.text()}`);
    await page.locator('.ant-message-success').last().waitFor();
  } catch (e) {
    await page.screenshot({ path: shot(`failed-${action}-${Date.now()}`), fullPage: true });
    throw e;
  }
}

export async function statusOf(page: Page): Promise<string> {
  return (await page.locator('.ant-card-head-title .ant-tag').first().textContent()) ?? '';
}

export async function publicCase(server: E2eServer, content: string, phone = '13935901234'): Promise<{ id: number; trackingNo: string }> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/public/cases',
    payload: { type: 'complaint', content, categoryCode: 'water.outage', regionCode: '140802', requester: { name: '张女士', phone } },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** Pick a radio option by its exact label (antd hides the input itself). */
export async function choose(scope: ReturnType<Page['locator']>, label: string): Promise<void> {
  await scope
    .locator('label.ant-radio-wrapper, label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

/** Type into an antd Select (single or multiple) and pick the option that shows `option`. */
export async function pickOption(page: Page, select: Locator, typed: string, option: string): Promise<void> {
  await select.click();
  await select.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}
