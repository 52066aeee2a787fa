import { expect, it } from 'vitest';
import { magicOf, shot, trackAnswer } from './browser.ts';
import { describeInBrowser } from './with-app.ts';
import { act, choose, openCase, pickOption, staffPage, statusOf } from './staff.ts';

const MINUTE = 60_000;
const POLL = { timeout: 10_000 };

/**
 * The article's story at the safety-net window (办不成事反映窗口), through the UI: a school shop's
 * food-business licence renewal refused at the approval bureau's window for lack of a filing
 * certificate; the officer registers it, convenes the two bureaus, finds in the policy library
 * that no certificate is needed, records the minutes and decides it done within two hours, with
 * the root cause. The citizen tracks every step and downloads the written answer; the analysis
 * draws its charts; only the discipline inspector has the referral ledger.
 */
describeInBrowser('safety-net window in real Chromium', { demo: true }, (app) => {
  it('register -> convene -> opinions -> cite -> minutes -> decide done; the citizen tracks it; analysis and referrals', async () => {
    // --- The officer registers the matter that failed at the approval bureau's window. ---
    const sn = await staffPage(app.browser, app.server, 'safetynet');
    await expect
      .poll(() => sn.page.locator('[data-queue="safety_net_open"] .ant-statistic-content-value').textContent(), POLL)
      .not.toBe('—');
    await sn.page.getByRole('menuitem', { name: '登记诉求' }).click();
    const matter = sn.page.getByTestId('failed-matter');
    await matter.waitFor(); // officers start on the safety-net channel
    await sn.page.getByLabel('事项名称').fill('食品经营许可证延续');
    await pickOption(sn.page, sn.page.getByLabel('原受理单位'), '行政审批', '盐湖区行政审批服务管理局');
    await sn.page.getByLabel('窗口', { exact: true }).fill('审批服务大厅食品经营许可窗口');
    await sn.page.getByLabel('跑了几次').fill('2');
    await sn.page.getByLabel('窗口当时的答复').fill('缺少备案证明，不能办理延续。');
    await choose(matter, '简单事项');
    await sn.page.getByLabel('标题').fill('校内超市食品经营许可证延续办不成');
    await sn.page
      .getByLabel('诉求内容')
      .fill('学校内超市的食品经营许可证即将到期，到审批局窗口申请延续，窗口称缺少备案证明不能办理，已经跑了两趟。');
    await sn.page.getByLabel('姓名').fill('王女士');
    await sn.page.getByLabel('手机号码').fill('13935912345');
    await sn.page.getByRole('button', { name: /登\s*记/ }).click();
    await sn.page.waitForURL(/\/admin\/cases\/\d+$/);
    const id = Number(new URL(sn.page.url()).pathname.split('/').pop());
    await sn.page.getByTestId('safety-net-panel').waitFor();
    await expect.poll(() => sn.page.getByTestId('safety-net-panel').textContent(), POLL).toContain('食品经营许可证延续');
    const trackingNo = ((await sn.page.locator('.ant-card-head-title').first().textContent()) ?? '').match(/\d{6}-\d{4}-\d{6}/)![0];

    // --- Within the hour: the heads of the approval bureau and the market regulator are called in. ---
    app.server.clock.advance(15 * MINUTE);
    await act(sn.page, 'convene', async (dialog) => {
      await dialog.getByText('盐湖区行政审批服务管理局').first().waitFor(); // the refusing unit is invited already
      await pickOption(sn.page, dialog.getByLabel('参会单位'), '市场监督', '盐湖区市场监督管理局');
      await dialog.getByLabel('会商议题').fill('食品经营许可证延续是否必须提交备案证明？');
    });
    expect(await statusOf(sn.page)).toBe('办理中');
    await expect.poll(() => sn.page.getByTestId('pending-units').textContent(), POLL).toContain('盐湖区市场监督管理局');

    // --- The approval bureau's head answers from the 待会商 tile; the market bureau has not yet. ---
    app.server.clock.advance(20 * MINUTE);
    const ah = await staffPage(app.browser, app.server, 'approvalhead');
    await expect
      .poll(async () => Number(await ah.page.locator('[data-queue="consultations"] .ant-statistic-content-value').textContent()), POLL)
      .toBeGreaterThan(0);
    await ah.page.locator('[data-queue="consultations"]').click();
    await ah.page.getByRole('link', { name: trackingNo }).click();
    await ah.page.locator('[data-action="recordOpinion"]').waitFor();
    await act(ah.page, 'recordOpinion', async (dialog) => {
      await dialog.getByLabel('本单位意见').fill('经核，许可证载明事项未发生变化，延续申请无需提交备案证明，本局可当场办理。');
    });
    const pending = ah.page.getByTestId('pending-units');
    await expect.poll(() => pending.textContent(), POLL).toContain('盐湖区市场监督管理局');
    expect(await pending.textContent()).not.toContain('行政审批');
    await ah.page.screenshot({ path: shot('safety-net-opinion'), fullPage: true });

    app.server.clock.advance(15 * MINUTE);
    const uh = await staffPage(app.browser, app.server, 'unithead');
    await openCase(uh.page, app.server, id);
    await act(uh.page, 'recordOpinion', async (dialog) => {
      await dialog.getByLabel('本单位意见').fill('同意。该超市已办理预包装食品销售备案，信息可通过部门共享获取。');
    });
    await expect.poll(() => uh.page.getByTestId('pending-units').count(), POLL).toBe(0);

    // --- The officer looks up the rule in the policy library (the match marked) and cites it. ---
    app.server.clock.advance(20 * MINUTE);
    await openCase(sn.page, app.server, id);
    await act(sn.page, 'cite', async (dialog) => {
      const picker = dialog.getByLabel('条文');
      await picker.click();
      // Specific enough that the renewal article is in the first page of hits whatever the order of ties.
      await picker.fill('延续 备案证明');
      const article = sn.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '食品经营许可' })
        .filter({ hasText: '第三十二条' })
        .filter({ has: sn.page.locator('mark') })
        .first();
      await article.waitFor();
      expect(await article.locator('mark').first().textContent()).toContain('备案');
      await sn.page.screenshot({ path: shot('safety-net-policy-picker') });
      await article.click();
      await dialog.getByLabel('引用说明').fill('许可证载明事项未变化的，不得要求提供备案证明');
    });
    const citation = sn.page.getByTestId('citation').first();
    await expect.poll(() => citation.textContent(), POLL).toContain('第三十二条');

    app.server.clock.advance(20 * MINUTE);
    await act(sn.page, 'recordMinutes', async (dialog) => {
      await pickOption(sn.page, dialog.getByLabel('主办单位'), '行政审批', '盐湖区行政审批服务管理局');
      await pickOption(sn.page, dialog.getByLabel('协办单位'), '市场监督', '盐湖区市场监督管理局');
      await dialog.getByLabel('会商结论').fill('延续无需备案证明，由审批局当场办理，市场监管局共享备案信息。');
    });
    await expect.poll(() => sn.page.getByTestId('minutes').textContent(), POLL).toContain('审批局当场办理');

    // --- Done in 1 hour 50 minutes; the cause: the window staff misread the rule. ---
    app.server.clock.advance(20 * MINUTE);
    await act(sn.page, 'decide', async (dialog) => {
      await choose(dialog, '已办成');
      await dialog.getByLabel('办理结果说明').fill('经会商，食品经营许可证延续无需提交备案证明，审批局当场办理，新证已发放。');
      await dialog.getByLabel('经办情况').fill('审批局郭科长当场办理');
      await choose(dialog, '工作人员原因');
      await choose(dialog, '主观因素（误读规定、不担当）');
      await dialog.getByLabel('原因认定').fill('窗口工作人员误读规定，要求提供并非必需的备案证明。');
    });
    expect(await statusOf(sn.page)).toBe('已答复');
    const decision = sn.page.getByTestId('decision');
    await expect.poll(() => decision.textContent(), POLL).toContain('已办成');
    expect(await decision.textContent()).toContain('工作人员原因');
    expect(await decision.textContent()).toContain('主观因素');
    expect(await sn.page.getByTestId('time-to-decision').textContent()).toBe('用时 1小时50分钟');
    expect(await sn.page.getByTestId('rectification').first().textContent()).toContain('盐湖区行政审批服务管理局');
    const pdf = await sn.page.getByTestId('answer-pdf').getAttribute('href');
    expect(pdf).toBe(`/api/v1/cases/${id}/answer.pdf`);
    expect(await magicOf(sn.page, pdf!)).toBe('200 %PDF');
    await openCase(sn.page, app.server, id); // without the toasts
    await sn.page.getByTestId('decision').waitFor();
    await sn.page.screenshot({ path: shot('safety-net-case'), fullPage: true });

    // --- The approval bureau answers the rectification notice. ---
    await ah.page.getByRole('menuitem', { name: '整改通知' }).click();
    const answer = ah.page.locator('tr', { hasText: trackingNo }).locator('[data-testid^="answer-rect-"]');
    await answer.click();
    const rectDialog = ah.page.getByRole('dialog');
    await rectDialog.getByLabel('整改情况').fill('已组织窗口人员学习食品经营许可延续规定，不再要求提供备案证明。');
    await rectDialog.getByRole('button', { name: /提\s*交/ }).click();
    await ah.page.locator('.ant-message-success').last().waitFor();
    await expect.poll(() => ah.page.locator('tr', { hasText: trackingNo }).textContent(), POLL).toContain('不再要求提供备案证明');

    // --- The citizen sees each step in plain words and downloads the written answer. ---
    const citizen = await app.browser.newPage({ viewport: { width: 375, height: 812 } });
    const citizenErrors: string[] = [];
    citizen.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') citizenErrors.push(m.text());
    });
    await trackAnswer(citizen, app.server.base, trackingNo, '2345');
    const page = (await citizen.locator('body').textContent()) ?? '';
    for (const step of ['办不成事反映窗口已受理', '召集相关单位负责人会商', '会商形成意见', '事项已办结']) expect(page).toContain(step);
    const letter = await citizen.getByTestId('answer-pdf').getAttribute('href');
    expect(letter).toBe(`/api/v1/track/${trackingNo}/answer.pdf?phone=2345`);
    expect(await magicOf(citizen, letter!)).toBe('200 %PDF');
    await citizen.screenshot({ path: shot('safety-net-citizen'), fullPage: true });
    expect(citizenErrors).toEqual([]);

    // --- The analysis draws its charts; the gaps, coordination and ledger tabs open. ---
    await sn.page.getByRole('menuitem', { name: '办不成事分析' }).click();
    await sn.page.getByTestId('analysis-charts').waitFor();
    await expect.poll(() => sn.page.locator('[data-chart][data-ready="true"]').count(), { timeout: 20_000 }).toBe(6);
    await expect.poll(() => sn.page.locator('[data-chart] canvas').count(), POLL).toBeGreaterThanOrEqual(6);
    await sn.page.waitForTimeout(800); // the charts' entry animation
    await sn.page.screenshot({ path: shot('safety-net-analysis'), fullPage: true });
    for (const tab of ['服务缺口', '部门协同', '政策堵点台账']) {
      await sn.page.getByRole('tab', { name: tab }).click();
      await sn.page.locator('.ant-table').first().waitFor();
    }
    await sn.page.getByRole('tab', { name: '部门协同' }).click();
    await expect.poll(() => sn.page.locator('.ant-table').nth(1).textContent(), POLL).toContain('盐湖区市场监督管理局'); // every unit that took part

    // --- Only the discipline inspector has the referral ledger. ---
    const inspector = await staffPage(app.browser, app.server, 'inspector');
    await inspector.page.getByRole('menuitem', { name: '移交纪检' }).click();
    await inspector.page.locator('.ant-card-head-title', { hasText: '移交纪检' }).waitFor();
    await inspector.page.locator('.ant-table').waitFor();
    const admin = await staffPage(app.browser, app.server, 'admin');
    await admin.page.getByRole('menuitem', { name: '知识库' }).click();
    await admin.page.getByTestId('policy-template').waitFor(); // admins import the library from Excel
    expect(await admin.page.getByRole('menuitem', { name: '移交纪检' }).count()).toBe(0);
    await admin.page.goto(`${app.server.base}/admin/referrals`);
    await admin.page.getByText('页面不存在').waitFor();

    for (const who of [sn, ah, uh, inspector, admin]) expect(who.errors).toEqual([]);
  });
});
