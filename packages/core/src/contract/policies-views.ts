import { z } from 'zod';
import { policyLevels } from './safety-net.ts';
import { dateSchema, itemsOf, timestampSchema } from './views-common.ts';

/** Response schemas of the policy library (知识库). */

/** How a search found an article: every term of the query, a near miss, or no query (null). */
export const policyMatchKinds = ['terms', 'fuzzy'] as const;

/** What names an article, in a search result and in full. */
const articleHead = {
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  level: z.enum(policyLevels),
};

/** A search result: the article without its body, with a snippet around the match. */
export const policyListItemSchema = z
  .object({
    ...articleHead,
    articleNo: z.string().describe('e.g. 第二十二条; empty for a whole guide'),
    snippet: z.string().describe('About 80 characters of the body around the first match, the match in 【】 (plain text)'),
    tags: z.array(z.string()),
    effectiveFrom: dateSchema.nullable(),
    repealedOn: dateSchema.nullable(),
    repealed: z.boolean().describe('Repealed on or before today (Beijing)'),
    score: z.number().describe('≥ 1: holds every query term; < 1: near miss; 0: no query'),
    match: z.enum(policyMatchKinds).nullable(),
  })
  .meta({ id: 'PolicyListItem' });
export type PolicyListItem = z.infer<typeof policyListItemSchema>;
export const policyListSchema = itemsOf(policyListItemSchema);

/** One article in full, with how many cases cite it. */
export const policyViewSchema = z
  .object({
    ...articleHead,
    articleNo: z.string(),
    body: z.string(),
    effectiveFrom: dateSchema.nullable(),
    repealedOn: dateSchema.nullable(),
    repealed: z.boolean(),
    tags: z.array(z.string()),
    unitIds: z.array(z.number().int()),
    createdBy: z.number().int().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    citedBy: z.number().int().describe('How many cases cite it'),
  })
  .meta({ id: 'Policy' });
export type PolicyView = z.infer<typeof policyViewSchema>;

/** A bad cell of an import workbook. */
export const importRowErrorSchema = z.object({
  row: z.number().int().describe('The Excel row number (the header is row 1)'),
  column: z.string().describe('The column header, e.g. 生效日期; empty for the row as a whole'),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** What an import did: nothing when any row is bad (the errors say which), else how many were added and updated. */
export const policyImportReportSchema = z
  .object({ imported: z.number().int(), updated: z.number().int(), errors: z.array(importRowErrorSchema) })
  .meta({ id: 'PolicyImportReport' });
export type PolicyImportReport = z.infer<typeof policyImportReportSchema>;
