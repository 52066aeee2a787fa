import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { CaseEventRow, CaseEventsTable } from '../../db/schema.ts';
import type { Insertable } from 'kysely';

export function createEventsRepo(db: Db) {
  return {
    async last(caseId: number): Promise<{ seq: number; hash: string } | undefined> {
      return db
        .selectFrom('case_events')
        .select(['seq', 'hash'])
        .where('case_id', '=', caseId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insert(e: Insertable<CaseEventsTable>): Promise<CaseEventRow> {
      return db.insertInto('case_events').values(e).returningAll().executeTakeFirstOrThrow();
    },

    async ofCase(caseId: number): Promise<CaseEventRow[]> {
      return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    },

    /** Events in case order, a page at a time, for verifying every chain without loading all. */
    async page(afterCaseId: number, limitCases: number): Promise<CaseEventRow[]> {
      const ids = await db.selectFrom('cases').select('id').where('id', '>', afterCaseId).orderBy('id').limit(limitCases).execute();
      if (ids.length === 0) return [];
      return db
        .selectFrom('case_events')
        .selectAll()
        .where(
          'case_id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('case_id')
        .orderBy('seq')
        .execute();
    },

    /** Cases that have events, after `afterCaseId`, in order (re-chaining walks them a batch at a time). */
    async caseIdsWithEvents(afterCaseId: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('case_events')
        .select('case_id')
        .distinct()
        .where('case_id', '>', afterCaseId)
        .orderBy('case_id')
        .limit(limit)
        .execute();
      return rows.map((r) => Number(r.case_id));
    },

    async ofCases(caseIds: readonly number[]): Promise<CaseEventRow[]> {
      if (caseIds.length === 0) return [];
      return db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', 'in', [...caseIds])
        .orderBy('case_id')
        .orderBy('seq')
        .execute();
    },

    async hasAny(): Promise<boolean> {
      return (await db.selectFrom('case_events').select('id').limit(1).executeTakeFirst()) !== undefined;
    },

    /**
     * Rewrite the links of events with the append-only trigger off for this transaction only
     * (ALTER TABLE is transactional and only the table's owner may run it): the one-time re-chaining
     * of chains written before they were keyed. Call inside a transaction.
     */
    async relink(links: readonly { id: number; prevHash: string; hash: string }[]): Promise<void> {
      if (links.length === 0) return;
      await sql`alter table case_events disable trigger case_events_no_update`.execute(db);
      for (const l of links)
        await db.updateTable('case_events').set({ prev_hash: l.prevHash, hash: l.hash }).where('id', '=', l.id).execute();
      await sql`alter table case_events enable trigger case_events_no_update`.execute(db);
    },

    async lastCaseIdOfPage(afterCaseId: number, limitCases: number): Promise<number | undefined> {
      const r = await db
        .selectFrom('cases')
        .select('id')
        .where('id', '>', afterCaseId)
        .orderBy('id')
        .offset(limitCases - 1)
        .limit(1)
        .executeTakeFirst();
      return r?.id;
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
