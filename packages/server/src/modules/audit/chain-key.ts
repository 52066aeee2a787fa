import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AuditKeys } from './audit-key.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';

/**
 * The database remembers which audit key its chains are written with (its public fingerprint in
 * audit_meta). At start: a database with no fingerprint gets this key's, and case events written
 * before chains were keyed (plain SHA-256, before migration 0006) are chained again under the key,
 * once, by the owner of the tables; a database written with another key stops the start: the
 * chains would all look broken, and chaining them again would bless whatever was changed.
 */
export async function bindAuditKey(db: Db, keys: AuditKeys): Promise<'bound' | 'rechained' | 'ok'> {
  const row = await db.selectFrom('audit_meta').select('value').where('key', '=', 'key_id').executeTakeFirst();
  if (row) {
    if (row.value !== keys.keyId)
      throw new Error(
        `the audit key (${keys.keyId}) is not the one this database's chains are written with (${row.value}): ` +
          'set HUIYIN_AUDIT_KEY or HUIYIN_AUDIT_KEY_FILE to the original key',
      );
    return 'ok';
  }
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('audit_meta')
      .values({ key: 'key_id', value: keys.keyId })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) return 'ok';
    const any = await trx.selectFrom('case_events').select('id').limit(1).executeTakeFirst();
    if (!any) return 'bound';
    // Legacy SHA-256 chains: re-chain under the key, with the append-only trigger off for this
    // transaction only (ALTER TABLE is transactional, and only the tables' owner may run it).
    await sql`alter table case_events disable trigger case_events_no_update`.execute(trx);
    let after = 0;
    for (;;) {
      const ids = (
        await trx
          .selectFrom('case_events')
          .select('case_id')
          .distinct()
          .where('case_id', '>', after)
          .orderBy('case_id')
          .limit(500)
          .execute()
      ).map((r) => Number(r.case_id));
      if (ids.length === 0) break;
      const rows = await trx.selectFrom('case_events').selectAll().where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute();
      let current = -1;
      let prev = GENESIS_HASH;
      for (const e of rows) {
        if (Number(e.case_id) !== current) {
          current = Number(e.case_id);
          prev = GENESIS_HASH;
        }
        const hash = eventHash(keys.caseEvents, prev, {
          caseId: current,
          seq: e.seq,
          action: e.action,
          actorId: e.actor_id,
          actorRole: e.actor_role,
          actorUnitId: e.actor_unit_id,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          payload: e.payload,
          createdAt: e.created_at,
        });
        await trx.updateTable('case_events').set({ prev_hash: prev, hash }).where('id', '=', e.id).execute();
        prev = hash;
      }
      after = ids.at(-1)!;
    }
    await sql`alter table case_events enable trigger case_events_no_update`.execute(trx);
    return 'rechained';
  });
}
