import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { TEST_DATABASE_URL, enabledKinds } from './databases.ts';

/**
 * Runs once before the server tier. Extensions live in the shared public schema, so they are
 * created here rather than racing from parallel test files. With CI=true an unreachable
 * PostgreSQL fails the run instead of skipping half the suite.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (!enabledKinds().includes('postgres')) return;
  const run = randomBytes(4).toString('hex');
  process.env['HUIYIN_TEST_RUN'] = run;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('create extension if not exists pg_trgm');
  } catch (e) {
    const msg = `PostgreSQL at ${TEST_DATABASE_URL} is not reachable (${(e as Error).message}).`;
    if (process.env['CI'] === 'true') throw new Error(`${msg} CI=true: a skipped database is a failure.`);
    console.warn(
      `\n[huiyin] ${msg}\n[huiyin] PostgreSQL tests are SKIPPED. Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  // Drop this run's schemas once every file is done (see databases.ts).
  return async () => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
    try {
      await c.connect();
      const { rows } = await c.query<{ nspname: string }>('select nspname from pg_namespace where nspname like $1', [`t\\_${run}\\_%`]);
      for (const r of rows) await c.query(`drop schema ${r.nspname} cascade`);
    } catch {
      // PostgreSQL gone already: nothing to clean.
    } finally {
      await c.end().catch(() => undefined);
    }
  };
}
