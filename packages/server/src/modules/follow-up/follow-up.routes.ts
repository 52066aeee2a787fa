import { caseTrackingSchema, followUpParamsSchema, followUpRateSchema, followUpViewSchema } from '@huiyin/core';
import { langOf } from '../../http/error-mapping.ts';
import { errorResponse, type ApiApp } from '../../http/route.ts';
import type { FollowUpService } from './follow-up.service.ts';

const expired = errorResponse('The link has expired (gone)');

/** The citizen's one-time follow-up link (no sign-in; rate-limited like the tracking page). */
export function followUpRoutes(app: ApiApp, deps: { followUp: FollowUpService }): void {
  app.get(
    '/api/v1/follow-up/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        summary: 'The case and its answer behind a follow-up link sent by SMS (no sign-in); 409 used, 410 expired, 404 unknown',
        params: followUpParamsSchema,
        response: { 200: followUpViewSchema, 410: expired },
      },
    },
    async (req) => deps.followUp.view(req.params.token, langOf(req)),
  );

  app.post(
    '/api/v1/follow-up/:token',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Rate once through the link: solved, satisfaction (5 levels), comment; a second use is refused (409)',
        params: followUpParamsSchema,
        body: followUpRateSchema,
        response: { 200: caseTrackingSchema, 410: expired },
      },
    },
    async (req) => deps.followUp.rate(req.params.token, req.body, langOf(req)),
  );
}
