import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfText } from '../packages/server/src/testing/pdf.ts';
import { magicOf, shot, trackAnswer } from './browser.ts';
import type { E2eServer } from './server.ts';
import { openCase, publicCase, staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

const POLL = { timeout: 15_000 };

/** Act through the API as a demo user (the action dialogs have their own journeys). */
async function actAs(server: E2eServer, username: string, id: number, body: Record<string, unknown>) {
  const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'huiyin-demo' } });
  const headers = { authorization: `Bearer ${login.json().token as string}` };
  const current = await server.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers });
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers,
    payload: { version: current.json().version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The PDF a link of the page downloads (with the page's session), as poppler reads it (white space squeezed). */
async function pdfOf(page: Page, href: string): Promise<string> {
  const bytes = await page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'same-origin' });
    if (res.status !== 200) throw new Error(`${u}: ${res.status}`);
    return [...new Uint8Array(await res.arrayBuffer())];
  }, href);
  const pdf = Buffer.from(bytes);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(pdf);
}

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

  it('打印答复意见书: staff and citizen copies from the case page, the citizen copy from the tracking page; a refusal shows its reason in the timeline', async () => {
    const c = await publicCase(app.server, '小区二次供水水箱漏水，楼道积水严重', '13935907799');
    const note = '请核查二次供水设施产权归属';
    await actAs(app.server, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: app.server.org.units['water'], note });
    await actAs(app.server, 'handler2', c.id, { action: 'sign' });
    await actAs(app.server, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已维修水箱并清理楼道积水。' });

    const { page, errors } = await staffPage(app.browser, app.server, 'dispatcher');
    await openCase(page, app.server, c.id);
    const staffButton = page.getByTestId('answer-letter-staff');
    await staffButton.waitFor();
    expect(await staffButton.textContent()).toContain('打印答复意见书（存档联）');
    const citizenButton = page.getByTestId('answer-letter-citizen');
    expect(await citizenButton.textContent()).toContain('答复意见书（诉求人联）');
    const staffHref = (await staffButton.getAttribute('href'))!;
    expect(staffHref).toBe(`/api/v1/cases/${c.id}/answer.pdf?copy=staff`);
    const staffCopy = await pdfOf(page, staffHref);
    for (const words of [c.trackingNo, '答复意见书', '张女士：', '已维修水箱并清理楼道积水', '附件2：内部办理意见', note]) {
      expect(staffCopy, words).toContain(words);
    }
    const citizenCopy = await pdfOf(page, (await citizenButton.getAttribute('href'))!);
    for (const words of [c.trackingNo, '张**：', '已维修水箱并清理楼道积水']) expect(citizenCopy, words).toContain(words);
    for (const secret of ['张女士', note, '附件']) expect(citizenCopy, secret).not.toContain(secret);
    await page.screenshot({ path: shot('case-answer-letter'), fullPage: true });

    // An unanswered case offers no letter.
    const open = await publicCase(app.server, '小区路面塌陷，请尽快修复', '13935907798');
    await openCase(page, app.server, open.id);
    expect(await page.getByTestId('answer-letter-staff').count()).toBe(0);

    // A refusal approved: its reason and text in the staff timeline, and a letter.
    const refused = await publicCase(app.server, '与邻居的漏水赔偿纠纷已起诉到法院', '13935907797');
    await actAs(app.server, 'clerk', refused.id, {
      action: 'refuse',
      reasonCode: 'in_litigation',
      text: '该纠纷已由法院立案受理，请按诉讼程序办理',
    });
    await actAs(app.server, 'supervisor', refused.id, { action: 'reviewReply', approve: true, note: '属涉诉事项' });
    await openCase(page, app.server, refused.id);
    const timeline = page.locator('.ant-timeline');
    await expect.poll(() => timeline.textContent(), POLL).toContain('不予受理理由：涉诉涉仲裁');
    expect(await timeline.textContent()).toContain('该纠纷已由法院立案受理，请按诉讼程序办理');
    const refusalLetter = await pdfOf(page, (await page.getByTestId('answer-letter-citizen').getAttribute('href'))!);
    expect(refusalLetter).toContain('不予受理的答复意见书');
    expect(refusalLetter).toContain('涉诉涉仲裁');
    expect(errors).toEqual([]);
    await page.context().close();

    // The citizen downloads their copy from the tracking page.
    const citizen = await app.browser.newPage({ viewport: { width: 375, height: 812 } });
    await trackAnswer(citizen, app.server.base, c.trackingNo, '7799');
    const letter = citizen.getByTestId('answer-pdf');
    const href = (await letter.getAttribute('href'))!;
    expect(href).toBe(`/api/v1/track/${c.trackingNo}/answer.pdf?phone=7799`);
    expect(await magicOf(citizen, href)).toBe('200 %PDF');
    const tracked = await pdfOf(citizen, href);
    expect(tracked).toBe(citizenCopy);
    await citizen.context().close();
  });
});
