import { createHash } from 'node:crypto';

/**
 * The id a receiver sees (the SMS gateway's `id`, the webhook body's `id`, the e-mail's
 * Message-ID): a UUID derived from the message's key, the channel and the recipient. It is the
 * same on every retry and after a crash, so a receiver drops a repeat by it; a message expanded
 * twice yields the same ids, and the second insert adds nothing.
 */
export function messageIdOf(key: string, channel: string, recipient: string): string {
  const h = createHash('sha256').update(`${key}\n${channel}\n${recipient}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80; // version 8 (custom, name-based)
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
