import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';
import { act, openCase, pickOption, publicCase, staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

const POLL = { timeout: 15_000 };

async function bearer(server: E2eServer, username: string): Promise<{ authorization: string }> {
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'huiyin-demo' } });
  return { authorization: `Bearer ${login.json().token as string}` };
}

/** An action through the API as a demo account (the set-up of the journey: two returns). */
async function apiAct(server: E2eServer, username: string, id: number, body: Record<string, unknown>): Promise<void> {
  const auth = await bearer(server, username);
  const c = await server.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: auth });
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers: auth,
    payload: { version: c.json().version as number, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const tile = (page: Page, key: string) => page.locator(`[data-queue="${key}"] .ant-statistic-content-value`);

/**
 * 会商 of an ordinary case (派单异议): a complaint the market and approval bureaus both sent back;
 * the dispatcher is offered a consultation and convenes both, the market bureau's head gives the
 * unit's opinion from the 待会商 tile, the dispatcher records the minutes naming the lead and
 * assisting units, and the lead unit finds the case in its queue to sign for, with no return left.
 */
describeInBrowser('会商 of an ordinary case in real Chromium', {}, (app) => {
  it('returned twice -> the dispatcher convenes -> a unit head gives an opinion -> minutes -> the lead unit has it to sign', async () => {
    const { market, approval } = { market: app.server.org.units['market']!, approval: app.server.org.units['approval']! };
    const c = await publicCase(app.server, '小区门口商铺占道经营并私接水管，多次反映无人处理', '13935906622');
    await apiAct(app.server, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: market });
    await apiAct(app.server, 'handler', c.id, { action: 'return', reason: '私接水管不属于市场监管职责' });
    await apiAct(app.server, 'dispatcher', c.id, { action: 'decideReturn', approve: true });
    await apiAct(app.server, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: approval });
    await apiAct(app.server, 'approvalhead', c.id, { action: 'return', reason: '不属于审批事项' });

    // --- The dispatcher is offered a consultation and convenes the two bureaus. ---
    const d = await staffPage(app.browser, app.server, 'dispatcher');
    await openCase(d.page, app.server, c.id);
    expect(await d.page.getByTestId('propose-consultation').textContent()).toContain('已被退回 2 次');
    await act(d.page, 'convene', async (dialog) => {
      // The units the case went to and came back from are proposed.
      await dialog.getByText('盐湖区市场监督管理局').first().waitFor();
      expect(await dialog.textContent()).toContain('盐湖区行政审批服务管理局');
      await expect.poll(() => dialog.textContent(), POLL).toContain('1 个工作日');
      await dialog.getByLabel('会商事项').fill('占道经营和私接水管由哪个单位主办');
    });
    const panel = d.page.getByTestId('ordinary-consultation');
    await expect.poll(() => panel.textContent(), POLL).toContain('占道经营和私接水管由哪个单位主办');
    expect(await d.page.getByTestId('consultation-due').count()).toBe(1);
    expect(await d.page.getByTestId('pending-units').textContent()).toContain('盐湖区市场监督管理局');
    // While it is open the case is neither re-dispatched nor decided.
    expect(await d.page.locator('[data-action="decideReturn"]').count()).toBe(0);
    await d.page.screenshot({ path: shot('consultation-convened'), fullPage: true });

    // --- The market bureau's head answers from the 待会商 tile. ---
    const uh = await staffPage(app.browser, app.server, 'unithead');
    await expect.poll(() => tile(uh.page, 'consultations').textContent(), POLL).toBe('1');
    await uh.page.locator('[data-queue="consultations"]').click();
    await uh.page.getByText(c.trackingNo).first().click();
    await uh.page.locator('[data-action="recordOpinion"]').waitFor();
    await act(uh.page, 'recordOpinion', async (dialog) => {
      await dialog.getByLabel('本单位意见').fill('占道经营由我局牵头查处，私接水管请水务部门协助。');
    });
    await expect.poll(() => uh.page.getByTestId('opinion').first().textContent(), POLL).toContain('由我局牵头查处');
    await uh.page.context().close();

    // --- The dispatcher records the minutes: the market bureau leads, the approval bureau assists. ---
    await openCase(d.page, app.server, c.id);
    await act(d.page, 'recordMinutes', async (dialog) => {
      expect(await dialog.textContent()).toContain('由我局牵头查处');
      // The unit list loads with the dialog: pick again if a re-render dropped the first choice.
      const lead = dialog.locator('.ant-form-item').filter({ hasText: '主办单位' }).first();
      for (let i = 0; i < 3 && !((await lead.textContent()) ?? '').includes('市场监督'); i++) {
        await pickOption(d.page, dialog.getByLabel('主办单位'), '市场监督', '盐湖区市场监督管理局');
      }
      await pickOption(d.page, dialog.getByLabel('协办单位'), '行政审批', '盐湖区行政审批服务管理局');
      await dialog.getByLabel('会商结论').fill('经会商，由市场监督管理局主办，行政审批服务管理局协办。');
    });
    await expect.poll(() => d.page.getByTestId('minutes').textContent(), POLL).toContain('由市场监督管理局主办');
    await d.page.screenshot({ path: shot('consultation-minutes'), fullPage: true });
    expect(d.errors).toEqual([]);
    await d.page.context().close();

    // --- The lead unit finds it in its queue to sign for; the minutes are binding: no return. ---
    const hm = await staffPage(app.browser, app.server, 'handler');
    await expect.poll(() => tile(hm.page, 'dispatched').textContent(), POLL).toBe('1');
    await hm.page.locator('[data-queue="dispatched"]').click();
    await hm.page.getByText(c.trackingNo).first().click();
    await hm.page.locator('[data-action="sign"]').waitFor();
    expect(await hm.page.locator('[data-action="return"]').count()).toBe(0);
    await act(hm.page, 'sign');
    await expect.poll(() => hm.page.locator('[data-action="reply"]').count(), POLL).toBe(1);
    await hm.page.context().close();
  });

  it('the root admin sets the time to settle on the supervision page', async () => {
    const admin = await staffPage(app.browser, app.server, 'admin');
    await admin.page.goto(`${app.server.base}/admin/supervision`);
    const card = admin.page.getByTestId('consultation-limit');
    await card.waitFor();
    const input = card.getByLabel('派单异议会商时限');
    await expect.poll(() => input.inputValue(), POLL).toBe('1');
    await input.fill('2');
    await card.getByRole('button', { name: /保\s*存/ }).click();
    await admin.page.locator('.ant-message-success').last().waitFor();
    const res = await app.server.app.inject({
      method: 'GET',
      url: '/api/v1/consultations/settle-limit',
      headers: await bearer(app.server, 'dispatcher'),
    });
    expect(res.json()).toEqual({ unit: 'workingDays', value: 2 });
    expect(admin.errors).toEqual([]);
    await admin.page.context().close();
  });
});
