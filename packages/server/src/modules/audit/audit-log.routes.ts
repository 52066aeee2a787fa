import { auditLogPageSchema, auditLogQuerySchema } from '@huiyin/core';
import { requireUser } from '../../http/auth.ts';
import type { ApiApp } from '../../http/route.ts';
import type { AuditLogService } from './audit-log.service.ts';

/** The audit log for auditors. There is no route that changes or deletes it. */
export function auditLogRoutes(app: ApiApp, deps: { auditLog: AuditLogService }): void {
  app.get(
    '/api/v1/audit-log',
    {
      // Anyone but an auditor is told it does not exist (the service answers 404).
      config: { access: 'user' },
      schema: {
        summary: 'Audit log entries of the auditor’s regions, newest first (auditors; 404 for everyone else)',
        description:
          'Sign-ins and their failures, sessions, passwords, second factors, lockouts, accounts and roles, units, catalog and settings, policies, exports, reveals of full phone or ID numbers, discipline ledger reads, livelihood changes. Each read is logged too.',
        querystring: auditLogQuerySchema,
        response: { 200: auditLogPageSchema },
      },
    },
    async (req) => deps.auditLog.list(requireUser(req), req.query, req.ip),
  );
}
