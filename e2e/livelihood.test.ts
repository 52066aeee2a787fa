import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PNG } from '../packages/server/src/testing/multipart.ts';
import { magicOf, shot } from './browser.ts';
import { describeInBrowser } from './with-app.ts';
import { pickOption, staffPage } from './staff.ts';

const POLL = { timeout: 15_000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WATER = '西南舁乡北七村自来水管网连片工程';

/** Fill the downloaded template by header name (the example row below the header dropped). */
async function fillTemplate(template: Buffer, rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.worksheets[0]!;
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(String(cell.text).replace(/[*＊\s]/g, ''), col));
  for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      const col = headers.get(k);
      if (col === undefined) throw new Error(`template has no column ${k}: ${[...headers.keys()].join(',')}`);
      ws.getRow(i + 2).getCell(col).value = v;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Type a day into an antd DatePicker and confirm it. */
async function fillDate(input: Locator, day: string): Promise<void> {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), POLL).toBe(day);
}

/** Open an antd Select (without search) and pick the option that shows `option`. */
async function selectOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Pick a region level by level in the RegionPicker cascader (the levels above the value are open already). */
async function pickRegion(page: Page, picker: Locator, names: string[]): Promise<void> {
  await picker.click();
  for (const name of names)
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
}

/** Wait until no table is loading and the fade-in is over: screenshots without grey rows. */
async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count(), POLL).toBe(0);
  await page.waitForTimeout(500);
}

/** Confirm the open Popconfirm. */
async function confirmPop(page: Page): Promise<void> {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*定/ })
    .click();
}

/** A Chromium console line of an expected refusal (the first 验收销号 is answered 409). */
const refusal = (e: string) => /status of 409/.test(e);

/**
 * The livelihood practice (我为群众办实事) through the UI of 阳泉市郊区 on the demo data: the
 * officer opens the second batch of 2026, imports matters collected on household visits (a bad
 * file refused whole, then a good one), enters one more that turns out to be a duplicate and
 * merges it, proposes a key project, holds the selection meeting and publishes the list, assigns
 * the project to 吴区长 by a numbered letter (PDF); the cadre signs for it and reports every
 * milestone done with a photo; acceptance is refused while a household without a phone is
 * unanswered, then granted once the visit is recorded, the others answered by SMS. The public
 * page shows 北七村's water network and the accepted project on a phone. Screenshots in
 * artifacts/e2e/livelihood-*.png, copied to docs/screenshots/ when the pages change.
 */
