import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** TOTP (RFC 6238) as authenticator apps speak it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_ISSUER = '回音 Huiyin';
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, username: string): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: username, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { secret, otpauthUri, qrDataUrl };
}

/**
 * Check a code at `now`, one step of clock drift either way; a step at or before `afterStep`
 * (the last accepted one) is refused, so a code is never accepted twice. The accepted step, or null.
 */
export async function checkTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: PERIOD,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use recovery codes like `k7m2q-x9dpa` (about 49 bits each). */
export function newRecoveryCodes(n = 10): string[] {
  return Array.from({ length: n }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed (any case, spaces or hyphens) to its stored hash. */
export function recoveryCodeHash(code: string): string {
  const normal = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`huiyin-recovery:${normal}`).digest('hex');
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}
