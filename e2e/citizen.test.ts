import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';
import { describeInBrowser } from './with-app.ts';

const PHONE = '13935905678';

/** A small real PNG (24x24, a red square on white), made here so the test needs no fixture file. */
function makePng(size = 24): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3, 0xff);
    row[0] = 0; // no filter
    for (let x = 0; x < size; x++) {
      if (x > 5 && x < size - 6 && y > 5 && y < size - 6) row.set([0xc0, 0x39, 0x2b], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A phone-sized page that records every console error and warning. */
async function phonePage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Nothing may leave the test machine (map tiles, fonts, analytics): fail loudly if anything tries.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    problems.push(`outside request: ${route.request().url()}`);
    return route.abort();
  });
  return { page, problems };
}

async function staffToken(server: E2eServer, username: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'huiyin-demo' } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

async function staff(server: E2eServer, token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as Record<string, unknown> & { version: number };
}

/** Pick a radio option by its exact label (antd hides the input itself). */
async function choose(page: Page, label: string): Promise<void> {
  await page
    .locator('label.ant-radio-button-wrapper, label.ant-radio-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

describeInBrowser('citizen: submit on a phone, track, read the answer, rate it', {}, (app) => {
  it('a citizen on a 375 px page submits with a photo and a map pin, tracks it, and rates the answer', async () => {
    const { page, problems } = await phonePage(app.browser);
    await page.goto(app.server.base + '/');

    // The front page offers both: submit and track.
    await page.getByRole('link', { name: /提交诉求/ }).click();
    await page.waitForURL(/\?view=submit$/);

    await choose(page, '投诉');
    // The category tree is searchable (a long tree on a small screen).
    await page.getByLabel('诉求分类').fill('停水');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '停水' }).click();
    await expect.poll(() => page.locator('.ant-select-content', { hasText: '停水' }).count()).toBeGreaterThan(0);
    await page.getByLabel('诉求内容').fill('解放路小区从前天起停水，至今没有恢复，也没有任何通知，老人孩子生活很不方便。');
    await page.getByLabel('地址').fill('盐湖区解放路 100 号');

    // The map works without any tiles: a tap sets the pin, the coordinates show as text.
    await page.getByRole('button', { name: /在地图上标注位置/ }).click();
    const map = page.locator('.leaflet-container');
    await map.waitFor();
    await map.click({ position: { x: 120, y: 100 } });
    await expect.poll(() => page.getByTestId('pin-text').textContent()).toMatch(/已标注：纬度 \d+\.\d{5}，经度 \d+\.\d{5}/);

    await page.locator('input[type=file]').setInputFiles({ name: 'shuiguan.png', mimeType: 'image/png', buffer: makePng() });
    await expect.poll(() => page.locator('.ant-upload-list-item').count()).toBe(1);
    await page.getByLabel('姓名').fill('张女士');
    await page.getByLabel('手机号码').fill(PHONE);
    await page.screenshot({ path: shot('citizen-submit-form'), fullPage: true });

    await page.getByRole('button', { name: /提交诉求/ }).click();
    const noBox = page.getByTestId('tracking-no');
    await noBox.waitFor();
    const trackingNo = ((await noBox.textContent()) ?? '').trim();
    expect(trackingNo).toMatch(/^140802-\d{4}-\d{6}$/);
    await expect.poll(() => page.getByText('已上传 1 张').count()).toBe(1);
    await page.screenshot({ path: shot('citizen-submit'), fullPage: true });

    // Staff see the case, the citizen's photo and the pin.
    const dispatcher = await staffToken(app.server, 'dispatcher');
    const list = await staff(app.server, dispatcher, 'GET', `/api/v1/cases?q=${encodeURIComponent(trackingNo)}`);
    const id = (list['items'] as { id: number; trackingNo: string }[]).find((c) => c.trackingNo === trackingNo)!.id;
    const detail = await staff(app.server, dispatcher, 'GET', `/api/v1/cases/${id}`);
    expect((detail['attachments'] as { mimeType: string }[]).map((a) => a.mimeType)).toEqual(['image/png']);
    expect(detail).toMatchObject({ type: 'complaint', channel: 'h5', categoryCode: 'water.outage' });
    expect(typeof detail['lat']).toBe('number');

    // Track it: the page opens filled in and searches; the phone digits never enter the address.
    await page.getByRole('button', { name: /查询办理进度/ }).click();
    await expect.poll(() => page.getByText('您的诉求已受理登记').count()).toBe(1);
    expect(page.url()).toBe(`${app.server.base}/track?no=${trackingNo}`);
    await expect.poll(() => page.getByTestId('citizen-status').textContent()).toBe('已受理');

    // Staff work it: dispatch to the water bureau, the handler signs and answers.
    const d1 = await staff(app.server, dispatcher, 'POST', `/api/v1/cases/${id}/actions`, {
      action: 'dispatch',
      version: detail.version,
      leadUnitId: app.server.org.units['water'],
    });
    const handler = await staffToken(app.server, 'handler2');
    const d2 = await staff(app.server, handler, 'POST', `/api/v1/cases/${id}/actions`, { action: 'sign', version: d1.version });
    await staff(app.server, handler, 'POST', `/api/v1/cases/${id}/actions`, {
      action: 'reply',
      version: d2.version,
      outcome: 'resolved',
      text: '经核查，系主管道爆裂所致，已于今日抢修完毕并恢复供水。',
    });

    await page.getByRole('button', { name: /刷新/ }).click();
    await expect.poll(() => page.getByTestId('citizen-status').textContent()).toBe('已答复');
    await expect.poll(() => page.getByTestId('answer-text').textContent()).toContain('已于今日抢修完毕');
    await page.getByText('评价本次办理').waitFor();
    await page.screenshot({ path: shot('citizen-tracking-answered'), fullPage: true });

    // Rating: the form says what is missing, in Chinese, next to the fields.
    await page.getByRole('button', { name: /提交评价/ }).click();
    await expect.poll(() => page.getByText('请选择一项').count()).toBe(2);
    await choose(page, '已解决');
    await choose(page, '满意');
    await page.getByLabel('意见（可选）').fill('抢修很及时，谢谢！');
    await page.getByRole('button', { name: /提交评价/ }).click();
    await page.getByText('您的评价', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('回访：已解决，满意').count()).toBe(1);
    await expect.poll(() => page.getByTestId('citizen-status').textContent()).toBe('已办结');
    await page.screenshot({ path: shot('citizen-rated'), fullPage: true });

    const after = await staff(app.server, dispatcher, 'GET', `/api/v1/cases/${id}`);
    expect(after).toMatchObject({ status: 'closed', followUp: { solved: true, satisfaction: 'satisfied' } });

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the submit form checks every field with the API schema and says what is wrong in Chinese; English on request', async () => {
    const { page, problems } = await phonePage(app.browser);
    await page.goto(app.server.base + '/?view=submit');
    await page.getByLabel('手机号码').fill('12345');
    await page.getByRole('button', { name: /提交诉求/ }).click();
    await expect.poll(() => page.getByText('请填写诉求内容').count()).toBe(1);
    await expect.poll(() => page.getByText('请输入正确的手机号码或固定电话').count()).toBe(1);
    // Spaces only are no content (the schema trims).
    await page.getByLabel('诉求内容').fill('   ');
    await page.getByRole('button', { name: /提交诉求/ }).click();
    await expect.poll(() => page.getByText('请填写诉求内容').count()).toBe(1);
    await page.getByLabel('手机号码').fill('0359-2021234');
    await expect.poll(() => page.getByText('请输入正确的手机号码或固定电话').count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Request', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /Submit the request/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a deep link /track?no=...&phone=... opens the request and drops the digits from the address', async () => {
    const created = await app.server.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases',
      payload: { type: 'consultation', content: '想咨询一下新生儿医保怎么办理', regionCode: '140802', requester: { phone: '13935904321' } },
    });
    expect(created.statusCode).toBe(201);
    const { trackingNo } = created.json() as { trackingNo: string };
    const { page, problems } = await phonePage(app.browser);
    await page.goto(`${app.server.base}/track?no=${trackingNo}&phone=4321`);
    await expect.poll(() => page.getByTestId('citizen-status').textContent()).toBe('已受理');
    expect(page.url()).toBe(`${app.server.base}/track?no=${trackingNo}`);

    // Wrong digits: a plain "not found", no hint whether the number exists.
    await page.getByLabel('手机号后四位').fill('0000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByText('未找到该诉求').count()).toBe(1);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await page.context().close();
  });
});
