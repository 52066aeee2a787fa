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

  it('cannot rewrite an API key nor bring a revoked one back (0008)', async () => {
    await db.db
      .insertInto('regions')
      .values({ code: '149901', name: '测试县', parent_code: null, level: 3 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const key = await db.db
      .insertInto('api_keys')
      .values({
        name: 'app-role test',
        prefix: 'hk_approle',
        key_hash: `app-role-${randomBytes(8).toString('hex')}`,
        scope: 'hotline.calls',
        region_code: '149901',
        created_by: null,
        created_at: new Date(),
        last_used_at: null,
        revoked_at: null,
        revoked_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Its hash, name, scope or region: permission denied.
    for (const set of [sql`key_hash = 'x'`, sql`name = 'x'`, sql`region_code = region_code`, sql`scope = scope`]) {
      expect(await asApp((trx) => sql`update api_keys set ${set} where id = ${key.id}`.execute(trx))).toMatch(/permission denied/);
    }
    // Revoking is allowed; un-revoking is refused by the trigger, for the owner too.
    expect(await asApp((trx) => sql`update api_keys set revoked_at = now() where id = ${key.id}`.execute(trx))).toBeNull();
    expect(await asApp((trx) => sql`update api_keys set revoked_at = null, revoked_by = null where id = ${key.id}`.execute(trx))).toMatch(
      /stays revoked/,
    );
    await expect(sql`update api_keys set revoked_at = null where id = ${key.id}`.execute(db.db)).rejects.toThrow(/stays revoked/);
    const row = await db.db.selectFrom('api_keys').select('revoked_at').where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    // Its use is still recorded.
    expect(await asApp((trx) => sql`update api_keys set last_used_at = now() where id = ${key.id}`.execute(trx))).toBeNull();
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
