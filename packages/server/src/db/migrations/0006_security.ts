import { sql, type Kysely } from 'kysely';

/**
 * Identity, access and audit (issue 12, 等保 level 3):
 * - users: forced password change, per-account lockout, TOTP second factor, demo flag;
 * - password_history (no reuse of the last five), recovery_codes (single use, hashed);
 * - sign_in_throttle: failures per source address, in the database so every server sees them;
 * - sessions get an id, the last time they were used, the address and browser they came from,
 *   and whether they may only change the password or enrol the second factor;
 * - audit_log: one append-only, HMAC-chained log of everything that is not a case event,
 *   its head in audit_head (locked on every append so the chain has one order);
 * - audit_meta: which key the chains are written with;
 * - the case_events trigger loses its settable bypass: no application role can switch it off.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column must_change_password boolean not null default false,
      add column password_changed_at timestamptz,
      add column failed_logins integer not null default 0,
      add column locked_until timestamptz,
      add column lockouts integer not null default 0,
      add column totp_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step bigint,
      add column demo boolean not null default false`.execute(db);

  await sql`
    create table password_history (
      id bigserial primary key,
      user_id bigint not null references users(id),
      password_hash text not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index password_history_user on password_history (user_id, id desc)`.execute(db);

  await sql`
    create table recovery_codes (
      user_id bigint not null references users(id),
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, code_hash)
    )`.execute(db);

  await sql`
    create table sign_in_throttle (
      address text primary key,
      window_start timestamptz not null,
      failures integer not null
    )`.execute(db);

  await sql`
    alter table sessions
      add column id bigserial unique,
      add column last_seen_at timestamptz,
      add column address text,
      add column user_agent text,
      add column restricted text`.execute(db);

  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id bigint,
      actor_name text,
      action text not null,
      outcome text not null,
      target_type text,
      target_id text,
      region_code text,
      source_ip text,
      detail jsonb not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_id, seq)`.execute(db);
  await sql`create index audit_log_action on audit_log (action, seq)`.execute(db);
  await sql`create index audit_log_target on audit_log (target_type, target_id, seq) where target_type is not null`.execute(db);
  await sql`
    create table audit_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash text not null
    )`.execute(db);
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log execute function audit_log_append_only()`.execute(db);

  await sql`create table audit_meta (key text primary key, value text not null)`.execute(db);

  // No more bypass: only the table's owner can disable the trigger (ALTER TABLE), and the
  // application role is not the owner in a production deployment (docs/OPERATIONS.md).
  await sql`drop trigger case_events_no_update on case_events`.execute(db);
  await sql`
    create trigger case_events_no_update before update or delete on case_events
    for each row execute function case_events_append_only()`.execute(db);
  await sql`create trigger case_events_no_truncate before truncate on case_events execute function case_events_append_only()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0006_security cannot be undone: the audit log is kept');
}
