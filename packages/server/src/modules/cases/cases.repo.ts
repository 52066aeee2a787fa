import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import {
  caseQueues,
  openStatuses,
  regionPrefix,
  type CaseQueues,
  type CaseScope,
  type CaseStatus,
  type ListCasesQuery,
} from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow, CaseUpdate, Database, NewCase } from '../../db/schema.ts';
import { termsQuery } from '../../db/search-terms.ts';

export interface ListFilter extends Omit<ListCasesQuery, 'cursor' | 'q' | 'pageSize'> {
  scope: CaseScope;
  now: Date;
  afterId?: number | undefined;
  pageSize: number;
  trackingNo?: string | undefined;
  phone?: string | undefined;
  terms?: readonly string[] | undefined;
}

type CaseQuery = SelectQueryBuilder<Database, 'cases', CaseRow>;

/** The filters of a list query, the keyset cursor and the page limit. */
function filtered(q: CaseQuery, f: ListFilter): CaseQuery {
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status as CaseStatus[]);
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.or([eb('lead_unit_id', '=', unitId), sql<SqlBool>`assist_unit_ids @> array[${unitId}]::bigint[]`]));
  }
  // Lead unit only (unitId above also matches assisting units); cases_lead_status_id (lead_unit_id, status, id desc) finds the rows.
  if (f.leadUnitId !== undefined) q = q.where('lead_unit_id', '=', f.leadUnitId);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.regionCode) q = q.where('region_code', 'like', `${regionPrefix(f.regionCode)}%`);
  if (f.from) q = q.where('created_at', '>=', new Date(f.from));
  if (f.to) q = q.where('created_at', '<', new Date(f.to));
  if (f.due === 'overdue') q = q.where('next_due_at', '<=', f.now);
  if (f.due === 'near') q = q.where('next_due_at', '>', f.now).where('near_due_at', '<=', f.now);
  if (f.trackingNo) q = q.where('tracking_no', '=', f.trackingNo);
  if (f.phone) q = q.where('requester_phone', '=', f.phone);
  if (f.terms && f.terms.length > 0) q = q.where(sql<SqlBool>`search_terms @@ ${termsQuery(f.terms)}`);
  if (f.afterId !== undefined) q = q.where('id', '<', f.afterId);
  return q.orderBy('id', 'desc').limit(f.pageSize + 1);
}

