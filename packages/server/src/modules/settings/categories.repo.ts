import type { AdminCategory, RoutingRule } from '@huiyin/core';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * Categories (the nationwide tree every region shares) and the routing catalog (category x
 * region prefix -> unit): the one repo that writes those two tables.
 */
export function createCategoriesRepo(db: Db) {
  const category = (r: { code: string; parent_code: string | null; name_zh: string; name_en: string; active: boolean }): AdminCategory => ({
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
        'rr.assist_unit_ids',
        'rr.time_limit_days',
      ]);
  }
  type Rule = Awaited<ReturnType<ReturnType<typeof rules>['execute']>>[number];
  /** The names of the assisting units the rules name. */
  async function assistNames(rows: readonly Rule[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.flatMap((r) => r.assist_unit_ids.map(Number)))];
    if (ids.length === 0) return new Map();
    const units = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(units.map((u) => [Number(u.id), u.name]));
  }
  const rule = (r: Rule, names: ReadonlyMap<number, string>): RoutingRule => ({
    id: r.id,
    categoryCode: r.category_code,
    categoryNameZh: r.name_zh,
    categoryNameEn: r.name_en,
    categoryActive: r.category_active,
    regionPrefix: r.region_prefix,
    regionName: r.region_name,
    unit: { id: r.unit_id, name: r.unit_name, active: r.unit_active },
    assistUnits: r.assist_unit_ids.map(Number).map((id) => ({ id, name: names.get(id) ?? String(id) })),
    timeLimitDays: r.time_limit_days,
  });

  return {
    async exists(code: string): Promise<boolean> {
      const r = await db.selectFrom('categories').select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst();
      return r !== undefined;
    },

    /** The active categories, by code. */
    async list() {
      return db.selectFrom('categories').selectAll().where('active', '=', true).orderBy('code').execute();
    },

    /** Every category, inactive ones included, by code. */
    async all(): Promise<AdminCategory[]> {
      const rows = await db.selectFrom('categories').selectAll().orderBy('code').execute();
      return rows.map(category);
    },

    async get(code: string, opts: { lock?: boolean } = {}): Promise<AdminCategory | undefined> {
      const q = db.selectFrom('categories').selectAll().where('code', '=', code);
      const r = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
      return r && category(r);
    },

    async upsert(c: { code: string; parentCode: string | null; nameZh: string; nameEn: string }) {
      await db
        .insertInto('categories')
        .values({ code: c.code, parent_code: c.parentCode, name_zh: c.nameZh, name_en: c.nameEn })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name_zh: c.nameZh, name_en: c.nameEn, parent_code: c.parentCode }))
        .execute();
    },

    /** False when the code is taken (also by a concurrent insert). */
    async insert(c: { code: string; parentCode: string | null; nameZh: string; nameEn: string }): Promise<boolean> {
      const r = await db
        .insertInto('categories')
        .values({ code: c.code, parent_code: c.parentCode, name_zh: c.nameZh, name_en: c.nameEn })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .executeTakeFirst();
      return r !== undefined;
    },

    async update(code: string, patch: { nameZh?: string | undefined; nameEn?: string | undefined; active?: boolean | undefined }) {
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

    // ---- the routing catalog ----

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

    /** The rules for a category in a region, most specific region first: lead unit, assisting units, own time limit. */
    async routes(categoryCode: string, regionCode: string) {
      const rows = await db
        .selectFrom('routing_rules')
        .select(['unit_id', 'region_prefix', 'assist_unit_ids', 'time_limit_days'])
        .where('category_code', '=', categoryCode)
        .orderBy('id')
        .execute();
      return rows
        .filter((r) => regionCode.startsWith(r.region_prefix))
        .sort((a, b) => b.region_prefix.length - a.region_prefix.length)
        .map((r) => ({ unitId: Number(r.unit_id), assistUnitIds: r.assist_unit_ids.map(Number), timeLimitDays: r.time_limit_days }));
    },

    /** The new rule's id, or undefined when the same rule exists (also from a concurrent insert). */
    async addRoute(
      categoryCode: string,
      regionPrefix: string,
      unitId: number,
      details: { assistUnitIds?: readonly number[] | undefined; timeLimitDays?: number | null | undefined } = {},
    ): Promise<number | undefined> {
      const r = await db
        .insertInto('routing_rules')
        .values({
          category_code: categoryCode,
          region_prefix: regionPrefix,
          unit_id: unitId,
          assist_unit_ids: [...(details.assistUnitIds ?? [])],
          time_limit_days: details.timeLimitDays ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },

    /** Rules whose region prefix lies under one of `prefixes`, by category then region. */
    async rulesUnder(prefixes: readonly string[]): Promise<RoutingRule[]> {
      if (prefixes.length === 0) return [];
      const rows = await rules()
        .where((eb) => eb.or(prefixes.map((p) => eb('rr.region_prefix', 'like', `${p}%`))))
        .orderBy('rr.category_code')
        .orderBy('rr.region_prefix')
        .orderBy('rr.id')
        .execute();
      const names = await assistNames(rows);
      return rows.map((r) => rule(r, names));
    },

    async rule(id: number): Promise<RoutingRule | undefined> {
      const r = await rules().where('rr.id', '=', id).executeTakeFirst();
      return r && rule(r, await assistNames([r]));
    },

    async deleteRule(id: number): Promise<void> {
      await db.deleteFrom('routing_rules').where('id', '=', id).execute();
    },

    /** Remove the rules of one category in one region prefix (an import replaces its lead unit). */
    async deleteRulesAt(categoryCode: string, regionPrefix: string): Promise<void> {
      await db.deleteFrom('routing_rules').where('category_code', '=', categoryCode).where('region_prefix', '=', regionPrefix).execute();
    },

    /** Remove every rule naming the unit; how many went. */
    async deleteRulesOfUnit(unitId: number): Promise<number> {
      const r = await db.deleteFrom('routing_rules').where('unit_id', '=', unitId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type CategoriesRepo = ReturnType<typeof createCategoriesRepo>;
