import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../../../../bench/generate-cases.ts';
import { seedDemoOrg } from '../../seed/demo-org.ts';
import { isPostgresReachable, openTestDb, type TestDb } from '../../testing/databases.ts';
import { claimDueQuery } from './supervision.repo.ts';

/**
 * The scanner's cost follows the due items, not the table: on PostgreSQL with 1,000,000 cases
 * (the bench generator: ~97 % finished, the open ones with deadlines over two years) the claim
 * reads the partial index on next_escalation_at. The plan is printed; the test fails if it
 * stops using the index.
 */
const ROWS = Number(process.env['HUIYIN_EXPLAIN_ROWS'] ?? 1_000_000);
const postgresUp = await isPostgresReachable();
const run = postgresUp || process.env['CI'] === 'true';

(run ? describe : describe.skip)(`deadline scanner EXPLAIN on ${ROWS.toLocaleString('en')} cases [postgres]`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('postgres');
    const org = await seedDemoOrg(db.db);
    const t0 = Date.now();
    await generateCases(db.db, ROWS, {
      unitIds: Object.values(org.units),
      regionCodes: ['140802', '140802001', '140802002', '140311', '140311200'],
    });
    console.log(`[scanner-explain] generated ${ROWS} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 600_000);
  afterAll(async () => {
    await db?.dispose();
  });

  it('claims due cases through the index on next_escalation_at', async () => {
    const total = await db.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBeGreaterThanOrEqual(ROWS);
    const due = await db.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('next_escalation_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const q = claimDueQuery(db.db, new Date(), 200).compile();
    const plan = await db.db.transaction().execute(async (trx) => {
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...q, sql: `explain (analyze, buffers) ${q.sql}` });
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    });
    console.log(`[scanner-explain] ${Number(due.n)} of ${Number(total.n)} cases have a pending escalation time\n${q.sql}\n${plan}`);
    expect(plan).toContain('cases_next_escalation');
    expect(plan).not.toMatch(/Seq Scan on cases/);
  });
});
