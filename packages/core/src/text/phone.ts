/**
 * Chinese phone numbers: mobiles (11 digits starting 13-19, optional +86) and landlines
 * (area code 0xx/0xxx, 7-8 digits, optional extension). Normalised without spaces, with
 * a dash between area code and number for landlines.
 */
const mobile = /^(?:\+?86)?(1[3-9]\d{9})$/;
const landline = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/;

export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s()（）]/g, '');
  const m = mobile.exec(s.replace(/-/g, ''));
  if (m) return m[1] ?? null;
  const l = landline.exec(s);
  if (l) return `${l[1]}-${l[2]}${l[3] ? `-${l[3]}` : ''}`;
  return null;
}

/** A normalised mobile number (one that can take an SMS), not a landline. */
export function isMobilePhone(normalized: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalized);
}

/** The last four digits of the subscriber number (the extension is not part of it). */
export function phoneLast4(normalized: string): string {
  const subscriber = normalized.split('-').slice(0, 2).join('');
  return subscriber.replace(/\D/g, '').slice(-4);
}

/** 138****5678 or 0359-***4567: what a role that may not see the number is shown. */
export function maskPhone(normalized: string): string {
  if (/^1\d{10}$/.test(normalized)) return `${normalized.slice(0, 3)}****${normalized.slice(7)}`;
  const [area, number = ''] = normalized.split('-');
  return `${area}-${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}
