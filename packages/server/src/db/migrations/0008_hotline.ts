import { sql, type Kysely } from 'kysely';

/**
 * The hotline desk (issue 13, item 6):
 * - api_keys: keys an admin issues to a telephony system, stored as the SHA-256 of the key (the
 *   key is 32 random bytes, shown once), each scoped to one route and one region; revoked, never deleted;
 * - hotline_calls: the calls a telephony system announced, one row per call id of each key (a repeat
 *   announces nothing new; two telephony systems may well number their calls alike);
 * - cases.call_id and cases.recording_url: the call a hotline case was registered from, at most one
 *   case per call.
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
  // A revoked key stays revoked, whoever writes (the application role may update last_used_at and
  // revoked_at only: db/app-role.sql).
  await sql`
    create function api_keys_stay_revoked() returns trigger language plpgsql as $$
    begin
      if old.revoked_at is not null and (new.revoked_at is distinct from old.revoked_at or new.revoked_by is distinct from old.revoked_by) then
        raise exception 'api key % is revoked: it stays revoked', old.id using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger api_keys_stay_revoked before update on api_keys
    for each row execute function api_keys_stay_revoked()`.execute(db);

  await sql`
    create table hotline_calls (
      id bigint generated always as identity primary key,
      call_id text not null,
      caller_number text not null,
      agent_id bigint not null references users(id),
      api_key_id bigint not null references api_keys(id),
      started_at timestamptz not null,
      received_at timestamptz not null,
      unique (api_key_id, call_id)
    )`.execute(db);
  await sql`create index hotline_calls_agent on hotline_calls (agent_id, id desc)`.execute(db);

  // hotline_call_id: the announced call the case was registered from (the agent's own, or one of the
  // agent's region); one case per call: a second submit of the popped form is a 409 naming the first case.
  await sql`
    alter table cases add column call_id text, add column recording_url text,
    add column hotline_call_id bigint references hotline_calls(id)`.execute(db);
  await sql`create index cases_call on cases (call_id) where call_id is not null`.execute(db);
  await sql`create unique index cases_hotline_call on cases (hotline_call_id) where hotline_call_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0008_hotline is not reversible: restore from backup instead');
}
