import { errors, json, ok } from '../../http/openapi-parts.ts';

/** OpenAPI paths of the supervision centre (merged by http/openapi.ts). */
export function supervisionPaths(): Record<string, unknown> {
  return {
    '/api/v1/supervision/overview': {
      get: {
        summary:
          'Near-due, overdue, escalations (urge/supervise/escalate), returns and flagged ratings per unit of the caller’s regions (supervisors, dispatchers, leaders, admins)',
        parameters: [
          {
            name: 'days',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 366, default: 30 },
            description: 'Window for escalations, returns and ratings',
          },
        ],
        responses: {
          '200': ok(
            '{generatedAt, days, totals, units: [{unitId, unitName, nearDue, overdue, escalations, returns, flaggedRatings}], recentEscalations}',
          ),
          ...errors,
        },
      },
    },
    '/api/v1/rectifications/{id}/appeal': {
      post: {
        summary: 'The unit appeals a bad rating as malicious (申诉复核), once, with its reason',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 2000 } } }),
        responses: { '200': ok('{id, status: appealed}'), ...errors },
      },
    },
    '/api/v1/rectifications/{id}/appeal-decision': {
      post: {
        summary: 'A supervisor decides an appeal: voided (no longer counts in the satisfaction rate) or the rating stands (rectify it)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: json({
          type: 'object',
          required: ['voided', 'note'],
          properties: { voided: { type: 'boolean' }, note: { type: 'string', maxLength: 2000 } },
        }),
        responses: { '200': ok('{id, status, decision}'), ...errors },
      },
    },
    '/api/v1/supervision/rating-flags': {
      get: {
        summary:
          'Suspicious follow-up ratings with their evidence (rated by the handling unit, bursts by one account, rated before the reply, all top grade with many reopens, the same comment on many cases)',
        parameters: [{ name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 366, default: 30 } }],
        responses: { '200': ok('{days, ratings, items: [{kind, caseIds, cases, unitId?, userId?, evidence, summary}]}'), ...errors },
      },
    },
    '/api/v1/supervision/escalation-rule': {
      get: {
        summary: 'When an overdue case goes up to the region’s leader (working days past the deadline)',
        responses: { '200': ok('{leaderAfterWorkingDays}'), ...errors },
      },
      put: {
        summary: 'Change it (admin)',
        requestBody: json({ type: 'object', properties: { leaderAfterWorkingDays: { type: 'integer', minimum: 1, maximum: 60 } } }),
        responses: { '200': ok('The rule'), ...errors },
      },
    },
  };
}
