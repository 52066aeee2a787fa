import type { UnitKind } from '@huiyin/core';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** A unit as the admin pages see it: active or not, with its region's name and live member count. */
export interface AdminUnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  regionCode: string;
  regionName: string | null;
  parentId: number | null;
  active: boolean;
  memberCount: number;
}

const openStatuses = ['closed', 'merged'] as const;

/** `column` starts with one of the prefixes (digits only, so LIKE needs no escaping). */
function regionUnder(column: string, prefixes: readonly string[]) {
  return sql<SqlBool>`(${sql.join(
    prefixes.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

export function createUnitAdminRepo(db: Db) {
  function base() {
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
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const view = (r: Row): AdminUnitRow => ({
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
    /** Every unit (active or not) whose region lies under one of the prefixes. */
    async listUnder(prefixes: readonly string[]): Promise<AdminUnitRow[]> {
      if (prefixes.length === 0) return [];
      const rows = await base().where(regionUnder('u.region_code', prefixes)).orderBy('u.id').execute();
      return rows.map(view);
    },

    async get(id: number): Promise<AdminUnitRow | undefined> {
      const r = await base().where('u.id', '=', id).executeTakeFirst();
      return r && view(r);
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

    /** Open (not closed, not merged) cases the unit leads or assists. */
    async openCaseCount(id: number): Promise<number> {
      const r = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('lead_unit_id', '=', id), sql<SqlBool>`assist_unit_ids @> array[${id}]::bigint[]`]))
        .where('status', 'not in', openStatuses)
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

    /** Routing rules naming the unit are removed when it is deactivated: the catalog never suggests an inactive unit. */
    async deleteRoutesOf(id: number): Promise<number> {
      const r = await db.deleteFrom('routing_rules').where('unit_id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** Regions under the prefixes, down to townships, for pickers. */
    async regionsUnder(prefixes: readonly string[], limit: number) {
      if (prefixes.length === 0) return [];
      return db
        .selectFrom('regions')
        .select(['code', 'name', 'parent_code', 'level'])
        .where(regionUnder('code', prefixes))
        .where('level', '<=', 4)
        .orderBy('code')
        .limit(limit)
        .execute();
    },

    async regionExists(code: string): Promise<boolean> {
      return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
    },
  };
}

export type UnitAdminRepo = ReturnType<typeof createUnitAdminRepo>;
