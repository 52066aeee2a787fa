import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { auditKeys } from '../modules/audit/audit-key.ts';

/**
 * A message text that must never be stored in clear (a new account's one-time password, sent by
 * SMS through the outbox): AES-256-GCM under a key derived from the audit key, which is never in
 * the database. `v1.<iv>.<tag>.<ciphertext>` in base64url; only the SMS sender opens it.
 */
export function sealText(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', auditKeys().sealing, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((x) => (typeof x === 'string' ? x : x.toString('base64url'))).join('.');
}

/** The text of a sealed one; throws if it was altered or sealed under another key. */
export function openSealedText(sealed: string): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed text');
  const decipher = createDecipheriv('aes-256-gcm', auditKeys().sealing, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
