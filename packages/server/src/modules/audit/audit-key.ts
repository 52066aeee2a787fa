import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The audit key: the secret every hash chain (case events, the audit log) and every checkpoint
 * is keyed with (HMAC-SHA-256). It is never stored in the database, so whoever holds only the
 * database's credentials can change rows but cannot recompute a valid chain.
 *
 * Where it comes from, first match wins: HUIYIN_AUDIT_KEY (64 hex digits, or base64 of at least
 * 32 bytes); the file named by HUIYIN_AUDIT_KEY_FILE; `<data dir>/audit.key`, created with mode
 * 0600 at first start. The process installs it once at start (`installAuditKey`); the chain code
 * asks for it with `auditKeys()`, which fails loudly if nothing was installed.
 */
export interface AuditKeys {
  /** Keys the case event chains. */
  readonly caseEvents: Buffer;
  /** Keys the audit log chain. */
  readonly auditLog: Buffer;
  /** Signs checkpoints. */
  readonly checkpoint: Buffer;
  /** Encrypts message texts that must not be stored in clear (a one-time password's SMS), outbox/sealed-text.ts. */
  readonly sealing: Buffer;
  /** A public fingerprint of the key (16 hex digits): tells which key a database or checkpoint was written with. */
  readonly keyId: string;
}

export class AuditKeyError extends Error {}

function derive(master: Buffer, purpose: string): Buffer {
  return createHmac('sha256', master).update(`huiyin:${purpose}`).digest();
}

export function auditKeysFrom(master: Buffer): AuditKeys {
  if (master.length < 32) throw new AuditKeyError('the audit key must be at least 32 bytes');
  return Object.freeze({
    caseEvents: derive(master, 'case-events'),
    auditLog: derive(master, 'audit-log'),
    checkpoint: derive(master, 'checkpoint'),
    sealing: derive(master, 'sealed-messages'),
    keyId: derive(master, 'key-id').toString('hex').slice(0, 16),
  });
}

function parseKey(raw: string, where: string): Buffer {
  const t = raw.trim();
  if (/^[0-9a-f]{64,}$/i.test(t) && t.length % 2 === 0) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  if (b.length >= 32 && /^[A-Za-z0-9+/_-]+=*$/.test(t)) return b;
  throw new AuditKeyError(`${where} must hold 64 hex digits or base64 of at least 32 bytes`);
}

/** Read (or create, the first time) the master audit key as the environment says. */
export function loadAuditKey(
  from: { inline: string | undefined; file: string | undefined },
  dataDir: string,
): { key: Buffer; source: string; created: boolean } {
  const inline = from.inline;
  if (inline) return { key: parseKey(inline, 'HUIYIN_AUDIT_KEY'), source: 'HUIYIN_AUDIT_KEY', created: false };
  const named = from.file;
  const file = named ? path.resolve(named) : path.join(dataDir, 'audit.key');
  if (existsSync(file)) return { key: parseKey(readFileSync(file, 'utf8'), file), source: file, created: false };
  if (named) throw new AuditKeyError(`HUIYIN_AUDIT_KEY_FILE=${named} does not exist`);
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, source: file, created: true };
}

let installed: AuditKeys | undefined;

/** Install the process's audit key (at start; tests install a fixed one). */
export function installAuditKey(master: Buffer): AuditKeys {
  installed = auditKeysFrom(master);
  return installed;
}

export function auditKeys(): AuditKeys {
  if (!installed) throw new AuditKeyError('the audit key is not loaded (installAuditKey at start)');
  return installed;
}
