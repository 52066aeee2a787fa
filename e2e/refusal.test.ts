import { expect, it } from 'vitest';
import { act, openCase, publicCase, staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

const POLL = { timeout: 15_000 };

describeInBrowser('不予受理 in real Chromium', {}, (app) => {
  it('the clerk refuses a registered case, the supervisor approves, the citizen reads the reason on the tracking page', async () => {
    const c = await publicCase(app.server, '与邻居的房屋买卖纠纷已经起诉到法院，请热线帮忙催法院判决', '13935906611');

    const clerk = await staffPage(app.browser, app.server, 'clerk');
    await openCase(clerk.page, app.server, c.id);
    await act(clerk.page, 'refuse', async (dialog) => {
      await dialog.locator('.ant-select').first().click();
      await clerk.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '涉诉涉仲裁' }).click();
      await dialog.getByLabel('告知诉求人的说明').fill('该纠纷已由法院立案受理，请按诉讼程序向法院反映');
    });
    await expect.poll(() => clerk.page.locator('.ant-card-head-title .ant-tag').first().textContent(), POLL).toBe('答复待审');
    await clerk.page.context().close();

    const supervisor = await staffPage(app.browser, app.server, 'supervisor');
    await openCase(supervisor.page, app.server, c.id);
    await act(supervisor.page, 'reviewReply', async (dialog) => {
      expect(await dialog.getByTestId('pending-refusal').textContent()).toBe('该纠纷已由法院立案受理，请按诉讼程序向法院反映');
      expect(await dialog.textContent()).toContain('不予受理：涉诉涉仲裁');
      await dialog
        .locator('label.ant-radio-wrapper')
        .filter({ hasText: /^同意$/ })
        .click();
    });
    await expect.poll(() => supervisor.page.locator('.ant-card-head-title .ant-tag').first().textContent(), POLL).toBe('已办结');
    await supervisor.page.context().close();

    const citizen = await app.browser.newPage();
    await citizen.goto(`${app.server.base}/track?no=${c.trackingNo}`);
    await citizen.getByLabel('手机号后四位').fill('6611');
    await citizen
      .getByRole('button', { name: /查\s*询/ })
      .first()
      .click();
    await expect
      .poll(() => citizen.locator('body').textContent(), POLL)
      .toContain('不予受理（涉诉涉仲裁）：该纠纷已由法院立案受理，请按诉讼程序向法院反映');
    await citizen.context().close();
  });
});
