import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import * as m0001 from './migrations/0001_init.ts';
import * as m0002 from './migrations/0002_safety_net.ts';
import * as m0003 from './migrations/0003_livelihood.ts';
import * as m0004 from './migrations/0004_delivery.ts';
import * as m0005 from './migrations/0005_supervision.ts';
import * as m0006 from './migrations/0006_security.ts';
import * as m0007 from './migrations/0007_catalog_detail.ts';
import * as m0008 from './migrations/0008_hotline.ts';
import * as m0009 from './migrations/0009_ordinary_consultation.ts';

/** Migrations are imported, not read from disk, so they travel with the code. Names sort in order. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_safety_net': m0002,
  '0003_livelihood': m0003,
  '0004_delivery': m0004,
  '0005_supervision': m0005,
  '0006_security': m0006,
  '0007_catalog_detail': m0007,
  '0008_hotline': m0008,
  '0009_ordinary_consultation': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** `schema`: keep Kysely's own bookkeeping tables in this schema (tests give each file one). */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
