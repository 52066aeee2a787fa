import { sql, type Kysely } from 'kysely';

/** Organisation, people, cases, their events, the outbox. PostgreSQL 15 features only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table regions (
      code text primary key check (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
      name text not null,
      parent_code text references regions(code),
      level smallint not null check (level between 1 and 5)
    )`.execute(db);
  await sql`create index regions_parent on regions (parent_code)`.execute(db);

  await sql`
    create table units (
      id bigint generated always as identity primary key,
      name text not null,
      kind text not null,
      region_code text not null references regions(code),
      parent_id bigint references units(id),
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index units_region on units (region_code)`.execute(db);
  await sql`create index units_parent on units (parent_id)`.execute(db);

  await sql`
    create table users (
      id bigint generated always as identity primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      phone text,
      roles text[] not null,
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table unit_members (
      user_id bigint not null references users(id),
      unit_id bigint not null references units(id),
      primary key (user_id, unit_id)
    )`.execute(db);
  await sql`create index unit_members_unit on unit_members (unit_id)`.execute(db);

  await sql`
    create table sessions (
      token_hash text primary key,
      user_id bigint not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);

  await sql`
    create table categories (
      code text primary key,
      parent_code text references categories(code),
      name_zh text not null,
      name_en text not null,
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table routing_rules (
      id bigint generated always as identity primary key,
      category_code text not null references categories(code),
      region_prefix text not null,
      unit_id bigint not null references units(id),
      unique (category_code, region_prefix, unit_id)
    )`.execute(db);

  await sql`
    create table time_limit_policies (
      region_code text primary key references regions(code),
      policy jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table calendar_overrides (
      date date primary key,
      kind text not null check (kind in ('holiday', 'workday')),
      name text
    )`.execute(db);

  await sql`
    create table tracking_counters (
      region_code text not null,
      year integer not null,
      last_seq integer not null,
      primary key (region_code, year)
    )`.execute(db);

  await sql`
    create table cases (
      id bigint generated always as identity primary key,
      tracking_no text not null unique,
      type text not null,
      channel text not null,
      title text not null,
      content text not null,
      category_code text references categories(code),
      region_code text not null references regions(code),
      address text,
      lat double precision,
      lng double precision,
      urgent boolean not null default false,
      requester_name text,
      requester_phone text not null,
      requester_phone_last4 text not null,
      status text not null,
      version integer not null default 1,
      lead_unit_id bigint references units(id),
      assist_unit_ids bigint[] not null default '{}',
      registered_by bigint references users(id),
      registered_unit_id bigint references units(id),
      master_id bigint references cases(id),
      reply_outcome text,
      reply_text text,
      policy_basis text,
      replied_at timestamptz,
      follow_up text not null default 'none',
      solved boolean,
      satisfaction text,
      pending_extension jsonb,
      return_count integer not null default 0,
      reopen_count integer not null default 0,
      sign_by timestamptz,
      answer_started_at timestamptz not null,
      answer_by timestamptz not null,
      next_due_at timestamptz,
      near_due_at timestamptz,
      search_terms tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      closed_at timestamptz
    )`.execute(db);
  // Lists are keyset-paginated newest first; each hot filter has an index that ends in id.
  await sql`create index cases_status_id on cases (status, id desc)`.execute(db);
  await sql`create index cases_region_id on cases (region_code text_pattern_ops, id desc)`.execute(db);
  await sql`create index cases_lead_status_id on cases (lead_unit_id, status, id desc) where lead_unit_id is not null`.execute(db);
  await sql`create index cases_assist on cases using gin (assist_unit_ids)`.execute(db);
  await sql`create index cases_next_due on cases (next_due_at) where next_due_at is not null`.execute(db);
  await sql`create index cases_near_due on cases (near_due_at) where next_due_at is not null`.execute(db);
  await sql`create index cases_phone on cases (requester_phone)`.execute(db);
  await sql`create index cases_master on cases (master_id) where master_id is not null`.execute(db);
  await sql`create index cases_search on cases using gin (search_terms)`.execute(db);

  await sql`
    create table case_events (
      id bigint generated always as identity primary key,
      case_id bigint not null references cases(id),
      seq integer not null,
      action text not null,
      actor_id bigint references users(id),
      actor_role text not null,
      actor_unit_id bigint references units(id),
      from_status text,
      to_status text not null,
      payload jsonb not null,
      created_at timestamptz not null,
      prev_hash text not null,
      hash text not null,
      unique (case_id, seq)
    )`.execute(db);
  await sql`create index case_events_unit_action on case_events (actor_unit_id, action, created_at) where actor_unit_id is not null`.execute(
    db,
  );
  // Events are append-only: the database refuses updates and deletes from the application.
  await sql`
    create function case_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'case_events is append-only';
    end $$`.execute(db);
  await sql`
    create trigger case_events_no_update before update or delete on case_events
    for each row when (current_setting('huiyin.allow_event_rewrite', true) is distinct from 'on')
    execute function case_events_append_only()`.execute(db);

  await sql`
    create table outbox (
      id uuid primary key,
      topic text not null,
      case_id bigint references cases(id),
      payload jsonb not null,
      created_at timestamptz not null,
      available_at timestamptz not null,
      attempts integer not null default 0,
      sent_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index outbox_pending on outbox (available_at) where sent_at is null`.execute(db);

  await sql`
    create table attachments (
      id uuid primary key,
      case_id bigint not null references cases(id),
      file_name text not null,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by bigint references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index attachments_case on attachments (case_id)`.execute(db);

  await sql`
    create table case_daily_stats (
      day date not null,
      region_code text not null,
      unit_id bigint not null default 0,
      metric text not null,
      count bigint not null,
      primary key (day, region_code, unit_id, metric)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0001_init is not reversible: restore from backup instead');
}
