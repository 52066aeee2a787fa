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
