import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * Daily counters per region and unit, bumped in the action's own transaction, so the three
 * rates over tens of millions of cases read a few thousand rows instead of scanning cases.
 */
export type CaseMetric =
  | 'registered'
  | 'dispatched'
  | 'signed'
  | 'returned'
  | 'extended'
  | 'replied'
  | 'replied_on_time'
  | 'rated'
  | 'satisfied'
  | 'solved'
  | 'reopened'
  | 'closed'
  | 'merged';

export function createStatsRepo(db: Db) {
  return {
    async bump(day: string, regionCode: string, unitId: number | null, metric: CaseMetric, by = 1): Promise<void> {
      await db
        .insertInto('case_daily_stats')
        .values({ day, region_code: regionCode, unit_id: unitId ?? 0, metric, count: by })
        .onConflict((oc) =>
          oc.columns(['day', 'region_code', 'unit_id', 'metric']).doUpdateSet({ count: sql`case_daily_stats.count + ${by}` }),
        )
        .execute();
    },

    async totals(regionPrefix: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('case_daily_stats')
        .select(['metric', (eb) => eb.fn.sum<number>('count').as('n')])
        .where('region_code', 'like', `${regionPrefix}%`)
        .groupBy('metric')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.metric, Number(r.n)]));
    },
  };
}
