import {
  actionBodySchema,
  createCaseSchema,
  idSchema,
  listCasesQuerySchema,
  publicCreateCaseSchema,
  publicRateSchema,
  trackingNoSchema,
  trackQuerySchema,
} from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { CaseService } from './cases.service.ts';
import type { createTrackingService } from './tracking.service.ts';

type Params = { Params: { id: string } };
type TrackParams = { Params: { trackingNo: string } };

export function casesRoutes(
  app: FastifyInstance,
  deps: { cases: CaseService; tracking: ReturnType<typeof createTrackingService>; publicRateLimitPerMinute: number },
): void {
  const { cases, tracking } = deps;

  app.post('/api/v1/cases', async (req, reply) => {
    const user = requireUser(req);
    const body = parseWith(createCaseSchema, req.body, langOf(req));
    return reply.status(201).send(await cases.register(body, { kind: 'staff', user }));
  });

  app.get('/api/v1/cases', async (req) => {
    const user = requireUser(req);
    const query = parseWith(listCasesQuerySchema, req.query, langOf(req));
    return cases.list(query, user);
  });

  app.get('/api/v1/cases/queues', async (req) => cases.queues(requireUser(req)));

  app.get<Params>('/api/v1/cases/:id', async (req) => {
    const user = requireUser(req);
    const id = parseWith(idSchema, req.params.id, langOf(req));
    return cases.get(id, user);
  });

  app.get<Params>('/api/v1/cases/:id/dispatch-help', async (req) => {
    const user = requireUser(req);
    return cases.dispatchHelp(parseWith(idSchema, req.params.id, langOf(req)), user);
  });

  app.post<Params>('/api/v1/cases/:id/actions', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    const id = parseWith(idSchema, req.params.id, lang);
    const body = parseWith(actionBodySchema, req.body, lang);
    return cases.act(id, body, user);
  });

  app.post(
    '/api/v1/public/cases',
    { config: { rateLimit: { max: deps.publicRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = parseWith(publicCreateCaseSchema, req.body, langOf(req));
      return reply.status(201).send(await cases.register(body, { kind: 'public' }));
    },
  );

  app.get<TrackParams>('/api/v1/track/:trackingNo', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req) => {
    const lang = langOf(req);
    const trackingNo = parseWith(trackingNoSchema, req.params.trackingNo, lang);
    const { phone } = parseWith(trackQuerySchema, req.query, lang);
    return tracking.track(trackingNo, phone, lang);
  });

  app.post<TrackParams>('/api/v1/track/:trackingNo/rating', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req) => {
    const lang = langOf(req);
    const trackingNo = parseWith(trackingNoSchema, req.params.trackingNo, lang);
    const { phone, ...rating } = parseWith(publicRateSchema, req.body, lang);
    await cases.rateAsRequester(trackingNo, phone, rating);
    return tracking.track(trackingNo, phone, lang);
  });
}
