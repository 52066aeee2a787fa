import type { ColumnType, Generated } from 'kysely';

/** API keys of outside systems (migration 0008): only the SHA-256 of the key is kept. */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  scope: 'hotline.calls';
  region_code: string;
  created_by: number | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: number | null;
}

/** Calls a telephony system announced (migration 0008), one per call id of each API key. */
export interface HotlineCallsTable {
  id: Generated<number>;
  call_id: string;
  caller_number: string;
  agent_id: number;
  api_key_id: number;
  started_at: Date;
  received_at: Date;
}

/** The call a hotline case was registered from (migration 0008), on the cases table. */
export interface CaseCallColumns {
  call_id: ColumnType<string | null, string | null | undefined, string | null>;
  recording_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hotline_calls row (at most one case per call). */
  hotline_call_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface HotlineDatabase {
  api_keys: ApiKeysTable;
  hotline_calls: HotlineCallsTable;
}
