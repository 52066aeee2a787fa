import { expect, it } from 'vitest';
import { createFollowUpLink } from '../packages/server/src/modules/follow-up/follow-up.service.ts';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';
import { describeInBrowser } from './with-app.ts';
import { choose, publicCase, staffPage } from './staff.ts';

const POLL = { timeout: 15_000 };

/** Act through the API as a demo user (the pages for these steps have their own journeys). */
async function actAs(server: E2eServer, username: string, id: number, body: Record<string, unknown>) {
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'huiyin-demo' } });
  const token = login.json().token as string;
  const headers = { authorization: `Bearer ${token}` };
  const current = await server.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers });
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers,
    payload: { version: current.json().version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/**
 * The follow-up as the citizen gets it: the SMS link opens the answer on a phone, the citizen
 * rates it 非常不满意, the link is then spent; the bad rating reaches the unit as a notice to
 * rectify within 15 working days, the unit appeals it (申诉复核) and the supervisor decides; the
 * supervision centre shows the unit's numbers.
 */
describeInBrowser('follow-up link, bad rating and appeal in real Chromium', {}, (app) => {
  it('rate by link on a phone -> link spent -> notice to the unit -> appeal -> supervisor voids it', async () => {
    const c = await publicCase(app.server, '小区门口的下水井盖丢了，晚上很危险', '13935907777');
    await actAs(app.server, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: app.server.org.units['water'] });
    await actAs(app.server, 'handler2', c.id, { action: 'sign' });
    await actAs(app.server, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已联系市政部门补装井盖并设置警示标志。' });
    const { token } = await createFollowUpLink(app.server.db, app.server.clock.now(), c.id);

    // --- The citizen opens the SMS link on a phone and rates. ---
    const phone = await (
      await app.browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true })
    ).newPage();
    const errors: string[] = [];
    phone.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('status of 409')) errors.push(`${m.type()}: ${m.text()}`);
    });
    await phone.goto(`${app.server.base}/f/${token}`);
    await expect.poll(() => phone.locator('body').textContent(), POLL).toContain('已联系市政部门补装井盖');
    await choose(phone.locator('form'), '未解决');
    await choose(phone.locator('form'), '非常不满意');
    await phone.locator('form textarea').fill('井盖三天了还没装，打电话也没人管');
    await phone.screenshot({ path: shot('follow-up-mobile'), fullPage: true });
    await phone.getByRole('button', { name: /提\s*交/ }).click();
    await phone.getByTestId('follow-up-thanks').waitFor(POLL);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The link is spent.
    await phone.reload();
    await phone.getByTestId('follow-up-refused').waitFor(POLL);
    expect(await phone.getByTestId('follow-up-refused').textContent()).toContain('已使用');
    expect(errors).toEqual([]);

    // --- The unit sees the notice to rectify (due in 15 working days) and appeals it. ---
    const unit = await staffPage(app.browser, app.server, 'handler2');
    await unit.page.getByRole('menuitem', { name: '整改通知' }).click();
    const row = unit.page.locator('tr', { hasText: c.trackingNo });
    await expect.poll(() => row.textContent(), POLL).toContain('差评整改');
    expect(await row.textContent()).toContain('非常不满意');
    await row.getByRole('button', { name: /申\s*诉/ }).click();
    const appeal = unit.page.getByRole('dialog');
    await appeal.getByLabel('申诉理由').fill('已于当日补装井盖，现场照片可证；评价时群众尚未看到新井盖。');
    await appeal.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => row.textContent(), POLL).toContain('申诉中');

    // --- The supervisor decides: the rating was not about this answer, it is voided. ---
    const sup = await staffPage(app.browser, app.server, 'supervisor');
    await sup.page.getByRole('menuitem', { name: '整改通知' }).click();
    const supRow = sup.page.locator('tr', { hasText: c.trackingNo });
    await supRow.getByRole('button', { name: /复\s*核/ }).click();
    const decide = sup.page.getByRole('dialog');
    await choose(decide, '认定恶意差评，撤销（不计入满意率）');
    await decide.getByLabel('复核意见').fill('经核查现场照片和回访录音，井盖已于答复当日补装，评价与办理结果不符。');
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => supRow.textContent(), POLL).toContain('差评已撤销');
    await sup.page.screenshot({ path: shot('bad-rating-appeal'), fullPage: true });

    // --- The supervision centre loads with the unit's numbers. ---
    await sup.page.getByRole('menuitem', { name: '督办中心' }).click();
    await sup.page.getByTestId('supervision-units').waitFor(POLL);
    await sup.page.getByTestId('rating-flags').waitFor(POLL);
    expect([...unit.errors, ...sup.errors]).toEqual([]);
  });
});
