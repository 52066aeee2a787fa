import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { ConductKind, PolicyLevel, RootCauseKind, SafetyNetKind, SafetyNetOutcome } from '@huiyin/core';

/** Kysely's view of the safety-net window's tables and the policy library (migration 0002); part of `Database` in schema.ts. */

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
  /** An ordinary case's dispatch dispute must be settled by then (0009); null for a safety-net consultation. */
  due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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

export interface SafetyNetDatabase {
  safety_net_cases: SafetyNetCasesTable;
  consultations: ConsultationsTable;
  consultation_opinions: ConsultationOpinionsTable;
  policies: PoliciesTable;
  case_citations: CaseCitationsTable;
  referrals: ReferralsTable;
  referral_views: ReferralViewsTable;
  rectification_notices: RectificationNoticesTable;
  policy_barriers: PolicyBarriersTable;
}
