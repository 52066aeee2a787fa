import path from 'node:path';
import type { Config } from '../config.ts';
import { connectPglite, connectPostgres, type DbHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite under the data directory; migrated. */
export async function openDatabase(config: Config): Promise<DbHandle> {
  const handle = config.databaseUrl
    ? connectPostgres({ url: config.databaseUrl })
    : await connectPglite(path.join(config.dataDir, 'pglite'));
  await migrateToLatest(handle.db);
  return handle;
}
