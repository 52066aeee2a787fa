import { sql, type SqlBool } from 'kysely';
import type { MatterSource, MatterStatus, OriginatorKind } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { pageWithTotal } from '../../db/pages.ts';
import { termsQuery, termsVector } from '../../db/search-terms.ts';

export interface MatterWrite {
  listId: number | null;
  regionCode: string;
  title: string;
  description: string | null;
  areaCode: string;
  source: MatterSource;
  caseId: number | null;
  collectedOn: string;
  collectedBy: string | null;
  terms: string[];
  originators: OriginatorWrite[];
}

export interface OriginatorWrite {
  kind: OriginatorKind;
  name: string | null;
  phone: string | null;
  address: string | null;
  creditCode: string | null;
  caseId: number | null;
}

export interface MatterRow {
  id: number;
  listId: number | null;
  regionCode: string;
  regionName: string;
  title: string;
  description: string | null;
  areaCode: string;
  status: MatterStatus;
  source: MatterSource;
  caseId: number | null;
  mergedIntoId: number | null;
  projectId: number | null;
  collectedOn: string;
  collectedBy: string | null;
  originatorCount: number;
  createdAt: Date;
}

export interface OriginatorRow extends OriginatorWrite {
  id: number;
  matterId: number;
  originMatterId: number;
  trackingNo: string | null;
  casePhone: string | null;
  answeredAt: Date | null;
  answerMethod: 'sms' | 'case' | 'visit' | 'phone' | 'letter' | null;
  answerNote: string | null;
}

export interface MatterFilter {
  q?: string[] | undefined;
  regionPrefix?: string | undefined;
  /** Any of these prefixes (the caller's scope); empty array = nothing, undefined = everything. */
  scopePrefixes?: readonly string[] | undefined;
  areaCode?: string | undefined;
  status?: MatterStatus | undefined;
  listId?: number | undefined;
}

/** Rows for the import: written in chunks so 10,000 matters go in a few statements. */
const CHUNK = 500;