export function createCasesRepo(db: Db) {
  return {
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

    /** A requester's cases, newest first (cases_phone finds them): the hotline desk's caller history. */
    async byRequesterPhone(phone: string, limit: number): Promise<CaseRow[]> {
      return db.selectFrom('cases').selectAll().where('requester_phone', '=', phone).orderBy('id', 'desc').limit(limit).execute();
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

    /**
     * Possible duplicates of a case: cases of the same county, not merged, registered within
     * `days`, sharing at least one search term (GIN index), newest first.
     */
    async similarCandidates(
      c: { id: number; regionCode: string; createdAt: Date },
      terms: readonly string[],
      days: number,
      limit = 50,
    ): Promise<CaseRow[]> {
      if (terms.length === 0) return [];
      return db
        .selectFrom('cases')
        .selectAll()
        .where('id', '!=', c.id)
        .where('status', '!=', 'merged')
        .where('region_code', 'like', `${c.regionCode.slice(0, 6)}%`)
        .where('created_at', '>=', new Date(c.createdAt.getTime() - days * 86400_000))
        .where(sql<SqlBool>`search_terms @@ ${termsQuery(terms, '|')}`)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /**
     * Live queue counts for a workbench: open cases only (served by the status index, bounded by
     * the number of open cases, never by the history).
     */
    async queueCounts(scope: CaseScope, now: Date): Promise<CaseQueues> {
      const { regionPrefixes, unitIds } = scope;
      if (regionPrefixes.length === 0 && unitIds.length === 0) {
        return Object.fromEntries(caseQueues.map((k) => [k, 0])) as CaseQueues;
      }
      const row = await db
        .selectFrom('cases')
        .select([
          sql<number>`count(*) filter (where status = 'registered')`.as('registered'),
          sql<number>`count(*) filter (where status = 'dispatched')`.as('dispatched'),
          sql<number>`count(*) filter (where status = 'returned')`.as('returned'),
          sql<number>`count(*) filter (where status = 'in_progress')`.as('in_progress'),
          sql<number>`count(*) filter (where status = 'reply_review')`.as('reply_review'),
          sql<number>`count(*) filter (where status = 'replied' and follow_up = 'none')`.as('awaiting_follow_up'),
          sql<number>`count(*) filter (where status = 'replied' and follow_up = 'unsatisfied')`.as('awaiting_decision'),
          sql<number>`count(*) filter (where next_due_at > ${now} and near_due_at <= ${now})`.as('near'),
          sql<number>`count(*) filter (where next_due_at <= ${now})`.as('overdue'),
          // Safety-net cases the officer has yet to decide.
          sql<number>`count(*) filter (where channel = 'safety_net' and status in ('registered', 'in_progress'))`.as('safety_net_open'),
        ])
        .where('status', 'in', [...openStatuses])
        .where((eb) => {
          const ors = regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`));
          if (unitIds.length > 0) {
            ors.push(eb('lead_unit_id', 'in', [...unitIds]));
            ors.push(eb(sql<SqlBool>`assist_unit_ids && ${sql.val([...unitIds])}::bigint[]`, '=', true));
          }
          return eb.or(ors);
        })
        .executeTakeFirstOrThrow();
      return Object.fromEntries(caseQueues.map((k) => [k, Number(row[k])])) as CaseQueues;
    },

    /**
     * A page of cases in scope, newest first. Each branch of the scope (the regions, the units
     * led, the units assisted) is its own query so that each can use its own index; the pages
     * are merged by id. An OR across them would leave the planner a filter over the whole table.
     */
    async list(f: ListFilter): Promise<CaseRow[]> {
      const { regionPrefixes, unitIds } = f.scope;
      const branches: ((q: CaseQuery) => CaseQuery)[] = [];
      if (regionPrefixes.length > 0) {
        branches.push((q) => q.where((eb) => eb.or(regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`)))));
      }
      if (unitIds.length > 0) {
        branches.push((q) => q.where('lead_unit_id', 'in', [...unitIds]));
        branches.push((q) => q.where(sql<SqlBool>`assist_unit_ids && ${sql.val([...unitIds])}::bigint[]`));
      }
      const pages = await Promise.all(branches.map((scoped) => filtered(scoped(db.selectFrom('cases').selectAll()), f).execute()));
      const byId = new Map<number, CaseRow>();
      for (const page of pages) for (const row of page) byId.set(row.id, row);
      return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, f.pageSize + 1);
    },

    /**
     * How many cases in scope match the filters (the export's check before it writes anything),
     * counted no further than `cap + 1`. One query with the scope's branches OR-ed: a count, not a page.
     */
    async countInScope(f: Omit<ListFilter, 'pageSize' | 'afterId'>, cap: number): Promise<number> {
      const { regionPrefixes, unitIds } = f.scope;
      if (regionPrefixes.length === 0 && unitIds.length === 0) return 0;
      const scoped = db
        .selectFrom('cases')
        .selectAll()
        .where((eb) => {
          const ors = regionPrefixes.map((p) => eb('region_code', 'like', `${p}%`));
          if (unitIds.length > 0) {
            ors.push(eb('lead_unit_id', 'in', [...unitIds]));
            ors.push(eb(sql<SqlBool>`assist_unit_ids && ${sql.val([...unitIds])}::bigint[]`, '=', true));
          }
          return eb.or(ors);
        });
      const ids = filtered(scoped, { ...f, pageSize: cap })
        .clearOrderBy()
        .clearLimit()
        .clearSelect()
        .select('id')
        .limit(cap + 1);
      const row = await db
        .selectFrom(ids.as('x'))
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The Chinese names of categories by code (the export and the case sheet). */
    async categoryNames(codes: readonly string[]): Promise<Map<string, string>> {
      if (codes.length === 0) return new Map();
      const rows = await db
        .selectFrom('categories')
        .select(['code', 'name_zh'])
        .where('code', 'in', [...new Set(codes)])
        .execute();
      return new Map(rows.map((r) => [r.code, r.name_zh]));
    },
  };
}

export type CasesRepo = ReturnType<typeof createCasesRepo>;
