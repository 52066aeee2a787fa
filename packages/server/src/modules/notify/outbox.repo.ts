import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect.ts';

export interface OutboxMessage {
  topic: string;
  caseId: number | null;
  payload: Record<string, unknown>;
}

/** Messages to send, written in the same transaction as the change they announce. */
export function createOutboxRepo(db: Db) {
  return {
    async enqueue(m: OutboxMessage, at: Date): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('outbox')
        .values({ id, topic: m.topic, case_id: m.caseId, payload: m.payload, created_at: at, available_at: at, sent_at: null, last_error: null })
        .execute();
      return id;
    },

    async ofCase(caseId: number) {
      return db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
