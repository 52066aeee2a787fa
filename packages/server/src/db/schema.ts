import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';
import type {
  CaseStatus,
  CaseType,
  Channel,
  ConductKind,
  PolicyLevel,
  ReplyOutcome,
  Role,
  RootCauseKind,
  SafetyNetKind,
  SafetyNetOutcome,
  Satisfaction,
  UnitKind,
} from '@huiyin/core';

import type {
  LivelihoodAreasTable,
  LivelihoodListsTable,
  MattersTable,
  MatterOriginatorsTable,
  ProjectsTable,
  ProjectMilestonesTable,
  ProjectPhotosTable,
  ProjectReportsTable,
  ProjectEventsTable,
  LetterCountersTable,
} from './schema-livelihood.ts';
import type {
  CaseEscalationsTable,
  DeliveriesTable,
  DeliveryAttemptsTable,
  NotificationsTable,
  FollowUpLinksTable,
} from './schema-supervision.ts';
export type {
  LivelihoodAreasTable,
  LivelihoodListsTable,
  MattersTable,
  MatterOriginatorsTable,
  ProjectsTable,
  ProjectMilestonesTable,
  ProjectPhotosTable,
  ProjectReportsTable,
  ProjectEventsTable,
  LetterCountersTable,
} from './schema-livelihood.ts';
export type {
  CaseEscalationsTable,
  DeliveriesTable,
  DeliveryAttemptsTable,
  NotificationsTable,
  FollowUpLinksTable,
} from './schema-supervision.ts';

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

export interface CasesTable {
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

export interface AttachmentsTable {
  id: string;
  case_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: Date;
}

/** Daily counters per region and unit, kept in the same transaction as the action (rollups for the three rates). */
export interface CaseDailyStatsTable {
  day: string;
  region_code: string;
  unit_id: number;
  metric: string;
  count: number;
}

export interface SafetyNetCasesTable {
  case_id: number;
  region_code: string;
  matter_name: string;
  matter_key: string;
  origin_unit_id: number | null;
  origin_window: string | null;
  failed_at: Date;
  visits: number | null;
  what_was_said: string | null;
  kind: SafetyNetKind;
  outcome: SafetyNetOutcome | null;
  answer_text: string | null;
  alternatives: string | null;
  done_by: string | null;
  root_cause_kind: RootCauseKind | null;
  conduct: ConductKind | null;
  finding: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  minutes_to_decision: number | null;
  letter_no: string | null;
  created_at: Date;
}

export interface ConsultationsTable {
  id: Generated<number>;
  case_id: number;
  agenda: string;
  unit_ids: number[];
  convened_by: number | null;
  convened_at: Date;
  lead_unit_id: number | null;
  assist_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  decision: string | null;
  closed_at: Date | null;
}

export interface ConsultationOpinionsTable {
  consultation_id: number;
  unit_id: number;
  user_id: number | null;
  opinion: string;
  created_at: Date;
}

export interface PoliciesTable {
  id: Generated<number>;
  title: string;
  doc_number: string;
  issuer: string;
  level: PolicyLevel;
  article_no: ColumnType<string, string | undefined, string>;
  body: string;
  /** ISO dates (read as text). */
  effective_from: string | null;
  repealed_on: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  search_terms: ColumnType<string, RawBuilder<string>, RawBuilder<string>>;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface CaseCitationsTable {
  case_id: number;
  policy_id: number;
  cited_by: number | null;
  note: string | null;
  created_at: Date;
}

export interface ReferralsTable {
  id: Generated<number>;
  case_id: number;
  unit_id: number | null;
  staff_name: string | null;
  conduct: ConductKind;
  finding: string;
  referred_by: number | null;
  status: ColumnType<'open' | 'investigating' | 'concluded', 'open' | 'investigating' | 'concluded' | undefined>;
  inspector_note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ReferralViewsTable {
  id: Generated<number>;
  referral_id: number | null;
  viewer_id: number;
  what: 'list' | 'detail';
  viewed_at: Date;
}

export interface RectificationNoticesTable {
  id: Generated<number>;
  case_id: number;
  unit_id: number | null;
  finding: string;
  issued_by: number | null;
  issued_at: Date;
  due_at: Date;
  status: ColumnType<
    'issued' | 'answered' | 'appealed' | 'voided',
    'issued' | 'answered' | 'appealed' | 'voided' | undefined,
    'issued' | 'answered' | 'appealed' | 'voided'
  >;
  response: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  kind: ColumnType<'safety_net' | 'bad_rating', 'safety_net' | 'bad_rating' | undefined, 'safety_net' | 'bad_rating'>;
  satisfaction: ColumnType<string | null, string | null | undefined, string | null>;
  rating_event_id: ColumnType<number | null, number | null | undefined, number | null>;
  appeal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  appealed_by: ColumnType<number | null, number | null | undefined, number | null>;
  appealed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  appeal_decision: ColumnType<
    'rating_stands' | 'rating_voided' | null,
    'rating_stands' | 'rating_voided' | null | undefined,
    'rating_stands' | 'rating_voided' | null
  >;
  appeal_note: ColumnType<string | null, string | null | undefined, string | null>;
  appeal_decided_by: ColumnType<number | null, number | null | undefined, number | null>;
  appeal_decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PolicyBarriersTable {
  id: Generated<number>;
  case_id: number;
  matter_name: string;
  policy_ids: ColumnType<number[], number[] | undefined, number[]>;
  policy_name: string | null;
  finding: string;
  proposal: string | null;
  status: ColumnType<'open' | 'proposed' | 'adopted' | 'declined', 'open' | 'proposed' | 'adopted' | 'declined' | undefined>;
  created_at: Date;
  updated_at: Date;
  updated_by: number | null;
}

export interface AppSettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Date;
}

export interface Database {
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
  safety_net_cases: SafetyNetCasesTable;
  consultations: ConsultationsTable;
  consultation_opinions: ConsultationOpinionsTable;
  policies: PoliciesTable;
  case_citations: CaseCitationsTable;
  referrals: ReferralsTable;
  referral_views: ReferralViewsTable;
  rectification_notices: RectificationNoticesTable;
  policy_barriers: PolicyBarriersTable;
  app_settings: AppSettingsTable;
  livelihood_areas: LivelihoodAreasTable;
  livelihood_lists: LivelihoodListsTable;
  matters: MattersTable;
  matter_originators: MatterOriginatorsTable;
  projects: ProjectsTable;
  project_milestones: ProjectMilestonesTable;
  project_photos: ProjectPhotosTable;
  project_reports: ProjectReportsTable;
  project_events: ProjectEventsTable;
  letter_counters: LetterCountersTable;
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  notifications: NotificationsTable;
  case_escalations: CaseEscalationsTable;
  follow_up_links: FollowUpLinksTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
