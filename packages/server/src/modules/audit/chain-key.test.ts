import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '@huiyin/core';
import { expect, it } from 'vitest';
import { answerCase, OUTAGE_COMPLAINT, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { rewriteAsOwner } from '../../testing/tamper.ts';
import { auditKeys, auditKeysFrom } from './audit-key.ts';
import { bindAuditKey } from './chain-key.ts';
import { verifyAll } from './checkpoint.ts';

describeEachDb('binding the audit key to a database', (get) => {
  it('re-chains events written before keyed chains once, then refuses any other key', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await answerCase(h, c.id);
    // As a database from before migration 0006 holds them: plain SHA-256 links and no fingerprint.
    await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
      const rows = await trx.selectFrom('case_events').selectAll().orderBy('case_id').orderBy('seq').execute();
      let prev = '0'.repeat(64);
      let current = -1;
      for (const e of rows) {
        if (Number(e.case_id) !== current) {
          current = Number(e.case_id);
          prev = '0'.repeat(64);
        }
        const hash = createHash('sha256')
          .update(prev)
          .update(
            canonicalJson({
              caseId: current,
              seq: e.seq,
              action: e.action,
              actorId: e.actor_id,
              actorRole: e.actor_role,
              actorUnitId: e.actor_unit_id,
              fromStatus: e.from_status,
              toStatus: e.to_status,
              payload: e.payload,
              createdAt: e.created_at.toISOString(),
            }),
          )
          .digest('hex');
        await trx.updateTable('case_events').set({ prev_hash: prev, hash }).where('id', '=', e.id).execute();
        prev = hash;
      }
    });
    await h.db.db.deleteFrom('audit_meta').execute();
    expect((await verifyAll(h.db.db, auditKeys())).firstBroken).toMatchObject({ chain: 'case', reason: 'hash_mismatch' });
    const at = h.clock.now();

    // A start that did not just apply migration 0006 re-signs nothing: a missing fingerprint is a tampering sign.
    await expect(bindAuditKey(h.db.db, auditKeys(), { upgrading: false, at })).rejects.toThrow(/no audit key fingerprint/);
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(false);

    expect(await bindAuditKey(h.db.db, auditKeys(), { upgrading: true, at })).toBe('rechained');
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
    const logged = await h.db.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'audit.rechain').execute();
    expect(logged).toHaveLength(1);
    // Once bound, the same key starts as usual, and the trigger is back on.
    expect(await bindAuditKey(h.db.db, auditKeys(), { upgrading: false, at })).toBe('ok');
    await expect(h.db.db.updateTable('case_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    // Another key (a lost key file replaced by a new one) stops the start instead of blessing the chains.
    await expect(bindAuditKey(h.db.db, auditKeysFrom(randomBytes(32)), { upgrading: true, at })).rejects.toThrow(
      /not the one this database's chains are written with/,
    );
  });
});
