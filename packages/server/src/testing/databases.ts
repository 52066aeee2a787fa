import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectPglite, connectPostgres, type DbHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * The integration suite runs every test file on both databases: embedded PGlite (in memory)
 * and the PostgreSQL server (a fresh schema per file). When CI=true a database that cannot be
 * reached fails the run; elsewhere it is skipped with a message saying how to get it.
 */
export type DbKind = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env['HUIYIN_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresReachable;
}

/** Both databases; HUIYIN_TEST_DB=pglite|postgres narrows it for local work, never under CI. */
/** Set by the global setup for the whole run; schemas of this run start with t_<id>_. */
export function testRunId(): string {
  const id = process.env['HUIYIN_TEST_RUN'];
  return id && /^[a-z0-9]{1,12}$/.test(id) ? id : 'local';
}

export function enabledKinds(): DbKind[] {
  const only = process.env['CI'] === 'true' ? undefined : process.env['HUIYIN_TEST_DB'];
  if (only === 'pglite' || only === 'postgres') return [only];
  return ['pglite', 'postgres'];
}

export interface TestDb extends DbHandle {
  /** Drop what the test created. */
  dispose(): Promise<void>;
}

export async function openTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'pglite') {
    const h = await connectPglite(undefined);
    await migrateToLatest(h.db);
    return { ...h, dispose: () => h.close() };
  }
  if (!(await isPostgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL}`);
  }
  // Named after the run, so the global teardown drops them all at once when no test is running:
  // dropping a schema while another file's migrator introspects the catalog can fail that file.
  const schema = `t_${testRunId()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const h = connectPostgres({ url: TEST_DATABASE_URL, schema, max: 5 });
  await migrateToLatest(h.db, { schema });
  return {
    ...h,
    dispose: () => h.close(),
  };
}
