import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';
import type { CaseStatus, CaseType, Channel, ReplyOutcome, Role, Satisfaction, UnitKind } from '@huiyin/core';

import type { StoredFileColumns } from './schema-files.ts';
import type { CaseCallColumns, HotlineDatabase } from './schema-hotline.ts';
import type { LivelihoodDatabase } from './schema-livelihood.ts';
import type { SafetyNetDatabase } from './schema-safety-net.ts';
import type { SecurityDatabase } from './schema-security.ts';
import type { SupervisionDatabase } from './schema-supervision.ts';

export type * from './schema-files.ts';
export type * from './schema-hotline.ts';
export type * from './schema-livelihood.ts';
export type * from './schema-safety-net.ts';
export type * from './schema-security.ts';
export type * from './schema-supervision.ts';

/** Kysely's view of the database. One interface per table, named after it. */

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, T, T>;

export interface RegionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  /** 1 province, 2 city, 3 county, 4 township, 5 village */
  level: number;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  kind: UnitKind;
  region_code: string;
  parent_id: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  phone: string | null;
  roles: Role[];
  active: Generated<boolean>;
  created_at: CreatedAt;
  /** Where the notify module e-mails the user (migration 0004); null = no e-mail. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language of the user's notifications (migration 0004); null = zh. */
  lang: ColumnType<'zh' | 'en' | null, 'zh' | 'en' | null | undefined, 'zh' | 'en' | null>;
  /** Migration 0006: sign-in state. */
  must_change_password: Generated<boolean>;
  password_changed_at: Date | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  lockouts: Generated<number>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: number | null;
  /** A demo account (seeded with the demo password): refused when HUIYIN_DEMO=off. */
  demo: Generated<boolean>;
}

export interface UnitMembersTable {
  user_id: number;
  unit_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
  /** Migration 0006. */
  id: Generated<number>;
  last_seen_at: Date | null;
  address: string | null;
  user_agent: string | null;
  /** null: a full session; 'password': may only change the password; 'totp': may only enrol the second factor. */
  restricted: 'password' | 'totp' | null;
}

export interface CategoriesTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  active: Generated<boolean>;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  category_code: string;
  /** Region code prefix the rule applies to (a county's 6 digits, a township's 9). */
  region_prefix: string;
  unit_id: number;
  /** Assisting units (协办单位) the rule names besides its lead unit. */
  assist_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  /** Working days to answer for cases dispatched by the rule (null: the region's answer limit). */
  time_limit_days: number | null;
}

export interface TimeLimitPoliciesTable {
  region_code: string;
  policy: Json<Record<string, unknown>>;
  updated_at: Date;
}

export interface CalendarOverridesTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export interface TrackingCountersTable {
  region_code: string;
  year: number;
  last_seq: number;
}

export interface PendingExtension {
  days: number;
  reason: string;
  requestedBy: number;
  requestedAt: string;
}

export interface CasesTable extends CaseCallColumns {
  id: Generated<number>;
  tracking_no: string;
  type: CaseType;
  channel: Channel;
  title: string;
  content: string;
  category_code: string | null;
  region_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  urgent: boolean;
  requester_name: string | null;
  requester_phone: string;
  /** Last 4 digits of the requester's phone, for the public tracking check. */
  requester_phone_last4: string;
  status: CaseStatus;
  version: number;
  lead_unit_id: number | null;
  assist_unit_ids: number[];
  registered_by: number | null;
  registered_unit_id: number | null;
  master_id: number | null;
  reply_outcome: ReplyOutcome | null;
  reply_text: string | null;
  policy_basis: string | null;
  replied_at: Date | null;
  follow_up: 'none' | 'unsatisfied';
  solved: boolean | null;
  satisfaction: Satisfaction | null;
  pending_extension: Json<PendingExtension | null>;
  return_count: number;
  reopen_count: number;
  sign_by: Date | null;
  /** When the current answer clock started: registration, or the last reopen. */
  answer_started_at: Date;
  answer_by: Date;
  /** The deadline that matters in the current status (sign_by or answer_by), null when none. */
  next_due_at: Date | null;
  /** When the current deadline counts as near (80 % of its time used). */
  near_due_at: Date | null;
  /** When the escalation level next changes (kept by a trigger and the scanner; migration 0005). */
  next_escalation_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  search_terms: ColumnType<string, RawBuilder<string>, RawBuilder<string>>;
  created_at: CreatedAt;
  updated_at: Date;
  closed_at: Date | null;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  seq: number;
  action: string;
  actor_id: number | null;
  actor_role: string;
  actor_unit_id: number | null;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  payload: Json<Record<string, unknown>>;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  topic: string;
  case_id: number | null;
  payload: Json<Record<string, unknown>>;
  created_at: Date;
  available_at: Date;
  attempts: Generated<number>;
  sent_at: Date | null;
  last_error: string | null;
}

export interface AttachmentsTable extends StoredFileColumns {
  id: string;
  case_id: number;
}

/** Daily counters per region and unit, kept in the same transaction as the action (rollups for the three rates). */
export interface CaseDailyStatsTable {
  day: string;
  region_code: string;
  unit_id: number;
  metric: string;
  count: number;
}

export interface AppSettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Date;
}

/** Every table: the core ones here, the others from the file of their area. */
export interface Database extends SafetyNetDatabase, LivelihoodDatabase, SupervisionDatabase, SecurityDatabase, HotlineDatabase {
  regions: RegionsTable;
  units: UnitsTable;
  users: UsersTable;
  unit_members: UnitMembersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  routing_rules: RoutingRulesTable;
  time_limit_policies: TimeLimitPoliciesTable;
  calendar_overrides: CalendarOverridesTable;
  tracking_counters: TrackingCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  outbox: OutboxTable;
  attachments: AttachmentsTable;
  case_daily_stats: CaseDailyStatsTable;
  app_settings: AppSettingsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
