import type { Db } from '../../db/connect.ts';
import type { AuditKeys } from './audit-key.ts';
import { recordAudit } from './audit-log.ts';
import { createAuditMetaRepo } from './audit-meta.repo.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';
import { createEventsRepo } from './events.repo.ts';

/**
 * The database remembers which audit key its chains are written with (its public fingerprint in
 * audit_meta). At start: a database with no fingerprint and no events gets this key's. Case events
 * written before chains were keyed (plain SHA-256) are chained again under the key only by the
 * process that has just applied migration 0006 (`upgrading`), once, as the owner of the tables, and
 * the re-chaining is written to the audit log. Anything else stops the start: another key (the
 * chains would all look broken), or a fingerprint gone from a database that has events (someone
 * deleted it hoping the next start would re-sign what they changed).
 */
export async function bindAuditKey(db: Db, keys: AuditKeys, opts: { upgrading: boolean; at: Date }): Promise<'bound' | 'rechained' | 'ok'> {
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
    if (!opts.upgrading)
      throw new Error(
        'this database has case events but no audit key fingerprint (audit_meta.key_id): it was removed. ' +
          'Nothing is re-signed; restore the row (its value is the fingerprint of the key the chains were written with) and run `huiyin audit verify`',
      );
    let after = 0;
    let cases = 0;
    let relinked = 0;
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
      cases += ids.length;
      relinked += links.length;
      after = ids.at(-1)!;
    }
    await recordAudit(trx, {
      action: 'audit.rechain',
      detail: { reason: 'chains written before migration 0006 keyed under the audit key', keyId: keys.keyId, cases, events: relinked },
      at: opts.at,
    });
    return 'rechained';
  });
}
