import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actOn, answerCase, submitCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { addOfficer } from '../admin/test-helpers.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import { retrySchedule } from './retry-policy.ts';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './test-receivers.ts';
import { verifySignature } from './webhook-signature.ts';

const SECRET = 'test-webhook-secret-0123456789';
const S = 1000;

interface Ctx {
  sms: HttpReceiver;
  hook: HttpReceiver;
  smtp: SmtpReceiver;
  worker: DeliveryWorker;
  followUp: { link: string | null; calls: number[] };
}

function publicCase(h: Harness, phone: string, content = '小区路灯不亮，晚上出行不便') {
  return submitCase(h, { type: 'help', content, regionCode: '140802', requester: { phone } });
}
async function deliveriesOf(h: Harness, caseId: number) {
  const r = await sql<{
    id: number;
    channel: string;
    status: string;
    attempts: number;
    next_attempt_at: Date;
    last_error: string | null;
    message_id: string;
    topic: string;
  }>`
    select d.id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error, d.message_id, d.topic
    from deliveries d join outbox o on o.id = d.outbox_id where o.case_id = ${caseId} order by d.id`.execute(h.db.db);
  return r.rows;
}

/** The text part of a single-part message as sent (base64 or quoted-printable). */
function mailText(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split);
  const body = data.slice(split + 4);
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, x: string) => `%${x}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

describeEachDb('delivery of the outbox', (get) => {
  const ctx = {} as Ctx;

  beforeAll(async () => {
    const h = get();
    ctx.sms = await startHttpReceiver({ path: '/sms' });
    ctx.hook = await startHttpReceiver({ path: '/hook' });
    ctx.smtp = await startSmtpReceiver();
    ctx.followUp = { link: null, calls: [] };
    ctx.worker = createDeliveryWorker({
      db: h.db.db,
      clock: h.clock,
      channels: {
        smsGatewayUrl: ctx.sms.url,
        webhook: { url: ctx.hook.url, secret: SECRET },
        mail: { smtpUrl: ctx.smtp.url, from: '回音 <huiyin@test.local>' },
      },
      publicUrl: 'https://huiyin.test',
      followUpLink: ({ caseId }) => {
        ctx.followUp.calls.push(caseId);
        return ctx.followUp.link;
      },
      policy: { sendTimeoutMs: 400 },
    });
    // The dispatcher has an e-mail address (the column is new in 0004).
    await sql`update users set email = 'dispatcher@test.local' where username = 'dispatcher'`.execute(h.db.db);
  });

  afterAll(async () => {
    await ctx.worker?.stop();
    await ctx.sms?.close();
    await ctx.hook?.close();
    await ctx.smtp?.close();
  });

  it('registration: the requester gets an SMS with the tracking number, the webhook a signed event, the dispatchers an in-app notice and an e-mail', async () => {
    const h = get();
    const c = await publicCase(h, '13800001111');
    const r = await ctx.worker.drain();
    expect(r.expanded).toBeGreaterThanOrEqual(1);

    const sms = ctx.sms.received.filter((m) => m.body['to'] === '13800001111');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body['text']).toContain(c.trackingNo);
    expect(sms[0]!.body['id']).toMatch(/^[0-9a-f-]{36}$/);

    const hook = ctx.hook.received.find((m) => (m.body['data'] as { trackingNo?: string } | undefined)?.trackingNo === c.trackingNo);
    expect(hook, 'webhook received').toBeDefined();
    expect(hook!.body).toMatchObject({ topic: 'case.register', data: { caseId: c.id, action: 'register', status: 'registered' } });
    expect(verifySignature(SECRET, hook!.raw, hook!.headers['x-huiyin-signature'] as string)).toBe(true);
    expect(verifySignature(SECRET, `${hook!.raw} `, hook!.headers['x-huiyin-signature'] as string)).toBe(false);
    expect(hook!.headers['x-huiyin-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    const inbox = (await h.req('dispatcher', 'GET', '/api/v1/notifications')).json() as {
      items: { title: string; body: string; link: string }[];
      unread: number;
    };
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]).toMatchObject({ link: `/admin/cases/${c.id}` });
    expect(inbox.items[0]!.title).toContain(c.trackingNo);

    const mail = ctx.smtp.received.find((m) => mailText(m.data).includes(c.trackingNo));
    expect(mail, 'e-mail to the dispatcher').toBeDefined();
    expect(mail!.to.join()).toContain('dispatcher@test.local');
    const ds = await deliveriesOf(h, c.id);
    const emailDelivery = ds.find((d) => d.channel === 'email')!;
    expect(mail!.data).toContain(`Message-ID: <${emailDelivery.message_id}@huiyin>`);
    expect(mailText(mail!.data)).toContain(`https://huiyin.test/admin/cases/${c.id}`);
    expect(mailText(mail!.data)).toContain(`工单 ${c.trackingNo} 已登记，等待派单。`);
    expect(ds.map((d) => d.status)).toEqual(ds.map(() => 'sent'));
    expect(new Set(ds.map((d) => d.channel))).toEqual(new Set(['sms', 'webhook', 'inapp', 'email']));

    // Run again: nothing new is sent, a message is expanded once.
    const before = ctx.sms.received.length + ctx.hook.received.length;
    expect(await ctx.worker.drain()).toEqual({ expanded: 0, sent: 0, failed: 0, dead: 0 });
    expect(ctx.sms.received.length + ctx.hook.received.length).toBe(before);
  });

  it('reply: the requester gets an SMS with the answer summary, and the follow-up link when the hook gives one', async () => {
    const h = get();
    const answer =
      '经核查，路灯线路老化已更换，现已恢复照明。今后如有类似问题可直接拨打12345反映，我们将及时处理。同时已安排每月巡查一次，感谢您的监督与支持。';
    for (const link of [null, 'https://huiyin.test/f/abc123']) {
      ctx.followUp.link = link;
      const c = await publicCase(h, link ? '13800002223' : '13800002222');
      await answerCase(h, c.id, { unitId: h.org.units['market'], handler: 'handler', text: answer });
      await ctx.worker.drain();
      // Registration and answer (sent side by side: the order of arrival is not promised).
      const texts = ctx.sms.received
        .filter((m) => m.body['to'] === (link ? '13800002223' : '13800002222'))
        .map((m) => String(m.body['text']))
        .sort((a) => (a.includes('已受理') ? -1 : 1));
      expect(texts, JSON.stringify(texts)).toHaveLength(2);
      expect(texts[0]).toContain(c.trackingNo);
      expect(texts[1]).toContain(c.trackingNo);
      expect(texts[1]).toContain('已解决');
      expect(texts[1]).toContain('经核查，路灯线路老化已更换');
      expect(texts[1]).toContain('…');
      expect(texts[1]!.length).toBeLessThan(160);
      if (link) expect(texts[1]).toContain(link);
      else expect(texts[1]).not.toContain('http');
      expect(ctx.followUp.calls).toContain(c.id);
      // The handler who acted hears nothing of their own action; the unit heard of the dispatch.
      const handlerInbox = (await h.req('handler', 'GET', '/api/v1/notifications')).json() as { items: { title: string }[] };
      expect(handlerInbox.items.some((n) => n.title.includes(c.trackingNo) && n.title.startsWith('新派单'))).toBe(true);
    }
  });

  it('a gateway answering 500: retried after 30 s, the wait doubling up to 30 min, each attempt logged, dead after the last, listed for admins, retried by an admin', async () => {
    const h = get();
    await ctx.sms.setMode('fail500');
    const c = await publicCase(h, '13800003333');
    const t0 = h.clock.now().getTime();
    const first = await ctx.worker.drain();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    const smsOf = async () => (await deliveriesOf(h, c.id)).find((d) => d.channel === 'sms')!;
    let d = await smsOf();
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d.last_error).toMatch(/^HTTP 500/);
    expect(d.next_attempt_at.getTime() - t0).toBe(30 * S);
    // The other channels of the same message were not held up.
    expect((await deliveriesOf(h, c.id)).filter((x) => x.channel !== 'sms').every((x) => x.status === 'sent')).toBe(true);

    const schedule = retrySchedule(ctx.worker.policy);
    expect(schedule.map((ms) => ms / S)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
    for (const [i, wait] of schedule.entries()) {
      h.clock.advance(wait - 1);
      await ctx.worker.drain();
      expect((await smsOf()).attempts, `not due 1 ms early (attempt ${i + 2})`).toBe(i + 1);
      h.clock.advance(1);
      await ctx.worker.drain();
      d = await smsOf();
      expect(d.attempts).toBe(i + 2);
      if (i + 2 < ctx.worker.policy.maxAttempts) {
        expect(d.status).toBe('pending');
        expect(d.next_attempt_at.getTime() - h.clock.now().getTime()).toBe(schedule[i + 1]);
      }
    }
    expect(d.status).toBe('dead');
    expect(ctx.sms.received.filter((m) => m.body['to'] === '13800003333')).toHaveLength(10);
    // Every attempt carried the same id.
    expect(new Set(ctx.sms.received.filter((m) => m.body['to'] === '13800003333').map((m) => m.body['id']))).toEqual(
      new Set([d.message_id]),
    );

    expect((await h.req('dispatcher', 'GET', '/api/v1/admin/deliveries?status=dead')).statusCode).toBe(403);
    const dead = (await h.req('admin', 'GET', '/api/v1/admin/deliveries?status=dead&channel=sms')).json() as {
      items: {
        id: number;
        recipient: string;
        attempts: number;
        lastError: string;
        log: { attempt: number; ok: boolean; error: string; durationMs: number; channel: string }[];
      }[];
    };
    const listed = dead.items.find((x) => x.id === d.id)!;
    expect(listed).toBeDefined();
    // The deliveries are the admin's of the case's region: 郊区's own admin neither lists nor retries 盐湖区's.
    const jqAdmin = await addOfficer(h, 'jqadmin', 'admin', 'jqCentre');
    const theirs = (await h.req(jqAdmin, 'GET', '/api/v1/admin/deliveries?status=dead&channel=sms')).json() as { items: { id: number }[] };
    expect(theirs.items.map((x) => x.id)).not.toContain(d.id);
    expect((await h.req(jqAdmin, 'POST', `/api/v1/admin/deliveries/${d.id}/retry`)).statusCode).toBe(404);
    expect(listed.recipient).toBe('138****3333');
    expect(listed.attempts).toBe(10);
    expect(listed.log.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(listed.log.every((a) => a.ok === false && a.error.startsWith('HTTP 500') && a.channel === 'sms' && a.durationMs >= 0)).toBe(
      true,
    );

    await ctx.sms.setMode('ok');
    expect((await h.req('admin', 'POST', `/api/v1/admin/deliveries/${d.id}/retry`)).json()).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    expect((await h.req('admin', 'POST', `/api/v1/admin/deliveries/${d.id}/retry`)).statusCode).toBe(409);
    expect((await h.req('admin', 'POST', '/api/v1/admin/deliveries/999999999/retry')).statusCode).toBe(404);
    await ctx.worker.drain();
    expect((await smsOf()).status).toBe('sent');
    const all = ctx.sms.received.filter((m) => m.body['to'] === '13800003333');
    expect(all.at(-1)!.body['id']).toBe(d.message_id);
  });

  it('a gateway that never answers: the attempt times out, is logged with its duration and retried', async () => {
    const h = get();
    await ctx.sms.setMode('hang');
    const c = await publicCase(h, '13800004444');
    const started = Date.now();
    await ctx.worker.drain();
    expect(Date.now() - started).toBeLessThan(5000);
    const d = (await deliveriesOf(h, c.id)).find((x) => x.channel === 'sms')!;
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d.last_error).toMatch(/timeout/);
    expect(d.next_attempt_at.getTime() - h.clock.now().getTime()).toBe(30 * S);
    const log = await sql<{
      duration_ms: number;
      ok: boolean;
    }>`select duration_ms, ok from delivery_attempts where delivery_id = ${d.id}`.execute(h.db.db);
    expect(log.rows[0]!.ok).toBe(false);
    expect(log.rows[0]!.duration_ms).toBeGreaterThanOrEqual(390);

    await ctx.sms.setMode('ok');
    h.clock.advance(30 * S);
    await ctx.worker.drain();
    expect((await deliveriesOf(h, c.id)).find((x) => x.channel === 'sms')!.status).toBe('sent');
  });

  it('a webhook receiver that is down: connection refused, retried with backoff, delivered once it is back', async () => {
    const h = get();
    await ctx.hook.setMode('down');
    const c = await publicCase(h, '13800005555');
    await ctx.worker.drain();
    const hookOf = async () => (await deliveriesOf(h, c.id)).find((x) => x.channel === 'webhook')!;
    let d = await hookOf();
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    // (The first attempt may find the pooled connection closed; the next finds the port shut.)
    expect(d.last_error).toMatch(/ECONNREFUSED|UND_ERR_SOCKET/);
    h.clock.advance(30 * S);
    await ctx.worker.drain();
    d = await hookOf();
    expect(d.attempts).toBe(2);
    expect(d.last_error).toMatch(/ECONNREFUSED/);
    expect(d.next_attempt_at.getTime() - h.clock.now().getTime()).toBe(60 * S);

    await ctx.hook.setMode('ok');
    h.clock.advance(60 * S);
    await ctx.worker.drain();
    expect((await hookOf()).status).toBe('sent');
    const got = ctx.hook.received.filter((m) => m.body['id'] === d.message_id);
    expect(got).toHaveLength(1);
  });

  it('an SMTP server refusing (5xx): the e-mail is retried, then delivered', async () => {
    const h = get();
    for (const mode of ['refuse', 'reject'] as const) {
      ctx.smtp.mode = mode;
      const c = await publicCase(h, '13800006666');
      await ctx.worker.drain();
      const mailOf = async () => (await deliveriesOf(h, c.id)).find((x) => x.channel === 'email')!;
      const d = await mailOf();
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d.last_error).toMatch(mode === 'refuse' ? /554/ : /550/);
      ctx.smtp.mode = 'ok';
      h.clock.advance(30 * S);
      await ctx.worker.drain();
      expect((await mailOf()).status).toBe('sent');
      expect(ctx.smtp.received.filter((m) => m.data.includes(d.message_id))).toHaveLength(1);
    }
  });

  it('sending never blocks a case action: with the gateway hanging and the worker running, actions answer at once', async () => {
    const h = get();
    await ctx.sms.setMode('hang');
    const running = createDeliveryWorker({
      db: h.db.db,
      clock: h.clock,
      channels: { smsGatewayUrl: ctx.sms.url },
      policy: { sendTimeoutMs: 1500 },
      pollMs: 20,
    });
    running.start();
    try {
      const hangingBefore = ctx.sms.received.length;
      const timings: number[] = [];
      for (let i = 0; i < 4; i++) {
        const t = Date.now();
        const c = await publicCase(h, `1380000777${i}`);
        await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['market'] });
        timings.push(Date.now() - t);
        // Let the worker take the SMS and hang on it.
        const until = Date.now() + 3000;
        while (ctx.sms.received.length <= hangingBefore + i && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      }
      expect(ctx.sms.received.length).toBeGreaterThan(hangingBefore);
      expect(Math.max(...timings)).toBeLessThan(1000);
    } finally {
      await running.stop();
      await ctx.sms.setMode('ok');
    }
    // Everything left is delivered once the gateway answers again.
    h.clock.advance(30 * S);
    await ctx.worker.drain();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from deliveries where status = 'pending' and channel = 'sms' and next_attempt_at <= ${h.clock.now()}`.execute(
      h.db.db,
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it('notifications API: own only, newest first, unread count, mark read by ids or all', async () => {
    const h = get();
    const list = async (user: string) =>
      (await h.req(user, 'GET', '/api/v1/notifications?pageSize=2')).json() as {
        items: { id: number; readAt: string | null }[];
        unread: number;
        nextCursor: string | null;
      };
    const first = await list('dispatcher');
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.id).toBeGreaterThan(first.items[1]!.id);
    expect(first.nextCursor).toBe(String(first.items[1]!.id));
    const next = (await h.req('dispatcher', 'GET', `/api/v1/notifications?pageSize=2&cursor=${first.nextCursor}`)).json() as {
      items: { id: number }[];
    };
    expect(next.items[0]!.id).toBeLessThan(first.items[1]!.id);

    const handlerIds = (await list('handler')).items.map((n) => n.id);
    const r = (await h.req('dispatcher', 'POST', '/api/v1/notifications/read', { ids: [first.items[0]!.id, ...handlerIds] })).json() as {
      marked: number;
      unread: number;
    };
    expect(r).toEqual({ marked: 1, unread: first.unread - 1 });
    expect((await list('handler')).items.every((n) => n.readAt === null)).toBe(true);
    expect((await h.req('dispatcher', 'POST', '/api/v1/notifications/read', {})).statusCode).toBe(400);
    expect((await h.req('dispatcher', 'POST', '/api/v1/notifications/read', { all: true })).json()).toMatchObject({ unread: 0 });
    expect((await list('dispatcher')).unread).toBe(0);
    expect((await h.req(null, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
  });
});
