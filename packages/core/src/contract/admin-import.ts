import { z } from 'zod';
import { importRowErrorSchema } from './policies-views.ts';

/**
 * Excel imports of the system admin (units, the routing catalog): a dry run answers the preview
 * (what would be created, updated or left unchanged) and changes nothing; the real run applies the
 * same plan in one transaction. Any bad row imports nothing: `errors` say which rows and why.
 */
export const adminImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (default): only preview; false: apply'),
});
export type AdminImportQuery = z.infer<typeof adminImportQuerySchema>;

export const adminImportActions = ['create', 'update', 'unchanged'] as const;
export type AdminImportAction = (typeof adminImportActions)[number];

export const adminImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().describe('Whether the plan was written (false for a dry run or when any row is bad)'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int().describe('The Excel row number (the header is row 1)'),
        action: z.enum(adminImportActions),
        name: z.string().describe('What the row stands for: the unit name, or category · region · unit'),
      }),
    ),
    errors: z.array(importRowErrorSchema),
  })
  .meta({ id: 'AdminImportReport' });
export type AdminImportReport = z.infer<typeof adminImportReportSchema>;

/** The people import's query: preview or apply, and whether new people with a mobile phone get their one-time password by SMS. */
export const peopleImportQuerySchema = adminImportQuerySchema.extend({
  sms: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: new people with a mobile phone get their one-time password by SMS (sealed in the outbox); the others are answered'),
});

/**
 * The people import's answer: the report, and the one-time passwords of the accounts it created
 * (answered once, never stored in clear: the admin prints them; each must be changed at the first
 * sign-in), or, with `sms=true`, the masked phone it was sent to.
 */
export const peopleImportReportSchema = adminImportReportSchema
  .extend({
    oneTimePasswords: z.array(
      z.object({
        row: z.number().int(),
        username: z.string(),
        displayName: z.string(),
        password: z.string().nullable().describe('null: sent by SMS (smsTo)'),
        smsTo: z.string().nullable().describe('The masked mobile number the one-time password was sent to'),
      }),
    ),
  })
  .meta({ id: 'PeopleImportReport' });
export type PeopleImportReport = z.infer<typeof peopleImportReportSchema>;
