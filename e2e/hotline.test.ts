import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import { choose, pickOption, publicCase, staffPage } from './staff.ts';
import { describeInBrowser } from './with-app.ts';

const POLL = { timeout: 15_000 };

describeInBrowser('the hotline desk in real Chromium', {}, (app) => {
  it('a call announced by the telephony system pops the prefilled form with the caller’s history; the clerk answers on the spot from a policy', async () => {
    const server = app.server;
    // The system admin issues the telephony key on the API keys page: shown once.
    const admin = await staffPage(app.browser, server, 'admin');
    await admin.page.goto(`${server.base}/admin/settings/api-keys`);
    await admin.page.getByLabel('名称').fill('12345 话务系统');
    await admin.page.getByRole('button', { name: '新建密钥' }).click();
    const shown = admin.page.getByTestId('issued-key');
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? '').trim();
    expect(key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    await admin.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect
      .poll(() => admin.page.getByRole('row').filter({ hasText: '12345 话务系统' }).filter({ hasText: '有效' }).count(), POLL)
      .toBe(1);
    // Closed, the key is gone from the page: the list shows its prefix only.
    await expect.poll(async () => (await admin.page.locator('body').textContent())?.includes(key), POLL).toBe(false);
    expect(await admin.page.locator('body').textContent()).toContain(`${key.slice(0, 11)}…`);
    // A policy article for the answer (the library's admin API).
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'huiyin-demo' },
    });
    const auth = { authorization: `Bearer ${login.json().token as string}` };
    const policy = await server.app.inject({
      method: 'POST',
      url: '/api/v1/policies',
      headers: auth,
      payload: {
        title: '居住证暂行条例',
        docNumber: '国务院令第663号',
        issuer: '国务院',
        level: 'regulation',
        articleNo: '第九条',
        body: '申领居住证，应当向居住地公安派出所或者受公安机关委托的社区服务机构提交本人居民身份证、本人相片以及居住地住址、就业、就读等证明材料。',
      },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    await admin.page.context().close();

    // The caller has an open case from last week.
    const caller = '13935907788';
    const earlier = await publicCase(server, '小区门口路灯损坏多日无人维修', caller);

    const clerk = await staffPage(app.browser, server, 'clerk');
    // The workbench's live stream is open before the call comes in.
    await clerk.page.waitForResponse((r) => r.url().includes('/api/v1/notifications'), { timeout: 10_000 }).catch(() => undefined);
    await clerk.page.waitForTimeout(500);
    const announced = await fetch(`${server.base}/api/v1/hotline/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        callId: 'CTI-20260309-0001',
        callerNumber: caller,
        agentUsername: 'clerk',
        startedAt: new Date().toISOString(),
      }),
    });
    expect(announced.status, await announced.clone().text()).toBe(200);

    // The screen pops: the registration form with the number and the call, the history below.
    await clerk.page.waitForURL((u) => u.pathname === '/admin/cases/new' && u.searchParams.get('callId') === 'CTI-20260309-0001', {
      timeout: 15_000,
    });
    // The number is read from the agent's own call: it is neither in the address nor in the browser's history.
    expect(clerk.page.url()).not.toContain(caller);
    await expect.poll(() => clerk.page.getByLabel('手机号码').inputValue(), POLL).toBe(caller);
    expect(await clerk.page.getByTestId('from-call').textContent()).toContain('CTI-20260309-0001');
    const history = clerk.page.getByTestId('caller-history');
    await expect.poll(() => history.getByTestId('caller-case').count(), POLL).toBe(1);
    expect(await history.textContent()).toContain(earlier.trackingNo);
    expect(await history.getByTestId('repeat-caller').textContent()).toBe('重复来电');
    expect(await clerk.page.getByLabel('呼叫编号').inputValue()).toBe('CTI-20260309-0001');

    // A consultation, answered on the spot from the policy library.
    await clerk.page.getByLabel('诉求内容').fill('想办理居住证，请问需要准备哪些材料');
    await choose(clerk.page.locator('form'), '即时办结');
    await pickOption(clerk.page, clerk.page.getByLabel('查找政策依据（知识库）'), '居住证', '居住证暂行条例');
    await expect.poll(() => clerk.page.getByLabel('当场答复内容').inputValue(), POLL).toContain('居民身份证');
    expect(await clerk.page.getByLabel('政策依据', { exact: true }).inputValue()).toBe('《居住证暂行条例》第九条');
    await clerk.page.screenshot({ path: shot('hotline-answer-now'), fullPage: true });
    await clerk.page.getByRole('button', { name: '登记并答复' }).click();
    await clerk.page.waitForURL((u) => /^\/admin\/cases\/\d+$/.test(u.pathname), { timeout: 15_000 });
    await expect.poll(() => clerk.page.locator('.ant-card-head-title .ant-tag').first().textContent(), POLL).toBe('已答复');
    expect(await clerk.page.getByTestId('case-call').textContent()).toContain('CTI-20260309-0001');
    expect(await clerk.page.locator('body').textContent()).toContain('《居住证暂行条例》第九条');
    // The citizen's answer SMS is on its way (the outbox's case.reply to the requester).
    const id = Number(new URL(clerk.page.url()).pathname.split('/').pop());
    const reply = await server.db
      .selectFrom('outbox')
      .select('payload')
      .where('case_id', '=', id)
      .where('topic', '=', 'case.reply')
      .execute();
    expect(reply).toHaveLength(1);

    // The popped form again (the browser's back button, a second tab): the call has its case already.
    await clerk.page.goto(`${server.base}/admin/cases/new?callId=CTI-20260309-0001`);
    await expect.poll(() => clerk.page.getByLabel('手机号码').inputValue(), POLL).toBe(caller);
    await clerk.page.getByLabel('诉求内容').fill('想办理居住证，请问需要准备哪些材料');
    await clerk.page.getByRole('button', { name: /^登\s*记$/ }).click();
    const taken = clerk.page.getByTestId('call-taken');
    await taken.waitFor(POLL);
    expect(await taken.textContent()).toContain('该来电已登记过工单');
    expect(await taken.getByRole('link').getAttribute('href')).toBe(`/admin/cases/${id}`);

    // A new call while the clerk is in the middle of a form: the page stays, the pop waits for a click.
    const nextCall = await fetch(`${server.base}/api/v1/hotline/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        callId: 'CTI-20260309-0002',
        callerNumber: '13935900001',
        agentUsername: 'clerk',
        startedAt: new Date().toISOString(),
      }),
    });
    expect(nextCall.status).toBe(200);
    const openPop = clerk.page.getByTestId('call-pop-open');
    await openPop.waitFor(POLL);
    expect(new URL(clerk.page.url()).searchParams.get('callId')).toBe('CTI-20260309-0001');
    expect(await clerk.page.getByLabel('诉求内容').inputValue()).toBe('想办理居住证，请问需要准备哪些材料');
    await openPop.click();
    await clerk.page.waitForURL((u) => u.searchParams.get('callId') === 'CTI-20260309-0002', POLL);
    await expect.poll(() => clerk.page.getByLabel('手机号码').inputValue(), POLL).toBe('13935900001');
    await clerk.page.context().close();
  });

  it('a repeat caller is refused at registration, linked to the open case, and waits for the supervisor', async () => {
    const server = app.server;
    const caller = '13935907799';
    const open = await publicCase(server, '楼上住户每晚噪音扰民，影响休息', caller);
    const clerk = await staffPage(app.browser, server, 'clerk');
    await clerk.page.goto(`${server.base}/admin/cases/new`);
    await choose(clerk.page.locator('form'), '投诉');
    await clerk.page.getByLabel('手机号码').fill(caller);
    const history = clerk.page.getByTestId('caller-history');
    await expect.poll(() => history.getByTestId('caller-case').count(), POLL).toBe(1);
    expect(await history.getByTestId('repeat-caller').count()).toBe(1);
    await history.getByRole('button', { name: '按重复诉求关联' }).click();
    await clerk.page.getByLabel('诉求内容').fill('再次反映楼上噪音扰民');
    await expect.poll(() => clerk.page.getByTestId('refuse-now').textContent(), POLL).toContain(open.trackingNo);
    await clerk.page.getByLabel('告知诉求人的说明').fill('您反映的问题已有在办工单，正在处理，请耐心等待');
    await clerk.page.getByRole('button', { name: '登记并不予受理' }).click();
    await clerk.page.waitForURL((u) => /^\/admin\/cases\/\d+$/.test(u.pathname), { timeout: 15_000 });
    await expect.poll(() => clerk.page.locator('.ant-card-head-title .ant-tag').first().textContent(), POLL).toBe('答复待审');
    await clerk.page.screenshot({ path: shot('hotline-refused-at-registration'), fullPage: true });
    const id = Number(new URL(clerk.page.url()).pathname.split('/').pop());
    const events = await server.db
      .selectFrom('case_events')
      .select(['action', 'payload'])
      .where('case_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['register', 'refuse']);
    expect(events[1]!.payload).toMatchObject({ reasonCode: 'repeat_of_open', linkedCaseId: open.id });
    await clerk.page.context().close();
  });
});
