import path from 'node:path';
import type { Config } from '../config.ts';
import { connectPglite, connectPostgres, type DbHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { installAuditKey, loadAuditKey, type AuditKeys } from '../modules/audit/audit-key.ts';
import { bindAuditKey } from '../modules/audit/chain-key.ts';

/**
 * PostgreSQL when DATABASE_URL is set, else embedded PGlite under the data directory; migrated,
 * with the process's audit key loaded (created at first start) and bound to the database.
 */
export async function openDatabase(config: Config): Promise<DbHandle & { auditKeys: AuditKeys }> {
  const loaded = loadAuditKey(config.auditKey, config.dataDir);
  if (loaded.created)
    console.log(`[huiyin] audit key created in ${loaded.source} (mode 0600): keep a copy apart from the database backups`);
  const auditKeys = installAuditKey(loaded.key);
  const handle = config.databaseUrl
    ? connectPostgres({ url: config.databaseUrl })
    : await connectPglite(path.join(config.dataDir, 'pglite'));
  const applied = await migrateToLatest(handle.db);
  try {
    // Only the process that has just applied 0006 may re-chain events written before chains were keyed.
    const bound = await bindAuditKey(handle.db, auditKeys, { upgrading: applied.includes('0006_security'), at: new Date() });
    if (bound === 'rechained') console.log('[huiyin] case event chains written before keyed chains were chained again under the audit key');
  } catch (e) {
    await handle.close();
    throw e;
  }
  return { ...handle, auditKeys };
}
