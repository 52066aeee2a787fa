import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { magicOf } from './browser.ts';
import { openCase, publicCase, staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

const POLL = { timeout: 15_000 };

describeInBrowser('the case list as Excel and the printable case sheet in real Chromium', {}, (app) => {
  it('the dispatcher exports the filtered list (导出 Excel) and opens the case sheet (打印工单)', async () => {
    const c = await publicCase(app.server, '小区门口路灯坏了一个月，晚上出行很不方便', '13935907788');
    const { page } = await staffPage(app.browser, app.server, 'dispatcher');

    await page.goto(`${app.server.base}/admin/cases?type=complaint`);
    await expect.poll(() => page.locator('.ant-table').first().textContent(), POLL).toContain(c.trackingNo);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-export').click()]);
    expect(download.suggestedFilename()).toBe('诉求工单清单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).text)).toBe('受理编号');
    const numbers: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) numbers.push(String(row.getCell(1).text));
    });
    expect(numbers).toContain(c.trackingNo);

    await openCase(page, app.server, c.id);
    const sheet = page.getByTestId('case-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('打印工单');
    const href = await sheet.getAttribute('href');
    expect(href).toBe(`/api/v1/cases/${c.id}/sheet.pdf`);
    expect(await magicOf(page, href!)).toBe('200 %PDF');
    await page.context().close();
  });
});
