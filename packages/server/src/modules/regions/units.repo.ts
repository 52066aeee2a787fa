import { regionPrefix, type UnitKind } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';

export interface UnitView {
  id: number;
  name: string;
  kind: UnitKind;
  regionCode: string;
  parentId: number | null;
}

export function createUnitsRepo(db: Db) {
  return {
    async insert(u: { name: string; kind: UnitKind; regionCode: string; parentId: number | null }): Promise<number> {
      const r = await db
        .insertInto('units')
        .values({ name: u.name, kind: u.kind, region_code: u.regionCode, parent_id: u.parentId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async list(filter: { regionPrefixes?: readonly string[] } = {}): Promise<UnitView[]> {
      let q = db.selectFrom('units').select(['id', 'name', 'kind', 'region_code', 'parent_id']).where('active', '=', true);
      const prefixes = filter.regionPrefixes;
      if (prefixes && prefixes.length > 0) {
        q = q.where((eb) => eb.or(prefixes.map((p) => eb('region_code', 'like', `${p}%`))));
      }
      const rows = await q.orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, regionCode: r.region_code, parentId: r.parent_id }));
    },

    async get(id: number): Promise<UnitView | undefined> {
      const r = await db
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'region_code', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r && { id: r.id, name: r.name, kind: r.kind, regionCode: r.region_code, parentId: r.parent_id };
    },

    /** Active service centres whose region contains `regionCode`. */
    async centresCovering(regionCode: string): Promise<UnitView[]> {
      const centres = await db
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'region_code', 'parent_id'])
        .where('kind', '=', 'centre')
        .where('active', '=', true)
        .execute();
      return centres
        .filter((c) => regionCode.startsWith(regionPrefix(c.region_code)))
        .map((r) => ({ id: r.id, name: r.name, kind: r.kind, regionCode: r.region_code, parentId: r.parent_id }));
    },

    /** Regions with an active service centre, with their parent's name (运城市 + 盐湖区). */
    async serviceRegions(): Promise<{ code: string; name: string; parentName: string | null }[]> {
      return db
        .selectFrom('units')
        .innerJoin('regions', 'regions.code', 'units.region_code')
        .leftJoin('regions as parent', 'parent.code', 'regions.parent_code')
        .select(['regions.code', 'regions.name', 'parent.name as parentName'])
        .where('units.kind', '=', 'centre')
        .where('units.active', '=', true)
        .distinct()
        .orderBy('regions.code')
        .execute();
    },

    async namesOf(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async missingIds(ids: readonly number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('units')
        .select('id')
        .where('id', 'in', [...ids])
        .where('active', '=', true)
        .execute();
      const found = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !found.has(id));
    },
  };
}

export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
