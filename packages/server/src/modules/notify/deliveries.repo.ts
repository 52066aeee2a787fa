import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { DeliveriesTable, DeliveryAttemptsTable } from '../../db/schema.ts';

export type Channel = DeliveriesTable['channel'];
export const channels: readonly Channel[] = ['inapp', 'email', 'sms', 'webhook'];
export type DeliveryStatus = 'pending' | 'sent' | 'dead';
export type DeliveryRow = Selectable<DeliveriesTable>;
export type AttemptRow = Selectable<DeliveryAttemptsTable>;

export interface NewDelivery {
  messageId: string;
  outboxId: string;
  topic: string;
  channel: Channel;
  recipient: string;
  regionCode: string | null;
  payload: Record<string, unknown>;
}

/** A delivery a worker holds: sent under `leaseToken`, its attempt logged as `attemptId`. */
export interface ClaimedDelivery {
  row: DeliveryRow;
  leaseToken: string;
  attemptId: number;
}

/**
 * Deliveries and their attempt log. Claims lock with SKIP LOCKED and lease by moving
 * `next_attempt_at` ahead, so several workers never take the same delivery at once and a dead
 * worker's delivery comes due again when its lease runs out. Results are recorded only under the
 * lease token of the claim.
 */
export function createDeliveriesRepo(db: Db) {
  return {
    /** Insert the deliveries of a message; one already there (same message id) is left alone. */
    async insertMany(rows: readonly NewDelivery[], now: Date): Promise<number> {
      if (rows.length === 0) return 0;
      const res = await db
        .insertInto('deliveries')
        .values(
          rows.map((d) => ({
            message_id: d.messageId,
            outbox_id: d.outboxId,
            topic: d.topic,
            channel: d.channel,
            recipient: d.recipient,
            region_code: d.regionCode,
            payload: d.payload,
            next_attempt_at: now,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.column('message_id').doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0);
    },

    /**
     * Take up to `limit` due deliveries: lease them until `leaseUntil`, count the attempt and
     * open its log entry. Inside a short transaction.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
      if (limit <= 0) return [];
      const leaseToken = randomUUID();
      const rows = await db
        .updateTable('deliveries')
        .set((eb) => ({ next_attempt_at: leaseUntil, lease_token: leaseToken, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('deliveries')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', now)
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      if (rows.length === 0) return [];
      const attempts = await db
        .insertInto('delivery_attempts')
        .values(rows.map((r) => ({ delivery_id: r.id, attempt: r.attempts, channel: r.channel, started_at: now })))
        .returning(['id', 'delivery_id'])
        .execute();
      const attemptOf = new Map(attempts.map((a) => [a.delivery_id, a.id]));
      return rows.map((row) => ({ row, leaseToken, attemptId: attemptOf.get(row.id)! }));
    },

    async finishAttempt(attemptId: number, r: { ok: boolean; error: string | null; durationMs: number; at: Date }): Promise<void> {
      await db
        .updateTable('delivery_attempts')
        .set({ finished_at: r.at, ok: r.ok, error: r.error?.slice(0, 1000) ?? null, duration_ms: Math.round(r.durationMs) })
        .where('id', '=', attemptId)
        .execute();
    },

    /** Delivered. False when the lease was lost (another worker took it over meanwhile). */
    async markSent(id: number, leaseToken: string, at: Date): Promise<boolean> {
      const res = await db
        .updateTable('deliveries')
        .set({ status: 'sent', sent_at: at, lease_token: null, last_error: null })
        .where('id', '=', id)
        .where('lease_token', '=', leaseToken)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /** Failed: due again at `retryAt`, or dead when null. */
    async markFailed(id: number, leaseToken: string, error: string, retryAt: Date | null): Promise<boolean> {
      const res = await db
        .updateTable('deliveries')
        .set({
          lease_token: null,
          last_error: error.slice(0, 1000),
          ...(retryAt === null ? { status: 'dead' as const } : { next_attempt_at: retryAt }),
        })
        .where('id', '=', id)
        .where('lease_token', '=', leaseToken)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /**
     * Only for the one process that owns the database (the embedded one): every lease left is
     * from a process that died, so its deliveries are due now and their open attempts are closed
     * as interrupted.
     */
    async releaseOrphanedLeases(now: Date): Promise<number> {
      const rows = await db
        .updateTable('deliveries')
        .set({ lease_token: null, next_attempt_at: now })
        .where('status', '=', 'pending')
        .where('lease_token', 'is not', null)
        .returning('id')
        .execute();
      if (rows.length > 0) {
        await db
          .updateTable('delivery_attempts')
          .set({ finished_at: now, ok: false, error: 'interrupted: the process ended during the attempt' })
          .where('finished_at', 'is', null)
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      }
      return rows.length;
    },

    async get(id: number): Promise<DeliveryRow | undefined> {
      return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A page of deliveries, newest first (keyset on id), optionally only those under region prefixes. */
    async list(q: {
      status: DeliveryStatus;
      channel?: Channel | undefined;
      before?: number | undefined;
      limit: number;
      regionPrefixes?: readonly string[] | undefined;
    }): Promise<DeliveryRow[]> {
      let query = db.selectFrom('deliveries').selectAll().where('status', '=', q.status);
      if (q.channel) query = query.where('channel', '=', q.channel);
      if (q.before !== undefined) query = query.where('id', '<', q.before);
      const prefixes = q.regionPrefixes;
      if (prefixes) {
        query = query.where((eb) => eb.or([eb('region_code', 'is', null), ...prefixes.map((p) => eb('region_code', 'like', `${p}%`))]));
      }
      return query.orderBy('id', 'desc').limit(q.limit).execute();
    },

    async attemptsOf(deliveryIds: readonly number[]): Promise<AttemptRow[]> {
      if (deliveryIds.length === 0) return [];
      return db
        .selectFrom('delivery_attempts')
        .selectAll()
        .where('delivery_id', 'in', [...deliveryIds])
        .orderBy('delivery_id')
        .orderBy('id')
        .execute();
    },

    /** A dead letter back in the queue, due now, with a fresh attempt budget (the log keeps the old attempts). */
    async revive(id: number, now: Date): Promise<DeliveryRow | undefined> {
      return db
        .updateTable('deliveries')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_token: null })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .returningAll()
        .executeTakeFirst();
    },

    async byOutbox(outboxId: string): Promise<DeliveryRow[]> {
      return db.selectFrom('deliveries').selectAll().where('outbox_id', '=', outboxId).orderBy('id').execute();
    },
  };
}

export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
