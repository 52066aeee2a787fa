import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * The shared counters, written inside the caller's transaction: the daily case counters the
 * rates are read from, and the yearly sequences behind tracking numbers and answer letters.
 */

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
  | 'merged'
  /** 不予受理 approved: counted on its own, never as replied, solved or closed. */
  | 'refused';

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

/**
 * Yearly sequences of a county (`tracking_counters`, one row per key and year); the row lock of
 * the upsert serialises concurrent callers until their transaction ends.
 */
export function createSequencesRepo(db: Db) {
  async function next(key: string, year: number): Promise<number> {
    const r = await db
      .insertInto('tracking_counters')
      .values({ region_code: key, year, last_seq: 1 })
      .onConflict((oc) => oc.columns(['region_code', 'year']).doUpdateSet({ last_seq: sql`tracking_counters.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return r.last_seq;
  }

  return {
    /** The sequence of a tracking number (140802-2026-000123) of the county and year. */
    nextTrackingSeq: (region6: string, year: number) => next(region6, year),
    /** The sequence of a written answer's document number (郊政服答〔2026〕12号) of the county and year. */
    nextAnswerLetterSeq: (region6: string, year: number) => next(`answer:${region6}`, year),
  };
}
