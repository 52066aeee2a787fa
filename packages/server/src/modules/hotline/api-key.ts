import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys of outside systems: `hk_` and 32 random bytes (base64url). Only the SHA-256 of the key is
 * stored (a random 32-byte secret needs no slow hash); the key is shown once, when it is issued.
 */
export const API_KEY_PREFIX = 'hk_';

export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 8) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key a request presents: `X-Api-Key`, or `Authorization: Bearer hk_…` (never a session token). */
export function presentedApiKey(headers: Record<string, string | string[] | undefined>): string | null {
  const x = headers['x-api-key'];
  if (typeof x === 'string' && x.trim() !== '') return x.trim();
  const auth = headers['authorization'];
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(hk_\S+)$/i.exec(auth);
    if (m) return m[1]!;
  }
  return null;
}
