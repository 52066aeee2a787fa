import { expect, it } from 'vitest';
import { shot, trackAnswer } from './browser.ts';
import { describeInBrowser } from './with-app.ts';
import { openCase, staffPage } from './staff.ts';

/**
 * What a new user sees on the demo data: the screenshots in the README come from here
 * (artifacts/e2e/readme-*.png, copied to docs/screenshots/ when the pages change).
 */
describeInBrowser('demo screens', { demo: true }, (app) => {
  it('workbench, the article’s safety-net case and the citizen tracking page render with the demo data', async () => {
    const d = await staffPage(app.browser, app.server, 'dispatcher');
    await expect
      .poll(async () => Number(await d.page.locator('[data-queue="registered"] .ant-statistic-content-value').textContent()), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await d.page.locator('tbody tr').nth(5).waitFor();
    await d.page.screenshot({ path: shot('readme-workbench') });

    const res = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer', password: 'huiyin-demo' },
    });
    const token = res.json().token as string;
    const list = await app.server.app.inject({
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent('冶金技师学院')}&pageSize=5`,
      headers: { authorization: `Bearer ${token}` },
    });
    const article = (list.json().items as { id: number; title: string }[]).find((c) => c.title.includes('校内超市'))!;
    await openCase(d.page, app.server, article.id);
    await d.page.getByText('王杏桃').first().waitFor();
    await d.page.screenshot({ path: shot('readme-case-detail'), fullPage: true });

    const detail = await app.server.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${article.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const trackingNo = detail.json().trackingNo as string;
    const citizen = await app.browser.newPage({ viewport: { width: 375, height: 812 } });
    await trackAnswer(citizen, app.server.base, trackingNo, '2345');
    await citizen.screenshot({ path: shot('readme-citizen-tracking'), fullPage: true });
    expect(d.errors).toEqual([]);
  });
});
