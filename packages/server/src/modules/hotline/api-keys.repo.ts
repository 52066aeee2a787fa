import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ApiKeysTable } from '../../db/schema.ts';

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** The api_keys table: issued, listed by region, used, revoked (never deleted). */
export function createApiKeysRepo(db: Db) {
  return {
    async insert(k: { name: string; prefix: string; hash: string; regionCode: string; createdBy: number; at: Date }): Promise<ApiKeyRow> {
      return db
        .insertInto('api_keys')
        .values({
          name: k.name,
          prefix: k.prefix,
          key_hash: k.hash,
          scope: 'hotline.calls',
          region_code: k.regionCode,
          created_by: k.createdBy,
          created_at: k.at,
          last_used_at: null,
          revoked_at: null,
          revoked_by: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** The key with this hash that is not revoked. */
    async findActive(hash: string): Promise<ApiKeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
    },

    async get(id: number): Promise<ApiKeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Keys whose region lies under one of the prefixes, newest first. */
    async list(prefixes: readonly string[]): Promise<ApiKeyRow[]> {
      if (prefixes.length === 0) return [];
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where((eb) => eb.or(prefixes.map((p) => eb('region_code', 'like', `${p}%`))))
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
    },

    async touch(id: number, at: Date): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    async revoke(id: number, by: number, at: Date): Promise<boolean> {
      const r = await db
        .updateTable('api_keys')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
