import { sql, type Kysely } from 'kysely';

/**
 * The hotline desk (issue 13, item 6):
 * - api_keys: keys an admin issues to a telephony system, stored as the SHA-256 of the key (the
 *   key is 32 random bytes, shown once), each scoped to one route and one region; revoked, never deleted;
 * - hotline_calls: the calls a telephony system announced, one row per call id (a repeat announces nothing new);
 * - cases.call_id and cases.recording_url: the call a hotline case was registered from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_keys (
      id bigint generated always as identity primary key,
      name text not null,
      -- The first characters of the key (hk_ and 8 more), to tell keys apart in the list.
      prefix text not null,
      key_hash text not null unique,
      scope text not null check (scope in ('hotline.calls')),
      region_code text not null references regions(code),
      created_by bigint references users(id),
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by bigint references users(id)
    )`.execute(db);
  await sql`create index api_keys_region on api_keys (region_code text_pattern_ops, id desc)`.execute(db);

  await sql`
    create table hotline_calls (
      id bigint generated always as identity primary key,
      call_id text not null unique,
      caller_number text not null,
      agent_id bigint not null references users(id),
      api_key_id bigint not null references api_keys(id),
      started_at timestamptz not null,
      received_at timestamptz not null
    )`.execute(db);
  await sql`create index hotline_calls_agent on hotline_calls (agent_id, id desc)`.execute(db);

  await sql`alter table cases add column call_id text, add column recording_url text`.execute(db);
  await sql`create index cases_call on cases (call_id) where call_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0008_hotline is not reversible: restore from backup instead');
}
