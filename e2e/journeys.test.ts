import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeInBrowser } from './with-app.ts';
import { act, choose, openCase, publicCase, staffPage, statusOf } from './staff.ts';

/** Whole journeys through the workbench, each on a fresh database, in Debian's Chromium. */
describeInBrowser('staff journeys in real Chromium', {}, (app) => {
  it('a citizen submits on a phone -> the dispatcher dispatches -> the handler signs and replies -> the citizen tracks and rates', async () => {
    await app.fresh();
    const citizen = await app.browser.newPage({ viewport: { width: 375, height: 812 } });
    const citizenErrors: string[] = [];
    citizen.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') citizenErrors.push(m.text());
    });
    await citizen.goto(`${app.server.base}/?view=submit`);
    await choose(citizen.locator('form'), '投诉');
    await citizen.getByLabel('诉求分类').fill('停水');
    await citizen.locator('.ant-select-tree-node-content-wrapper', { hasText: '停水' }).click();
    await citizen.getByLabel('诉求内容').fill('解放南路小区停水三天未恢复，请尽快处理');
    await citizen.getByLabel('手机号码').fill('13935901234');
    await citizen.getByRole('button', { name: /提交诉求/ }).click();
    const noBox = citizen.getByTestId('tracking-no');
    await noBox.waitFor();
    const trackingNo = ((await noBox.textContent()) ?? '').trim();

    const d = await staffPage(app.browser, app.server, 'dispatcher');
    await d.page.locator('[data-queue="registered"]').click();
    await d.page.getByRole('link', { name: trackingNo }).click();
    await d.page.locator('[data-action="dispatch"]').waitFor();
    await d.page.screenshot({ path: shot('case-detail'), fullPage: true });
    // The routing catalog's unit is proposed first and preselected.
    await act(d.page, 'dispatch', async (dialog) => {
      await dialog.getByText('盐湖区水务局').first().waitFor();
    });
    expect(await statusOf(d.page)).toBe('待签收');
    const id = Number(new URL(d.page.url()).pathname.split('/').pop());

    const h = await staffPage(app.browser, app.server, 'handler2');
    await h.page.locator('[data-queue="dispatched"]').waitFor();
    await expect.poll(() => h.page.locator('[data-queue="dispatched"] .ant-statistic-content-value').textContent()).toBe('1');
    await h.page.screenshot({ path: shot('workbench'), fullPage: true });
    await openCase(h.page, app.server, id);
    await act(h.page, 'sign');
    expect(await statusOf(h.page)).toBe('办理中');
    await act(h.page, 'reply', async (dialog) => {
      await choose(dialog, '已解决');
      await dialog.getByLabel('答复内容').fill('经查，停水系管网抢修所致，已于当日恢复供水。');
    });
    expect(await statusOf(h.page)).toBe('已答复');

    await citizen.getByRole('button', { name: /查询办理进度/ }).click();
    await expect.poll(() => citizen.getByTestId('answer-text').textContent()).toContain('已于当日恢复供水');
    await citizen.screenshot({ path: shot('citizen-tracking'), fullPage: true });
    await choose(citizen.locator('form').last(), '已解决');
    await choose(citizen.locator('form').last(), '非常满意');
    await citizen.getByRole('button', { name: /提交评价/ }).click();
    await expect.poll(() => citizen.getByTestId('citizen-status').textContent()).toBe('已办结');

    // The staff side sees the citizen's own rating as the last step.
    await openCase(d.page, app.server, id);
    await expect.poll(() => statusOf(d.page)).toBe('已办结');
    expect(d.errors).toEqual([]);
    expect(h.errors).toEqual([]);
    expect(citizenErrors).toEqual([]);
  });

  it('a handler returns a case and the dispatcher re-dispatches it', async () => {
    await app.fresh();
    const c = await publicCase(app.server, '小区门口下水道堵塞，污水外溢');
    const d = await staffPage(app.browser, app.server, 'dispatcher');
    await openCase(d.page, app.server, c.id);
    await act(d.page, 'dispatch', async (dialog) => {
      await dialog.getByLabel('主办单位').click();
      await d.page.locator('.ant-select-item-option', { hasText: '盐湖区市场监督管理局' }).click();
    });
    const h = await staffPage(app.browser, app.server, 'handler');
    await openCase(h.page, app.server, c.id);
    await act(h.page, 'return', async (dialog) => {
      // An empty reason is refused next to the field, in plain Chinese, before anything is sent.
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await dialog.getByText('请填写此项').waitFor();
      await dialog.getByLabel('退单理由').fill('下水道不属于市场监管职责，建议转水务局');
    });
    expect(await statusOf(h.page)).toBe('退单待审');

    await openCase(d.page, app.server, c.id);
    await act(d.page, 'decideReturn', async (dialog) => {
      await choose(dialog, '同意');
    });
    expect(await statusOf(d.page)).toBe('待派单');
    await act(d.page, 'dispatch');
    expect(await statusOf(d.page)).toBe('待签收');
    await d.page.screenshot({ path: shot('return-redispatched'), fullPage: true });
    expect(await d.page.getByText('下水道不属于市场监管职责').count()).toBeGreaterThan(0);
    expect(d.errors).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('an explained answer goes through the supervisor’s review before the citizen sees it', async () => {
    await app.fresh();
    const c = await publicCase(app.server, '要求水务局免除全部历史欠缴水费');
    const d = await staffPage(app.browser, app.server, 'dispatcher');
    await openCase(d.page, app.server, c.id);
    await act(d.page, 'dispatch');
    const h = await staffPage(app.browser, app.server, 'handler2');
    await openCase(h.page, app.server, c.id);
    await act(h.page, 'sign');
    await act(h.page, 'reply', async (dialog) => {
      await choose(dialog, '解释说明');
      await dialog.getByLabel('答复内容').fill('欠缴水费不能免除，可申请分期缴纳。');
      await dialog.getByLabel('政策依据').fill('《城市供水条例》第二十七条');
    });
    expect(await statusOf(h.page)).toBe('答复待审');
    const before = await app.server.app.inject({ method: 'GET', url: `/api/v1/track/${c.trackingNo}?phone=1234` });
    expect(before.json().answer).toBeNull();

    const s = await staffPage(app.browser, app.server, 'supervisor');
    await openCase(s.page, app.server, c.id);
    await act(s.page, 'reviewReply', async (dialog) => {
      await dialog.getByText('《城市供水条例》第二十七条').waitFor();
      await choose(dialog, '同意');
    });
    expect(await statusOf(s.page)).toBe('已答复');
    await s.page.screenshot({ path: shot('explained-reviewed'), fullPage: true });
    const after = await app.server.app.inject({ method: 'GET', url: `/api/v1/track/${c.trackingNo}?phone=1234` });
    expect(after.json().answer.text).toContain('可申请分期缴纳');
    expect(s.errors).toEqual([]);
  });
});
