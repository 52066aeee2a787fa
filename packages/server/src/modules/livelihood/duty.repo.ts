import { openStatuses } from '@huiyin/core';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** What the duty list and the assignment dialog read beside projects: cases and cadres. */
export function createDutyRepo(db: Db) {
  return {
    /** Open cases (past registration) led by the units, soonest due first. */
    async openCasesLedBy(unitIds: readonly number[], limit: number) {
      if (unitIds.length === 0) return [];
      return db
        .selectFrom('cases')
        .select(['id', 'tracking_no', 'title', 'status', 'next_due_at'])
        .where('lead_unit_id', 'in', [...unitIds])
        .where(
          'status',
          'in',
          openStatuses.filter((s) => s !== 'registered'),
        )
        .orderBy('next_due_at')
        .limit(limit)
        .execute();
    },

    /** Active users with the role leader, with each of their units. */
    async cadres() {
      return db
        .selectFrom('users as u')
        .innerJoin('unit_members as m', 'm.user_id', 'u.id')
        .innerJoin('units as n', 'n.id', 'm.unit_id')
        .select(['u.id', 'u.display_name', 'n.name as unit_name', 'n.region_code'])
        .where('u.active', '=', true)
        .where(sql<SqlBool>`'leader' = any(u.roles)`)
        .orderBy('u.id')
        .execute();
    },

    async unit(id: number) {
      return db.selectFrom('units').select(['id', 'region_code', 'active']).where('id', '=', id).executeTakeFirst();
    },
  };
}
