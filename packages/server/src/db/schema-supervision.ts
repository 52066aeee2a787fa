import type { ColumnType, Generated } from 'kysely';
import type { EscalationLevel } from '@huiyin/core';

/** Kysely's view of the supervision and delivery tables (migrations 0004, 0005); merged into `Database` in schema.ts. */

type Json<T> = ColumnType<T, T, T>;

export interface CaseEscalationsTable {
  case_id: number;
  due_at: Date;
  level: EscalationLevel;
  unit_id: number | null;
  region_code: string;
  created_at: Date;
}

/** Migration 0004: one delivery per outbox message × channel × recipient (notify module). */
export interface DeliveriesTable {
  id: Generated<number>;
  message_id: string;
  outbox_id: string;
  topic: string;
  channel: 'inapp' | 'email' | 'sms' | 'webhook';
  recipient: string;
  region_code: string | null;
  payload: Json<Record<string, unknown>>;
  status: ColumnType<'pending' | 'sent' | 'dead', 'pending' | 'sent' | 'dead' | undefined>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  lease_token: string | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  channel: string;
  started_at: Date;
  finished_at: Date | null;
  ok: boolean | null;
  error: string | null;
  duration_ms: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  delivery_id: number | null;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface FollowUpLinksTable {
  token_hash: string;
  case_id: number;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** The delivery, supervision and follow-up tables, by name. */
export interface SupervisionDatabase {
  deliveries: DeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  notifications: NotificationsTable;
  case_escalations: CaseEscalationsTable;
  follow_up_links: FollowUpLinksTable;
}
