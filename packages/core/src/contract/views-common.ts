import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * Building blocks of the response schemas (what the API sends). Response schemas describe the
 * JSON on the wire: times are ISO 8601 strings, dates YYYY-MM-DD, absent values null.
 */

/** A moment as the API sends it: ISO 8601 in UTC (`2026-03-09T01:00:00.000Z`). */
export const timestampSchema = z.string().meta({ format: 'date-time' });
/** A calendar day: YYYY-MM-DD. */
export const dateSchema = z.string().meta({ format: 'date' });

/** A unit named in a view. */
export const unitRefSchema = z.object({ id: z.number().int(), name: z.string() });
export type UnitRef = z.infer<typeof unitRefSchema>;

/** A staff member named in a view. */
export const personRefSchema = z.object({ id: z.number().int(), name: z.string() });

/** `{ items: [...] }`: a whole list (small by nature: units, categories, a case's attachments). */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** A keyset page: the items and the cursor of the next page (null: the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Path parameter `:id` (a positive whole number). */
export const idParamsSchema = z.strictObject({ id: idSchema });
