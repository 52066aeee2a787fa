import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { HotlineCallsTable } from '../../db/schema.ts';

export type HotlineCallRow = Selectable<HotlineCallsTable>;

/** The hotline_calls table: one row per announced call id. */
export function createHotlineCallsRepo(db: Db) {
  return {
    /** Record the call; undefined when the call id was announced before (nothing is written). */
    async insertNew(c: {
      callId: string;
      callerNumber: string;
      agentId: number;
      apiKeyId: number;
      startedAt: Date;
      receivedAt: Date;
    }): Promise<HotlineCallRow | undefined> {
      return db
        .insertInto('hotline_calls')
        .values({
          call_id: c.callId,
          caller_number: c.callerNumber,
          agent_id: c.agentId,
          api_key_id: c.apiKeyId,
          started_at: c.startedAt,
          received_at: c.receivedAt,
        })
        .onConflict((oc) => oc.column('call_id').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async byCallId(callId: string): Promise<HotlineCallRow | undefined> {
      return db.selectFrom('hotline_calls').selectAll().where('call_id', '=', callId).executeTakeFirst();
    },
  };
}
