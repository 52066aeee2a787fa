import { createHash } from 'node:crypto';
import { canonicalJson } from '@huiyin/core';

/**
 * The case event hash chain: each event's hash is SHA-256 over the previous event's hash and
 * the canonical JSON of the event, so changing, removing or reordering any event breaks every
 * link after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  caseId: number;
  seq: number;
  action: string;
  actorId: number | null;
  actorRole: string;
  actorUnitId: number | null;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const canonical = canonicalJson({ ...e, createdAt: e.createdAt.toISOString() });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
