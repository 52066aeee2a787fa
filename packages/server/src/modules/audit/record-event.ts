import type { CaseStatus } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseEventRow } from '../../db/schema.ts';
import { auditKeys } from './audit-key.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';
import { createEventsRepo } from './events.repo.ts';

export interface NewEvent {
  caseId: number;
  action: string;
  actorId: number | null;
  actorRole: string;
  actorUnitId: number | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * Append an event to a case's chain. Call inside the transaction that holds the case row lock,
 * so sequence numbers and the previous hash cannot race.
 */
export async function appendEvent(trx: Db, e: NewEvent): Promise<CaseEventRow> {
  const events = createEventsRepo(trx);
  const last = await events.last(e.caseId);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so the hashed payload is exactly what jsonb gives back.
  const payload = JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>;
  const at = new Date(e.at.getTime());
  const hash = eventHash(auditKeys().caseEvents, prevHash, {
    caseId: e.caseId,
    seq,
    action: e.action,
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorUnitId: e.actorUnitId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload,
    createdAt: at,
  });
  return events.insert({
    case_id: e.caseId,
    seq,
    action: e.action,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    actor_unit_id: e.actorUnitId,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    payload,
    created_at: at,
    prev_hash: prevHash,
    hash,
  });
}
