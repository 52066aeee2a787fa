import type { Db } from '../../db/connect.ts';
import type { RegionRow } from './region-source.ts';

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
        const r = await db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', '=', next).executeTakeFirst();
        if (!r) break;
        out.push({ code: r.code, name: r.name, level: r.level });
        next = r.parent_code;
      }
      return out;
    },

    async count(): Promise<number> {
      const r = await db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type RegionsRepo = ReturnType<typeof createRegionsRepo>;
