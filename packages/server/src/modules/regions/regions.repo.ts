import type { Db } from '../../db/connect.ts';
import type { RegionRow } from './region-source.ts';

/** The regions table: the one repo that writes it. */
export function createRegionsRepo(db: Db) {
  return {
    async upsertMany(rows: readonly RegionRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        await db
          .insertInto('regions')
          .values(chunk.map((r) => ({ code: r.code, name: r.name, parent_code: r.parentCode, level: r.level })))
          .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
          .execute();
      }
    },

    async exists(code: string): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
    },

    async get(code: string) {
      return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async children(parentCode: string | null) {
      const q = db.selectFrom('regions').selectAll().orderBy('code');
      return (parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode)).execute();
    },

    /** The region and its ancestors, nearest first. */
    async lineage(code: string): Promise<{ code: string; name: string; level: number }[]> {
      const out: { code: string; name: string; level: number }[] = [];
      let next: string | null = code;
      for (let guard = 0; next !== null && guard < 6; guard++) {
        const r = await db
          .selectFrom('regions')
          .select(['code', 'name', 'level', 'parent_code'])
          .where('code', '=', next)
          .executeTakeFirst();
        if (!r) break;
        out.push({ code: r.code, name: r.name, level: r.level });
        next = r.parent_code;
      }
      return out;
    },

    /** Names of the given codes (unknown codes are left out). */
    async names(codes: readonly string[]): Promise<Map<string, { name: string; level: number }>> {
      if (codes.length === 0) return new Map();
      const rows = await db
        .selectFrom('regions')
        .select(['code', 'name', 'level'])
        .where('code', 'in', [...new Set(codes)])
        .execute();
      return new Map(rows.map((r) => [r.code, { name: r.name, level: r.level }]));
    },

    /** Regions under any of the prefixes ('' = all) from `minLevel` down to `maxLevel`, by code. */
    async under(
      prefixes: readonly string[],
      opts: { minLevel?: number; maxLevel?: number; limit?: number; alsoCodes?: readonly string[] } = {},
    ) {
      let q = db.selectFrom('regions').select(['code', 'name', 'parent_code', 'level']).orderBy('code');
      q = q.where((eb) => {
        const ors = prefixes.map((p) => eb('code', 'like', `${p}%`));
        if (opts.alsoCodes && opts.alsoCodes.length > 0) ors.push(eb('code', 'in', [...opts.alsoCodes]));
        return eb.or(ors);
      });
      if (opts.minLevel !== undefined) q = q.where('level', '>=', opts.minLevel);
      if (opts.maxLevel !== undefined) q = q.where('level', '<=', opts.maxLevel);
      if (opts.limit !== undefined) q = q.limit(opts.limit);
      return q.execute();
    },

    /** Every name at township level and below (the segmenter's dictionary of places). */
    async placeNames(): Promise<string[]> {
      return (await db.selectFrom('regions').select('name').where('level', '>=', 4).execute()).map((r) => r.name);
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type RegionsRepo = ReturnType<typeof createRegionsRepo>;
