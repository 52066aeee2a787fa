import { sql, type SqlBool } from 'kysely';
import type { LivelihoodArea, ListStatus } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';

export interface ListRow {
  id: number;
  regionCode: string;
  regionName: string;
  title: string;
  year: number;
  batch: number;
  status: ListStatus;
  publishedAt: Date | null;
  selection: { heldAt: string; attendees: string; notes: string | null; recordedBy: number } | null;
  matterCount: number;
  projectCount: number;
  selectedCount: number;
}

/** Livelihood areas (领域), lists (清单) and the settings of the practice. */
export function createListsRepo(db: Db) {
  function listQuery() {
    return db
      .selectFrom('livelihood_lists as l')
      .innerJoin('regions as r', 'r.code', 'l.region_code')
      .select([
        'l.id',
        'l.region_code',
        'r.name as region_name',
        'l.title',
        'l.year',
        'l.batch',
        'l.status',
        'l.published_at',
        'l.selection',
        sql<number>`(select count(*)::int from matters m where m.list_id = l.id and m.status <> 'merged')`.as('matter_count'),
        sql<number>`(select count(*)::int from projects p where p.list_id = l.id)`.as('project_count'),
        sql<number>`(select count(*)::int from projects p where p.list_id = l.id and p.status not in ('candidate', 'dropped'))`.as(
          'selected_count',
        ),
      ]);
  }
  type Raw = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];
  const toRow = (r: Raw): ListRow => ({
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    title: r.title,
    year: r.year,
    batch: r.batch,
    status: r.status,
    publishedAt: r.published_at,
    selection: r.selection,
    matterCount: r.matter_count,
    projectCount: r.project_count,
    selectedCount: r.selected_count,
  });

  return {
    async areas(includeInactive = false): Promise<LivelihoodArea[]> {
      let q = db.selectFrom('livelihood_areas').select(['code', 'name_zh', 'name_en']).orderBy('sort');
      if (!includeInactive) q = q.where('active', '=', true);
      return (await q.execute()).map((a) => ({ code: a.code, zh: a.name_zh, en: a.name_en }));
    },

    /** Replace the active set: listed areas are upserted in order, the others deactivated (matters keep them). */
    async putAreas(items: readonly LivelihoodArea[]): Promise<void> {
      await db.updateTable('livelihood_areas').set({ active: false }).execute();
      let sort = 0;
      for (const a of items) {
        sort++;
        await db
          .insertInto('livelihood_areas')
          .values({ code: a.code, name_zh: a.zh, name_en: a.en, sort, active: true })
          .onConflict((oc) => oc.column('code').doUpdateSet({ name_zh: a.zh, name_en: a.en, sort, active: true }))
          .execute();
      }
    },

    async get(id: number, opts: { lock?: boolean } = {}): Promise<ListRow | undefined> {
      if (opts.lock) await db.selectFrom('livelihood_lists').select('id').where('id', '=', id).forUpdate().execute();
      const r = await listQuery().where('l.id', '=', id).executeTakeFirst();
      return r && toRow(r);
    },

    /** Lists whose region is one of `codes` or lies under `prefix`. */
    async around(codes: readonly string[], prefix: string | null): Promise<ListRow[]> {
      const rows = await listQuery()
        .where((eb) => {
          const ors = [];
          if (codes.length > 0) ors.push(eb('l.region_code', 'in', [...codes]));
          if (prefix !== null) ors.push(eb('l.region_code', 'like', `${prefix}%`));
          return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
        })
        .orderBy('l.year', 'desc')
        .orderBy('l.region_code')
        .orderBy('l.batch')
        .execute();
      return rows.map(toRow);
    },

    /** The newest collecting list of one of the regions (nearest region first). */
    async collectingFor(regionCodes: readonly string[]): Promise<number | null> {
      if (regionCodes.length === 0) return null;
      const rows = await db
        .selectFrom('livelihood_lists')
        .select(['id', 'region_code'])
        .where('region_code', 'in', [...regionCodes])
        .where('status', '=', 'collecting')
        .orderBy('year', 'desc')
        .orderBy('batch', 'desc')
        .execute();
      for (const code of regionCodes) {
        const hit = rows.find((r) => r.region_code === code);
        if (hit) return hit.id;
      }
      return null;
    },

    /** The newest list of exactly this region still open for proposals (collecting or selecting). */
    async openOf(regionCode: string): Promise<number | null> {
      const r = await db
        .selectFrom('livelihood_lists')
        .select('id')
        .where('region_code', '=', regionCode)
        .where('status', 'in', ['collecting', 'selecting'])
        .orderBy('year', 'desc')
        .orderBy('batch', 'desc')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    async maxBatch(regionCode: string, year: number): Promise<number> {
      const r = await db
        .selectFrom('livelihood_lists')
        .select(sql<number>`coalesce(max(batch), 0)::int`.as('n'))
        .where('region_code', '=', regionCode)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      return r.n;
    },

    async insert(
      l: { regionCode: string; title: string; year: number; batch: number; createdBy: number },
      at: Date,
    ): Promise<number | null> {
      const r = await db
        .insertInto('livelihood_lists')
        .values({
          region_code: l.regionCode,
          title: l.title,
          year: l.year,
          batch: l.batch,
          status: 'collecting',
          published_at: null,
          selection: null,
          created_by: l.createdBy,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['region_code', 'year', 'batch']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    async update(
      id: number,
      patch: { title?: string; status?: ListStatus; publishedAt?: Date | null; selection?: ListRow['selection'] },
    ): Promise<void> {
      await db
        .updateTable('livelihood_lists')
        .set({
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.publishedAt !== undefined ? { published_at: patch.publishedAt } : {}),
          ...(patch.selection !== undefined ? { selection: patch.selection } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** The next assignment-letter sequence number of a prefix and year (locked by the upsert). */
    async nextLetterSeq(prefix: string, year: number): Promise<number> {
      const r = await db
        .insertInto('letter_counters')
        .values({ prefix, year, seq: 1 })
        .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ seq: sql<number>`letter_counters.seq + 1` }))
        .returning('seq')
        .executeTakeFirstOrThrow();
      return r.seq;
    },
  };
}

export type ListsRepo = ReturnType<typeof createListsRepo>;
