import { z } from 'zod';
import { regionCodeSchema, textSchema } from './common.ts';

export const isoDateParamSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** An admin's correction of the bundled holiday calendar for one day. */
export const calendarOverrideSchema = z.strictObject({
  kind: z.enum(['holiday', 'workday']),
  name: textSchema(50).optional(),
});

export const calendarYearQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

/** Path parameter `:date` of a calendar override. */
export const calendarDateParamsSchema = z.strictObject({ date: isoDateParamSchema });

/** Path parameter `:regionCode` of a region's time limits. */
export const timeLimitRegionParamsSchema = z.strictObject({ regionCode: regionCodeSchema });