describeInBrowser('livelihood matters and key projects in real Chromium', { demo: true }, (app) => {
  it('import -> merge -> select -> assign (PDF) -> report -> accept once everyone is answered -> the public page on a phone', async () => {
    /** A calendar day in Beijing, `days` from the day the journey starts. */
    const start = app.server.clock.now().getTime();
    const day = (days: number) => new Date(start + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
    const titleA = '北岭村小学门口乡道车速快，缺少减速带';
    const titleB = '北岭村村道没有路灯，晚上出行不便';
    const titleC = '北岭村缺少快递点，取快递要跑到乡里';
    const titleD = '北岭村学校门前大车开得太快，需要装减速带';
    const projectTitle = '北岭村小学门口交通安全设施建设';

    // --- 1. The officer opens the second batch of 2026 for the district. ---
    const ms = await staffPage(app.browser, app.server, 'minsheng');
    await ms.page.getByRole('menuitem', { name: '民生实事' }).click();
    const lists = ms.page.getByTestId('lists-table');
    await expect.poll(() => lists.textContent(), POLL).toContain('2026年阳泉市郊区“我为群众办实事”重点民生项目清单');
    expect(await lists.locator('tr', { hasText: '重点民生项目清单' }).first().textContent()).toContain('已公布');
    await ms.page.getByTestId('create-list-button').click();
    const listDialog = ms.page.getByRole('dialog');
    await listDialog.getByLabel('清单名称').fill('2026年阳泉市郊区“我为群众办实事”民生实事清单（第二批）');
    await listDialog.getByLabel('年度').fill('2026');
    await listDialog.getByLabel('批次').fill('2');
    await listDialog.getByText('第二批').waitFor();
    await listDialog.getByRole('button', { name: /保\s*存/ }).click();
    await ms.page.waitForURL(/\/admin\/livelihood\/lists\/\d+$/);
    const listId = Number(new URL(ms.page.url()).pathname.split('/').pop());
    const listCard = ms.page.locator('.ant-card').first();
    await expect.poll(() => listCard.textContent(), POLL).toContain('征集中');
    await expect.poll(() => listCard.textContent(), POLL).toContain('2026年第二批');

    // --- The problem list: the template, a refused file, then three matters of 北岭村. ---
    await ms.page.goto(`${app.server.base}/admin/livelihood/matters?list=${listId}`);
    await ms.page.getByTestId('matters-table').waitFor();
    await expect.poll(() => ms.page.getByTestId('matters-table').textContent(), POLL).toContain('没有符合条件的事项');
    const [download] = await Promise.all([ms.page.waitForEvent('download'), ms.page.getByTestId('template-button').click()]);
    const template = readFileSync((await download.path())!);
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK');

    const collected = day(-6);
    const rowA = {
      事项标题: titleA,
      事项描述: '北岭村小学门口就是乡道，过往拉煤的大车车速很快，孩子上下学过马路很危险，希望在学校门口设置减速带和人行横道。',
      所属区域: '西南舁乡北岭村',
      领域: '保障和改善基本民生',
      反映人类型: '住户',
      反映人: '李桂兰',
      地址: '西南舁乡北岭村5号',
      收集日期: collected,
      走访人: '北岭村网格员',
    };
    const rowB = {
      事项标题: titleB,
      事项描述: '北岭村主街和通往村委会的路上没有路灯，冬天天黑得早，老人晚上出门看不清路，希望安装太阳能路灯。',
      所属区域: '西南舁乡北岭村',
      领域: '保障和改善基本民生',
      反映人类型: '个人',
      反映人: '王建国',
      联系电话: '13935311002',
      收集日期: collected,
    };
    const rowC = {
      事项标题: titleC,
      事项描述: '北岭村没有快递点，网上买的东西和寄来的药都要到乡里去取，来回十多里山路，希望在村里设快递代收点。',
      所属区域: '西南舁乡北岭村',
      领域: '推动高质量发展',
      反映人类型: '个人',
      反映人: '赵志强',
      联系电话: '13935311003',
      收集日期: collected,
    };
    const upload = (name: string, buffer: Buffer) => ms.page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });

    await upload(
      'visits-bad.xlsx',
      await fillTemplate(template, [{ ...rowB, 事项标题: '村口路灯不亮', 所属区域: '不存在乡' }, rowA, rowC]),
    );
    const report = ms.page.getByTestId('import-report');
    await expect.poll(() => report.textContent(), POLL).toContain('有 1 处错误，未导入任何数据');
    const errorRow = ms.page.getByTestId('import-errors').locator('tr.ant-table-row').first();
    expect(await errorRow.locator('td').first().textContent()).toBe('2');
    expect(await errorRow.textContent()).toContain('所属区域');
    expect(await ms.page.getByTestId('matter-link').count()).toBe(0);

    await upload('visits.xlsx', await fillTemplate(template, [rowA, rowB, rowC]));
    await expect.poll(() => report.textContent(), POLL).toContain('已导入 3 条事项');
    await expect.poll(() => ms.page.getByTestId('matter-link').count(), POLL).toBe(3);
    const mattersTable = ms.page.getByTestId('matters-table');
    const idOf = async (title: string) =>
      Number(await mattersTable.locator('tr.ant-table-row', { hasText: title }).locator('td').first().textContent());
    const idA = await idOf(titleA);
    expect(await mattersTable.locator('tr.ant-table-row', { hasText: titleA }).textContent()).toContain('北岭村保障和改善基本民生'); // region and area
    expect(await mattersTable.locator('tr.ant-table-row', { hasText: titleA }).textContent()).toContain('Excel导入');
    await settle(ms.page);
    await ms.page.screenshot({ path: shot('livelihood-import'), fullPage: true });

    // --- 2. One more by the form, in other words: the duplicate check shows the imported one. ---
    await ms.page.getByTestId('new-matter-button').click();
    const matterDialog = ms.page.getByRole('dialog');
    await matterDialog.getByLabel('事项', { exact: true }).fill(titleD);
    await matterDialog.getByLabel('具体情况').fill('学校门前的路大车多，开得飞快，接送孩子提心吊胆，建议装减速带、划斑马线。');
    await pickRegion(ms.page, matterDialog.getByLabel('所属区域'), ['郊区', '西南舁乡', '北岭村']);
    await selectOption(ms.page, matterDialog.getByLabel('领域'), '保障和改善基本民生');
    const firstOriginator = matterDialog.getByTestId('originator-row').nth(0);
    await firstOriginator.getByLabel('姓名').fill('孙丽');
    await firstOriginator.getByLabel('手机号码').fill('13935311004');
    await matterDialog.getByTestId('add-originator').click();
    const secondOriginator = matterDialog.getByTestId('originator-row').nth(1);
    await secondOriginator.getByLabel('姓名').fill('周强');
    await secondOriginator.getByLabel('手机号码').fill('13935311005');
    await matterDialog.getByTestId('matter-save').click();
    const similar = ms.page.getByTestId('similar-check');
    await similar.waitFor();
    expect(await similar.textContent()).toContain('可能重复');
    expect(await ms.page.getByTestId('similar-list').textContent()).toContain(titleA);
    expect(await ms.page.getByTestId('similar-list').textContent()).toContain('减速带');
    await ms.page.getByTestId('save-anyway').click();
    const detail = ms.page.getByTestId('matter-detail');
    await expect.poll(() => ms.page.locator('.ant-drawer-title').textContent(), POLL).toContain(titleD);
    const idD = Number(((await ms.page.locator('.ant-drawer-title').textContent()) ?? '').match(/#(\d+)/)![1]);
    await expect.poll(() => ms.page.getByTestId('matter-similar').textContent(), POLL).toContain(titleA);
    await expect.poll(() => ms.page.getByTestId('matter-link').count(), POLL).toBe(4);

    // The duplicates page pairs them, the shared words marked; the officer keeps the imported one.
    await ms.page.goto(`${app.server.base}/admin/livelihood/duplicates?list=${listId}`);
    const pairs = ms.page.getByTestId('duplicates-table');
    const pair = pairs.locator('tr.ant-table-row').filter({ hasText: titleA }).filter({ hasText: titleD });
    await pair.waitFor();
    expect(await pair.textContent()).toContain('减速带');
    await pair.locator('mark').first().waitFor();
    await settle(ms.page);
    await ms.page.screenshot({ path: shot('livelihood-duplicates'), fullPage: true });
    const aIsSideA = ((await pair.locator('td').nth(1).textContent()) ?? '').includes(titleA);
    await pair.getByTestId(aIsSideA ? 'merge-keep-a' : 'merge-keep-b').click();
    await confirmPop(ms.page);
    await ms.page.locator('.ant-message-success').last().waitFor();
    await expect.poll(() => pairs.locator('tr.ant-table-row').filter({ hasText: titleD }).count(), POLL).toBe(0);

    // The surviving matter lists every originator and what was merged into it.
    await ms.page.goto(`${app.server.base}/admin/livelihood/matters?list=${listId}&open=${idA}`);
    await detail.waitFor();
    const originators = ms.page.getByTestId('matter-originators');
    await expect.poll(() => originators.locator('tr.ant-table-row').count(), POLL).toBe(3);
    for (const name of ['李桂兰', '孙丽', '周强']) expect(await originators.textContent()).toContain(name);
    expect(await ms.page.getByTestId('merged-from').textContent()).toContain(`#${idD} ${titleD}`);
    expect(await mattersTable.locator('tr.ant-table-row', { hasText: titleD }).textContent()).toContain('已合并');

    // --- 3. A candidate project from the matter, the selection meeting, publication. ---
    await ms.page.goto(`${app.server.base}/admin/livelihood/lists/${listId}`);
    const open = ms.page.getByTestId('list-matters-table');
    await expect.poll(() => open.locator('tr.ant-table-row').count(), POLL).toBe(3); // the merged one is gone
    await open.locator('tr.ant-table-row', { hasText: titleA }).getByRole('checkbox').check();
    await ms.page.getByTestId('new-project-button').click();
    const projectDialog = ms.page.getByRole('dialog');
    await expect.poll(() => projectDialog.getByLabel('项目名称').inputValue(), POLL).toBe(titleA);
    await projectDialog.getByLabel('项目名称').fill(projectTitle);
    await projectDialog.getByLabel('项目内容').fill('在北岭村小学门口乡道设置减速带2处、人行横道1处和警示标志，安排上下学时段护学岗。');
    await pickOption(ms.page, projectDialog.getByLabel('牵头单位'), '交通', '阳泉市郊区交通运输局');
    await projectDialog.getByLabel('投资（万元）').fill('12');
    await fillDate(projectDialog.getByLabel('开工日期'), day(1));
    await fillDate(projectDialog.getByLabel('完成时限'), day(34));
    const milestones = [
      { title: '勘察设计', planned: day(8), weight: '20' },
      { title: '施工', planned: day(25), weight: '60' },
      { title: '验收', planned: day(32), weight: '20' },
    ];
    for (const [i, m] of milestones.entries()) {
      await projectDialog.getByTestId('add-milestone').click();
      const row = projectDialog.getByTestId('milestone-row').nth(i);
      await row.getByLabel('节点名称').fill(m.title);
      await fillDate(row.getByLabel('计划完成'), m.planned);
      await row.getByLabel('权重').fill(m.weight);
    }
    await projectDialog.getByTestId('project-save').click();
    await ms.page.waitForURL(/\/admin\/livelihood\/projects\/\d+$/);
    const projectId = Number(new URL(ms.page.url()).pathname.split('/').pop());
    const header = ms.page.locator('.ant-card').first();
    await expect.poll(() => header.textContent(), POLL).toContain('候选');
    expect(await ms.page.getByTestId('milestones-table').locator('tr.ant-table-row').count()).toBe(3);

    await ms.page.getByRole('link', { name: '返回清单' }).click();
    // The meeting is held now (the dialog proposes the app.browser's time): the app.server's clock follows,
    // and from here on moves by hand through the afternoon (sessions last 12 hours).
    app.server.clock.set(new Date());
    await ms.page.getByTestId('selection-button').click();
    const meeting = ms.page.getByRole('dialog');
    await meeting.getByLabel('参会人员').fill('区委书记、区长，区委常委，西南舁乡党委书记，区交通运输局、区教育局负责人');
    await meeting.getByLabel('会议纪要').fill('北岭村小学门口交通安全隐患突出，同意列入第二批重点民生项目。');
    const candidate = meeting.getByTestId('selection-table').locator('tr.ant-table-row', { hasText: projectTitle });
    await candidate.getByTestId('select-project').check();
    await candidate.getByLabel('得票').fill('11');
    await candidate.getByLabel('受益人数').fill('320'); // the pupils and the households along the road
    await expect.poll(() => meeting.textContent(), POLL).toContain('已选 1 / 1 个项目');
    await meeting.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => listCard.textContent(), POLL).toContain('遴选中');
    const projectsTable = ms.page.getByTestId('projects-table');
    await expect.poll(() => projectsTable.locator('tr.ant-table-row', { hasText: projectTitle }).textContent(), POLL).toContain('已入选');
    app.server.clock.advance(20 * MINUTE);
    await ms.page.getByTestId('publish-button').click();
    await confirmPop(ms.page);
    await expect.poll(() => listCard.textContent(), POLL).toContain('已公布');
    expect(await listCard.textContent()).toContain('参会人员');
    await ms.page.reload(); // without the toasts
    await expect.poll(() => projectsTable.locator('tr.ant-table-row', { hasText: projectTitle }).count(), POLL).toBe(1);
    await settle(ms.page);
    await ms.page.screenshot({ path: shot('livelihood-list'), fullPage: true });

    // --- 4. 交办 to 吴区长 by a numbered letter. ---
    app.server.clock.advance(40 * MINUTE);
    await projectsTable.getByRole('link', { name: projectTitle }).click();
    await ms.page.getByTestId('assign-button').click();
    const assign = ms.page.getByRole('dialog');
    await pickOption(ms.page, assign.getByLabel('责任领导'), '吴', '吴区长');
    expect(await assign.getByLabel('完成时限').inputValue()).toBe(day(34));
    await assign.getByLabel('交办要求').fill('请于完成时限前建成并投入使用，每周报告进展；完工后逐一答复反映群众。');
    await assign.getByRole('button', { name: '交办并生成交办书' }).click();
    const toast = ms.page.locator('.ant-message-success').last();
    await expect.poll(() => toast.textContent(), POLL).toMatch(/已交办，文号 郊党办交〔\d{4}〕\d+号/);
    const letterNo = ((await toast.textContent()) ?? '').match(/郊党办交〔\d{4}〕\d+号/)![0];
    await expect.poll(() => header.textContent(), POLL).toContain('已交办');
    expect(await header.locator('.ant-descriptions').textContent()).toContain(letterNo);
    expect(await header.locator('.ant-descriptions').textContent()).toContain('吴区长');
    expect(await header.locator('.ant-descriptions').textContent()).toContain('得票 11 · 优先级 3 · 受益 320 人');
    const letter = await ms.page.getByTestId('letter-button').getAttribute('href');
    expect(letter).toBe(`/api/v1/projects/${projectId}/assignment-letter.pdf`);
    expect(await magicOf(ms.page, letter!)).toBe('200 %PDF');
    await ms.page.reload(); // without the toast
    await ms.page.getByTestId('letter-button').waitFor();
    await settle(ms.page);
    await ms.page.screenshot({ path: shot('livelihood-project-assigned'), fullPage: true });

    // --- 5. The cadre finds it on the duty list, signs for it and reports every milestone done. ---
    app.server.clock.advance(HOUR);
    const cadre = await staffPage(app.browser, app.server, 'leader');
    await cadre.page.getByRole('menuitem', { name: '民生实事' }).click();
    await cadre.page.waitForURL(/\/admin\/livelihood\/duty$/);
    const duty = cadre.page.getByTestId('duty-projects');
    const dutyRow = duty.locator('tr.ant-table-row', { hasText: projectTitle });
    await dutyRow.waitFor();
    expect(await dutyRow.textContent()).toContain('已交办');
    await dutyRow.getByRole('link', { name: projectTitle }).click();
    await cadre.page.getByTestId('sign-button').click();
    await cadre.page.locator('.ant-modal-confirm').getByText(letterNo).waitFor();
    await cadre.page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const cadreHeader = cadre.page.locator('.ant-card').first();
    await expect.poll(() => cadreHeader.textContent(), POLL).toContain('已签收');
    const progress = cadre.page.getByTestId('project-progress');
    for (const [i, m] of milestones.entries()) {
      app.server.clock.advance(HOUR);
      await cadre.page.getByTestId('report-button').click();
      const dialog = cadre.page.getByRole('dialog');
      await expect.poll(() => dialog.getByTestId('report-milestone').textContent(), POLL).toContain(m.title);
      await dialog.getByLabel('节点完成度').fill('100');
      await dialog
        .getByLabel('进展情况')
        .fill(
          [
            '完成现场勘察和施工图设计，经交通、教育部门会审通过。',
            '减速带、人行横道和警示标志全部施工完成。',
            '交通运输局组织初验合格，护学岗已安排到位。',
          ][i]!,
        );
      if (i === 0) {
        await dialog.locator('input[type=file]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
        await dialog.locator('.ant-upload-list-item').first().waitFor();
      }
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await expect.poll(() => cadre.page.getByTestId('reports').locator('.ant-timeline-item').count(), POLL).toBe(i + 1);
    }
    await expect.poll(() => progress.getAttribute('data-progress'), POLL).toBe('100');
    expect(await cadre.page.getByTestId('reports').getByTestId('photos').locator('img').count()).toBe(1);
    await cadre.page.getByRole('menuitem', { name: '民生实事' }).click();
    await cadre.page.reload(); // without the toasts
    await expect
      .poll(() => duty.locator('tr.ant-table-row', { hasText: projectTitle }).getByRole('progressbar').getAttribute('aria-valuenow'), POLL)
      .toBe('100');
    expect(await duty.locator('tr.ant-table-row', { hasText: projectTitle }).textContent()).toContain('已签收');
    await settle(cadre.page);
    await cadre.page.screenshot({ path: shot('livelihood-duty'), fullPage: true });

    // --- 6. 验收销号: refused while the household without a phone is unanswered; then accepted. ---
    app.server.clock.advance(HOUR);
    await ms.page.reload();
    await ms.page.getByTestId('accept-button').click();
    const accept = ms.page.getByRole('dialog');
    await accept.getByLabel('验收意见').fill('减速带、人行横道和警示标志设置规范，工程质量合格。');
    await accept.getByLabel('参加验收人员').fill('区交通运输局、区教育局、西南舁乡');
    await accept.getByLabel('答复内容（可选）').fill('您反映的北岭村小学门口车速快的问题，减速带和人行横道已建成，感谢您的反映。');
    await accept.getByRole('button', { name: '验收销号' }).click();
    const refused = ms.page.getByTestId('accept-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('还有 1 位反映人未得到答复，不能销号');
    const missing = ms.page.getByTestId('accept-unanswered');
    expect(await missing.locator('tr.ant-table-row').count()).toBe(1);
    expect(await missing.textContent()).toContain('李桂兰（住户）');
    expect(await missing.textContent()).toContain('无手机号，需上门或书面答复');
    await accept.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => header.textContent(), POLL).toContain('已签收'); // nothing changed
    const answered = ms.page.getByTestId('answered-count');
    await expect.poll(() => answered.getAttribute('data-answered'), POLL).toBe('0');
    expect(await answered.getAttribute('data-total')).toBe('3');

    app.server.clock.advance(30 * MINUTE);
    await ms.page.getByTestId('unanswered-list').locator('tr.ant-table-row', { hasText: '李桂兰' }).getByTestId('record-answer').click();
    const record = ms.page.getByRole('dialog');
    expect(await record.textContent()).toContain('西南舁乡北岭村5号');
    expect(await record.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('上门答复');
    await record.getByLabel('答复情况').fill('网格员入户告知减速带和人行横道已建成，李桂兰表示满意。');
    await record.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => answered.getAttribute('data-answered'), POLL).toBe('1');

    app.server.clock.advance(10 * MINUTE);
    await ms.page.getByTestId('accept-button').click();
    const again = ms.page.getByRole('dialog');
    await again.getByLabel('验收意见').fill('减速带、人行横道和警示标志设置规范，工程质量合格。');
    await again.getByLabel('参加验收人员').fill('区交通运输局、区教育局、西南舁乡');
    await again.getByLabel('答复内容（可选）').fill('您反映的北岭村小学门口车速快的问题，减速带和人行横道已建成，感谢您的反映。');
    await again.getByRole('button', { name: '验收销号' }).click();
    await expect.poll(() => header.textContent(), POLL).toContain('已验收销号');
    await expect.poll(() => answered.getAttribute('data-answered'), POLL).toBe('3');
    expect(await answered.getAttribute('data-total')).toBe('3');
    expect(await answered.textContent()).toContain('反映人已答复 3/3');
    expect(await ms.page.getByText('反映人已全部答复').count()).toBe(1);
    expect(await ms.page.getByTestId('acceptance').textContent()).toContain('工程质量合格');
    expect(await ms.page.getByTestId('accept-button').count()).toBe(0);
    await ms.page.reload(); // without the toast
    await ms.page.getByTestId('acceptance').waitFor();
    await settle(ms.page);
    await ms.page.screenshot({ path: shot('livelihood-accepted'), fullPage: true });

    // Everyone who raised it was answered: by SMS where a phone was given, in person otherwise.
    await ms.page.goto(`${app.server.base}/admin/livelihood/matters?list=${listId}&open=${idA}`);
    await expect.poll(() => originators.locator('tr.ant-table-row').count(), POLL).toBe(3);
    const byName = (name: string) => originators.locator('tr.ant-table-row', { hasText: name });
    expect(await byName('李桂兰').textContent()).toContain('上门答复');
    expect(await byName('孙丽').textContent()).toContain('短信');
    expect(await byName('周强').textContent()).toContain('短信');
    expect(await detail.textContent()).toContain('已答复');

    // --- 7. The public page on a phone: 北七村's water network first, the new project accepted. ---
    const published = (await app.server.app.inject({ method: 'GET', url: '/api/v1/public/projects?regionCode=140311' })).json() as {
      items: { id: number; title: string; progress: number; status: string }[];
    };
    const water = published.items[0]!;
    expect(water.title).toBe(WATER);
    const waterPercent = `${Math.round(water.progress * 10) / 10}%`;
    const phone = await app.browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const citizen = await phone.newPage();
    const citizenErrors: string[] = [];
    citizen.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') citizenErrors.push(`${m.type()}: ${m.text()}`);
    });
    citizen.on('pageerror', (e) => citizenErrors.push(`pageerror: ${e.message}`));
    await citizen.goto(`${app.server.base}/projects/140311`);
    const first = citizen.getByTestId('project-card').first();
    await first.waitFor();
    expect(await first.getAttribute('data-project-id')).toBe(String(water.id));
    expect(await first.locator('h2').textContent()).toBe(WATER);
    expect(await first.getByTestId('project-progress').textContent()).toBe(waterPercent);
    expect(await first.getByTestId('project-status').textContent()).toBe('进行中');
    expect(await first.getByTestId('milestone').count()).toBeGreaterThanOrEqual(3);
    expect(await citizen.getByTestId('project-count').textContent()).toContain(String(published.items.length));
    const ours = citizen.locator(`[data-testid="project-card"][data-project-id="${projectId}"]`);
    expect(await ours.getByTestId('project-status').textContent()).toBe('已验收');
    expect(await ours.getByTestId('project-progress').textContent()).toBe('100%');
    expect(await ours.getByTestId('milestone').count()).toBe(3);
    expect(await ours.textContent()).not.toContain('李桂兰');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await settle(citizen);
    await citizen.screenshot({ path: shot('livelihood-public-mobile') });

    await first.locator('h2').getByRole('link').click();
    await citizen.waitForURL(`${app.server.base}/projects/140311/${water.id}`);
    const full = citizen.getByTestId('project-detail');
    await full.waitFor();
    expect(await full.getByTestId('project-progress').textContent()).toBe(waterPercent);
    expect(await full.getByTestId('milestone').count()).toBeGreaterThanOrEqual(3);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await settle(citizen);
    await citizen.screenshot({ path: shot('livelihood-public-detail-mobile'), fullPage: true });

    // The one refusal of acceptance is the only line in the officer's console.
    expect(ms.errors.filter(refusal)).toHaveLength(1);
    expect(ms.errors.filter((e) => !refusal(e))).toEqual([]);
    expect(cadre.errors).toEqual([]);
    expect(citizenErrors).toEqual([]);
  }, 300_000); // some forty steps through three browsers: minutes on a loaded machine
});
