import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { isOutboxTopic, outboxMessageSchema, type OutboxMessage } from '@huiyin/core';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { OutboxTable } from '../db/schema.ts';

export type OutboxRow = Selectable<OutboxTable>;

/**
 * The message of an outbox row, parsed with core's union; null for a row whose topic this
 * version does not know (written by a newer server, or by hand): the fan-out tells its `userId`
 * or `audience`, if it names one, that something new happened. A row of a known topic whose
 * payload does not match throws: the worker records the error, retries, and gives it up to the
 * log in the end, rather than delivering a message with parts missing.
 */
export function outboxMessageOf(row: Pick<OutboxRow, 'id' | 'topic' | 'case_id' | 'payload'>): OutboxMessage | null {
  const parsed = outboxMessageSchema.safeParse({ topic: row.topic, caseId: row.case_id, payload: row.payload });
  if (parsed.success) return parsed.data;
  if (!isOutboxTopic(row.topic)) return null;
  throw new Error(`outbox message ${row.id} (${row.topic}) does not match its schema: ${z.prettifyError(parsed.error)}`);
}

/**
 * Messages to send, written in the same transaction as the change they announce (every writer
 * enqueues one of core's typed OutboxMessages). The delivery
 * worker expands each into deliveries and then sets `sent_at` (= expanded): the outbox row is
 * done once its deliveries exist, whatever becomes of them.
 */
export function createOutboxRepo(db: Db) {
  return {
    async enqueue(m: OutboxMessage, at: Date): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('outbox')
        .values({
          id,
          topic: m.topic,
          case_id: m.caseId,
          payload: m.payload,
          created_at: at,
          available_at: at,
          sent_at: null,
          last_error: null,
        })
        .execute();
      return id;
    },

    async ofCase(caseId: number) {
      return db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
    },

    /** The oldest message waiting to be expanded, locked; one another worker holds is skipped. Inside a transaction. */
    async claimNext(now: Date): Promise<OutboxRow | undefined> {
      return db
        .selectFrom('outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('available_at', '<=', now)
        .orderBy('available_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    },

    async markExpanded(id: string, now: Date): Promise<void> {
      await db.updateTable('outbox').set({ sent_at: now, last_error: null }).where('id', '=', id).execute();
    },

    /** Expanding failed: try again at `retryAt`, or give up (expanded with nothing) when null. */
    async expansionFailed(id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
      await db
        .updateTable('outbox')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 1000),
          ...(retryAt === null ? { sent_at: now } : { available_at: retryAt }),
        }))
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .execute();
    },

    async attemptsOf(id: string): Promise<number> {
      const r = await db.selectFrom('outbox').select('attempts').where('id', '=', id).executeTakeFirst();
      return r?.attempts ?? 0;
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
