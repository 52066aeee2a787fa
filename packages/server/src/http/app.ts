import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { createCaseService } from '../modules/cases/cases.service.ts';
import { casesRoutes } from '../modules/cases/cases.routes.ts';
import { createTrackingService } from '../modules/cases/tracking.service.ts';
import { createGuessLimiter } from '../modules/cases/guess-limiter.ts';
import { attachmentsRoutes } from '../modules/cases/attachments.routes.ts';
import { authRoutes } from '../modules/people/auth.routes.ts';
import { createAuthService } from '../modules/people/auth.service.ts';
import { unitsRoutes } from '../modules/regions/units.routes.ts';
import { adminRoutes } from '../modules/admin/admin.routes.ts';
import { publicRoutes } from '../modules/cases/public.routes.ts';
import { createDeadlines } from '../modules/settings/deadlines.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import { livelihoodRoutes } from '../modules/livelihood/livelihood.routes.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { badRatingsRoutes } from '../modules/ratings/bad-ratings.routes.ts';
import { followUpRoutes } from '../modules/follow-up/follow-up.routes.ts';
import { createFollowUpService } from '../modules/follow-up/follow-up.service.ts';
import { policiesRoutes } from '../modules/policies/policies.routes.ts';
import { safetyNetRoutes } from '../modules/safety-net/safety-net.routes.ts';
import { createSafetyNetService } from '../modules/safety-net/safety-net.service.ts';
import { notifyRoutes } from '../modules/notify/notify.routes.ts';
import { registerAuth } from './auth.ts';
import { errorBody, langOf, sendError } from './error-mapping.ts';
import { registerApiDocs } from './openapi.ts';

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: { method: string; url: string }[];
  }
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  dataDir: string;
  sessionTtlHours?: number;
  maxUploadBytes?: number;
  publicRateLimitPerMinute?: number;
  webDistDir?: string | undefined;
  /** Map tiles for the citizen and staff maps ({z}/{x}/{y} template); unset = no tiles, the pin still works. */
  mapTileUrl?: string | undefined;
  /** Trust X-Forwarded-* headers: true, or the proxies' addresses (comma-separated). */
  trustProxy?: boolean | string;
  logger?: boolean | { level: string };
}

/** The HTTP application: plugins, auth, routes, the one error mapper. No listening here. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 256 * 1024,
    // Only behind a proxy that sets X-Forwarded-For: trusting it otherwise lets every request pick its own address.
    trustProxy: deps.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    // Errors the framework raises before routing (a bad percent-escape in the path) get the same shape.
    frameworkErrors: (err, req, reply) => {
      sendError(req, reply, err);
    },
  });
  // Every API route, as registered: the OpenAPI test checks each one is documented.
  const apiRoutes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push({ method: m.toLowerCase(), url: r.url });
  });
  app.decorate('apiRoutes', apiRoutes);
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('not_found', langOf(req))));

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req) => ({ statusCode: 429, ...errorBody('rate_limited', langOf(req)) }),
  });

  const deadlines = createDeadlines(deps.db, deps.clock);
  const auth = createAuthService({ db: deps.db, clock: deps.clock, sessionTtlHours: deps.sessionTtlHours ?? 12 });
  const guesses = createGuessLimiter(deps.clock);
  const cases = createCaseService({ db: deps.db, clock: deps.clock, deadlines, guesses });
  const tracking = createTrackingService(deps.db, guesses);

  registerAuth(app, auth);
  await registerApiDocs(app);
  authRoutes(app, auth);
  unitsRoutes(app, deps.db);
  settingsRoutes(app, { db: deps.db, clock: deps.clock, deadlines });
  casesRoutes(app, { cases, tracking, publicRateLimitPerMinute: deps.publicRateLimitPerMinute ?? 10 });
  await attachmentsRoutes(app, {
    db: deps.db,
    clock: deps.clock,
    dataDir: deps.dataDir,
    maxUploadBytes: deps.maxUploadBytes ?? 10 * 1024 * 1024,
  });
  adminRoutes(app, { db: deps.db, clock: deps.clock });
  policiesRoutes(app, { db: deps.db, clock: deps.clock });
  safetyNetRoutes(app, { safetyNet: createSafetyNetService({ db: deps.db, clock: deps.clock }), cases, tracking });
  livelihoodRoutes(app, { db: deps.db, clock: deps.clock, deadlines, dataDir: deps.dataDir });
  notifyRoutes(app, { db: deps.db, clock: deps.clock });
  supervisionRoutes(app, { db: deps.db, clock: deps.clock });
  badRatingsRoutes(app, { db: deps.db, clock: deps.clock });
  followUpRoutes(app, { followUp: createFollowUpService({ db: deps.db, clock: deps.clock, cases, tracking }) });
  publicRoutes(app, {
    db: deps.db,
    clock: deps.clock,
    dataDir: deps.dataDir,
    maxUploadBytes: deps.maxUploadBytes ?? 10 * 1024 * 1024,
    mapTileUrl: deps.mapTileUrl,
  });
  app.get('/api/health', async () => ({ ok: true }));

  if (deps.webDistDir && existsSync(path.join(deps.webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: deps.webDistDir, wildcard: false });
    // The single-page app answers every non-API path (/admin/..., /track/...).
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send(errorBody('not_found', langOf(req)));
      return reply.sendFile('index.html');
    });
  }
  return app;
}
