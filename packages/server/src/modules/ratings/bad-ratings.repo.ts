import type { Db } from '../../db/connect.ts';
import { insertRectificationNotice, type NewNotice } from '../safety-net/safety-net-ledgers.repo.ts';

/** Bad-rating notices: rows of the rectification ledger with kind 'bad_rating'. */
export function createBadRatingsRepo(db: Db) {
  return {
    async insert(v: Omit<NewNotice, 'badRating'> & { satisfaction: string; ratingEventId: number }): Promise<number> {
      const { satisfaction, ratingEventId, ...notice } = v;
      return insertRectificationNotice(db, { ...notice, badRating: { satisfaction, ratingEventId } });
    },

    async get(id: number, opts: { lock?: boolean } = {}) {
      let q = db
        .selectFrom('rectification_notices as n')
        .innerJoin('cases as c', 'c.id', 'n.case_id')
        .selectAll('n')
        .select(['c.region_code', 'c.tracking_no'])
        .where('n.id', '=', id)
        .where('n.kind', '=', 'bad_rating');
      if (opts.lock) q = q.forUpdate('n');
      return q.executeTakeFirst();
    },

    /** When the rating was given and what it recorded (lead unit, solved). */
    async ratingEvent(eventId: number): Promise<{ at: Date; payload: Record<string, unknown> } | null> {
      const r = await db.selectFrom('case_events').select(['created_at', 'payload']).where('id', '=', eventId).executeTakeFirst();
      return r ? { at: r.created_at, payload: r.payload } : null;
    },

    async appeal(id: number, v: { reason: string; by: number; at: Date }): Promise<boolean> {
      const r = await db
        .updateTable('rectification_notices')
        .set({ status: 'appealed', appeal_reason: v.reason, appealed_by: v.by, appealed_at: v.at })
        .where('id', '=', id)
        .where('kind', '=', 'bad_rating')
        .where('appealed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async decide(id: number, v: { voided: boolean; note: string; by: number; at: Date }): Promise<boolean> {
      const r = await db
        .updateTable('rectification_notices')
        .set({
          status: v.voided ? 'voided' : 'issued',
          appeal_decision: v.voided ? 'rating_voided' : 'rating_stands',
          appeal_note: v.note,
          appeal_decided_by: v.by,
          appeal_decided_at: v.at,
        })
        .where('id', '=', id)
        .where('status', '=', 'appealed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
