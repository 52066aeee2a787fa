import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { startWorker } from '../../main/worker.ts';
import { openTestDb } from '../../testing/databases.ts';
import { retryDelayMs, retrySchedule } from './retry-policy.ts';
import { messageIdOf } from './message-id.ts';
import { requesterSmsText, staffCaseMessage, summaryOf } from './templates.ts';

describe('delivery settings', () => {
  it('channels are on only when configured, and incomplete settings stop the start', () => {
    const off = loadConfig({});
    expect([off.smsGatewayUrl, off.webhook, off.mail, off.publicUrl]).toEqual([undefined, undefined, undefined, undefined]);
    const on = loadConfig({
      HUIYIN_SMS_GATEWAY_URL: 'http://127.0.0.1:9000/sms',
      HUIYIN_WEBHOOK_URL: 'https://example.org/hook',
      HUIYIN_WEBHOOK_SECRET: 'a-long-enough-secret',
      HUIYIN_SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      HUIYIN_MAIL_FROM: '回音 <huiyin@example.org>',
      HUIYIN_PUBLIC_URL: 'https://huiyin.example.org/',
    });
    expect(on).toMatchObject({
      smsGatewayUrl: 'http://127.0.0.1:9000/sms',
      webhook: { url: 'https://example.org/hook', secret: 'a-long-enough-secret' },
      mail: { smtpUrl: 'smtps://user:pass@mail.example.org:465', from: '回音 <huiyin@example.org>' },
      publicUrl: 'https://huiyin.example.org',
    });
    expect(() => loadConfig({ HUIYIN_WEBHOOK_URL: 'https://example.org/hook' })).toThrow(/HUIYIN_WEBHOOK_SECRET/);
    expect(() => loadConfig({ HUIYIN_SMTP_URL: 'smtp://mail.example.org' })).toThrow(/HUIYIN_MAIL_FROM/);
    expect(() => loadConfig({ HUIYIN_SMS_GATEWAY_URL: 'ftp://x' })).toThrow(ConfigError);
    // A bad SMTP URL is reported without echoing it (it may hold a password).
    expect(() => loadConfig({ HUIYIN_SMTP_URL: 'smtp://user:se cret@', HUIYIN_MAIL_FROM: 'a@b.c' })).toThrow(
      /^HUIYIN_SMTP_URL is not a URL$/,
    );
  });
});

describe('retry schedule, message ids, templates', () => {
  it('first retry after 30 s, doubling, capped at 30 min, 10 attempts', () => {
    expect(retrySchedule().map((ms) => ms / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
    expect(retryDelayMs(100)).toBe(30 * 60_000);
  });

  it('a message id is stable for one message, channel and recipient, and differs otherwise', () => {
    const a = messageIdOf('m1', 'sms', '13800000000');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(messageIdOf('m1', 'sms', '13800000000')).toBe(a);
    expect(
      new Set([
        a,
        messageIdOf('m2', 'sms', '13800000000'),
        messageIdOf('m1', 'webhook', '13800000000'),
        messageIdOf('m1', 'sms', '13800000001'),
      ]).size,
    ).toBe(4);
  });

  it('templates: Chinese and English for every case action, requester SMS only for what concerns them', () => {
    const facts = {
      trackingNo: '140802-2026-000001',
      action: 'dispatch',
      status: 'dispatched',
      event: { signBy: '2026-03-10T09:00:00.000Z' },
    };
    expect(staffCaseMessage(facts, 'zh').body).toContain('2026-03-10 17:00');
    expect(staffCaseMessage(facts, 'en').title).toBe('Case dispatched to you: 140802-2026-000001');
    expect(staffCaseMessage({ ...facts, action: 'somethingNew' }, 'zh').title).toBe('工单动态 140802-2026-000001');
    expect(requesterSmsText({ ...facts, followUpLink: null })).toBeNull();
    expect(requesterSmsText({ ...facts, action: 'decideExtension', event: { approve: false }, followUpLink: null })).toBeNull();
    expect(
      requesterSmsText({
        ...facts,
        action: 'masterReplied',
        event: { outcome: 'resolved', text: '已处理' },
        followUpLink: 'https://x/f/1',
      }),
    ).toBe('【回音】您的诉求（编号 140802-2026-000001）已答复（已解决）：已处理 请评价办理结果：https://x/f/1');
    expect(summaryOf('一二三四五', 4)).toBe('一二三…');
  });
});

describe('startWorker', () => {
  it('runs its jobs at start and then periodically, survives a failing job, and stops', async () => {
    const db = await openTestDb('pglite');
    const logs: string[] = [];
    let runs = 0;
    let fails = 0;
    const w = startWorker({
      db: db.db,
      clock: new ManualClock('2026-03-09T01:00:00Z'),
      config: loadConfig({}),
      jobs: [
        { name: 'counter', everyMs: 20, run: async () => void runs++ },
        {
          name: 'broken',
          everyMs: 20,
          run: async () => {
            fails++;
            throw new Error('boom');
          },
        },
      ],
      log: (m) => logs.push(m),
    });
    try {
      const until = Date.now() + 3000;
      while ((runs < 3 || fails < 3) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(runs).toBeGreaterThanOrEqual(3);
      expect(fails).toBeGreaterThanOrEqual(3);
      expect(logs.some((l) => l.includes('broken failed: boom'))).toBe(true);
      expect(logs[0]).toContain('jobs: counter, broken');
    } finally {
      await w.stop();
      await db.dispose();
    }
    const after = runs;
    await new Promise((r) => setTimeout(r, 80));
    expect(runs).toBe(after);
  });
});
