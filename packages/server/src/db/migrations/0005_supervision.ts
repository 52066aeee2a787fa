import { sql, type Kysely } from 'kysely';

/**
 * The deadline scanner (issue 6): each case carries the time its escalation level next changes
 * (`next_escalation_at`, indexed), so a scan reads the due items only, never the whole table. A
 * trigger keeps it equal to the near-due time whenever a deadline is set or moved (registration,
 * dispatch, extension, reply …), whatever code path moves it; the scanner then advances it level
 * by level. `case_escalations` records each level of each deadline once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column next_escalation_at timestamptz`.execute(db);
  await sql`update cases set next_escalation_at = near_due_at where next_due_at is not null`.execute(db);
  await sql`create index cases_next_escalation on cases (next_escalation_at) where next_escalation_at is not null`.execute(db);
  await sql`
    create function cases_reset_escalation() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT'
         or new.next_due_at is distinct from old.next_due_at
         or new.near_due_at is distinct from old.near_due_at then
        new.next_escalation_at := case when new.next_due_at is null then null else new.near_due_at end;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger cases_reset_escalation before insert or update of next_due_at, near_due_at on cases
    for each row execute function cases_reset_escalation()`.execute(db);

  await sql`
    create table case_escalations (
      case_id bigint not null references cases(id),
      -- the deadline this level belongs to: an extension gives a new deadline and fresh levels
      due_at timestamptz not null,
      level text not null check (level in ('urge', 'supervise', 'escalate')),
      unit_id bigint references units(id),
      region_code text not null,
      created_at timestamptz not null,
      primary key (case_id, due_at, level)
    )`.execute(db);
  await sql`create index case_escalations_unit on case_escalations (unit_id, created_at)`.execute(db);
  await sql`create index case_escalations_region on case_escalations (region_code text_pattern_ops, created_at)`.execute(db);

  // A bad rating (不满意, 非常不满意) is a rectification notice too (one ledger with the safety
  // window's): rectified and answered within the region's bad-rating limit (15 working days); the
  // unit may appeal a malicious rating (申诉复核) and the supervisor decides; a voided rating no
  // longer counts against the unit.
  await sql`alter table rectification_notices add column kind text not null default 'safety_net' check (kind in ('safety_net', 'bad_rating'))`.execute(
    db,
  );
  await sql`alter table rectification_notices add column satisfaction text`.execute(db);
  await sql`alter table rectification_notices add column rating_event_id bigint references case_events(id)`.execute(db);
  await sql`alter table rectification_notices add column appeal_reason text`.execute(db);
  await sql`alter table rectification_notices add column appealed_by bigint references users(id)`.execute(db);
  await sql`alter table rectification_notices add column appealed_at timestamptz`.execute(db);
  await sql`alter table rectification_notices add column appeal_decision text check (appeal_decision in ('rating_stands', 'rating_voided'))`.execute(
    db,
  );
  await sql`alter table rectification_notices add column appeal_note text`.execute(db);
  await sql`alter table rectification_notices add column appeal_decided_by bigint references users(id)`.execute(db);
  await sql`alter table rectification_notices add column appeal_decided_at timestamptz`.execute(db);

  // One-time follow-up links (回访短信链接): only the token's hash is kept.
  await sql`
    create table follow_up_links (
      token_hash text primary key,
      case_id bigint not null references cases(id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index follow_up_links_case on follow_up_links (case_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table follow_up_links`.execute(db);
  await sql`drop table case_escalations`.execute(db);
  await sql`drop trigger cases_reset_escalation on cases`.execute(db);
  await sql`drop function cases_reset_escalation()`.execute(db);
  await sql`drop index cases_next_escalation`.execute(db);
  await sql`alter table cases drop column next_escalation_at`.execute(db);
}
