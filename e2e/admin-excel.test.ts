import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeInBrowser } from './with-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pick an option of an antd Select by its label, typing to filter. */
async function choose(page: Page, label: string, option: string, scope = page.getByRole('dialog')) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describeInBrowser('admin: units, the routing catalog and people through Excel', {}, (app) => {
  it('the system admin exports the units, adds one in the workbook, previews the import and confirms it; the catalog round-trips unchanged', async () => {
    const problems: string[] = [];
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(app.server.base + '/admin');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('huiyin-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await expect.poll(() => page.url()).toContain('/admin/settings/units');
    await expect.poll(() => page.getByText('运城市盐湖区政务服务中心').count()).toBeGreaterThan(0);

    // 单位: export, add a row, import with preview, confirm.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('units-excel-export').click()]);
    expect(download.suggestedFilename()).toBe('单位.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const ws = wb.getWorksheet('单位')!;
    ws.addRow(['盐湖区园林绿化中心', '委办局', '140802', '运城市盐湖区政务服务中心']);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('units-excel').locator('input[type=file]').setInputFiles({ name: 'units.xlsx', mimeType: XLSX, buffer: edited });
    await expect.poll(() => page.getByTestId('units-excel-summary').textContent()).toContain('将新增 1 条、修改 0 条');
    await page.screenshot({ path: shot('admin-units-import-preview'), fullPage: true });
    await page.getByTestId('units-excel-confirm').click();
    await expect.poll(() => page.getByTestId('units-excel-outcome').textContent()).toContain('已导入：新增 1');
    await expect.poll(() => page.getByText('盐湖区园林绿化中心').count()).toBeGreaterThan(0);

    // A bad file: the rows refused, nothing imported.
    ws.addRow(['盐湖区某单位', '不存在的类型', '140802', '']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('units-excel').locator('input[type=file]').setInputFiles({ name: 'bad.xlsx', mimeType: XLSX, buffer: bad });
    await expect.poll(() => page.getByTestId('units-excel-errors').textContent()).toContain('未知的类型');

    // 派单目录: the export imports back with nothing to change.
    await page.getByRole('tab', { name: '分类与派单目录' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /停水/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const [catalog] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-excel-export').click()]);
    expect(catalog.suggestedFilename()).toBe('派单目录.xlsx');
    await page
      .getByTestId('catalog-excel')
      .locator('input[type=file]')
      .setInputFiles({ name: 'catalog.xlsx', mimeType: XLSX, buffer: readFileSync((await catalog.path())!) });
    await expect.poll(() => page.getByTestId('catalog-excel-summary').textContent()).toMatch(/将新增 0 条、修改 0 条，\d+ 条不变/);
    await page.screenshot({ path: shot('admin-catalog-import-preview'), fullPage: true });
    await page.getByTestId('catalog-excel-confirm').click();
    await expect.poll(() => page.getByTestId('catalog-excel-outcome').textContent()).toContain('新增 0');

    // 派单目录 with assisting units and a time limit of the rule's own: the list shows them.
    const cwb = new ExcelJS.Workbook();
    await cwb.xlsx.load(readFileSync((await catalog.path())!) as never);
    const cws = cwb.getWorksheet('派单目录')!;
    expect(cws.getRow(1).getCell(5).value).toBe('协办单位');
    cws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === 'water.outage' && row.getCell(3).value === '140802') {
        row.getCell(5).value = '盐湖区住房和城乡建设局、盐湖区中城街道办事处';
        row.getCell(6).value = '3';
      }
    });
    await page
      .getByTestId('catalog-excel')
      .locator('input[type=file]')
      .setInputFiles({ name: 'catalog.xlsx', mimeType: XLSX, buffer: Buffer.from(await cwb.xlsx.writeBuffer()) });
    await expect.poll(() => page.getByTestId('catalog-excel-summary').textContent()).toMatch(/将新增 0 条、修改 1 条/);
    await page.getByTestId('catalog-excel-confirm').click();
    await expect.poll(() => page.getByTestId('catalog-excel-outcome').textContent()).toContain('修改 1');
    await expect.poll(() => page.getByRole('cell', { name: '盐湖区住房和城乡建设局、盐湖区中城街道办事处' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '3 个工作日' }).count()).toBe(1);
    await page.screenshot({ path: shot('admin-catalog-assist-units'), fullPage: true });

    // The same by hand: 新增规则 with an assisting unit and a time limit.
    await page.getByRole('button', { name: '新增规则' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, '诉求分类', '噪声扰民');
    await choose(page, '适用区域', '中城街道');
    await choose(page, '责任单位', '运城市生态环境局盐湖分局');
    await choose(page, '协办单位', '盐湖区东城街道办事处');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('办理时限').fill('7');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByRole('cell', { name: '7 个工作日' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '盐湖区东城街道办事处', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the security admin imports people from the template: the new accounts’ one-time passwords are shown once, to print; they sign in with them', async () => {
    const problems: string[] = [];
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(app.server.base + '/admin');
    await page.getByLabel('用户名').fill('secadmin');
    await page.getByLabel('密码').fill('huiyin-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await expect.poll(() => page.url()).toContain('/admin/settings/users');

    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('people-excel-template').click()]);
    expect(template.suggestedFilename()).toBe('人员导入模板.xlsx');
    expect(await page.getByTestId('people-excel-export').count()).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await template.path())!) as never);
    const ws = wb.getWorksheet('人员')!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '用户名', '手机号码', '角色', '所属单位']);
    ws.getRow(2).values = ['赵新受理', 'zhaoxin', '13935910011', '受理员', '运城市盐湖区政务服务中心'];
    ws.getRow(3).values = ['钱新派单', 'qianxin', '', '派单员、督办员', '运城市盐湖区政务服务中心；盐湖区水务局'];
    ws.getRow(4).values = ['李受理', 'clerk', '', '受理员', '运城市盐湖区政务服务中心'];
    await page
      .getByTestId('people-excel')
      .locator('input[type=file]')
      .setInputFiles({ name: 'people.xlsx', mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await expect.poll(() => page.getByTestId('people-excel-summary').textContent()).toMatch(/将新增 2 条/);
    await page.getByTestId('people-excel-confirm').click();

    // The printable list, shown once.
    const list = page.getByTestId('otp-list');
    await expect.poll(() => list.getByRole('cell', { name: 'zhaoxin', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('一次性密码只显示这一次').count()).toBe(1);
    expect(await page.getByRole('button', { name: /打\s*印$/ }).count()).toBe(1);
    const passwords = await page.getByTestId('otp-password').allTextContents();
    expect(passwords).toHaveLength(2);
    await page.screenshot({ path: shot('admin-people-one-time-passwords'), fullPage: true });
    await page.getByTestId('otp-close').click();
    await expect.poll(() => page.getByTestId('otp-list').isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('cell', { name: 'zhaoxin', exact: true }).count()).toBe(1);

    // 赵新受理 signs in with the printed password and is asked to change it first.
    const res = await fetch(`${app.server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhaoxin', password: passwords[0] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ passwordChangeRequired: true });
    expect(problems).toEqual([]);
  });
});
