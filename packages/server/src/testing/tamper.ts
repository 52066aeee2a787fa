import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/**
 * What someone who owns the tables could do: switch an append-only trigger off for one
 * transaction (ALTER TABLE, the owner's privilege; the application role of a production
 * deployment is not the owner) and rewrite rows. Tests use it to prove verify catches it.
 */
export async function rewriteAsOwner(db: Db, table: 'case_events' | 'audit_log', fn: (trx: Db) => Promise<void>): Promise<void> {
  const trigger = table === 'case_events' ? sql.raw('case_events_no_update') : sql.raw('audit_log_no_update');
  await db.transaction().execute(async (trx) => {
    await sql`alter table ${sql.table(table)} disable trigger ${trigger}`.execute(trx);
    await fn(trx);
    await sql`alter table ${sql.table(table)} enable trigger ${trigger}`.execute(trx);
  });
}
