import { createHash } from 'node:crypto';
import { canonicalJson } from '@huiyin/core';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { answerCase, OUTAGE_COMPLAINT, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { rewriteAsOwner } from '../../testing/tamper.ts';
import { auditKeys } from './audit-key.ts';
import { recordAudit } from './audit-log.ts';
import { parseCheckpoint, takeCheckpoint, verifyAll } from './checkpoint.ts';

/**
 * What someone with the database's credentials (but not the audit key) can do, and that verify
 * catches: rewrite an event and recompute the chain after it without the key, delete a case's
 * last events, edit an audit log entry; and a checkpoint that was altered.
 */
async function makeCase(h: Harness, n: number): Promise<number> {
  const c = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: `${OUTAGE_COMPLAINT.content}（防篡改 ${n}）` });
  await answerCase(h, c.id);
  return c.id;
}

/** The chain as someone without the key would recompute it: plain SHA-256 (the old scheme). */
function unkeyedHash(prev: string, e: Record<string, unknown>): string {
  return createHash('sha256').update(prev).update(canonicalJson(e)).digest('hex');
}

describeEachDb('audit chains resist tampering by those without the key', (get) => {
  it('an event edited with the trigger off and the chain recomputed without the key fails verify', async () => {
    const h = get();
    const id = await makeCase(h, 1);
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
    const originals = await h.db.db.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('seq').execute();
    await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
      const rows = originals;
      let prev = '0'.repeat(64);
      for (const e of rows) {
        const payload = e.seq === 2 ? { ...e.payload, note: '已改写' } : e.payload;
        const hash = unkeyedHash(prev, {
          caseId: id,
          seq: e.seq,
          action: e.action,
          actorId: e.actor_id,
          actorRole: e.actor_role,
          actorUnitId: e.actor_unit_id,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          payload,
          createdAt: e.created_at.toISOString(),
        });
        await trx.updateTable('case_events').set({ payload, prev_hash: prev, hash }).where('id', '=', e.id).execute();
        prev = hash;
      }
    });
    const r = await verifyAll(h.db.db, auditKeys());
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ chain: 'case', caseId: id, seq: 1, reason: 'hash_mismatch' });

    // Put the original rows back: the chain is whole again (and the next tests start from intact chains).
    await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
      for (const e of originals) {
        await trx
          .updateTable('case_events')
          .set({ payload: e.payload, prev_hash: e.prev_hash, hash: e.hash })
          .where('id', '=', e.id)
          .execute();
      }
    });
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
  });

  it('deleting the last three events of a case passes the chain check but fails against the last checkpoint', async () => {
    const h = get();
    const id = await makeCase(h, 2);
    h.clock.advance(5 * 60_000);
    const checkpoint = await takeCheckpoint(h.db.db, auditKeys(), h.clock.now());
    // A checkpoint survives a round trip through its file form.
    const parsed = parseCheckpoint(auditKeys(), JSON.stringify(checkpoint));
    expect((await verifyAll(h.db.db, auditKeys(), parsed)).ok).toBe(true);

    const before = await h.db.db.selectFrom('case_events').select('seq').where('case_id', '=', id).execute();
    expect(before.length).toBeGreaterThanOrEqual(4);
    await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
      await sql`delete from case_events where case_id = ${id} and seq > ${before.length - 3}`.execute(trx);
    });
    const alone = await verifyAll(h.db.db, auditKeys());
    expect(alone.ok).toBe(true); // a clean cut leaves an intact, shorter chain ...
    const against = await verifyAll(h.db.db, auditKeys(), parsed);
    expect(against.ok).toBe(false); // ... which the checkpoint does not accept
    const first = id - (id % 100);
    expect(against.checkpointMismatch).toContain(`cases ${first}–${first + 99}`);
    expect(against.checkpointMismatch).toContain('missing tail');
  });

  it('an audit log entry edited in SQL fails verify at that entry; a deleted tail fails too', async () => {
    const h = get();
    const at = h.clock.now();
    for (const action of ['test.one', 'test.two', 'test.three']) {
      await h.db.db.transaction().execute((trx) => recordAudit(trx, { action, actor: { id: null, name: 'tester' }, at }));
    }
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
    const two = await h.db.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.two').executeTakeFirstOrThrow();
    await rewriteAsOwner(h.db.db, 'audit_log', async (trx) => {
      await trx.updateTable('audit_log').set({ actor_name: 'someone_else' }).where('seq', '=', two.seq).execute();
    });
    const r = await verifyAll(h.db.db, auditKeys());
    expect(r.firstBroken).toMatchObject({ chain: 'audit_log', seq: Number(two.seq), reason: 'hash_mismatch' });

    await rewriteAsOwner(h.db.db, 'audit_log', async (trx) => {
      await trx.updateTable('audit_log').set({ actor_name: 'tester' }).where('seq', '=', two.seq).execute();
    });
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
    const three = await h.db.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.three').executeTakeFirstOrThrow();
    await rewriteAsOwner(h.db.db, 'audit_log', async (trx) => {
      await trx.deleteFrom('audit_log').where('seq', '=', three.seq).execute();
    });
    expect((await verifyAll(h.db.db, auditKeys())).firstBroken).toMatchObject({ chain: 'audit_log', reason: 'sequence_gap' });
    // Rewinding the head to the entry before hides the cut from the chain alone (the checkpoint catches it: durability.test.ts).
    const prev = await h.db.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await h.db.db.updateTable('audit_head').set({ seq: prev.seq, hash: prev.hash }).execute();
    expect((await verifyAll(h.db.db, auditKeys())).ok).toBe(true);
  });

  it('the application cannot update, delete or truncate the audit log, nor switch the case_events trigger off with a setting', async () => {
    const h = get();
    await h.db.db.transaction().execute((trx) => recordAudit(trx, { action: 'test.append', at: h.clock.now() }));
    await expect(sql`update audit_log set action = 'x'`.execute(h.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(h.db.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(h.db.db)).rejects.toThrow(/append-only/);
    const id = await makeCase(h, 3);
    await expect(
      h.db.db.transaction().execute(async (trx) => {
        // The setting that once switched the trigger off is gone.
        await sql`select set_config('huiyin.allow_event_rewrite', 'on', true)`.execute(trx);
        await sql`update case_events set action = 'x' where case_id = ${id}`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('an altered checkpoint or one signed with another key is refused', async () => {
    const h = get();
    await makeCase(h, 4);
    const c = await takeCheckpoint(h.db.db, auditKeys(), h.clock.now(), 0);
    const altered = { ...c, caseEvents: { ...c.caseEvents, events: c.caseEvents.events - 1 } };
    expect(() => parseCheckpoint(auditKeys(), JSON.stringify(altered))).toThrow(/signature/);
    expect(() => parseCheckpoint(auditKeys(), JSON.stringify({ ...c, keyId: '0123456789abcdef' }))).toThrow(/another audit key/);
  });
});
