import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * Transaction-scoped advisory locks for the few operations that must not run twice at once across
 * processes (PostgreSQL and PGlite both have them). Released at commit or rollback.
 */
const keys = {
  /** Setting up a deployment (`huiyin init`): the emptiness check and the writes. */
  deploymentSetup: 0x48_59_49_4e, // "HYIN"
  /** Applying a people import: its plan (who exists) and its accounts, one import at a time. */
  peopleImport: 0x48_59_50_49, // "HYPI"
} as const;

export async function lockFor(trx: Db, what: keyof typeof keys): Promise<void> {
  await sql`select pg_advisory_xact_lock(${keys[what]})`.execute(trx);
}
