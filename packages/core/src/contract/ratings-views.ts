import { z } from 'zod';
import { textSchema } from './common.ts';
import { appealDecisions, rectificationStatuses } from './safety-net-views.ts';

/**
 * Appeals of bad ratings (申诉复核): the unit appeals a 不满意 rating as malicious, a supervisor
 * decides. The notices themselves are rows of the rectification ledger (safety-net-views.ts).
 */

export const ratingAppealSchema = z.strictObject({ reason: textSchema(2000) });

export const ratingAppealDecisionSchema = z.strictObject({
  voided: z.boolean().describe('true: the rating no longer counts in the satisfaction rate; false: it stands and the unit rectifies'),
  note: textSchema(2000),
});

export const ratingAppealedSchema = z
  .object({ id: z.number().int(), status: z.enum(rectificationStatuses).extract(['appealed']) })
  .meta({ id: 'RatingAppealed' });
export type RatingAppealed = z.infer<typeof ratingAppealedSchema>;

export const ratingAppealDecidedSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(rectificationStatuses).extract(['voided', 'issued']).describe('issued: the notice is back with the unit to rectify'),
    decision: z.enum(appealDecisions),
  })
  .meta({ id: 'RatingAppealDecided' });
export type RatingAppealDecided = z.infer<typeof ratingAppealDecidedSchema>;
