import { publicRateSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { FollowUpService } from './follow-up.service.ts';

type TokenParams = { Params: { token: string } };
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a follow-up link');
const rateSchema = publicRateSchema.omit({ phone: true });

/** The citizen's one-time follow-up link (no sign-in; rate-limited like the tracking page). */
export function followUpRoutes(app: FastifyInstance, deps: { followUp: FollowUpService }): void {
  app.get<TokenParams>('/api/v1/follow-up/:token', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req) => {
    const lang = langOf(req);
    return deps.followUp.view(parseWith(tokenSchema, req.params.token, lang), lang);
  });
  app.post<TokenParams>('/api/v1/follow-up/:token', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req) => {
    const lang = langOf(req);
    return deps.followUp.rate(parseWith(tokenSchema, req.params.token, lang), parseWith(rateSchema, req.body, lang), lang);
  });
}
