import path from 'node:path';
import { auditKeys } from '../modules/audit/audit-key.ts';
import { checkpointDir, takeCheckpoint, writeCheckpointFile } from '../modules/audit/checkpoint.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../modules/notify/delivery-worker.ts';
import type { FollowUpLink } from '../modules/notify/fan-out.ts';
import { createFollowUpLink } from '../modules/follow-up/follow-up.service.ts';
import { createLivelihood } from '../modules/livelihood/livelihood.ts';
import { createDeadlines } from '../modules/settings/deadlines.ts';
import { createDeadlineScanner } from '../modules/supervision/scanner.ts';

/**
 * The worker composition root: the delivery of the outbox (modules/notify) and periodic jobs
 * (the deadline scanner plugs in here). `huiyin worker` runs it alone; `huiyin serve` runs it in
 * its own process unless HUIYIN_WORKER=off. Several workers on one PostgreSQL database are safe.
 */
export interface WorkerJob {
  name: string;
  /** Run at start and then every `everyMs` (never two runs of one job at once). */
  everyMs: number;
  run(): Promise<unknown>;
}

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Periodic jobs; default `workerJobs(deps)`. */
  jobs?: readonly WorkerJob[] | undefined;
  /** The follow-up link in the answer SMS; default `followUpLinkHook(deps)`. */
  followUpLink?: FollowUpLink | undefined;
  /** The embedded database: this process is its only user (leases left at start are orphans). */
  ownsDatabase?: boolean | undefined;
  log?: ((msg: string) => void) | undefined;
}

export interface RunningWorker {
  delivery: DeliveryWorker;
  stop(): Promise<void>;
}

export function startWorker(deps: WorkerDeps): RunningWorker {
  const log = deps.log ?? ((m: string) => console.log(m));
  const { config } = deps;
  const jobs = deps.jobs ?? workerJobs(deps);
  const delivery = createDeliveryWorker({
    db: deps.db,
    clock: deps.clock,
    channels: { smsGatewayUrl: config.smsGatewayUrl, webhook: config.webhook, mail: config.mail },
    publicUrl: config.publicUrl,
    followUpLink: deps.followUpLink ?? followUpLinkHook(deps),
    ownsDatabase: deps.ownsDatabase,
    log,
  });
  delivery.start();

  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = job
        .run()
        .catch((e: unknown) => log(`[huiyin] ${job.name} failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    tick();
    timers.push(setInterval(tick, job.everyMs));
  }

  const on = [config.smsGatewayUrl ? 'SMS' : null, config.webhook ? 'webhook' : null, config.mail ? 'e-mail' : null].filter(Boolean);
  log(
    `[huiyin] worker: delivering in-app notices${on.length ? `, ${on.join(', ')}` : ''}${jobs.length ? `; jobs: ${jobs.map((j) => j.name).join(', ')}` : ''}`,
  );

  return {
    delivery,
    async stop() {
      for (const t of timers) clearInterval(t);
      await delivery.stop();
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * The periodic jobs a worker runs besides delivery: the deadline scanner every minute (urge,
 * supervise, escalate), the lights of late livelihood milestones every ten minutes, and a signed
 * checkpoint of every audit chain into `<data dir>/checkpoints/` at start and then daily.
 */
export function workerJobs(deps: { db: Db; clock: Clock; config: Config }): WorkerJob[] {
  const deadlines = createDeadlines(deps.db, deps.clock);
  const scanner = createDeadlineScanner({ db: deps.db, clock: deps.clock, deadlines });
  const livelihood = createLivelihood({ db: deps.db, clock: deps.clock, deadlines, dataDir: deps.config.dataDir });
  return [
    { name: 'deadline-scanner', everyMs: 60_000, run: () => scanner.scanOnce() },
    { name: 'milestone-warnings', everyMs: 10 * 60_000, run: () => livelihood.duty.warnLateMilestones() },
    { name: 'audit-checkpoint', everyMs: 24 * 3600_000, run: () => dailyCheckpoint(deps) },
  ];
}

/**
 * The follow-up link (回访评价) for the answer SMS, or undefined for none yet. The hook runs inside
 * the fan-out transaction: it must write and read through the `db` it is given (on the embedded
 * database a query on another handle would wait for itself), and the link it creates commits or
 * rolls back with the message's deliveries. Returning null sends the SMS without a link.
 */
export function followUpLinkHook(deps: { db: Db; clock: Clock; config: Config }): FollowUpLink | undefined {
  // Only with a public address: a link to the server's bind address would reach no citizen and
  // waste its one-time token (the SMS then goes without a link; the tracking page still rates).
  const base = deps.config.publicUrl;
  if (base === undefined) return undefined;
  return async (c, db) => `${base}/f/${(await createFollowUpLink(db, deps.clock.now(), c.caseId)).token}`;
}

/** The daily checkpoint of every chain, named after the moment it was taken. */
async function dailyCheckpoint(deps: { db: Db; clock: Clock; config: Config }): Promise<void> {
  const now = deps.clock.now();
  const c = await takeCheckpoint(deps.db, auditKeys(), now);
  writeCheckpointFile(path.join(checkpointDir(deps.config.dataDir), `checkpoint-${now.toISOString().replace(/[:.]/g, '-')}.json`), c);
}
