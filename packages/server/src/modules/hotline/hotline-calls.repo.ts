import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { HotlineCallsTable } from '../../db/schema.ts';

export type HotlineCallRow = Selectable<HotlineCallsTable>;

/** The first key of the two-key advisory lock on one announced call ("HYHC"). */
const CALL_LOCK = 0x48_59_48_43;

/** The hotline_calls table: one row per call id announced with each API key. */
export function createHotlineCallsRepo(db: Db) {
  return {
    /** Record the call; undefined when this key announced the call id before (nothing is written). */
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
        .onConflict((oc) => oc.columns(['api_key_id', 'call_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    /** The call this key announced with this id (another key's call of the same id is another call). */
    async byCallId(apiKeyId: number, callId: string): Promise<HotlineCallRow | undefined> {
      return db.selectFrom('hotline_calls').selectAll().where('api_key_id', '=', apiKeyId).where('call_id', '=', callId).executeTakeFirst();
    },

    /** The newest call of this id announced to this agent. */
    async ofAgent(agentId: number, callId: string): Promise<HotlineCallRow | undefined> {
      return db
        .selectFrom('hotline_calls')
        .selectAll()
        .where('agent_id', '=', agentId)
        .where('call_id', '=', callId)
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    /** Every announced call of this id, with the region of the key that announced it (newest first). */
    async allOfCallId(callId: string): Promise<(HotlineCallRow & { key_region_code: string })[]> {
      return db
        .selectFrom('hotline_calls')
        .innerJoin('api_keys', 'api_keys.id', 'hotline_calls.api_key_id')
        .selectAll('hotline_calls')
        .select('api_keys.region_code as key_region_code')
        .where('hotline_calls.call_id', '=', callId)
        .orderBy('hotline_calls.id', 'desc')
        .execute();
    },

    /** Registrations of this call wait for each other until commit (PostgreSQL and PGlite advisory locks). */
    async lockCall(hotlineCallId: number): Promise<void> {
      await sql`select pg_advisory_xact_lock(${CALL_LOCK}, ${hotlineCallId}::int)`.execute(db);
    },

    /** The case registered from this call (one case per call: the unique index cases_hotline_call). */
    async tieCase(caseId: number, hotlineCallId: number): Promise<void> {
      await db.updateTable('cases').set({ hotline_call_id: hotlineCallId }).where('id', '=', caseId).execute();
    },

    /** The case registered from this call, if any. */
    async caseOf(hotlineCallId: number): Promise<{ id: number; tracking_no: string } | undefined> {
      return db.selectFrom('cases').select(['id', 'tracking_no']).where('hotline_call_id', '=', hotlineCallId).executeTakeFirst();
    },
  };
}
