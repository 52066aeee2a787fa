import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

describeInBrowser('the auditor’s audit log page in real Chromium', { demo: false }, (app) => {
  it('shows the day’s sign-ins (good and failed, with their address) and the exports to the auditor', async () => {
    const api = app.server.app;
    const failed = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'clerk', password: 'not-the-password' },
      remoteAddress: '10.9.8.7',
    });
    expect(failed.statusCode).toBe(401);
    const good = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'minsheng', password: 'huiyin-demo' },
      remoteAddress: '10.9.8.6',
    });
    expect(good.statusCode).toBe(200);
    const exported = await api.inject({
      method: 'GET',
      url: '/api/v1/matters/export.xlsx',
      headers: { authorization: `Bearer ${good.json().token}` },
      remoteAddress: '10.9.8.6',
    });
    expect(exported.statusCode).toBe(200);

    const { page, errors } = await staffPage(app.browser, app.server, 'auditor');
    // The auditor lands on the audit log (no workbench, no cases for the 三员).
    await page.waitForURL(`${app.server.base}/admin/audit`);
    expect(await page.getByRole('menuitem', { name: '工单管理' }).count()).toBe(0);
    await page.getByRole('button', { name: '今日登录' }).click();
    const rows = page.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ hasText: '10.9.8.7' }).count()).toBe(1);
    await expect.poll(() => rows.filter({ hasText: '10.9.8.7' }).filter({ hasText: '失败' }).filter({ hasText: 'clerk' }).count()).toBe(1);
    await expect
      .poll(() => rows.filter({ hasText: '10.9.8.6' }).filter({ hasText: '成功' }).filter({ hasText: 'minsheng' }).count())
      .toBe(1);
    // Every row of that view is a sign-in.
    const actions = await rows.locator('td:nth-child(4)').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['登录']));
    await page.screenshot({ path: shot('audit-sign-ins'), fullPage: true });

    await page.getByRole('button', { name: /^导\s*出$/ }).click();
    await expect.poll(() => rows.filter({ hasText: 'export.matters' }).filter({ hasText: 'minsheng' }).count()).toBe(1);
    await expect.poll(() => rows.filter({ hasText: 'export.matters' }).filter({ hasText: '"rows":' }).count()).toBe(1);
    await page.screenshot({ path: shot('audit-exports'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
