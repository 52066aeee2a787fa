import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { AuditKeys } from './audit-key.ts';
import { BUCKET_SIZE, scanChains, type Bucket, type BrokenLink } from './verify.ts';

/**
 * A checkpoint: the heads of every chain at a moment, signed with the audit key. Kept outside the
 * database (a file; the daily job writes one into `<data dir>/checkpoints/`), it lets verify tell
 * that events the checkpoint saw were deleted or rewritten, even by someone who could recompute
 * the chain after them. It covers case events written up to `coveredUntil` (a minute before it
 * was taken, so a transaction still open at that moment cannot make a later verify disagree).
 */
export interface Checkpoint {
  kind: 'huiyin-audit-checkpoint';
  version: 1;
  keyId: string;
  takenAt: string;
  coveredUntil: string;
  caseEvents: { cases: number; events: number; bucketSize: number; buckets: Bucket[] };
  auditLog: { seq: number; hash: string };
  signature: string;
}

export const CHECKPOINT_MARGIN_MS = 60_000;

function sign(keys: AuditKeys, body: Omit<Checkpoint, 'signature'>): string {
  return createHmac('sha256', keys.checkpoint).update(canonicalJson(body)).digest('hex');
}

/** Take a checkpoint of every chain; fails if a chain is already broken (a checkpoint never blesses a break). */
export async function takeCheckpoint(db: Db, keys: AuditKeys, now: Date, marginMs = CHECKPOINT_MARGIN_MS): Promise<Checkpoint> {
  const coveredUntil = new Date(now.getTime() - marginMs);
  const scan = await scanChains(db, keys, { coveredUntil });
  if (scan.firstBroken) throw new Error(`cannot take a checkpoint: ${describeBreak(scan.firstBroken)}`);
  const covered = scan.buckets.reduce((a, b) => ({ cases: a.cases + b[1], events: a.events + b[2] }), { cases: 0, events: 0 });
  const body: Omit<Checkpoint, 'signature'> = {
    kind: 'huiyin-audit-checkpoint',
    version: 1,
    keyId: keys.keyId,
    takenAt: now.toISOString(),
    coveredUntil: coveredUntil.toISOString(),
    caseEvents: { ...covered, bucketSize: BUCKET_SIZE, buckets: scan.buckets },
    auditLog: scan.auditLog.head,
  };
  return { ...body, signature: sign(keys, body) };
}

export function parseCheckpoint(keys: AuditKeys, text: string): Checkpoint {
  let c: Checkpoint;
  try {
    c = JSON.parse(text) as Checkpoint;
  } catch {
    throw new Error('the checkpoint is not JSON');
  }
  if (c?.kind !== 'huiyin-audit-checkpoint' || c.version !== 1) throw new Error('not a Huiyin audit checkpoint');
  if (c.keyId !== keys.keyId) throw new Error(`the checkpoint was signed with another audit key (${c.keyId}, this one is ${keys.keyId})`);
  const { signature, ...body } = c;
  const want = Buffer.from(sign(keys, body), 'hex');
  const got = Buffer.from(String(signature), 'hex');
  if (want.length !== got.length || !timingSafeEqual(want, got)) throw new Error('the checkpoint’s signature is wrong: it was altered');
  return c;
}

export interface VerifyReport {
  ok: boolean;
  cases: number;
  events: number;
  auditEntries: number;
  firstBroken: BrokenLink | null;
  /** What the checkpoint saw that is now gone or different (null when there was no checkpoint or it agrees). */
  checkpointMismatch: string | null;
}

export function describeBreak(b: BrokenLink): string {
  return b.chain === 'case'
    ? `case ${b.caseId}, event seq ${b.seq} (event id ${b.eventId}): ${b.reason}`
    : `audit log entry ${b.seq}: ${b.reason}`;
}

/** Recompute every chain and compare with the checkpoint, if one is given. */
export async function verifyAll(db: Db, keys: AuditKeys, checkpoint?: Checkpoint): Promise<VerifyReport> {
  const scan = await scanChains(db, keys, checkpoint ? { coveredUntil: new Date(checkpoint.coveredUntil) } : {});
  const base = { cases: scan.cases, events: scan.events, auditEntries: scan.auditLog.entries, firstBroken: scan.firstBroken };
  if (scan.firstBroken) return { ...base, ok: false, checkpointMismatch: null };
  let mismatch = checkpoint ? compare(checkpoint, scan.buckets, scan.auditLog.head) : null;
  if (checkpoint && mismatch === null && !(await auditHeadMatches(db, checkpoint)))
    mismatch = `audit log entry ${checkpoint.auditLog.seq} differs from the checkpoint (the log was rewritten)`;
  return { ...base, ok: mismatch === null, checkpointMismatch: mismatch };
}

function compare(c: Checkpoint, buckets: Bucket[], auditHead: { seq: number; hash: string }): string | null {
  const now = new Map(buckets.map((b) => [b[0], b]));
  for (const [first, cases, events, digest] of c.caseEvents.buckets) {
    const b = now.get(first);
    const range = `cases ${first}–${first + c.caseEvents.bucketSize - 1}`;
    if (!b) return `${range}: the checkpoint saw ${cases} cases with ${events} events; none are left (deleted)`;
    if (b[1] !== cases || b[2] !== events)
      return `${range}: the checkpoint saw ${cases} cases with ${events} events, now ${b[1]} with ${b[2]} (a missing tail: events were deleted)`;
    if (b[3] !== digest) return `${range}: the heads of the chains differ from the checkpoint (events were rewritten)`;
  }
  if (auditHead.seq < c.auditLog.seq)
    return `audit log: the checkpoint saw ${c.auditLog.seq} entries, now ${auditHead.seq} (a missing tail)`;
  return null;
}

/** The audit log entry at the checkpoint's head must still carry the checkpoint's hash. */
async function auditHeadMatches(db: Db, c: Checkpoint): Promise<boolean> {
  if (c.auditLog.seq === 0) return true;
  const r = await db.selectFrom('audit_log').select('hash').where('seq', '=', c.auditLog.seq).executeTakeFirst();
  return r?.hash === c.auditLog.hash;
}

export function checkpointDir(dataDir: string): string {
  return path.join(dataDir, 'checkpoints');
}

export function writeCheckpointFile(file: string, c: Checkpoint): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(c)}\n`, { mode: 0o600 });
}

/** The newest checkpoint file in the data directory, if any. */
export function latestCheckpointFile(dataDir: string): string | undefined {
  try {
    const files = readdirSync(checkpointDir(dataDir))
      .filter((f) => /^checkpoint-.*\.json$/.test(f))
      .sort();
    const last = files.at(-1);
    return last === undefined ? undefined : path.join(checkpointDir(dataDir), last);
  } catch {
    return undefined;
  }
}

export function readCheckpointFile(keys: AuditKeys, file: string): Checkpoint {
  return parseCheckpoint(keys, readFileSync(file, 'utf8'));
}
