import { sql, type Kysely } from 'kysely';

/**
 * 会商 of ordinary cases (issue 13, item 4): a dispatch dispute must be settled by a due time
 * (1 working day unless the national setting says otherwise). The consultation keeps that time;
 * while it is open it is also the case's running deadline (next_due_at), which the scanner chases.
 * Null for a safety-net consultation (its case's complex limit runs instead).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consultations add column due_at timestamptz`.execute(db);
  // The unit heads' list of consultations waiting for their opinion reads the open ones.
  await sql`create index consultations_open on consultations (convened_at) where closed_at is null`.execute(db);
}
