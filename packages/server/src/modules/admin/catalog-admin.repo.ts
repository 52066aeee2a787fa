import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

export interface AdminCategoryRow {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface RoutingRuleRow {
  id: number;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  categoryActive: boolean;
  regionPrefix: string;
  regionName: string | null;
  unit: { id: number; name: string; active: boolean };
}

/** The region a prefix stands for: 14 -> 140000, 1408 -> 140800, longer prefixes are codes. */
export function regionCodeOfPrefix(prefix: string): string {
  return prefix.length < 6 ? prefix.padEnd(6, '0') : prefix;
}

/** Categories (the nationwide tree every region shares) and routing rules (category x region prefix -> unit). */
export function createCatalogAdminRepo(db: Db) {
  const category = (r: {
    code: string;
    parent_code: string | null;
    name_zh: string;
    name_en: string;
    active: boolean;
  }): AdminCategoryRow => ({
    code: r.code,
    parentCode: r.parent_code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    active: r.active,
  });

  function rules() {
    return db
      .selectFrom('routing_rules as rr')
      .innerJoin('categories as c', 'c.code', 'rr.category_code')
      .innerJoin('units as u', 'u.id', 'rr.unit_id')
      .leftJoin('regions as g', (j) =>
        j.on(sql<SqlBool>`g.code = case when length(rr.region_prefix) < 6 then rpad(rr.region_prefix, 6, '0') else rr.region_prefix end`),
      )
      .select([
        'rr.id',
        'rr.category_code',
        'c.name_zh',
        'c.name_en',
        'c.active as category_active',
        'rr.region_prefix',
        'g.name as region_name',
        'u.id as unit_id',
        'u.name as unit_name',
        'u.active as unit_active',
      ]);
  }
  type Rule = Awaited<ReturnType<ReturnType<typeof rules>['execute']>>[number];
  const rule = (r: Rule): RoutingRuleRow => ({
    id: r.id,
    categoryCode: r.category_code,
    categoryNameZh: r.name_zh,
    categoryNameEn: r.name_en,
    categoryActive: r.category_active,
    regionPrefix: r.region_prefix,
    regionName: r.region_name,
    unit: { id: r.unit_id, name: r.unit_name, active: r.unit_active },
  });

  return {
    async categories(): Promise<AdminCategoryRow[]> {
      const rows = await db.selectFrom('categories').selectAll().orderBy('code').execute();
      return rows.map(category);
    },

    async category(code: string, opts: { lock?: boolean } = {}): Promise<AdminCategoryRow | undefined> {
      const q = db.selectFrom('categories').selectAll().where('code', '=', code);
      const r = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
      return r && category(r);
    },

    /** False when the code is taken (also by a concurrent insert). */
    async insertCategory(c: { code: string; parentCode: string | null; nameZh: string; nameEn: string }): Promise<boolean> {
      const r = await db
        .insertInto('categories')
        .values({ code: c.code, parent_code: c.parentCode, name_zh: c.nameZh, name_en: c.nameEn })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .executeTakeFirst();
      return r !== undefined;
    },

    async updateCategory(code: string, patch: { nameZh?: string | undefined; nameEn?: string | undefined; active?: boolean | undefined }) {
      await db
        .updateTable('categories')
        .set({
          ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        })
        .where('code', '=', code)
        .execute();
    },

    async activeChildCount(code: string): Promise<number> {
      const r = await db
        .selectFrom('categories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_code', '=', code)
        .where('active', '=', true)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Rules whose region prefix lies under one of `prefixes`, by category then region. */
    async rulesUnder(prefixes: readonly string[]): Promise<RoutingRuleRow[]> {
      if (prefixes.length === 0) return [];
      const rows = await rules()
        .where((eb) => eb.or(prefixes.map((p) => eb('rr.region_prefix', 'like', `${p}%`))))
        .orderBy('rr.category_code')
        .orderBy('rr.region_prefix')
        .orderBy('rr.id')
        .execute();
      return rows.map(rule);
    },

    async rule(id: number): Promise<RoutingRuleRow | undefined> {
      const r = await rules().where('rr.id', '=', id).executeTakeFirst();
      return r && rule(r);
    },

    /** The new rule's id, or undefined when the same rule exists (also from a concurrent insert). */
    async insertRule(categoryCode: string, regionPrefix: string, unitId: number): Promise<number | undefined> {
      const r = await db
        .insertInto('routing_rules')
        .values({ category_code: categoryCode, region_prefix: regionPrefix, unit_id: unitId })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },

    async deleteRule(id: number): Promise<void> {
      await db.deleteFrom('routing_rules').where('id', '=', id).execute();
    },

    async regionExists(code: string): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
    },

    async unit(id: number) {
      return db.selectFrom('units').select(['id', 'region_code', 'active']).where('id', '=', id).executeTakeFirst();
    },
  };
}

export type CatalogAdminRepo = ReturnType<typeof createCatalogAdminRepo>;
