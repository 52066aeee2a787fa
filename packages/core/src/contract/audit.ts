import { z } from 'zod';
import { idSchema } from './common.ts';
import { pageOf, timestampSchema } from './views-common.ts';

/** The audit log API (安全审计): auditors read the entries of their regions, newest first. Nobody writes or deletes through it. */

const moment = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'a date (YYYY-MM-DD) or an ISO 8601 time')
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s)), 'not a real date');

export const auditLogQuerySchema = z.strictObject({
  actor: z.string().trim().min(1).max(64).optional().describe('Username of who acted (or tried to sign in)'),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'a dotted action such as auth.login or export')
    .max(64)
    .optional()
    .describe('An action, or a prefix of dotted actions (`auth` matches auth.login, auth.logout ...)'),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: moment.optional().describe('From this moment (a bare date is 00:00 Beijing time)'),
  to: moment.optional().describe('Before this moment (a bare date: the end of that day, Beijing time)'),
  cursor: idSchema.optional().describe('nextCursor of the previous page'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

export const auditEntryViewSchema = z
  .object({
    seq: z.number().int().describe('Position in the chain (1, 2, 3 ...)'),
    at: timestampSchema,
    actor: z.object({ id: z.number().int().nullable(), name: z.string().nullable() }).nullable(),
    action: z.string(),
    outcome: z.enum(['ok', 'denied', 'failed']),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    regionCode: z.string().nullable(),
    sourceIp: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    hash: z.string().describe('HMAC-SHA-256 link of the chain'),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditLogPageSchema = pageOf(auditEntryViewSchema).meta({ id: 'AuditLogPage' });
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
