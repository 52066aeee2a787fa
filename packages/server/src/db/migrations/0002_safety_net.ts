import { sql, type Kysely } from 'kysely';

/**
 * The safety-net window (办不成事反映窗口): the failed matter of each case, consultations and
 * opinions, the policy library and citations, referrals (and who read them), rectification
 * notices, the policy-barrier ledger, and a small settings table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table safety_net_cases (
      case_id bigint primary key references cases(id),
      region_code text not null,
      matter_name text not null,
      -- matterKey() of core: spellings of one matter share it (gap analysis groups by it)
      matter_key text not null,
      origin_unit_id bigint references units(id),
      origin_window text,
      failed_at timestamptz not null,
      visits integer,
      what_was_said text,
      kind text not null check (kind in ('simple', 'general', 'complex', 'cannotBeDone')),
      outcome text check (outcome in ('done', 'cannot')),
      answer_text text,
      alternatives text,
      done_by text,
      root_cause_kind text check (root_cause_kind in ('policy_barrier', 'coordination_needed', 'staff_conduct')),
      conduct text check (conduct in ('misconduct', 'subjective')),
      finding text,
      decided_by bigint references users(id),
      decided_at timestamptz,
      -- registration to decision, in minutes (time to done for a done matter)
      minutes_to_decision integer,
      letter_no text,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index safety_net_cases_matter on safety_net_cases (matter_key, created_at desc)`.execute(db);
  await sql`create index safety_net_cases_created on safety_net_cases (created_at desc)`.execute(db);
  await sql`create index safety_net_cases_region on safety_net_cases (region_code text_pattern_ops, created_at desc)`.execute(db);

  await sql`
    create table consultations (
      id bigint generated always as identity primary key,
      case_id bigint not null references cases(id),
      agenda text not null,
      unit_ids bigint[] not null,
      convened_by bigint references users(id),
      convened_at timestamptz not null,
      lead_unit_id bigint references units(id),
      assist_unit_ids bigint[] not null default '{}',
      decision text,
      closed_at timestamptz
    )`.execute(db);
  await sql`create index consultations_case on consultations (case_id)`.execute(db);
  await sql`create unique index consultations_one_open on consultations (case_id) where closed_at is null`.execute(db);

  await sql`
    create table consultation_opinions (
      consultation_id bigint not null references consultations(id),
      unit_id bigint not null references units(id),
      user_id bigint references users(id),
      opinion text not null,
      created_at timestamptz not null,
      primary key (consultation_id, unit_id)
    )`.execute(db);

  await sql`
    create table policies (
      id bigint generated always as identity primary key,
      title text not null,
      doc_number text not null,
      issuer text not null,
      level text not null,
      article_no text not null default '',
      body text not null,
      effective_from date,
      repealed_on date,
      tags text[] not null default '{}',
      unit_ids bigint[] not null default '{}',
      search_terms tsvector not null,
      created_by bigint references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (doc_number, article_no)
    )`.execute(db);
  // Chinese full text: character bigrams in a tsvector (core's searchTerms) and trigrams for fuzzy titles.
  await sql`create index policies_search on policies using gin (search_terms)`.execute(db);
  await sql`create index policies_title_trgm on policies using gin (title gin_trgm_ops)`.execute(db);
  await sql`create index policies_tags on policies using gin (tags)`.execute(db);

  await sql`
    create table case_citations (
      case_id bigint not null references cases(id),
      policy_id bigint not null references policies(id),
      cited_by bigint references users(id),
      note text,
      created_at timestamptz not null,
      primary key (case_id, policy_id)
    )`.execute(db);
  await sql`create index case_citations_policy on case_citations (policy_id)`.execute(db);

  await sql`
    create table referrals (
      id bigint generated always as identity primary key,
      case_id bigint not null references cases(id),
      unit_id bigint references units(id),
      staff_name text,
      conduct text not null,
      finding text not null,
      referred_by bigint references users(id),
      status text not null default 'open',
      inspector_note text,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index referrals_created on referrals (created_at desc)`.execute(db);

  // Every read of the referral ledger or of one referral, by whom and when.
  await sql`
    create table referral_views (
      id bigint generated always as identity primary key,
      referral_id bigint references referrals(id),
      viewer_id bigint not null references users(id),
      what text not null,
      viewed_at timestamptz not null
    )`.execute(db);
  await sql`create index referral_views_referral on referral_views (referral_id, viewed_at desc)`.execute(db);

  await sql`
    create table rectification_notices (
      id bigint generated always as identity primary key,
      case_id bigint not null references cases(id),
      unit_id bigint references units(id),
      finding text not null,
      issued_by bigint references users(id),
      issued_at timestamptz not null,
      due_at timestamptz not null,
      status text not null default 'issued',
      response text,
      answered_by bigint references users(id),
      answered_at timestamptz
    )`.execute(db);
  await sql`create index rectification_notices_unit on rectification_notices (unit_id, issued_at desc)`.execute(db);
  await sql`create index rectification_notices_case on rectification_notices (case_id)`.execute(db);

  await sql`
    create table policy_barriers (
      id bigint generated always as identity primary key,
      case_id bigint not null unique references cases(id),
      matter_name text not null,
      policy_ids bigint[] not null default '{}',
      policy_name text,
      finding text not null,
      proposal text,
      status text not null default 'open',
      created_at timestamptz not null,
      updated_at timestamptz not null,
      updated_by bigint references users(id)
    )`.execute(db);

  await sql`
    create table app_settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0002_safety_net is not reversible: restore from backup instead');
}
