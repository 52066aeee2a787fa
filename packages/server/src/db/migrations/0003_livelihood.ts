import { defaultLivelihoodAreas } from '@huiyin/core';
import { sql, type Kysely } from 'kysely';

/**
 * Livelihood matters and key projects (我为群众办实事): areas, lists owned by regions, matters
 * and their originators, projects with milestones, progress reports, photos, the selection
 * meeting, assignment-letter numbers and the answers to every originator.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table livelihood_areas (
      code text primary key,
      name_zh text not null,
      name_en text not null,
      sort integer not null,
      active boolean not null default true
    )`.execute(db);
  let sort = 0;
  for (const a of defaultLivelihoodAreas) {
    sort++;
    await sql`insert into livelihood_areas (code, name_zh, name_en, sort) values (${a.code}, ${a.zh}, ${a.en}, ${sort})`.execute(db);
  }

  await sql`
    create table livelihood_lists (
      id bigint generated always as identity primary key,
      region_code text not null references regions(code),
      title text not null,
      year integer not null,
      batch integer not null,
      status text not null check (status in ('collecting', 'selecting', 'published')),
      published_at timestamptz,
      selection jsonb,
      created_by bigint references users(id),
      created_at timestamptz not null,
      unique (region_code, year, batch)
    )`.execute(db);

  await sql`
    create table matters (
      id bigint generated always as identity primary key,
      list_id bigint references livelihood_lists(id),
      region_code text not null references regions(code),
      title text not null,
      description text,
      area_code text not null references livelihood_areas(code),
      status text not null check (status in ('open', 'merged', 'selected', 'answered')),
      source text not null check (source in ('form', 'case', 'import')),
      case_id bigint references cases(id),
      merged_into_id bigint references matters(id),
      project_id bigint,
      collected_on date not null,
      collected_by text,
      originator_count integer not null default 0,
      search_terms tsvector not null,
      created_by bigint references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index matters_region on matters (region_code text_pattern_ops, id desc)`.execute(db);
  await sql`create index matters_list on matters (list_id, id desc)`.execute(db);
  await sql`create index matters_search on matters using gin (search_terms)`.execute(db);
  await sql`create index matters_project on matters (project_id) where project_id is not null`.execute(db);
  await sql`create index matters_merged_into on matters (merged_into_id) where merged_into_id is not null`.execute(db);
  // A case goes on the problem list once (a merged copy no longer counts).
  await sql`create unique index matters_case on matters (case_id) where case_id is not null and status <> 'merged'`.execute(db);

  await sql`
    create table matter_originators (
      id bigint generated always as identity primary key,
      matter_id bigint not null references matters(id),
      origin_matter_id bigint not null references matters(id),
      kind text not null check (kind in ('person', 'household', 'enterprise', 'case')),
      name text,
      phone text,
      address text,
      credit_code text,
      case_id bigint references cases(id),
      answered_at timestamptz,
      answer_method text check (answer_method in ('sms', 'case', 'visit', 'phone', 'letter')),
      answer_note text,
      answered_by bigint references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index matter_originators_matter on matter_originators (matter_id)`.execute(db);

  await sql`
    create table projects (
      id bigint generated always as identity primary key,
      list_id bigint not null references livelihood_lists(id),
      region_code text not null references regions(code),
      title text not null,
      description text,
      area_code text references livelihood_areas(code),
      status text not null check (status in ('candidate', 'selected', 'dropped', 'assigned', 'signed', 'accepted')),
      votes integer,
      priority integer,
      people_affected integer,
      lead_unit_id bigint references units(id),
      cadre_user_id bigint references users(id),
      budget double precision,
      start_date date,
      due_date date,
      requirements text,
      letter_no text unique,
      assigned_at timestamptz,
      assigned_by bigint references users(id),
      signed_at timestamptz,
      -- the weighted sum of the milestones (core projectProgress), kept for lists and the public page
      progress double precision not null default 0,
      accepted_at timestamptz,
      accepted_by bigint references users(id),
      checkers text,
      findings text,
      created_by bigint references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index projects_list on projects (list_id, id)`.execute(db);
  await sql`create index projects_region on projects (region_code text_pattern_ops, id)`.execute(db);
  await sql`create index projects_cadre on projects (cadre_user_id) where cadre_user_id is not null`.execute(db);
  await sql`alter table matters add constraint matters_project_fk foreign key (project_id) references projects(id)`.execute(db);

  await sql`
    create table project_milestones (
      id bigint generated always as identity primary key,
      project_id bigint not null references projects(id),
      sort integer not null,
      title text not null,
      planned_date date not null,
      weight double precision not null check (weight > 0),
      reason text,
      percent double precision not null default 0 check (percent between 0 and 100),
      done_on date,
      -- the worst light already announced (0 none, 1 yellow, 2 red): a notice goes out once per level
      warned_level smallint not null default 0,
      removed boolean not null default false
    )`.execute(db);
  await sql`create index project_milestones_project on project_milestones (project_id, sort)`.execute(db);
  await sql`create index project_milestones_open on project_milestones (planned_date) where percent < 100 and not removed`.execute(db);

  await sql`
    create table project_photos (
      id bigint generated always as identity primary key,
      project_id bigint not null references projects(id),
      file_name text not null,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by bigint references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index project_photos_project on project_photos (project_id)`.execute(db);

  await sql`
    create table project_reports (
      id bigint generated always as identity primary key,
      project_id bigint not null references projects(id),
      milestone_id bigint not null references project_milestones(id),
      percent double precision not null check (percent between 0 and 100),
      text text not null,
      photo_ids bigint[] not null default '{}',
      reported_by bigint references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index project_reports_project on project_reports (project_id, created_at desc)`.execute(db);

  await sql`
    create table project_events (
      id bigint generated always as identity primary key,
      project_id bigint not null references projects(id),
      action text not null,
      actor_id bigint references users(id),
      payload jsonb not null default '{}',
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index project_events_project on project_events (project_id, id)`.execute(db);

  await sql`
    create table letter_counters (
      prefix text not null,
      year integer not null,
      seq integer not null,
      primary key (prefix, year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['letter_counters', 'project_events', 'project_reports', 'project_photos', 'project_milestones']) {
    await sql`drop table ${sql.raw(t)}`.execute(db);
  }
  await sql`alter table matters drop constraint matters_project_fk`.execute(db);
  for (const t of ['projects', 'matter_originators', 'matters', 'livelihood_lists', 'livelihood_areas']) {
    await sql`drop table ${sql.raw(t)}`.execute(db);
  }
}
