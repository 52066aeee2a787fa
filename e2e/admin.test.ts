import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeInBrowser, type E2eApp } from './with-app.ts';

/** Pick `option` in the searchable antd Select labelled `label` inside `scope` (long lists render only what is in view). */
async function choose(page: Page, label: string, option: string, scope = page.getByRole('dialog')) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** A page at 1440 px signed in as a demo account, on 系统设置, collecting console problems. */
async function settingsAs(app: E2eApp, username: string, problems: string[]) {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(app.server.base + '/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('huiyin-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  return page;
}

describeInBrowser('admin: units, users and the holiday calendar through the settings pages', {}, (app) => {
  it('at 1440 px the system admin creates a unit and adds a holiday override, the security admin a user in it; the API sees all three', async () => {
    const problems: string[] = [];
    // 三员分立: the system admin's settings have no accounts tab.
    const page = await settingsAs(app, 'admin', problems);
    await expect.poll(() => page.url()).toContain('/admin/settings/units');
    await expect.poll(() => page.getByText('运城市盐湖区政务服务中心').count()).toBeGreaterThan(0);
    expect(await page.getByRole('tab', { name: '用户与角色' }).count()).toBe(0);

    // 单位管理: a new bureau under the service centre.
    await page.getByRole('button', { name: '新增单位' }).click();
    const unitDialog = page.getByRole('dialog');
    await unitDialog.getByLabel('单位名称').fill('盐湖区城市管理局');
    await choose(page, '上级单位', '运城市盐湖区政务服务中心');
    await unitDialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByRole('cell', { name: '盐湖区城市管理局' }).count()).toBe(1);
    await page.screenshot({ path: shot('admin-units'), fullPage: true });

    // 分类与派单目录 and 办理时限 load with their data.
    await page.getByRole('tab', { name: '分类与派单目录' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /停水/ }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('admin-catalog'), fullPage: true });
    await page.getByRole('tab', { name: '办理时限' }).click();
    await expect.poll(() => page.getByLabel('答复时限：投诉').inputValue()).toBe('15');
    await page.screenshot({ path: shot('admin-time-limits'), fullPage: true });

    // 节假日: a local holiday on a date of this year.
    const year = new Date().getFullYear();
    const date = `${year}-09-16`;
    await page.getByRole('tab', { name: '节假日' }).click();
    await expect.poll(() => page.getByRole('button', { name: '添加调整' }).isVisible()).toBe(true);
    await page.getByLabel('名称', { exact: true }).fill('地方节日');
    await page.getByLabel('日期', { exact: true }).click();
    await page.getByLabel('日期', { exact: true }).fill(date);
    // Enter takes the typed date and submits the form: no mouse needed.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('row').filter({ hasText: date }).filter({ hasText: '本地调整' }).count()).toBe(1);
    await page.screenshot({ path: shot('admin-calendar'), fullPage: true });

    // 用户与角色, the security admin's: an account in the new unit; a bad username is refused next to the field first.
    const sec = await settingsAs(app, 'secadmin', problems);
    await expect.poll(() => sec.url()).toContain('/admin/settings/users');
    expect(await sec.getByRole('tab', { name: '单位管理' }).count()).toBe(0);
    await expect.poll(() => sec.getByRole('cell', { name: 'dispatcher', exact: true }).count()).toBe(1);
    await sec.getByRole('button', { name: '新建用户' }).click();
    const userDialog = sec.getByRole('dialog');
    await userDialog.getByLabel('用户名').fill('Zhang City');
    await userDialog.getByLabel('姓名').fill('张城管');
    await userDialog.getByLabel('初始密码').fill('Chengguan-2026');
    await choose(sec, '角色', '承办人');
    await sec.keyboard.press('Escape');
    await choose(sec, '所属单位', '盐湖区城市管理局');
    await sec.keyboard.press('Escape');
    await userDialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => userDialog.getByText('用户名格式不符合要求').count()).toBeGreaterThan(0);
    await userDialog.getByLabel('用户名').fill('zhang.city');
    await userDialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => sec.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => sec.getByRole('cell', { name: 'zhang.city' }).count()).toBe(1);
    await expect.poll(() => sec.getByText('已创建；该用户首次登录时须修改初始密码').count()).toBeGreaterThan(0);
    await expect.poll(() => sec.getByRole('row').filter({ hasText: 'zhang.city' }).filter({ hasText: '待改密' }).count()).toBe(1);
    await sec.screenshot({ path: shot('admin-users'), fullPage: true });

    // What the pages did, seen through the API.
    const login = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'huiyin-demo' },
    });
    const auth = { authorization: `Bearer ${login.json().token as string}` };
    const secLogin = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'secadmin', password: 'huiyin-demo' },
    });
    const secAuth = { authorization: `Bearer ${secLogin.json().token as string}` };
    const users = (await app.server.app.inject({ method: 'GET', url: '/api/v1/admin/users?q=zhang.city', headers: secAuth })).json();
    expect(users.items).toHaveLength(1);
    expect(users.items[0]).toMatchObject({
      displayName: '张城管',
      roles: ['handler'],
      active: true,
      mustChangePassword: true,
      units: [{ name: '盐湖区城市管理局' }],
    });
    const units = (await app.server.app.inject({ method: 'GET', url: '/api/v1/admin/units', headers: auth })).json();
    const centre = units.items.find((u: { id: number }) => u.id === app.server.org.units['centre']);
    expect(centre.children.map((u: { name: string }) => u.name)).toContain('盐湖区城市管理局');
    const signIn = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'zhang.city', password: 'Chengguan-2026' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().passwordChangeRequired).toBe(true);
    const cal = (await app.server.app.inject({ method: 'GET', url: `/api/v1/settings/calendar?year=${year}`, headers: auth })).json();
    expect(cal.overrides).toContainEqual({ date, kind: 'holiday', name: '地方节日' });
    expect(cal.days.find((d: { date: string }) => d.date === date)).toMatchObject({ kind: 'holiday', working: false, overridden: true });

    expect(problems).toEqual([]);
    await page.close();
    await sec.close();
  });
});
