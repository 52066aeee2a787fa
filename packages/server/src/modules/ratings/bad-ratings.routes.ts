import { idSchema, textSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { createBadRatingsService } from './bad-ratings.service.ts';

type Params = { Params: { id: string } };
const appealSchema = z.strictObject({ reason: textSchema(2000) });
const decisionSchema = z.strictObject({ voided: z.boolean(), note: textSchema(2000) });

/** Appeals of bad ratings (申诉复核); the notices themselves are in the rectification ledger. */
export function badRatingsRoutes(app: FastifyInstance, deps: { ratings: ReturnType<typeof createBadRatingsService> }): void {
  const { ratings } = deps;
  app.post<Params>('/api/v1/rectifications/:id/appeal', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return ratings.appeal(parseWith(idSchema, req.params.id, lang), parseWith(appealSchema, req.body, lang).reason, user);
  });
  app.post<Params>('/api/v1/rectifications/:id/appeal-decision', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return ratings.decide(parseWith(idSchema, req.params.id, lang), parseWith(decisionSchema, req.body, lang), user);
  });
}
