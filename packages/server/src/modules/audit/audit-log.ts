import type { AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { auditKeys } from './audit-key.ts';
import { createAuditLogRepo, type AuditLogRow } from './audit-log.repo.ts';
import { chainHash } from './chain.ts';

/**
 * The audit log (安全审计): one append-only, HMAC-chained record of everything that is not a case
 * event: sign-ins and their failures, sessions, passwords, second factors, lockouts, accounts and
 * roles, units, the catalog and the settings, policy edits, exports, reveals of a full phone or ID
 * number, reads of the discipline ledger, livelihood changes. Every module writes it the same way:
 * `recordAudit(trx, entry)` inside the transaction of the change, so a change and its record
 * commit or fail together.
 */
export interface AuditEntry {
  /** Dotted verb: `auth.login`, `user.create`, `settings.calendar.set`, `export.matters` ... */
  action: string;
  outcome?: 'ok' | 'denied' | 'failed';
  /** Who did it: a user, or a name alone (a failed sign-in's username), or nobody (the system). */
  actor?: { id: number | null; name: string | null } | null;
  target?: { type: string; id: string | number } | null;
  /** The region the entry belongs to (auditors read their regions); null = the whole deployment. */
  regionCode?: string | null;
  sourceIp?: string | null;
  detail?: Record<string, unknown>;
  at: Date;
}

/** The actor of an entry from the signed-in user. */
export function actorOf(user: Pick<AuthUser, 'id' | 'username'>): { id: number; name: string } {
  return { id: user.id, name: user.username };
}

/** The region an entry about a user belongs to: their first unit's (null when they have none). */
export function regionOfUser(user: { units: readonly { regionCode: string }[] }): string | null {
  return user.units[0]?.regionCode ?? null;
}

function hashed(key: Buffer, prevHash: string, r: Omit<AuditLogRow, 'hash' | 'prev_hash'>): string {
  return chainHash(key, prevHash, {
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    outcome: r.outcome,
    targetType: r.target_type,
    targetId: r.target_id,
    regionCode: r.region_code,
    sourceIp: r.source_ip,
    detail: r.detail,
  });
}

/** Append one entry. Call inside the transaction of the change it records. */
export async function recordAudit(trx: Db, e: AuditEntry): Promise<number> {
  const repo = createAuditLogRepo(trx);
  const head = await repo.lockHead();
  const base = {
    seq: head.seq + 1,
    at: new Date(e.at.getTime()),
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? null,
    action: e.action,
    outcome: e.outcome ?? 'ok',
    target_type: e.target?.type ?? null,
    target_id: e.target ? String(e.target.id) : null,
    region_code: e.regionCode ?? null,
    source_ip: e.sourceIp ?? null,
    // Round-trip through JSON so the hashed detail is exactly what jsonb gives back.
    detail: JSON.parse(JSON.stringify(e.detail ?? {})) as Record<string, unknown>,
  };
  const row: AuditLogRow = { ...base, prev_hash: head.hash, hash: hashed(auditKeys().auditLog, head.hash, base) };
  await repo.append(row);
  return row.seq;
}

/** Append one entry in a transaction of its own (a refusal that changes nothing else). */
export async function recordAuditAlone(db: Db, e: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => recordAudit(trx, e));
}

/** Recompute the hash of a stored entry (verify). */
export function auditRowHash(key: Buffer, r: AuditLogRow): string {
  return hashed(key, r.prev_hash, r);
}
