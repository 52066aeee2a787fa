import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { describeInBrowser } from './with-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeInBrowser('admin: units and the routing catalog through Excel', {}, (app) => {
  it('the system admin exports the units, adds one in the workbook, previews the import and confirms it; the catalog round-trips unchanged', async () => {
    const problems: string[] = [];
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
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
    await expect.poll(() => page.getByRole('cell', { name: /停水/ }).count()).toBeGreaterThan(0);
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
    expect(problems).toEqual([]);
  });
});
