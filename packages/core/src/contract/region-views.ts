import { z } from 'zod';
import { unitKinds } from '../case/vocabulary.ts';

/** Regions (GB/T 2260) and units as the API sends them. */

/** A region: 1 province … 4 township, 5 village. */
export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    level: z.number().int().describe('1 province, 2 city, 3 county, 4 township, 5 village'),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

/** `GET /regions?parent=`: the children of a region (a code of 6 to 12 digits; anything else: the provinces). */
export const regionChildrenQuerySchema = z.object({
  parent: z.string().optional().describe('The parent region’s code (6 to 12 digits); absent or malformed: the top level'),
});

/** An active unit, as pickers and case views use it. */
export const unitViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(unitKinds),
    regionCode: z.string(),
    parentId: z.number().int().nullable(),
  })
  .meta({ id: 'Unit' });
export type UnitView = z.infer<typeof unitViewSchema>;

export const regionListSchema = z.object({ items: z.array(regionSchema) });
export const unitListSchema = z.object({ items: z.array(unitViewSchema) });