export function createMattersRepo(db: Db) {
  function base() {
    return db
      .selectFrom('matters as m')
      .innerJoin('regions as r', 'r.code', 'm.region_code')
      .leftJoin('regions as up', 'up.code', 'r.parent_code')
      .select([
        'm.id',
        'm.list_id',
        'm.region_code',
        // A village is named with its township (西南舁乡北岭村): village names repeat.
        sql<string>`case when r.level = 5 and up.name is not null then up.name || r.name else r.name end`.as('region_name'),
        'm.title',
        'm.description',
        'm.area_code',
        'm.status',
        'm.source',
        'm.case_id',
        'm.merged_into_id',
        'm.project_id',
        sql<string>`m.collected_on::text`.as('collected_on'),
        'm.collected_by',
        'm.originator_count',
        'm.created_at',
      ]);
  }
  type Raw = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const toRow = (r: Raw): MatterRow => ({
    id: r.id,
    listId: r.list_id,
    regionCode: r.region_code,
    regionName: r.region_name,
    title: r.title,
    description: r.description,
    areaCode: r.area_code,
    status: r.status,
    source: r.source,
    caseId: r.case_id,
    mergedIntoId: r.merged_into_id,
    projectId: r.project_id,
    collectedOn: r.collected_on,
    collectedBy: r.collected_by,
    originatorCount: r.originator_count,
    createdAt: r.created_at,
  });

  function filtered(f: MatterFilter) {
    let q = base();
    if (f.q && f.q.length > 0) q = q.where(sql<SqlBool>`m.search_terms @@ ${termsQuery(f.q)}`);
    if (f.regionPrefix) q = q.where('m.region_code', 'like', `${f.regionPrefix}%`);
    if (f.scopePrefixes !== undefined) {
      const ps = f.scopePrefixes;
      q = ps.length === 0 ? q.where(sql<SqlBool>`false`) : q.where((eb) => eb.or(ps.map((p) => eb('m.region_code', 'like', `${p}%`))));
    }
    if (f.areaCode) q = q.where('m.area_code', '=', f.areaCode);
    if (f.status) q = q.where('m.status', '=', f.status);
    if (f.listId !== undefined) q = q.where('m.list_id', '=', f.listId);
    return q;
  }

  return {
    async insertMany(items: readonly MatterWrite[], createdBy: number, at: Date): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < items.length; i += CHUNK) {
        const chunk = items.slice(i, i + CHUNK);
        const rows = await db
          .insertInto('matters')
          .values(
            chunk.map((m) => ({
              list_id: m.listId,
              region_code: m.regionCode,
              title: m.title,
              description: m.description,
              area_code: m.areaCode,
              status: 'open' as const,
              source: m.source,
              case_id: m.caseId,
              merged_into_id: null,
              project_id: null,
              collected_on: m.collectedOn,
              collected_by: m.collectedBy,
              originator_count: m.originators.length,
              search_terms: termsVector(m.terms),
              created_by: createdBy,
              created_at: at,
              updated_at: at,
            })),
          )
          .returning('id')
          .execute();
        const chunkIds = rows.map((r) => r.id);
        ids.push(...chunkIds);
        const originators = chunk.flatMap((m, k) =>
          m.originators.map((o) => ({
            matter_id: chunkIds[k]!,
            origin_matter_id: chunkIds[k]!,
            kind: o.kind,
            name: o.name,
            phone: o.phone,
            address: o.address,
            credit_code: o.creditCode,
            case_id: o.caseId,
            answered_at: null,
            answer_method: null,
            answer_note: null,
            answered_by: null,
            created_at: at,
          })),
        );
        for (let j = 0; j < originators.length; j += CHUNK) {
          await db
            .insertInto('matter_originators')
            .values(originators.slice(j, j + CHUNK))
            .execute();
        }
      }
      return ids;
    },

    async get(id: number, opts: { lock?: boolean } = {}): Promise<MatterRow | undefined> {
      if (opts.lock) await db.selectFrom('matters').select('id').where('id', '=', id).forUpdate().execute();
      const r = await base().where('m.id', '=', id).executeTakeFirst();
      return r && toRow(r);
    },

    async byIds(ids: readonly number[]): Promise<MatterRow[]> {
      if (ids.length === 0) return [];
      return (
        await base()
          .where('m.id', 'in', [...ids])
          .orderBy('m.id')
          .execute()
      ).map(toRow);
    },

    async search(f: MatterFilter, page: number, pageSize: number): Promise<{ items: MatterRow[]; total: number }> {
      const { rows, total } = await pageWithTotal(filtered(f).orderBy('m.id', 'desc'), { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(toRow), total };
    },

    /** Up to `limit` rows for the export (same filters, oldest first). */
    async all(f: MatterFilter, limit: number): Promise<MatterRow[]> {
      return (await filtered(f).orderBy('m.id').limit(limit).execute()).map(toRow);
    },

    /**
     * Candidates for duplicates: open or selected matters under `regionPrefix` collected within
     * [from, to] holding at least one of the terms (the GIN index on search_terms), best first.
     */
    async candidates(terms: readonly string[], regionPrefix: string, from: string, to: string, exclude: number | null, limit: number) {
      if (terms.length === 0) return [];
      const query = termsQuery(terms, '|');
      let q = base()
        .select(['m.description'])
        .where(sql<SqlBool>`m.search_terms @@ ${query}`)
        .where('m.region_code', 'like', `${regionPrefix}%`)
        .where('m.status', 'in', ['open', 'selected'])
        .where(sql<SqlBool>`m.collected_on between ${from}::date and ${to}::date`);
      if (exclude !== null) q = q.where('m.id', '<>', exclude);
      const rows = await q
        .orderBy(sql`ts_rank(m.search_terms, ${query})`, 'desc')
        .orderBy('m.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toRow(r), description: r.description }));
    },

    /** Open and selected matters under the prefix (the duplicate review), newest first. */
    async openUnder(prefix: string, listId: number | undefined, limit: number) {
      let q = base().where('m.region_code', 'like', `${prefix}%`).where('m.status', 'in', ['open', 'selected']);
      if (listId !== undefined) q = q.where('m.list_id', '=', listId);
      return (await q.orderBy('m.id', 'desc').limit(limit).execute()).map(toRow);
    },

    async originators(matterIds: readonly number[]): Promise<OriginatorRow[]> {
      if (matterIds.length === 0) return [];
      const rows = await db
        .selectFrom('matter_originators as o')
        .leftJoin('cases as c', 'c.id', 'o.case_id')
        .select([
          'o.id',
          'o.matter_id',
          'o.origin_matter_id',
          'o.kind',
          'o.name',
          'o.phone',
          'o.address',
          'o.credit_code',
          'o.case_id',
          'c.tracking_no',
          'c.requester_phone',
          'o.answered_at',
          'o.answer_method',
          'o.answer_note',
        ])
        .where('o.matter_id', 'in', [...matterIds])
        .orderBy('o.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        matterId: r.matter_id,
        originMatterId: r.origin_matter_id,
        kind: r.kind,
        name: r.name,
        phone: r.phone,
        address: r.address,
        creditCode: r.credit_code,
        caseId: r.case_id,
        trackingNo: r.tracking_no,
        casePhone: r.requester_phone,
        answeredAt: r.answered_at,
        answerMethod: r.answer_method,
        answerNote: r.answer_note,
      }));
    },

    /** The matters a project answers, with the names of their regions. */
    async ofProject(
      projectId: number,
    ): Promise<{ id: number; title: string; regionCode: string; regionName: string; originatorCount: number }[]> {
      const rows = await db
        .selectFrom('matters as m')
        .innerJoin('regions as r', 'r.code', 'm.region_code')
        .select(['m.id', 'm.title', 'm.region_code', 'r.name as region_name', 'm.originator_count'])
        .where('m.project_id', '=', projectId)
        .orderBy('m.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        regionCode: r.region_code,
        regionName: r.region_name,
        originatorCount: r.originator_count,
      }));
    },

    /** The live matter made from a case, if any. */
    async ofCase(caseId: number): Promise<number | null> {
      const r = await db
        .selectFrom('matters')
        .select('id')
        .where('case_id', '=', caseId)
        .where('status', '<>', 'merged')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    async mergedInto(id: number): Promise<{ id: number; title: string }[]> {
      return db.selectFrom('matters').select(['id', 'title']).where('merged_into_id', '=', id).orderBy('id').execute();
    },

    /** Move every originator of `id` to `intoId`, mark `id` merged, recount both. */
    async merge(id: number, intoId: number, projectId: number | null, at: Date): Promise<void> {
      await db.updateTable('matter_originators').set({ matter_id: intoId }).where('matter_id', '=', id).execute();
      await db
        .updateTable('matters')
        .set({ status: 'merged', merged_into_id: intoId, project_id: null, originator_count: 0, updated_at: at })
        .where('id', '=', id)
        .execute();
      // Matters merged earlier into `id` now point at the survivor too.
      await db.updateTable('matters').set({ merged_into_id: intoId, updated_at: at }).where('merged_into_id', '=', id).execute();
      await db
        .updateTable('matters')
        .set({
          originator_count: sql<number>`(select count(*)::int from matter_originators o where o.matter_id = ${intoId})`,
          ...(projectId !== null ? { project_id: projectId } : {}),
          updated_at: at,
        })
        .where('id', '=', intoId)
        .execute();
    },

    async setProject(ids: readonly number[], projectId: number | null, status: MatterStatus, at: Date): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('matters')
        .set({ project_id: projectId, status, updated_at: at })
        .where('id', 'in', [...ids])
        .execute();
    },

    async setStatusOfProject(projectId: number, status: MatterStatus, at: Date): Promise<void> {
      await db.updateTable('matters').set({ status, updated_at: at }).where('project_id', '=', projectId).execute();
    },

    async markAnswered(
      originatorIds: readonly number[],
      a: { method: 'sms' | 'case' | 'visit' | 'phone' | 'letter'; note: string; by: number },
      at: Date,
    ): Promise<void> {
      if (originatorIds.length === 0) return;
      await db
        .updateTable('matter_originators')
        .set({ answered_at: at, answer_method: a.method, answer_note: a.note, answered_by: a.by })
        .where('id', 'in', [...originatorIds])
        .where('answered_at', 'is', null)
        .execute();
    },
  };
}

export type MattersRepo = ReturnType<typeof createMattersRepo>;
