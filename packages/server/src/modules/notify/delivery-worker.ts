import { performance } from 'node:perf_hooks';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createDeliveriesRepo, type Channel, type ClaimedDelivery } from './deliveries.repo.ts';
import { createEmailSender } from './email.sender.ts';
import { createFanOut, type FollowUpLink } from './fan-out.ts';
import { createInAppSender } from './inapp.sender.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { defaultRetryPolicy, isLastAttempt, retryDelayMs, type RetryPolicy } from './retry-policy.ts';
import type { Sender } from './sender.ts';
import { createSmsSender } from './sms.sender.ts';
import { createWebhookSender } from './webhook.sender.ts';

/**
 * The delivery worker: at-least-once delivery of the outbox, outside every action's transaction.
 *
 * 1. Expand: take the oldest unexpanded outbox message (FOR UPDATE SKIP LOCKED), insert its
 *    deliveries and mark it expanded, all in one short transaction per message.
 * 2. Claim: take due deliveries (FOR UPDATE SKIP LOCKED), lease them (next_attempt_at moves a
 *    lease ahead), count and log the attempt, in one short transaction.
 * 3. Send each outside any transaction, with a time limit; record the result in another short
 *    transaction: sent, or due again after the backoff, or dead after the last attempt.
 *
 * Several workers can run at once (locks are skipped, results are recorded under the lease) and
 * a worker can die anywhere: an expansion rolls back whole; a claimed delivery comes due again
 * when its lease runs out (at once, on the embedded database, whose only process is the one
 * starting); a delivery sent but not recorded is sent again with the same message id, which the
 * receiver uses to drop the repeat.
 */
export interface DeliveryChannels {
  smsGatewayUrl?: string | undefined;
  webhook?: { url: string; secret: string } | undefined;
  mail?: { smtpUrl: string; from: string } | undefined;
}

export interface DeliveryWorkerDeps {
  db: Db;
  clock: Clock;
  channels: DeliveryChannels;
  /** The server's public address, for links in e-mails. */
  publicUrl?: string | undefined;
  /** The follow-up link in the answer SMS (null: the SMS goes without a link). */
  followUpLink?: FollowUpLink | undefined;
  policy?: Partial<RetryPolicy> | undefined;
  /** Deliveries in flight at once. */
  concurrency?: number | undefined;
  /** How often an idle worker looks for work. */
  pollMs?: number | undefined;
  /**
   * This process alone uses the database (the embedded one, locked to one process): leases left
   * at start belong to a process that died, and their deliveries are due at once.
   */
  ownsDatabase?: boolean | undefined;
  log?: ((msg: string) => void) | undefined;
}

export type SendOutcome = 'sent' | 'failed' | 'dead';

export interface DrainResult {
  expanded: number;
  sent: number;
  failed: number;
  dead: number;
}

