import { escalationRuleSchema, ratingFlagsViewSchema, supervisionOverviewSchema, supervisionWindowQuerySchema } from '@huiyin/core';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { requireUser } from '../../http/auth.ts';
import type { ApiApp } from '../../http/route.ts';
import type { SupervisionService } from './supervision.service.ts';

/** The supervision centre (督办中心): per-unit counts and the escalation rule. */
export function supervisionRoutes(app: ApiApp, deps: { supervision: SupervisionService }): void {
  const { supervision } = deps;

  app.get(
    '/api/v1/supervision/overview',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Near-due, overdue, escalations (urge/supervise/escalate), returns and flagged ratings per unit of the caller’s regions (supervisors, dispatchers, leaders, admins)',
        querystring: supervisionWindowQuerySchema,
        response: { 200: supervisionOverviewSchema },
      },
    },
    async (req) => supervision.overview(requireUser(req), req.query.days),
  );

  app.get(
    '/api/v1/supervision/rating-flags',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Suspicious follow-up ratings with their evidence (rated by the handling unit, bursts by one account, rated before the reply, all top grade with many reopens, the same comment on many cases)',
        querystring: supervisionWindowQuerySchema,
        response: { 200: ratingFlagsViewSchema },
      },
    },
    async (req) => supervision.ratingFlags(requireUser(req), req.query.days),
  );

  app.get(
    '/api/v1/supervision/escalation-rule',
    {
      config: { access: 'user' },
      schema: {
        summary: 'When an overdue case goes up to the region’s leader (working days past the deadline)',
        response: { 200: escalationRuleSchema },
      },
    },
    async () => supervision.escalationRule(),
  );

  app.put(
    '/api/v1/supervision/escalation-rule',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Change it (a national setting: system admin of the root region)',
        body: escalationRuleSchema,
        response: { 200: escalationRuleSchema },
      },
    },
    async (req) => supervision.putEscalationRule(adminScopeOfRequest(req), req.body),
  );
}
