import type { Db } from '../../db/connect.ts';

export function createCategoriesRepo(db: Db) {
  return {
    async exists(code: string): Promise<boolean> {
      const r = await db.selectFrom('categories').select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst();
      return r !== undefined;
    },

    async list() {
      return db.selectFrom('categories').selectAll().where('active', '=', true).orderBy('code').execute();
    },

    async upsert(c: { code: string; parentCode: string | null; nameZh: string; nameEn: string }) {
      await db
        .insertInto('categories')
        .values({ code: c.code, parent_code: c.parentCode, name_zh: c.nameZh, name_en: c.nameEn })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name_zh: c.nameZh, name_en: c.nameEn, parent_code: c.parentCode }))
        .execute();
    },

    /** Units the routing catalog names for a category in a region, most specific region first. */
    async route(categoryCode: string, regionCode: string): Promise<number[]> {
      const rows = await db
        .selectFrom('routing_rules')
        .select(['unit_id', 'region_prefix'])
        .where('category_code', '=', categoryCode)
        .execute();
      return rows
        .filter((r) => regionCode.startsWith(r.region_prefix))
        .sort((a, b) => b.region_prefix.length - a.region_prefix.length)
        .map((r) => r.unit_id);
    },

    async addRoute(categoryCode: string, regionPrefix: string, unitId: number) {
      await db
        .insertInto('routing_rules')
        .values({ category_code: categoryCode, region_prefix: regionPrefix, unit_id: unitId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
