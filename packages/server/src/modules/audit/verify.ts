import type { Db } from '../../db/connect.ts';
import type { CaseEventRow } from '../../db/schema.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';
import { createEventsRepo } from './events.repo.ts';

export interface BrokenLink {
  caseId: number;
  seq: number;
  eventId: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

export interface VerifyResult {
  cases: number;
  events: number;
  firstBroken: BrokenLink | null;
}

function checkEvent(e: CaseEventRow, expectedSeq: number, expectedPrev: string): BrokenLink | null {
  const at = { caseId: e.case_id, seq: e.seq, eventId: e.id };
  if (e.seq !== expectedSeq) return { ...at, reason: 'sequence_gap' };
  if (e.prev_hash !== expectedPrev) return { ...at, reason: 'prev_hash_mismatch' };
  const h = eventHash(e.prev_hash, {
    caseId: e.case_id,
    seq: e.seq,
    action: e.action,
    actorId: e.actor_id,
    actorRole: e.actor_role,
    actorUnitId: e.actor_unit_id,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    payload: e.payload,
    createdAt: e.created_at,
  });
  return h === e.hash ? null : { ...at, reason: 'hash_mismatch' };
}

/** Recompute every case's chain, a batch of cases at a time; stop at the first broken link. */
export async function verifyAuditChains(db: Db, batchCases = 500): Promise<VerifyResult> {
  const repo = createEventsRepo(db);
  let after = 0;
  let cases = 0;
  let events = 0;
  for (;;) {
    const rows = await repo.page(after, batchCases);
    const lastId = await repo.lastCaseIdOfPage(after, batchCases);
    let current = -1;
    let seq = 0;
    let prev = GENESIS_HASH;
    for (const e of rows) {
      if (e.case_id !== current) {
        current = e.case_id;
        seq = 1;
        prev = GENESIS_HASH;
        cases++;
      }
      const broken = checkEvent(e, seq, prev);
      if (broken) return { cases, events, firstBroken: broken };
      events++;
      seq++;
      prev = e.hash;
    }
    if (lastId === undefined) return { cases, events, firstBroken: null };
    after = lastId;
  }
}
