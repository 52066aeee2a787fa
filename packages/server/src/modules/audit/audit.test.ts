import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { verifyAuditChains } from './verify.ts';
import { rewriteAsOwner } from '../../testing/tamper.ts';

/** One small organisation per database: just what the chains need (the centre's clerk and dispatcher, the water bureau's handler). */
const orgs = new WeakMap<Harness, Promise<{ water: number }>>();

async function makeCases(h: Harness, n: number) {
  if (!orgs.has(h)) orgs.set(h, h.make.waterDesk());
  const { water } = await orgs.get(h)!;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = (
      await h.req('clerk', 'POST', '/api/v1/cases', {
        type: 'help',
        content: `审计链测试 ${i}`,
        regionCode: '140802',
        requester: { phone: '13900000001' },
      })
    ).json();
    await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
      action: 'dispatch',
      version: 1,
      leadUnitId: water,
    });
    await h.req('handler2', 'POST', `/api/v1/cases/${c.id}/actions`, { action: 'sign', version: 2 });
    ids.push(c.id);
  }
  return ids;
}

describeEachDb(
  'audit hash chain',
  (get) => {
    it('verifies intact chains, and names the first broken link after an event is edited in SQL', async () => {
      const h = get();
      const ids = await makeCases(h, 3);
      const ok = await verifyAuditChains(h.db.db, 2);
      expect(ok.firstBroken).toBeNull();
      expect(ok.events).toBeGreaterThanOrEqual(9);

      // Someone with database access rewrites history: the handler "signed" a day earlier.
      const target = ids[1]!;
      const original = await h.db.db
        .selectFrom('case_events')
        .select('payload')
        .where('case_id', '=', target)
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
        await sql`update case_events set payload = ${JSON.stringify({ note: '早已签收' })}::jsonb where case_id = ${target} and seq = 3`.execute(
          trx,
        );
      });
      const broken = await verifyAuditChains(h.db.db, 2);
      expect(broken.firstBroken).toMatchObject({ caseId: target, seq: 3, reason: 'hash_mismatch' });

      // Putting the original back makes the chain whole again: the hash covers content, nothing else.
      await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
        await sql`update case_events set payload = ${JSON.stringify(original.payload)}::jsonb where case_id = ${target} and seq = 3`.execute(
          trx,
        );
      });
      expect((await verifyAuditChains(h.db.db)).firstBroken).toBeNull();
    });

    it('the database refuses to update or delete events from the application', async () => {
      const h = get();
      const [id] = await makeCases(h, 1);
      await expect(sql`update case_events set action = 'x' where case_id = ${id}`.execute(h.db.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from case_events where case_id = ${id}`.execute(h.db.db)).rejects.toThrow(/append-only/);
    });

    it('a deleted event breaks the chain at the gap', async () => {
      const h = get();
      const [id] = await makeCases(h, 1);
      await rewriteAsOwner(h.db.db, 'case_events', async (trx) => {
        await sql`delete from case_events where case_id = ${id} and seq = 2`.execute(trx);
      });
      const r = await verifyAuditChains(h.db.db);
      expect(r.firstBroken).toMatchObject({ caseId: id, seq: 3, reason: 'sequence_gap' });
    });
  },
  { org: 'none' },
);
