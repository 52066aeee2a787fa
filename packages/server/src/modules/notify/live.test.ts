import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../main/app.ts';
import { submitCase } from '../../testing/case-actions.ts';
import { FACTORY_PASSWORD } from '../../testing/factories.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';

/** A server-sent-events reader over fetch: collects events as they arrive. */
interface Stream {
  events: { event: string; id: string | null; data: string }[];
  comments: string[];
  status: number;
  contentType: string | null;
  /** The server ended the stream. */
  ended: boolean;
  close(): void;
  waitFor(pred: (e: { event: string; data: string }) => boolean, ms: number): Promise<{ event: string; id: string | null; data: string }>;
}

async function openStream(url: string, cookieHeader: string | null, lastEventId?: number): Promise<Stream> {
  const ac = new AbortController();
  const res = await fetch(url, {
    headers: {
      ...(cookieHeader ? { cookie: cookieHeader } : {}),
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
      accept: 'text/event-stream',
    },
    signal: ac.signal,
  });
  const s: Stream = {
    events: [],
    comments: [],
    status: res.status,
    contentType: res.headers.get('content-type'),
    ended: false,
    close: () => ac.abort(),
    async waitFor(pred, ms) {
      const until = Date.now() + ms;
      for (;;) {
        const hit = s.events.find(pred);
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no such event within ${ms} ms; got ${JSON.stringify(s.events)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  if (res.status !== 200 || !res.body) return s;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          s.ended = true;
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let id: string | null = null;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) s.comments.push(line);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) s.events.push({ event, id, data: data.join('\n') });
        }
      }
    } catch {
      /* closed */
    }
  })();
  return s;
}

async function cookieOf(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FACTORY_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const set = res.headers.get('set-cookie')!;
  return set.split(';')[0]!;
}

describeEachDb(
  'live notifications (server-sent events)',
  (get) => {
    let base = '';
    let market = 0;
    let worker: DeliveryWorker;
    const streams: Stream[] = [];

    beforeAll(async () => {
      const h = get();
      // Just who is notified: the centre's dispatcher and supervisor, the market bureau's handler.
      await h.make.district();
      const centre = await h.make.unit({ name: '盐湖区政务服务中心', kind: 'centre' });
      market = await h.make.unit({ name: '盐湖区市场监督管理局', parentId: centre });
      await h.make.user({ username: 'dispatcher', roles: ['dispatcher'], unitIds: [centre] });
      await h.make.user({ username: 'supervisor', roles: ['supervisor'], unitIds: [centre] });
      await h.make.user({ username: 'handler', roles: ['handler'], unitIds: [market] });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
      worker = createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: {} });
    });

    afterAll(async () => {
      for (const s of streams) s.close();
      await worker?.stop();
    });

    const request = (content: string) => ({ type: 'help', content, regionCode: '140802', requester: { phone: '13911113333' } });

    it('a signed-in user receives their own notification live; another user does not; no cookie is 401', async () => {
      const h = get();
      const dispatcher = await openStream(`${base}/api/v1/notifications/stream`, await cookieOf(base, 'dispatcher'));
      const handler = await openStream(`${base}/api/v1/notifications/stream`, await cookieOf(base, 'handler'));
      streams.push(dispatcher, handler);
      expect(dispatcher.status).toBe(200);
      expect(dispatcher.contentType).toMatch(/^text\/event-stream/);
      const ready = await dispatcher.waitFor((e) => e.event === 'ready', 2000);
      expect(JSON.parse(ready.data)).toEqual({ unread: 0 });
      await handler.waitFor((e) => e.event === 'ready', 2000);

      const c = await submitCase(h, request('楼道堆放杂物，存在消防隐患'));
      await worker.drain();
      const got = await dispatcher.waitFor((e) => e.event === 'notification', 5000);
      const n = JSON.parse(got.data) as { id: number; title: string; link: string; topic: string };
      expect(n).toMatchObject({ topic: 'case.register', link: `/admin/cases/${c.id}` });
      expect(n.title).toContain(c.trackingNo);
      expect(got.id).toBe(String(n.id));

      // The handler's stream carries nothing of it (the dispatch below is theirs).
      await new Promise((r) => setTimeout(r, 300));
      expect(handler.events.filter((e) => e.event === 'notification')).toEqual([]);
      const version = (await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}`)).json().version as number;
      expect(
        (
          await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
            version,
            action: 'dispatch',
            leadUnitId: market,
          })
        ).statusCode,
      ).toBe(200);
      await worker.drain();
      const forHandler = JSON.parse((await handler.waitFor((e) => e.event === 'notification', 5000)).data) as { title: string };
      expect(forHandler.title).toContain(`新派单 ${c.trackingNo}`);
      expect(dispatcher.events.filter((e) => e.event === 'notification')).toHaveLength(1);

      const anonymous = await openStream(`${base}/api/v1/notifications/stream`, null);
      expect(anonymous.status).toBe(401);
    });

    it('a reconnect with Last-Event-ID gets what it missed', async () => {
      const h = get();
      const cookie = await cookieOf(base, 'dispatcher');
      const inbox = (await h.req('dispatcher', 'GET', '/api/v1/notifications')).json() as { items: { id: number }[] };
      const last = inbox.items[0]!.id;
      await submitCase(h, request('公园健身器材损坏'));
      await worker.drain();
      const again = await openStream(`${base}/api/v1/notifications/stream`, cookie, last);
      streams.push(again);
      const missed = await again.waitFor((e) => e.event === 'notification', 3000);
      expect(Number(missed.id)).toBeGreaterThan(last);
    });

    it('heartbeats keep the stream open, and the stream ends when the session does', async () => {
      const h = get();
      // The same routes with a fast heartbeat.
      const app = await buildApp({ db: h.db.db, clock: h.clock, dataDir: h.dataDir, checkResponses: true, sseHeartbeatMs: 50 });
      const quick = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const login = await h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'supervisor', password: FACTORY_PASSWORD },
        });
        const token = login.json().token as string;
        const s = await openStream(`${quick}/api/v1/notifications/stream`, `huiyin_session=${token}`);
        streams.push(s);
        await s.waitFor((e) => e.event === 'ready', 2000);
        const until = Date.now() + 3000;
        while (s.comments.filter((c) => c.startsWith(': heartbeat')).length < 2 && Date.now() < until)
          await new Promise((r) => setTimeout(r, 20));
        expect(s.comments.filter((c) => c.startsWith(': heartbeat')).length).toBeGreaterThanOrEqual(2);
        // Signed out: the next heartbeat finds no session and ends the stream.
        await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
        const until2 = Date.now() + 3000;
        while (!s.ended && Date.now() < until2) await new Promise((r) => setTimeout(r, 20));
        expect(s.ended).toBe(true);
      } finally {
        await app.close();
      }
    });
  },
  { org: 'none' },
);
