import { sql } from 'kysely';
import type { RootCauseKind } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { Insertable, Selectable } from 'kysely';
import { createSafetyNetLedgersRepo } from './safety-net-ledgers.repo.ts';

export type SafetyNetRow = Selectable<Database['safety_net_cases']>;
export type ConsultationRow = Selectable<Database['consultations']>;
export type OpinionRow = Selectable<Database['consultation_opinions']>;

/** The side tables of safety-net cases: failed matters, consultations, citations, referrals, notices, the barrier ledger. */
export function createSafetyNetRepo(db: Db) {
  return {
    async insertCase(row: Insertable<Database['safety_net_cases']>): Promise<void> {
      await db.insertInto('safety_net_cases').values(row).execute();
    },

    async getCase(caseId: number): Promise<SafetyNetRow | undefined> {
      return db.selectFrom('safety_net_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    },

    async updateCase(caseId: number, patch: Partial<Insertable<Database['safety_net_cases']>>): Promise<void> {
      await db.updateTable('safety_net_cases').set(patch).where('case_id', '=', caseId).execute();
    },

    /** The consultation still open on a case (minutes not recorded, no decision yet). */
    async openConsultation(caseId: number): Promise<(ConsultationRow & { answeredUnitIds: number[] }) | undefined> {
      const c = await db
        .selectFrom('consultations')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (!c) return undefined;
      const answered = await db.selectFrom('consultation_opinions').select('unit_id').where('consultation_id', '=', c.id).execute();
      return { ...c, answeredUnitIds: answered.map((a) => a.unit_id) };
    },

    /** Whether minutes of a consultation were ever recorded on the case (an ordinary case's dispatch is then binding). */
    async hasMinutes(caseId: number): Promise<boolean> {
      const r = await db
        .selectFrom('consultations')
        .select('id')
        .where('case_id', '=', caseId)
        .where('closed_at', 'is not', null)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },

    /** Every unit ever invited to a consultation of the case (their heads may read it). */
    async consultedUnits(caseId: number): Promise<number[]> {
      const rows = await db.selectFrom('consultations').select('unit_ids').where('case_id', '=', caseId).execute();
      return [...new Set(rows.flatMap((r) => r.unit_ids))];
    },

    /** Open consultations inviting any of these units that have not answered for them yet, oldest first. */
    async pendingFor(unitIds: readonly number[]) {
      if (unitIds.length === 0) return [];
      return db
        .selectFrom('consultations as k')
        .innerJoin('cases as c', 'c.id', 'k.case_id')
        .select(['k.id', 'k.case_id', 'c.tracking_no', 'c.title', 'k.agenda', 'k.unit_ids', 'k.convened_at', 'k.due_at'])
        .where('k.closed_at', 'is', null)
        .where(sql<boolean>`k.unit_ids && ${sql.val([...unitIds])}::bigint[]`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('consultation_opinions as o')
                .select('o.unit_id')
                .whereRef('o.consultation_id', '=', 'k.id')
                .where('o.unit_id', 'in', [...unitIds]),
            ),
          ),
        )
        .orderBy('k.convened_at')
        .limit(200)
        .execute();
    },

    async consultationsOf(caseId: number): Promise<{ consultation: ConsultationRow; opinions: OpinionRow[] }[]> {
      const cs = await db.selectFrom('consultations').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
      if (cs.length === 0) return [];
      const ops = await db
        .selectFrom('consultation_opinions')
        .selectAll()
        .where(
          'consultation_id',
          'in',
          cs.map((c) => c.id),
        )
        .orderBy('created_at')
        .execute();
      return cs.map((c) => ({ consultation: c, opinions: ops.filter((o) => o.consultation_id === c.id) }));
    },

    async insertConsultation(v: {
      caseId: number;
      agenda: string;
      unitIds: number[];
      convenedBy: number | null;
      at: Date;
      /** An ordinary case's dispatch dispute is settled by then. */
      dueAt?: Date | null;
    }): Promise<number> {
      const r = await db
        .insertInto('consultations')
        .values({
          case_id: v.caseId,
          agenda: v.agenda,
          unit_ids: v.unitIds,
          convened_by: v.convenedBy,
          convened_at: v.at,
          lead_unit_id: null,
          decision: null,
          closed_at: null,
          due_at: v.dueAt ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async insertOpinion(v: { consultationId: number; unitId: number; userId: number | null; opinion: string; at: Date }): Promise<void> {
      await db
        .insertInto('consultation_opinions')
        .values({ consultation_id: v.consultationId, unit_id: v.unitId, user_id: v.userId, opinion: v.opinion, created_at: v.at })
        .execute();
    },

    async closeConsultation(
      id: number,
      v: { leadUnitId: number | null; assistUnitIds: number[]; decision: string; at: Date },
    ): Promise<void> {
      await db
        .updateTable('consultations')
        .set({ lead_unit_id: v.leadUnitId, assist_unit_ids: v.assistUnitIds, decision: v.decision, closed_at: v.at })
        .where('id', '=', id)
        .execute();
    },

    async cite(v: { caseId: number; policyId: number; citedBy: number | null; note: string | null; at: Date }): Promise<void> {
      await db
        .insertInto('case_citations')
        .values({ case_id: v.caseId, policy_id: v.policyId, cited_by: v.citedBy, note: v.note, created_at: v.at })
        .onConflict((oc) => oc.columns(['case_id', 'policy_id']).doUpdateSet({ note: sql`coalesce(excluded.note, case_citations.note)` }))
        .execute();
    },

    /** Citations of a case, oldest first, with the article and whether it is repealed today. */
    async citationsOf(caseId: number, today: string) {
      return db
        .selectFrom('case_citations as c')
        .innerJoin('policies as p', 'p.id', 'c.policy_id')
        .select([
          'p.id',
          'p.title',
          'p.doc_number',
          'p.issuer',
          'p.article_no',
          'p.body',
          sql<string | null>`p.repealed_on::text`.as('repealed_on'),
          sql<boolean>`(p.repealed_on is not null and p.repealed_on <= ${today}::date)`.as('repealed'),
          'c.note',
          'c.created_at',
        ])
        .where('c.case_id', '=', caseId)
        .orderBy('c.created_at')
        .orderBy('p.id')
        .execute();
    },

    ...createSafetyNetLedgersRepo(db),

    /** Failed matters in a region since a time (the input of the gap rule). */
    async failuresSince(regionPrefixes: readonly string[], since: Date) {
      return db
        .selectFrom('safety_net_cases')
        .select(['case_id', 'matter_name', 'created_at'])
        .where('created_at', '>=', since)
        .where((eb) => eb.or([...regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`)), eb.val(false)]))
        .orderBy('created_at', 'desc')
        .limit(50_000)
        .execute();
    },

    /** Safety-net cases with their case row fields for listing and analysis, in a region and period. */
    async casesIn(regionPrefixes: readonly string[], from: Date, to: Date) {
      return db
        .selectFrom('safety_net_cases as s')
        .innerJoin('cases as c', 'c.id', 's.case_id')
        .leftJoin('units as u', 'u.id', 's.origin_unit_id')
        .select([
          's.case_id',
          'c.tracking_no',
          'c.title',
          'c.status',
          's.matter_name',
          's.matter_key',
          's.origin_unit_id',
          'u.name as origin_unit_name',
          's.kind',
          's.outcome',
          's.root_cause_kind',
          's.conduct',
          's.minutes_to_decision',
          's.created_at',
          's.decided_at',
        ])
        .where('s.created_at', '>=', from)
        .where('s.created_at', '<', to)
        .where((eb) => eb.or([...regionPrefixes.map((p) => eb('s.region_code', 'like', `${p}%`)), eb.val(false)]))
        .orderBy('s.created_at', 'desc')
        .limit(20_000)
        .execute();
    },

    /** Closed consultations in a region and period: who worked together and how long it took. */
    async consultationsIn(regionPrefixes: readonly string[], from: Date, to: Date) {
      return db
        .selectFrom('consultations as k')
        .innerJoin('cases as c', 'c.id', 'k.case_id')
        .select(['k.id', 'k.case_id', 'c.tracking_no', 'k.unit_ids', 'k.lead_unit_id', 'k.assist_unit_ids', 'k.convened_at', 'k.closed_at'])
        .where('k.convened_at', '>=', from)
        .where('k.convened_at', '<', to)
        .where((eb) => eb.or([...regionPrefixes.map((p) => eb('c.region_code', 'like', `${p}%`)), eb.val(false)]))
        .orderBy('k.convened_at', 'desc')
        .limit(20_000)
        .execute();
    },

    async rootCauseCounts(regionPrefixes: readonly string[], since: Date): Promise<Record<RootCauseKind, number>> {
      const rows = await db
        .selectFrom('safety_net_cases')
        .select(['root_cause_kind', sql<number>`count(*)::int`.as('n')])
        .where('root_cause_kind', 'is not', null)
        .where('created_at', '>=', since)
        .where((eb) => eb.or([...regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`)), eb.val(false)]))
        .groupBy('root_cause_kind')
        .execute();
      const out: Record<RootCauseKind, number> = { policy_barrier: 0, coordination_needed: 0, staff_conduct: 0 };
      for (const r of rows) if (r.root_cause_kind) out[r.root_cause_kind] = r.n;
      return out;
    },
  };
}

export type SafetyNetRepo = ReturnType<typeof createSafetyNetRepo>;
