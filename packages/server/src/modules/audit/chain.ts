import { createHmac } from 'node:crypto';
import { canonicalJson } from '@huiyin/core';

/**
 * The hash chains: each entry's hash is HMAC-SHA-256, under a key that is not in the database,
 * over the previous entry's hash and the canonical JSON of the entry. Changing, removing or
 * reordering an entry breaks every link after it, and without the key nobody can compute the
 * links again.
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

export function chainHash(key: Buffer, prevHash: string, fields: Record<string, unknown>): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export function eventHash(key: Buffer, prevHash: string, e: ChainedFields): string {
  return chainHash(key, prevHash, { ...e, createdAt: e.createdAt.toISOString() });
}
