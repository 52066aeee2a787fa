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
    const rows = await db.db
      .selectFrom('cases')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
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
    const sn = await db.db.selectFrom('safety_net_cases').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(sn).toMatchObject({
      matter_name: '食品经营许可证延续',
      outcome: 'done',
      root_cause_kind: 'staff_conduct',
      conduct: 'subjective',
    });
  });

  it('has a policy library and a dozen safety-net cases in every state, each root cause, a referral and a service gap', async () => {
    expect(
      Number(
        (
          await db.db
            .selectFrom('policies')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThanOrEqual(30);
    const rows = await db.db
      .selectFrom('safety_net_cases as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .select(['c.status', 's.root_cause_kind', 's.matter_key'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['registered', 'in_progress', 'reply_review', 'replied', 'closed']) expect(statuses.has(s as never), s).toBe(true);
    const causes = new Set(rows.map((r) => r.root_cause_kind));
    for (const k of ['policy_barrier', 'coordination_needed', 'staff_conduct']) expect(causes.has(k as never), k).toBe(true);
    expect(rows.filter((r) => r.matter_key === '社保关系转移')).toHaveLength(3);
    expect(await db.db.selectFrom('referrals').select('id').execute()).toHaveLength(2);
    expect(await db.db.selectFrom('consultations').select('id').where('closed_at', 'is', null).execute()).toHaveLength(1);
  });

  it('has some cases overdue and some near due, so the queues are not empty', async () => {
    const now = new Date('2026-11-27T02:00:00Z');
    const overdue = await db.db.selectFrom('cases').select('id').where('next_due_at', '<=', now).execute();
    const near = await db.db.selectFrom('cases').select('id').where('next_due_at', '>', now).where('near_due_at', '<=', now).execute();
    expect(overdue.length).toBeGreaterThan(0);
    expect(near.length).toBeGreaterThan(0);
  });
});
