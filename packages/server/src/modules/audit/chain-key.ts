import type { Db } from '../../db/connect.ts';
import type { AuditKeys } from './audit-key.ts';
import { createAuditMetaRepo } from './audit-meta.repo.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';
import { createEventsRepo } from './events.repo.ts';

/**
 * The database remembers which audit key its chains are written with (its public fingerprint in
 * audit_meta). At start: a database with no fingerprint gets this key's, and case events written
 * before chains were keyed (plain SHA-256, before migration 0006) are chained again under the key,
 * once, by the owner of the tables; a database written with another key stops the start: the
 * chains would all look broken, and chaining them again would bless whatever was changed.
 */
export async function bindAuditKey(db: Db, keys: AuditKeys): Promise<'bound' | 'rechained' | 'ok'> {
  const bound = await createAuditMetaRepo(db).get('key_id');
  if (bound !== undefined) {
    if (bound !== keys.keyId)
      throw new Error(
        `the audit key (${keys.keyId}) is not the one this database's chains are written with (${bound}): ` +
          'set HUIYIN_AUDIT_KEY or HUIYIN_AUDIT_KEY_FILE to the original key',
      );
    return 'ok';
  }
  return db.transaction().execute(async (trx) => {
    if (!(await createAuditMetaRepo(trx).setOnce('key_id', keys.keyId))) return 'ok';
    const events = createEventsRepo(trx);
    if (!(await events.hasAny())) return 'bound';
    let after = 0;
    for (;;) {
      const ids = await events.caseIdsWithEvents(after, 500);
      if (ids.length === 0) break;
      const links: { id: number; prevHash: string; hash: string }[] = [];
      let current = -1;
      let prev = GENESIS_HASH;
      for (const e of await events.ofCases(ids)) {
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
        links.push({ id: Number(e.id), prevHash: prev, hash });
        prev = hash;
      }
      await events.relink(links);
      after = ids.at(-1)!;
    }
    return 'rechained';
  });
}
