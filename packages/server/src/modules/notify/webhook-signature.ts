import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Huiyin-Signature: sha256=<hex>`: the HMAC-SHA256 of the raw request body with the shared
 * secret (HUIYIN_WEBHOOK_SECRET). A receiver recomputes it over the bytes it received, before
 * parsing, and compares in constant time.
 */
export const SIGNATURE_HEADER = 'x-huiyin-signature';

export function signBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function verifySignature(secret: string, rawBody: string | Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signBody(secret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
