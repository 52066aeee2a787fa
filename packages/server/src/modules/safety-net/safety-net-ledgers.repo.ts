import type { Db } from '../../db/connect.ts';

/** A rectification notice to a unit; a bad rating's notice also records the rating. */
export interface NewNotice {
  caseId: number;
  unitId: number | null;
  finding: string;
  issuedBy: number | null;
  at: Date;
  dueAt: Date;
  badRating?: { satisfaction: string; ratingEventId: number };
}

/** Issue a rectification notice (the safety-net decision's, or a bad rating's). */
export async function insertRectificationNotice(db: Db, v: NewNotice): Promise<number> {
  const r = await db
    .insertInto('rectification_notices')
    .values({
      case_id: v.caseId,
      unit_id: v.unitId,
      finding: v.finding,
      issued_by: v.issuedBy,
      issued_at: v.at,
      due_at: v.dueAt,
      response: null,
      answered_by: null,
      answered_at: null,
      ...(v.badRating ? { kind: 'bad_rating', satisfaction: v.badRating.satisfaction, rating_event_id: v.badRating.ratingEventId } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Referrals with their case and unit, as the list and the detail show them. */
function referralRows(db: Db) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.case_id',
      'c.tracking_no',
      'c.title',
      'c.region_code',
      'r.unit_id',
      'u.name as unit_name',
      'r.staff_name',
      'r.conduct',
      'r.finding',
      'r.status',
      'r.inspector_note',
      'r.created_at',
      'r.updated_at',
    ]);
}

/**
 * The ledgers a safety-net decision feeds: referrals to discipline inspection (their reads are in
 * the audit log), rectification notices and the policy-barrier ledger.
 */
export function createSafetyNetLedgersRepo(db: Db) {
  return {
    async insertReferral(v: {
      caseId: number;
      unitId: number | null;
      staffName: string | null;
      conduct: 'misconduct' | 'subjective';
      finding: string;
      referredBy: number | null;
      at: Date;
    }): Promise<number> {
      const r = await db
        .insertInto('referrals')
        .values({
          case_id: v.caseId,
          unit_id: v.unitId,
          staff_name: v.staffName,
          conduct: v.conduct,
          finding: v.finding,
          referred_by: v.referredBy,
          inspector_note: null,
          created_at: v.at,
          updated_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async referrals(limit: number) {
      return referralRows(db).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
    },

    async referral(id: number) {
      return referralRows(db).select('c.content').where('r.id', '=', id).executeTakeFirst();
    },

    async updateReferral(
      id: number,
      v: { status: 'open' | 'investigating' | 'concluded'; note: string | null; at: Date },
    ): Promise<boolean> {
      const r = await db
        .updateTable('referrals')
        .set({ status: v.status, inspector_note: v.note, updated_at: v.at })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async insertNotice(v: NewNotice): Promise<number> {
      return insertRectificationNotice(db, v);
    },

    async notices(filter: { id?: number; caseId?: number; unitIds?: readonly number[]; regionPrefixes?: readonly string[] }) {
      let q = db
        .selectFrom('rectification_notices as n')
        .innerJoin('cases as c', 'c.id', 'n.case_id')
        .leftJoin('units as u', 'u.id', 'n.unit_id')
        .select([
          'n.id',
          'n.case_id',
          'c.tracking_no',
          'c.title',
          'n.unit_id',
          'u.name as unit_name',
          'n.finding',
          'n.issued_at',
          'n.due_at',
          'n.status',
          'n.response',
          'n.answered_at',
          'n.kind',
          'n.satisfaction',
          'n.appeal_reason',
          'n.appealed_at',
          'n.appeal_decision',
          'n.appeal_note',
        ]);
      if (filter.id !== undefined) q = q.where('n.id', '=', filter.id);
      if (filter.caseId !== undefined) q = q.where('n.case_id', '=', filter.caseId);
      const { unitIds, regionPrefixes } = filter;
      if (unitIds !== undefined || regionPrefixes !== undefined) {
        q = q.where((eb) =>
          eb.or([
            ...(unitIds && unitIds.length > 0 ? [eb('n.unit_id', 'in', [...unitIds])] : []),
            ...(regionPrefixes ?? []).map((p) => eb('c.region_code', 'like', `${p}%`)),
            eb.val(false),
          ]),
        );
      }
      return q.orderBy('n.issued_at', 'desc').limit(500).execute();
    },

    async notice(id: number) {
      return db.selectFrom('rectification_notices').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async answerNotice(id: number, v: { response: string; by: number; at: Date }): Promise<boolean> {
      const r = await db
        .updateTable('rectification_notices')
        .set({ status: 'answered', response: v.response, answered_by: v.by, answered_at: v.at })
        .where('id', '=', id)
        .where('status', '=', 'issued')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async upsertBarrier(v: {
      caseId: number;
      matterName: string;
      policyIds: number[];
      finding: string;
      at: Date;
      by: number | null;
    }): Promise<void> {
      await db
        .insertInto('policy_barriers')
        .values({
          case_id: v.caseId,
          matter_name: v.matterName,
          policy_ids: v.policyIds,
          policy_name: null,
          finding: v.finding,
          proposal: null,
          created_at: v.at,
          updated_at: v.at,
          updated_by: v.by,
        })
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet({ policy_ids: v.policyIds, finding: v.finding, updated_at: v.at, updated_by: v.by }),
        )
        .execute();
    },

    async barriers(regionPrefixes: readonly string[], id?: number) {
      let q = db
        .selectFrom('policy_barriers as b')
        .innerJoin('cases as c', 'c.id', 'b.case_id')
        .select([
          'b.id',
          'b.case_id',
          'c.tracking_no',
          'b.matter_name',
          'b.policy_ids',
          'b.policy_name',
          'b.finding',
          'b.proposal',
          'b.status',
          'b.created_at',
          'b.updated_at',
        ])
        .where((eb) => eb.or([...regionPrefixes.map((p) => eb('c.region_code', 'like', `${p}%`)), eb.val(false)]));
      if (id !== undefined) q = q.where('b.id', '=', id);
      return q.orderBy('b.created_at', 'desc').limit(500).execute();
    },

    async barrier(id: number) {
      return db
        .selectFrom('policy_barriers as b')
        .innerJoin('cases as c', 'c.id', 'b.case_id')
        .select(['b.id', 'c.region_code'])
        .where('b.id', '=', id)
        .executeTakeFirst();
    },

    async updateBarrier(
      id: number,
      v: {
        proposal?: string | undefined;
        status?: 'open' | 'proposed' | 'adopted' | 'declined' | undefined;
        policyName?: string | undefined;
        by: number;
        at: Date;
      },
    ): Promise<void> {
      await db
        .updateTable('policy_barriers')
        .set({
          ...(v.proposal !== undefined ? { proposal: v.proposal } : {}),
          ...(v.status !== undefined ? { status: v.status } : {}),
          ...(v.policyName !== undefined ? { policy_name: v.policyName } : {}),
          updated_by: v.by,
          updated_at: v.at,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
