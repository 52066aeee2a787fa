import { sql, type Expression, type SqlBool } from 'kysely';
import type { CaseScope, CaseStatus, ListCasesQuery } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow, CaseUpdate, NewCase } from '../../db/schema.ts';

/** A tsvector built from precomputed search terms, without the text-search parser. */
export function termsVector(terms: readonly string[]) {
  return sql<string>`array_to_tsvector(${[...terms]}::text[])`;
}

/** All terms must match: 'a' & 'b', each quoted as a tsquery lexeme. */
export function termsQuery(terms: readonly string[]) {
  const q = terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
  return sql<string>`${q}::tsquery`;
}

export interface ListFilter extends Omit<ListCasesQuery, 'cursor' | 'q' | 'pageSize'> {
  scope: CaseScope;
  now: Date;
  afterId?: number | undefined;
  pageSize: number;
  trackingNo?: string | undefined;
  phone?: string | undefined;
  terms?: readonly string[] | undefined;
}

export function createCasesRepo(db: Db) {
  return {
    /** Next sequence number for a region and year; the row lock serialises concurrent registrations. */
    async nextTrackingSeq(regionCode: string, year: number): Promise<number> {
      const r = await db
        .insertInto('tracking_counters')
        .values({ region_code: regionCode, year, last_seq: 1 })
        .onConflict((oc) => oc.columns(['region_code', 'year']).doUpdateSet({ last_seq: sql`tracking_counters.last_seq + 1` }))
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return r.last_seq;
    },

    async insert(row: NewCase): Promise<CaseRow> {
      return db.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async get(id: number): Promise<CaseRow | undefined> {
      return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Read and lock the case row for the rest of the transaction. */
    async lock(id: number): Promise<CaseRow | undefined> {
      return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async findByTrackingNo(trackingNo: string): Promise<CaseRow | undefined> {
      return db.selectFrom('cases').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
    },

    /** Update the case if it still has `version`; the new version is version + 1. */
    async update(id: number, version: number, patch: CaseUpdate): Promise<CaseRow | undefined> {
      return db
        .updateTable('cases')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },

    async mergedInto(masterId: number): Promise<CaseRow[]> {
      return db.selectFrom('cases').selectAll().where('master_id', '=', masterId).where('status', '=', 'merged').orderBy('id').execute();
    },

    async list(f: ListFilter): Promise<CaseRow[]> {
      let q = db.selectFrom('cases').selectAll();
      const { regionPrefixes, unitIds } = f.scope;
      q = q.where((eb) => {
        const ors: Expression<SqlBool>[] = regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`));
        if (unitIds.length > 0) {
          ors.push(eb('lead_unit_id', 'in', [...unitIds]));
          ors.push(sql<SqlBool>`assist_unit_ids && ${sql.val([...unitIds])}::bigint[]`);
        }
        return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
      });
      if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status as CaseStatus[]);
      if (f.unitId !== undefined) {
        const unitId = f.unitId;
        q = q.where((eb) => eb.or([eb('lead_unit_id', '=', unitId), sql<SqlBool>`assist_unit_ids @> array[${unitId}]::bigint[]`]));
      }
      if (f.type) q = q.where('type', '=', f.type);
      if (f.channel) q = q.where('channel', '=', f.channel);
      if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
      if (f.regionCode) q = q.where('region_code', 'like', `${f.regionCode.replace(/0+$/, '')}%`);
      if (f.from) q = q.where('created_at', '>=', new Date(f.from));
      if (f.to) q = q.where('created_at', '<', new Date(f.to));
      if (f.due === 'overdue') q = q.where('next_due_at', '<=', f.now);
      if (f.due === 'near') q = q.where('next_due_at', '>', f.now).where('near_due_at', '<=', f.now);
      if (f.trackingNo) q = q.where('tracking_no', '=', f.trackingNo);
      if (f.phone) q = q.where('requester_phone', '=', f.phone);
      if (f.terms && f.terms.length > 0) q = q.where(sql<SqlBool>`search_terms @@ ${termsQuery(f.terms)}`);
      if (f.afterId !== undefined) q = q.where('id', '<', f.afterId);
      return q.orderBy('id', 'desc').limit(f.pageSize + 1).execute();
    },
  };
}

export type CasesRepo = ReturnType<typeof createCasesRepo>;
