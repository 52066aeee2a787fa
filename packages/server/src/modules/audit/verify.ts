import { createHmac } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { CaseEventRow } from '../../db/schema.ts';
import { auditKeys, type AuditKeys } from './audit-key.ts';
import { auditRowHash } from './audit-log.ts';
import { createAuditLogRepo } from './audit-log.repo.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';
import { createEventsRepo } from './events.repo.ts';

/**
 * Recompute every chain (each case's events, and the audit log) under the audit key, and, given
 * a checkpoint, check that nothing the checkpoint saw is gone or changed. Case chains are summed
 * up per bucket of BUCKET_SIZE case ids (the heads of the chains in the bucket, as of the
 * checkpoint's `coveredUntil`, HMAC'd together), so a checkpoint stays small at ten million cases
 * and a deleted tail is named by its bucket.
 */
export const BUCKET_SIZE = 100;

export interface BrokenLink {
  chain: 'case' | 'audit_log';
  caseId: number | null;
  seq: number;
  eventId: number | null;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** One bucket of case chains as of a moment: [first case id of the bucket, cases, events, digest]. */
export type Bucket = [number, number, number, string];

export interface ChainScan {
  cases: number;
  events: number;
  firstBroken: BrokenLink | null;
  /** Per bucket, the chains' heads as of `coveredUntil` (only when asked). */
  buckets: Bucket[];
  auditLog: { entries: number; head: { seq: number; hash: string } };
}

function checkEvent(key: Buffer, e: CaseEventRow, expectedSeq: number, expectedPrev: string): BrokenLink | null {
  const at = { chain: 'case' as const, caseId: Number(e.case_id), seq: e.seq, eventId: Number(e.id) };
  if (e.seq !== expectedSeq) return { ...at, reason: 'sequence_gap' };
  if (e.prev_hash !== expectedPrev) return { ...at, reason: 'prev_hash_mismatch' };
  const h = eventHash(key, e.prev_hash, {
    caseId: Number(e.case_id),
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

class BucketDigest {
  readonly out: Bucket[] = [];
  private first = -1;
  private cases = 0;
  private events = 0;
  private mac: ReturnType<typeof createHmac> | null = null;
  constructor(private readonly key: Buffer) {}
  add(caseId: number, head: { seq: number; hash: string }): void {
    const first = caseId - (caseId % BUCKET_SIZE);
    if (first !== this.first) this.flush(first);
    this.cases++;
    this.events += head.seq;
    this.mac!.update(`${caseId}:${head.seq}:${head.hash};`);
  }
  flush(next = -1): void {
    if (this.mac && this.cases > 0) this.out.push([this.first, this.cases, this.events, this.mac.digest('hex').slice(0, 32)]);
    this.first = next;
    this.cases = 0;
    this.events = 0;
    this.mac = next < 0 ? null : createHmac('sha256', this.key);
  }
}

/** Walk every case chain a batch of cases at a time, and the audit log; stop at the first broken link. */
export async function scanChains(db: Db, keys: AuditKeys, opts: { coveredUntil?: Date; batchCases?: number } = {}): Promise<ChainScan> {
  const repo = createEventsRepo(db);
  const batch = opts.batchCases ?? 500;
  const until = opts.coveredUntil?.getTime();
  const digest = new BucketDigest(keys.checkpoint);
  let after = 0;
  let cases = 0;
  let events = 0;
  const auditHead = async () => scanAuditLog(db, keys);
  for (;;) {
    const rows = await repo.page(after, batch);
    const lastId = await repo.lastCaseIdOfPage(after, batch);
    let current = -1;
    let seq = 0;
    let prev = GENESIS_HASH;
    let head: { seq: number; hash: string } | null = null;
    const closeCase = () => {
      if (current >= 0 && head && until !== undefined) digest.add(current, head);
    };
    for (const e of rows) {
      const caseId = Number(e.case_id);
      if (caseId !== current) {
        closeCase();
        current = caseId;
        seq = 1;
        prev = GENESIS_HASH;
        head = null;
        cases++;
      }
      const broken = checkEvent(keys.caseEvents, e, seq, prev);
      if (broken)
        return { cases, events, firstBroken: broken, buckets: [], auditLog: { entries: 0, head: { seq: 0, hash: GENESIS_HASH } } };
      if (until !== undefined && e.created_at.getTime() <= until) head = { seq: e.seq, hash: e.hash };
      events++;
      seq++;
      prev = e.hash;
    }
    closeCase();
    if (lastId === undefined) break;
    after = lastId;
  }
  digest.flush();
  const audit = await auditHead();
  return { cases, events, firstBroken: audit.firstBroken, buckets: digest.out, auditLog: { entries: audit.entries, head: audit.head } };
}

async function scanAuditLog(
  db: Db,
  keys: AuditKeys,
): Promise<{ entries: number; head: { seq: number; hash: string }; firstBroken: BrokenLink | null }> {
  const repo = createAuditLogRepo(db);
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await repo.page(expected - 1, 2000);
    for (const r of rows) {
      const at = { chain: 'audit_log' as const, caseId: null, seq: r.seq, eventId: null };
      let reason: BrokenLink['reason'] | null = null;
      if (r.seq !== expected) reason = 'sequence_gap';
      else if (r.prev_hash !== prev) reason = 'prev_hash_mismatch';
      else if (auditRowHash(keys.auditLog, r) !== r.hash) reason = 'hash_mismatch';
      if (reason) return { entries: expected - 1, head: { seq: expected - 1, hash: prev }, firstBroken: { ...at, reason } };
      prev = r.hash;
      expected++;
    }
    if (rows.length < 2000) break;
  }
  // The head row must agree with the last entry (a deleted tail leaves the head ahead of it).
  const head = await repo.head();
  if (head.seq !== expected - 1 || head.hash !== prev) {
    return {
      entries: expected - 1,
      head: { seq: expected - 1, hash: prev },
      firstBroken: { chain: 'audit_log', caseId: null, seq: expected, eventId: null, reason: 'sequence_gap' },
    };
  }
  return { entries: expected - 1, head: { seq: expected - 1, hash: prev }, firstBroken: null };
}

/** Every chain under the process's audit key, without a checkpoint. */
export async function verifyAuditChains(db: Db, batchCases = 500): Promise<ChainScan> {
  return scanChains(db, auditKeys(), { batchCases });
}
