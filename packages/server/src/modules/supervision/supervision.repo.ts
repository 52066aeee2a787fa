import type { EscalationLevel } from '@huiyin/core';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** The deadline scanner's reads and writes, and the counts of the supervision centre. */
export function createSupervisionRepo(db: Db) {
  return {
    /**
     * Cases whose escalation level changes by `now`, locked for this scan and skipped by any
     * other scanner holding them (FOR UPDATE SKIP LOCKED): several servers can scan at once.
     * Served by the partial index on next_escalation_at: the cost follows the due items.
     */
    async claimDue(now: Date, limit: number) {
      return claimDueQuery(db, now, limit).execute();
    },

    async setNextEscalation(caseId: number, at: Date | null): Promise<void> {
      // Only this column changes: the trigger resets it only when a deadline moves.
      await db.updateTable('cases').set({ next_escalation_at: at }).where('id', '=', caseId).execute();
    },

    /** Record a level of a deadline; false when it was recorded before (never announced twice). */
    async record(e: {
      caseId: number;
      dueAt: Date;
      level: EscalationLevel;
      unitId: number | null;
      regionCode: string;
      at: Date;
    }): Promise<boolean> {
      const r = await db
        .insertInto('case_escalations')
        .values({ case_id: e.caseId, due_at: e.dueAt, level: e.level, unit_id: e.unitId, region_code: e.regionCode, created_at: e.at })
        .onConflict((oc) => oc.columns(['case_id', 'due_at', 'level']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    /** Per lead unit under the prefixes: near-due and overdue open cases now. */
    async dueByUnit(prefixes: readonly string[], now: Date) {
      // While a 会商 is open its deadline is the dispute's settle-by time, which no unit owns yet.
      const owner = sql<
        number | null
      >`case when exists (select 1 from consultations k where k.case_id = cases.id and k.closed_at is null) then null else cases.lead_unit_id end`;
      return db
        .selectFrom('cases')
        .select([
          owner.as('lead_unit_id'),
          sql<number>`count(*) filter (where next_due_at > ${now} and near_due_at <= ${now})::int`.as('near_due'),
          sql<number>`count(*) filter (where next_due_at <= ${now})::int`.as('overdue'),
        ])
        .where('next_due_at', 'is not', null)
        .where(inPrefixes('region_code', prefixes))
        .where((eb) => eb.or([eb('near_due_at', '<=', now), eb('next_due_at', '<=', now)]))
        .groupBy(owner)
        .execute();
    },

    /** Escalations per unit and level since `from`. */
    async escalationsByUnit(prefixes: readonly string[], from: Date) {
      return db
        .selectFrom('case_escalations')
        .select(['unit_id', 'level', sql<number>`count(*)::int`.as('n')])
        .where('created_at', '>=', from)
        .where(inPrefixes('region_code', prefixes))
        .groupBy(['unit_id', 'level'])
        .execute();
    },

    /** Returns (退单) per returning unit since `from`. */
    async returnsByUnit(prefixes: readonly string[], from: Date) {
      return db
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select(['e.actor_unit_id as unit_id', sql<number>`count(*)::int`.as('n')])
        .where('e.action', '=', 'return')
        .where('e.created_at', '>=', from)
        .where(inPrefixes('c.region_code', prefixes))
        .groupBy('e.actor_unit_id')
        .execute();
    },

    /** The latest escalations under the prefixes, newest first (the centre's list). */
    async recentEscalations(prefixes: readonly string[], limit: number) {
      return db
        .selectFrom('case_escalations as x')
        .innerJoin('cases as c', 'c.id', 'x.case_id')
        .leftJoin('units as u', 'u.id', 'x.unit_id')
        .select([
          'x.case_id',
          'c.tracking_no',
          'c.title',
          'c.status',
          'x.level',
          'x.due_at',
          'x.created_at',
          'x.unit_id',
          'u.name as unit_name',
        ])
        .where(inPrefixes('x.region_code', prefixes))
        .orderBy('x.created_at', 'desc')
        .limit(limit)
        .execute();
    },

    /**
     * The follow-up ratings (回访) of cases under the prefixes since `from`, with what the rating
     * rules need: who keyed each in and that account's units (its unit memberships now, and the
     * unit it acted for), when the answer was sent, the lead unit, and whether the case was
     * reopened afterwards.
     */
    async ratings(prefixes: readonly string[], from: Date) {
      return db
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select([
          'e.case_id',
          'e.created_at',
          'e.actor_id',
          'e.actor_role',
          'e.actor_unit_id',
          'e.payload',
          'c.lead_unit_id',
          'c.replied_at',
          sql<number[]>`coalesce((select array_agg(m.unit_id) from unit_members m where m.user_id = e.actor_id), '{}')`.as('actor_units'),
          sql<boolean>`exists (select 1 from case_events r where r.case_id = e.case_id and r.action = 'reopen' and r.seq > e.seq)`.as(
            'reopened',
          ),
        ])
        .where('e.action', '=', 'followUp')
        .where('e.created_at', '>=', from)
        .where(inPrefixes('c.region_code', prefixes))
        .orderBy('e.id')
        .limit(200_000)
        .execute();
    },

    async trackingNos(caseIds: readonly number[]): Promise<Map<number, string>> {
      if (caseIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('cases')
        .select(['id', 'tracking_no'])
        .where('id', 'in', [...new Set(caseIds)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.tracking_no]));
    },

    async unitNames(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

/** The scanner's claim, as its own builder so the EXPLAIN test checks the very query it sends. */
export function claimDueQuery(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'status', 'channel', 'region_code', 'lead_unit_id', 'next_due_at', 'near_due_at', 'next_escalation_at', 'tracking_no'])
    .where('next_escalation_at', '<=', now)
    .orderBy('next_escalation_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
}

/** `column LIKE p%` for any prefix ('' = everything). */
function inPrefixes(column: 'region_code' | 'c.region_code' | 'x.region_code', prefixes: readonly string[]) {
  return sql<SqlBool>`(${sql.join(prefixes.length === 0 ? [sql`false`] : prefixes.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`), sql` or `)})`;
}

export type SupervisionRepo = ReturnType<typeof createSupervisionRepo>;
