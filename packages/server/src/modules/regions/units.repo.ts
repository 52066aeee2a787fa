import { regionPrefix, type AdminUnit, type UnitKind, type UnitView } from '@huiyin/core';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

const closedStatuses = ['closed', 'merged'] as const;

/** `column` starts with one of the prefixes (digits only, so LIKE needs no escaping). */
function regionUnder(column: string, prefixes: readonly string[]) {
  return sql<SqlBool>`(${sql.join(
    prefixes.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The units table: the one repo that writes it. */
export function createUnitsRepo(db: Db) {
  /** Units as the admin pages see them: active or not, with the region's name and the live member count. */
  function adminBase() {
    return db
      .selectFrom('units as u')
      .leftJoin('regions as r', 'r.code', 'u.region_code')
      .select((eb) => [
        'u.id',
        'u.name',
        'u.kind',
        'u.region_code',
        'r.name as region_name',
        'u.parent_id',
        'u.active',
        eb
          .selectFrom('unit_members as m')
          .innerJoin('users as p', 'p.id', 'm.user_id')
          .whereRef('m.unit_id', '=', 'u.id')
          .where('p.active', '=', true)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('member_count'),
      ]);
  }
  type AdminRow = Awaited<ReturnType<ReturnType<typeof adminBase>['execute']>>[number];
  const adminView = (r: AdminRow): AdminUnit => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    regionCode: r.region_code,
    regionName: r.region_name,
    parentId: r.parent_id,
    active: r.active,
    memberCount: Number(r.member_count ?? 0),
  });

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

    /** Units by id with their region and whether they are active (to check a membership list or a routing rule). */
    async states(ids: readonly number[]): Promise<{ id: number; regionCode: string; active: boolean }[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('units')
        .select(['id', 'region_code', 'active'])
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => ({ id: r.id, regionCode: r.region_code, active: r.active }));
    },

    /** Whether any unit (active or not) lies outside the prefixes: none means they cover the whole deployment. */
    async anyOutside(prefixes: readonly string[]): Promise<boolean> {
      if (prefixes.length === 0) return (await db.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined;
      const r = await db
        .selectFrom('units as u')
        .select('u.id')
        .where(sql<SqlBool>`not ${regionUnder('u.region_code', prefixes)}`)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },

    // ---- what the admin pages see and change ----

    /** Every unit (active or not) whose region lies under one of the prefixes. */
    async adminListUnder(prefixes: readonly string[]): Promise<AdminUnit[]> {
      if (prefixes.length === 0) return [];
      const rows = await adminBase().where(regionUnder('u.region_code', prefixes)).orderBy('u.id').execute();
      return rows.map(adminView);
    },

    async adminGet(id: number): Promise<AdminUnit | undefined> {
      const r = await adminBase().where('u.id', '=', id).executeTakeFirst();
      return r && adminView(r);
    },

    /** Lock the unit row for the rest of the transaction. */
    async lock(id: number): Promise<boolean> {
      return (await db.selectFrom('units').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined;
    },

    async update(id: number, patch: { name?: string; kind?: UnitKind; parentId?: number | null; active?: boolean }) {
      await db
        .updateTable('units')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** An import's change of a unit: kind, region and parent together. */
    async importUpdate(id: number, u: { kind: UnitKind; regionCode: string; parentId: number | null }): Promise<void> {
      await db.updateTable('units').set({ kind: u.kind, region_code: u.regionCode, parent_id: u.parentId }).where('id', '=', id).execute();
    },

    /** Open (not closed, not merged) cases the unit leads or assists. */
    async openCaseCount(id: number): Promise<number> {
      const r = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('lead_unit_id', '=', id), sql<SqlBool>`assist_unit_ids @> array[${id}]::bigint[]`]))
        .where('status', 'not in', closedStatuses)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async activeChildCount(id: number): Promise<number> {
      const r = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .where('active', '=', true)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Whether anything at all refers to the unit: cases (any role), events, members, rules, child units. */
    async isReferenced(id: number): Promise<boolean> {
      const r = await db
        .selectNoFrom((eb) => [
          eb
            .or([
              eb.exists(eb.selectFrom('cases').select('id').where('lead_unit_id', '=', id)),
              eb.exists(
                eb
                  .selectFrom('cases')
                  .select('id')
                  .where(sql<SqlBool>`assist_unit_ids @> array[${id}]::bigint[]`),
              ),
              eb.exists(eb.selectFrom('cases').select('id').where('registered_unit_id', '=', id)),
              eb.exists(eb.selectFrom('case_events').select('id').where('actor_unit_id', '=', id)),
              eb.exists(eb.selectFrom('unit_members').select('user_id').where('unit_id', '=', id)),
              eb.exists(eb.selectFrom('routing_rules').select('id').where('unit_id', '=', id)),
              eb.exists(eb.selectFrom('units').select('id').where('parent_id', '=', id)),
            ])
            .as('used'),
        ])
        .executeTakeFirstOrThrow();
      return Boolean(r.used);
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('units').where('id', '=', id).execute();
    },
  };
}

export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
