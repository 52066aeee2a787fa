import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { createSupervisionService } from './supervision.service.ts';

const overviewQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) });
const escalationRuleSchema = z.strictObject({ leaderAfterWorkingDays: z.number().int().min(1).max(60) });

/** The supervision centre (督办中心): per-unit counts and the escalation rule. */
export function supervisionRoutes(app: FastifyInstance, deps: { supervision: ReturnType<typeof createSupervisionService> }): void {
  const { supervision } = deps;

  app.get('/api/v1/supervision/overview', async (req) => {
    const user = requireUser(req);
    return supervision.overview(user, parseWith(overviewQuery, req.query, langOf(req)).days);
  });
  app.get('/api/v1/supervision/rating-flags', async (req) => {
    const user = requireUser(req);
    return supervision.ratingFlags(user, parseWith(overviewQuery, req.query, langOf(req)).days);
  });
  app.get('/api/v1/supervision/escalation-rule', async (req) => {
    requireUser(req);
    return supervision.escalationRule();
  });
  app.put('/api/v1/supervision/escalation-rule', async (req) => {
    requireRole(req, ['admin']);
    return supervision.putEscalationRule(parseWith(escalationRuleSchema, req.body, langOf(req)));
  });
}
