import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../modules/audit/audit-log.ts';
import { isPostgresReachable, openTestDb, type TestDb } from '../testing/databases.ts';

/**
 * On PostgreSQL the owner/application split of docs/OPERATIONS.md holds: with the grants of
 * db/app-role.sql, the application role writes audit entries but cannot update or delete them or
 * case events, cannot switch the append-only triggers off, and no setting switches them off.
 */
const grants = readFileSync(path.join(import.meta.dirname, 'app-role.sql'), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('--') && l.trim() !== '')
  .join('\n')
  .split(';')
  .map((s) => s.trim())
  .filter(Boolean);

const reachable = await isPostgresReachable();

describe.skipIf(!reachable && process.env['CI'] !== 'true')('the application role on PostgreSQL', () => {
  let db: TestDb;
  let schema: string;
  const role = `huiyin_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await openTestDb('postgres');
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db.db)).rows[0]!.s;
    await sql`create role ${sql.id(role)} nologin`.execute(db.db);
    for (const g of grants) await sql.raw(g.replaceAll(':app_role', role).replaceAll(':schema', schema)).execute(db.db);
  });

  afterAll(async () => {
    await sql`drop owned by ${sql.id(role)}`.execute(db.db);
    await sql`drop role ${sql.id(role)}`.execute(db.db);
    await db.dispose();
  });

  /** Run as the application role for one transaction; the error it meets, if any. */
  async function asApp(fn: (trx: typeof db.db) => Promise<unknown>): Promise<string | null> {
    try {
      await db.db.transaction().execute(async (trx) => {
        await sql`set local role ${sql.id(role)}`.execute(trx);
        await fn(trx);
      });
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  it('writes an audit entry, but cannot change or delete one', async () => {
    expect(await asApp((trx) => recordAudit(trx, { action: 'test.app_role', at: new Date() }))).toBeNull();
    expect(await asApp((trx) => sql`update audit_log set action = 'x'`.execute(trx))).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`delete from audit_log`.execute(trx))).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`truncate audit_log`.execute(trx))).toMatch(/permission denied/);
    // Nor remove the key's fingerprint (a start would then refuse, never re-sign: chain-key.ts).
    expect(await asApp((trx) => sql`delete from audit_meta`.execute(trx))).toMatch(/permission denied/);
  });

  it('cannot change an announced call or delete an API key (0008)', async () => {
    expect(await asApp((trx) => sql`update hotline_calls set caller_number = 'x'`.execute(trx))).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`delete from hotline_calls`.execute(trx))).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`delete from api_keys`.execute(trx))).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`update api_keys set last_used_at = now()`.execute(trx))).toBeNull();
  });

  it('cannot switch the append-only triggers off, by ALTER TABLE or by a setting', async () => {
    expect(await asApp((trx) => sql`alter table case_events disable trigger case_events_no_update`.execute(trx))).toMatch(/must be owner/);
    expect(await asApp((trx) => sql`alter table audit_log disable trigger user`.execute(trx))).toMatch(/must be owner/);
    expect(
      await asApp(async (trx) => {
        await sql`select set_config('huiyin.allow_event_rewrite', 'on', true)`.execute(trx);
        await sql`update case_events set action = 'x'`.execute(trx);
      }),
    ).toMatch(/permission denied/);
    expect(await asApp((trx) => sql`set local session_replication_role = replica`.execute(trx))).toMatch(/permission denied/);
  });
});
