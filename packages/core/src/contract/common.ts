import { z } from 'zod';
import { normalizePhone } from '../text/phone.ts';

/** A row id: a positive integer, or its plain decimal digits in a path or query (no 0x1, no 1e0). */
export const idSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^[1-9]\d{0,15}$/, 'an id is a positive whole number')
      .transform(Number),
  ])
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** GB/T 2260 region codes: 6 digits (county and above), 9 (township) or 12 (village). */
export const regionCodeSchema = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'region code must have 6, 9 or 12 digits');

export const categoryCodeSchema = z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'unknown category code format');

export const phoneSchema = z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    const n = normalizePhone(raw);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'not a Chinese mobile or landline number' });
      return z.NEVER;
    }
    return n;
  });

/** Text a person typed: trimmed, no control characters except newlines and tabs. */
export function textSchema(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'contains control characters');
}

export const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);
