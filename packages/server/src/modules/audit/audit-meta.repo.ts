import type { Db } from '../../db/connect.ts';

/** What the database remembers about its chains (audit_meta): the audit key's fingerprint. */
export function createAuditMetaRepo(db: Db) {
  return {
    async get(key: string): Promise<string | undefined> {
      return (await db.selectFrom('audit_meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },

    /** Set the value unless one is there; whether this call set it. */
    async setOnce(key: string, value: string): Promise<boolean> {
      const r = await db
        .insertInto('audit_meta')
        .values({ key, value })
        .onConflict((oc) => oc.doNothing())
        .returning('key')
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
