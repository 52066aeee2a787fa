import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeInBrowser } from './with-app.ts';

describeInBrowser('smoke: the citizen tracking page and the staff sign-in in real Chromium', {}, (app) => {
  it('a citizen on a 375 px phone tracks a request by number and the last 4 digits', async () => {
    const created = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases',
      payload: {
        type: 'help',
        content: '小区路灯坏了三个月，晚上出行不安全',
        regionCode: '140802',
        requester: { name: '张女士', phone: '13935901234' },
      },
    });
    expect(created.statusCode).toBe(201);
    const { trackingNo } = created.json() as { trackingNo: string };

    const page = await app.browser.newPage({ viewport: { width: 375, height: 812 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(app.server.base + '/');
    await page.getByLabel('受理编号').fill(trackingNo);
    await page.getByLabel('手机号后四位').fill('1234');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByText('您的诉求已受理登记').count()).toBe(1);
    await page.screenshot({ path: shot('citizen-tracking'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a dispatcher signs in at 1440 px and sees the case list', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.server.base + '/admin');
    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码').fill('huiyin-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('王派单').count()).toBe(1);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('staff-list'), fullPage: true });
    await page.close();
  });
});
