import { z } from 'zod';
import { caseStatuses } from '../case/vocabulary.ts';
import { escalationLevels } from '../supervision/escalation.ts';
import { ratingFlagKinds } from '../supervision/rating-records.ts';
import { timestampSchema, unitRefSchema } from './views-common.ts';

/** The window of the supervision centre's counts. */
export const supervisionWindowQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30).describe('Window for escalations, returns and ratings'),
});

/** When an overdue case goes up to the region's leader. */
export const escalationRuleSchema = z.strictObject({ leaderAfterWorkingDays: z.number().int().min(1).max(60) });

const escalationCountsSchema = z.object(
  Object.fromEntries(escalationLevels.map((l) => [l, z.number().int()])) as Record<(typeof escalationLevels)[number], z.ZodNumber>,
);

const unitCountsSchema = z.object({
  nearDue: z.number().int(),
  overdue: z.number().int(),
  escalations: escalationCountsSchema,
  returns: z.number().int(),
  flaggedRatings: z.number().int(),
});

export const unitOverviewSchema = unitCountsSchema.extend({
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
});
export type UnitOverview = z.infer<typeof unitOverviewSchema>;

export const supervisionOverviewSchema = z
  .object({
    generatedAt: timestampSchema,
    days: z.number().int().describe('Escalations, returns and ratings are counted over the last `days` days'),
    totals: unitCountsSchema,
    units: z.array(unitOverviewSchema),
    recentEscalations: z.array(
      z.object({
        caseId: z.number().int(),
        trackingNo: z.string(),
        title: z.string(),
        status: z.enum(caseStatuses),
        level: z.enum(escalationLevels),
        dueAt: timestampSchema,
        at: timestampSchema,
        unit: unitRefSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'SupervisionOverview' });
export type SupervisionOverview = z.infer<typeof supervisionOverviewSchema>;

export const ratingFlagsViewSchema = z.object({
  days: z.number().int(),
  ratings: z.number().int().describe('Ratings read in the window'),
  items: z.array(
    z.object({
      kind: z.enum(ratingFlagKinds),
      caseIds: z.array(z.number().int()),
      unitId: z.number().int().optional(),
      userId: z.number().int().optional(),
      evidence: z.record(z.string(), z.unknown()).describe('Numbers and facts a supervisor can check; times as ISO strings'),
      summary: z.object({ zh: z.string(), en: z.string() }),
      cases: z.array(z.object({ id: z.number().int(), trackingNo: z.string().nullable() })),
    }),
  ),
});
export type RatingFlagsView = z.infer<typeof ratingFlagsViewSchema>;
