import type { Db } from '../../db/connect.ts';

/** One-time follow-up links: stored by the hash of their token only. */
export function createFollowUpRepo(db: Db) {
  return {
    async insert(l: { tokenHash: string; caseId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
      await db
        .insertInto('follow_up_links')
        .values({ token_hash: l.tokenHash, case_id: l.caseId, created_at: l.createdAt, expires_at: l.expiresAt, used_at: null })
        .execute();
    },

    async find(tokenHash: string) {
      return db.selectFrom('follow_up_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    /** Mark the link used, if it is unused and not expired; false otherwise (row locked by the update). */
    async claim(tokenHash: string, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('follow_up_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
