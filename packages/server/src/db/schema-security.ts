import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the identity and audit tables (migration 0006); merged into `Database` in schema.ts. */

type Json<T> = ColumnType<T, T, T>;

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: Date;
}

export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export interface SignInThrottleTable {
  address: string;
  window_start: Date;
  failures: number;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target_type: string | null;
  target_id: string | null;
  region_code: string | null;
  source_ip: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditMetaTable {
  key: string;
  value: string;
}

export interface SecurityDatabase {
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_meta: AuditMetaTable;
}
