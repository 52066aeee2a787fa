import { z } from 'zod';
import { caseTypes } from '../case/vocabulary.ts';
import { dateSchema } from './views-common.ts';

/** What the API sends about categories, the routing catalog, the holiday calendar and time limits. */

// ---- categories and the routing catalog -----------------------------------------------------

/** A request category (the nationwide tree every region shares). */
export const categorySchema = z
  .object({ code: z.string(), parentCode: z.string().nullable(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof categorySchema>;
export const categoryListSchema = z.object({ items: z.array(categorySchema) });

/** A category as the admin pages see it, inactive ones included. */
export const adminCategorySchema = categorySchema.extend({ active: z.boolean() }).meta({ id: 'AdminCategory' });
export type AdminCategory = z.infer<typeof adminCategorySchema>;
export const adminCategoryListSchema = z.object({ items: z.array(adminCategorySchema) });

/** A rule of the routing catalog: cases of the category in regions under the prefix go to the unit. */
export const routingRuleSchema = z
  .object({
    id: z.number().int(),
    categoryCode: z.string(),
    categoryNameZh: z.string(),
    categoryNameEn: z.string(),
    categoryActive: z.boolean(),
    regionPrefix: z.string(),
    regionName: z.string().nullable(),
    unit: z.object({ id: z.number().int(), name: z.string(), active: z.boolean() }),
    assistUnits: z.array(z.object({ id: z.number().int(), name: z.string() })).describe('Assisting units (协办单位)'),
    timeLimitDays: z
      .number()
      .int()
      .nullable()
      .describe('Working days to answer for cases dispatched by the rule (null: the region’s answer limit)'),
  })
  .meta({ id: 'RoutingRule' });
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export const routingRuleListSchema = z.object({ items: z.array(routingRuleSchema) });

// ---- the holiday calendar -------------------------------------------------------------------

export const calendarDaySchema = z.object({
  date: dateSchema,
  working: z.boolean(),
  kind: z.enum(['weekday', 'weekend', 'holiday', 'makeupWorkday']),
  name: z.string().nullable().describe('The holiday the day belongs to, when listed'),
  overridden: z.boolean().describe('An admin override decided the day'),
});

/** An admin's correction of one day, as listed (no `name` when none was given). */
export const calendarOverrideViewSchema = z.object({
  date: dateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().optional(),
});
export type CalendarOverrideView = z.infer<typeof calendarOverrideViewSchema>;

/** An override just set. */
export const calendarOverrideSetSchema = z.object({ date: dateSchema, kind: z.enum(['holiday', 'workday']), name: z.string().nullable() });
export type CalendarOverrideSet = z.infer<typeof calendarOverrideSetSchema>;

/** A year of the calendar: the days that differ from the Monday-Friday pattern, and the admin's overrides. */
export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    covered: z.boolean().describe('A State Council notice covers the year'),
    provisional: z.boolean().describe('The year’s holidays are not yet announced: the data is a forecast'),
    days: z.array(calendarDaySchema).describe('Holidays, make-up workdays and overridden days; other days follow the week'),
    overrides: z.array(calendarOverrideViewSchema),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

// ---- time limits ----------------------------------------------------------------------------

export const timeLimitSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('hours'), value: z.number() }),
  z.object({ unit: z.literal('workingDays'), value: z.number().int() }),
  z.object({ unit: z.literal('workingHours'), value: z.number() }),
  z.object({ unit: z.literal('sameDay') }),
]);

const workingHoursSchema = z.object({
  morningStart: z.string(),
  morningEnd: z.string(),
  afternoonStart: z.string(),
  afternoonEnd: z.string(),
});

const safetyNetKinds = ['simple', 'general', 'complex', 'cannotBeDone'] as const;
const limitsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, timeLimitSchema])) as Record<K, typeof timeLimitSchema>);
const someLimitsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, timeLimitSchema.optional()])) as Record<K, z.ZodOptional<typeof timeLimitSchema>>);

/** The time limits in force in a region (DOMAIN.md, "Time limits"). */
export const timeLimitPolicySchema = z.object({
  sign: timeLimitSchema,
  answer: limitsOf(caseTypes),
  urgentHelp: timeLimitSchema,
  safetyNet: limitsOf(safetyNetKinds),
  badRating: timeLimitSchema,
  workingHours: workingHoursSchema,
});

/** A region's own partial policy: any limit, or any single entry of answer / safetyNet. */
export const timeLimitPolicyOverrideSchema = z.object({
  sign: timeLimitSchema.optional(),
  answer: someLimitsOf(caseTypes).optional(),
  urgentHelp: timeLimitSchema.optional(),
  safetyNet: someLimitsOf(safetyNetKinds).optional(),
  badRating: timeLimitSchema.optional(),
  workingHours: workingHoursSchema.optional(),
});

/**
 * The body of `PUT /settings/time-limits/:regionCode`: a partial policy (see RegionTimeLimits.override),
 * checked as a whole by the server so that the error names the offending entry (`answer.help: …`).
 */
export const timeLimitPolicyBodySchema = z
  .record(z.string(), z.unknown())
  .describe(
    'A partial time-limit policy: sign, answer.{consultation|help|complaint|report|suggestion}, urgentHelp, safetyNet.{simple|general|complex|cannotBeDone}, badRating (each {unit: hours|workingDays|workingHours, value} or {unit: sameDay}) and workingHours {morningStart, morningEnd, afternoonStart, afternoonEnd}',
  );

/** A region's own time limits (null: none) and the policy in force there (its ancestors' and the defaults merged). */
export const regionTimeLimitsSchema = z
  .object({
    regionCode: z.string(),
    override: timeLimitPolicyOverrideSchema.nullable(),
    effective: timeLimitPolicySchema,
  })
  .meta({ id: 'RegionTimeLimits' });
export type RegionTimeLimits = z.infer<typeof regionTimeLimitsSchema>;
