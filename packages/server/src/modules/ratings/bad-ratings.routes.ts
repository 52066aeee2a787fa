import {
  idParamsSchema,
  ratingAppealDecidedSchema,
  ratingAppealDecisionSchema,
  ratingAppealedSchema,
  ratingAppealSchema,
} from '@huiyin/core';
import { requireUser } from '../../http/auth.ts';
import type { ApiApp } from '../../http/route.ts';
import type { BadRatingsService } from './bad-ratings.service.ts';

/** Appeals of bad ratings (申诉复核); the notices themselves are in the rectification ledger. */
export function badRatingsRoutes(app: ApiApp, deps: { ratings: BadRatingsService }): void {
  const { ratings } = deps;

  app.post(
    '/api/v1/rectifications/:id/appeal',
    {
      // Any signed-in user: the service answers 404 to whoever is not of the notice's unit (handler or head), as for any notice out of reach.
      config: { access: 'user' },
      schema: {
        summary: 'The unit appeals a bad rating as malicious (申诉复核), once, with its reason',
        params: idParamsSchema,
        body: ratingAppealSchema,
        response: { 200: ratingAppealedSchema },
      },
    },
    async (req) => ratings.appeal(req.params.id, req.body.reason, requireUser(req)),
  );

  app.post(
    '/api/v1/rectifications/:id/appeal-decision',
    {
      config: { access: ['supervisor'] },
      schema: {
        summary: 'A supervisor decides an appeal: voided (no longer counts in the satisfaction rate) or the rating stands (rectify it)',
        params: idParamsSchema,
        body: ratingAppealDecisionSchema,
        response: { 200: ratingAppealDecidedSchema },
      },
    },
    async (req) => ratings.decide(req.params.id, req.body, requireUser(req)),
  );
}
