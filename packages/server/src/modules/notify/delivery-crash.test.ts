import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPglite } from '../../db/connect.ts';
import { killHard, prepareDataDir, spawnServer } from '../../testing/spawn-server.ts';
import { startHttpReceiver, waitFor, type HttpReceiver } from './test-receivers.ts';
import { verifySignature } from './webhook-signature.ts';

/**
 * The done-when: a real `huiyin serve` with messages pending and in flight to a slow
 * receiver is killed with SIGKILL, started again, and every message reaches the receiver; after
 * dropping repeats by id each arrived exactly once. The repeats (sent before the kill, not yet
 * recorded as sent) are counted and printed.
 */
const SECRET = 'crash-test-secret-0123456789';
const N = 30;

/** `serve` with the receivers and a public rate limit that lets the test submit quickly. */
function startServer(dataDir: string, env: Record<string, string>) {
  return spawnServer(dataDir, { HUIYIN_PUBLIC_RATE_LIMIT: '10000', ...env });
}

describe('delivery survives kill -9 of the server [pglite, real process]', () => {
  let dataDir: string;
  let sms: HttpReceiver;
  let hook: HttpReceiver;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    dataDir = await prepareDataDir('huiyin-delivery-crash-');
    // Slow receivers: each request waits before its answer, so a kill finds sends in flight.
    sms = await startHttpReceiver({ path: '/sms', delayMs: 250 });
    hook = await startHttpReceiver({ path: '/hook', delayMs: 250 });
  });

  afterAll(async () => {
    for (const p of servers) await killHard(p);
    await sms?.close();
    await hook?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every message is delivered after a SIGKILL and a restart, each id exactly once after deduplication', async () => {
    const env = { HUIYIN_SMS_GATEWAY_URL: sms.url, HUIYIN_WEBHOOK_URL: hook.url, HUIYIN_WEBHOOK_SECRET: SECRET };
    const first = await startServer(dataDir, env);
    servers.push(first.proc);
    const trackingNos: string[] = [];
    for (let i = 0; i < N; i++) {
      const res = await fetch(`${first.base}/api/v1/public/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'help',
          content: `断电投递测试 ${i}`,
          regionCode: '140802',
          requester: { phone: `139${String(10_000_000 + i).padStart(8, '0')}` },
        }),
      });
      expect(res.status).toBe(201);
      trackingNos.push(((await res.json()) as { trackingNo: string }).trackingNo);
    }
    // Kill while some are delivered, some in flight (the receivers hold each request 250 ms) and most still pending.
    await waitFor(() => sms.received.length + hook.received.length >= 10, 30_000, 'the first deliveries');
    await killHard(first.proc);
    const beforeKill = sms.received.length + hook.received.length;

    const second = await startServer(dataDir, env);
    servers.push(second.proc);
    const uniqueIds = (r: HttpReceiver) => new Set(r.received.map((m) => String(m.body['id'])));
    await waitFor(() => uniqueIds(sms).size >= N && uniqueIds(hook).size >= N, 60_000, 'every message after the restart');
    // Nothing more is on its way: wait a moment, then stop the server the hard way too.
    await new Promise((r) => setTimeout(r, 1500));
    await killHard(second.proc);

    // Each tracking number reached the SMS gateway and the webhook receiver, once after dropping repeats by id.
    const smsById = new Map(sms.received.map((m) => [String(m.body['id']), String(m.body['text'])]));
    const hookById = new Map(hook.received.map((m) => [String(m.body['id']), m]));
    expect(smsById.size).toBe(N);
    expect(hookById.size).toBe(N);
    for (const no of trackingNos) {
      expect(
        [...smsById.values()].filter((t) => t.includes(no)),
        no,
      ).toHaveLength(1);
      expect(
        [...hookById.values()].filter((m) => (m.body['data'] as { trackingNo: string }).trackingNo === no),
        no,
      ).toHaveLength(1);
    }
    for (const m of hook.received) expect(verifySignature(SECRET, m.raw, m.headers['x-huiyin-signature'] as string)).toBe(true);
    // A repeat is the same message: same id, same content.
    for (const m of sms.received) expect(String(m.body['text'])).toBe(smsById.get(String(m.body['id'])));

    const h = await connectPglite(path.join(dataDir, 'pglite'));
    try {
      const states = await sql<{
        channel: string;
        status: string;
        n: number;
      }>`select channel, status, count(*)::int as n from deliveries group by 1, 2 order by 1, 2`.execute(h.db);
      const interrupted = await sql<{
        n: number;
      }>`select count(*)::int as n from delivery_attempts where error like 'interrupted%'`.execute(h.db);
      const unexpanded = await sql<{ n: number }>`select count(*)::int as n from outbox where sent_at is null`.execute(h.db);
      expect(states.rows.every((r) => r.status === 'sent')).toBe(true);
      expect(states.rows.find((r) => r.channel === 'sms')?.n).toBe(N);
      expect(states.rows.find((r) => r.channel === 'webhook')?.n).toBe(N);
      expect(unexpanded.rows[0]!.n).toBe(0);

      const received = sms.received.length + hook.received.length;
      const duplicates = received - 2 * N;
      console.log(
        [
          `[crash test] messages: ${N} SMS + ${N} webhook (and ${states.rows.find((r) => r.channel === 'inapp')?.n ?? 0} in-app notices)`,
          `[crash test] received before SIGKILL: ${beforeKill}; received in all: ${received} (SMS ${sms.received.length}, webhook ${hook.received.length})`,
          `[crash test] unique ids: ${smsById.size + hookById.size} = every message exactly once after deduplication by id`,
          `[crash test] duplicates that arrived (sent before the kill, not yet recorded): ${duplicates}; attempts the kill interrupted: ${interrupted.rows[0]!.n}`,
        ].join('\n'),
      );
      expect(duplicates).toBeGreaterThanOrEqual(0);
    } finally {
      await h.close();
    }
  });
});
