import { caseStatuses } from '@huiyin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../modules/audit/verify.ts';
import { openTestDb, type TestDb } from '../testing/databases.ts';
import { seedDemo } from './demo.ts';

/** What a new user meets on first start: about 300 cases in every status, the article's among them. */
describe('demo data [pglite]', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    await seedDemo(db.db, new Date('2026-11-27T02:00:00Z'));
  }, 180_000);
  afterAll(async () => {
    await db.dispose();
  });

  it('has about 300 cases covering every status, all with intact audit chains', async () => {
    const rows = await db.db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    for (const s of caseStatuses) expect(byStatus[s], s).toBeGreaterThan(0);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(280);
    expect(total).toBeLessThanOrEqual(320);
    expect((await verifyAuditChains(db.db)).firstBroken).toBeNull();
  });

  it('includes the article’s safety-net case, closed within two hours of registration', async () => {
    const c = await db.db.selectFrom('cases').selectAll().where('requester_name', '=', '王杏桃').executeTakeFirstOrThrow();
    expect(c.channel).toBe('safety_net');
    expect(c.status).toBe('closed');
    expect(c.replied_at!.getTime() - c.created_at.getTime()).toBeLessThan(2 * 3600_000);
  });

  it('has some cases overdue and some near due, so the queues are not empty', async () => {
    const now = new Date('2026-11-27T02:00:00Z');
    const overdue = await db.db.selectFrom('cases').select('id').where('next_due_at', '<=', now).execute();
    const near = await db.db.selectFrom('cases').select('id').where('next_due_at', '>', now).where('near_due_at', '<=', now).execute();
    expect(overdue.length).toBeGreaterThan(0);
    expect(near.length).toBeGreaterThan(0);
  });
});