export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const { db, clock } = deps;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...deps.policy };
  const log = deps.log ?? (() => {});
  const senders: Partial<Record<Channel, Sender>> = { inapp: createInAppSender(db) };
  if (deps.channels.smsGatewayUrl) senders.sms = createSmsSender(deps.channels.smsGatewayUrl);
  if (deps.channels.webhook) senders.webhook = createWebhookSender(deps.channels.webhook);
  if (deps.channels.mail) senders.email = createEmailSender({ ...deps.channels.mail, timeoutMs: policy.sendTimeoutMs });
  const fanOut = createFanOut({
    channels: { sms: senders.sms !== undefined, email: senders.email !== undefined, webhook: senders.webhook !== undefined },
    followUpLink: deps.followUpLink,
    publicUrl: deps.publicUrl,
  });

  /** Expand the oldest waiting message. 'none' when there is nothing to expand. */
  async function expandOne(): Promise<'expanded' | 'none' | 'failed'> {
    const now = clock.now();
    const claimed: { id: string | null } = { id: null };
    try {
      return await db.transaction().execute(async (trx) => {
        const outbox = createOutboxRepo(trx);
        const msg = await outbox.claimNext(now);
        if (!msg) return 'none' as const;
        claimed.id = msg.id;
        await createDeliveriesRepo(trx).insertMany(await fanOut.plan(trx, msg), now);
        await outbox.markExpanded(msg.id, now);
        return 'expanded' as const;
      });
    } catch (e) {
      if (claimed.id === null) throw e;
      // A message that cannot be expanded must not stop the others: it waits and is tried again,
      // and is given up (marked expanded with its error) after the last attempt.
      const outbox = createOutboxRepo(db);
      const attempts = (await outbox.attemptsOf(claimed.id)) + 1;
      const error = e instanceof Error ? e.message : String(e);
      const retryAt = isLastAttempt(attempts, policy) ? null : new Date(now.getTime() + retryDelayMs(attempts, policy));
      await outbox.expansionFailed(claimed.id, error, retryAt, clock.now());
      log(`[huiyin] outbox message ${claimed.id} not expanded (attempt ${attempts}${retryAt ? '' : ', given up'}): ${error}`);
      return 'failed';
    }
  }

  async function claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = clock.now();
    return db.transaction().execute((trx) => createDeliveriesRepo(trx).claimDue(now, new Date(now.getTime() + policy.leaseMs), limit));
  }

  /** Send one claimed delivery and record what became of it. */
  async function sendOne(c: ClaimedDelivery): Promise<SendOutcome> {
    const d = c.row;
    const sender = senders[d.channel];
    const started = performance.now();
    let error: string | null = null;
    if (!sender) {
      error = `the ${d.channel} channel is not configured`;
    } else {
      try {
        await sender.send(d, AbortSignal.timeout(policy.sendTimeoutMs));
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    const durationMs = performance.now() - started;
    const at = clock.now();
    const retryAt = error === null || isLastAttempt(d.attempts, policy) ? null : new Date(at.getTime() + retryDelayMs(d.attempts, policy));
    await db.transaction().execute(async (trx) => {
      const repo = createDeliveriesRepo(trx);
      await repo.finishAttempt(c.attemptId, { ok: error === null, error, durationMs, at });
      if (error === null) await repo.markSent(d.id, c.leaseToken, at);
      else await repo.markFailed(d.id, c.leaseToken, error, retryAt);
    });
    if (error === null) return 'sent';
    if (retryAt === null) {
      log(`[huiyin] delivery ${d.id} (${d.channel}, ${d.topic}) is dead after ${d.attempts} attempts: ${error}`);
      return 'dead';
    }
    return 'failed';
  }

  // ---------------------------------------------------------------- the loop

  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<unknown>>();
  let wake: (() => void) | null = null;
  const concurrency = Math.max(1, deps.concurrency ?? 8);

  const kick = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  async function loop(): Promise<void> {
    if (deps.ownsDatabase) {
      try {
        const n = await db.transaction().execute((trx) => createDeliveriesRepo(trx).releaseOrphanedLeases(clock.now()));
        if (n > 0) log(`[huiyin] ${n} deliveries interrupted by the last stop are due again`);
      } catch (e) {
        log(`[huiyin] delivery worker: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    while (running) {
      let progressed = false;
      try {
        for (let i = 0; i < 100 && running; i++) {
          if ((await expandOne()) === 'none') break;
          progressed = true;
        }
        const free = concurrency - inFlight.size;
        if (free > 0 && running) {
          for (const c of await claim(free)) {
            progressed = true;
            const p: Promise<unknown> = sendOne(c)
              .catch((e: unknown) => log(`[huiyin] delivery ${c.row.id}: ${e instanceof Error ? e.message : String(e)}`))
              .finally(() => {
                inFlight.delete(p);
                kick();
              });
            inFlight.add(p);
          }
        }
      } catch (e) {
        progressed = false;
        log(`[huiyin] delivery worker: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!progressed && running) await idle(deps.pollMs ?? 1000);
    }
  }

  return {
    policy,

    expandOne,
    claim,
    sendOne,

    /**
     * Everything that is due now, once (tests, and a one-shot run): expand every waiting
     * message, then send every due delivery, waiting for each result.
     */
    async drain(): Promise<DrainResult> {
      const r: DrainResult = { expanded: 0, sent: 0, failed: 0, dead: 0 };
      for (;;) {
        const x = await expandOne();
        if (x === 'none') break;
        if (x === 'expanded') r.expanded++;
      }
      for (;;) {
        const batch = await claim(32);
        if (batch.length === 0) break;
        for (const o of await Promise.all(batch.map(sendOne))) r[o]++;
      }
      return r;
    },

    /** Run until stopped: expand and send as work appears, `concurrency` sends at a time. */
    start(): void {
      if (running) return;
      running = true;
      loopDone = loop();
    },

    /** Look for work now instead of at the next poll. */
    kick,

    /** Stop taking work, wait for the sends in flight (each bounded by its time limit), close the channels. */
    async stop(): Promise<void> {
      running = false;
      kick();
      await loopDone;
      await Promise.allSettled([...inFlight]);
      for (const s of Object.values(senders)) await s.close?.();
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
