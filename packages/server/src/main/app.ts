import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { registerAuth } from '../http/auth.ts';
import { registerBrowserHardening, registerCrossSiteCheck } from '../http/browser-hardening.ts';
import { logRefusals } from '../http/refusal-log.ts';
import { errorBody, langOf, sendError } from '../http/error-mapping.ts';
import { registerRouteDeclarations } from '../http/route.ts';
import { adminRoutes } from '../modules/admin/admin.routes.ts';
import { auditLogRoutes } from '../modules/audit/audit-log.routes.ts';
import { attachmentsRoutes } from '../modules/cases/attachments.routes.ts';
import { casesRoutes } from '../modules/cases/cases.routes.ts';
import { publicRoutes } from '../modules/cases/public.routes.ts';
import { followUpRoutes } from '../modules/follow-up/follow-up.routes.ts';
import { hotlineRoutes } from '../modules/hotline/hotline.routes.ts';
import { livelihoodRoutes } from '../modules/livelihood/livelihood.routes.ts';
import { createLiveHub } from '../modules/notify/live.ts';
import { notifyRoutes } from '../modules/notify/notify.routes.ts';
import { authRoutes } from '../modules/people/auth.routes.ts';
import { policiesRoutes } from '../modules/policies/policies.routes.ts';
import { badRatingsRoutes } from '../modules/ratings/bad-ratings.routes.ts';
import { unitsRoutes } from '../modules/regions/units.routes.ts';
import { safetyNetRoutes } from '../modules/safety-net/safety-net.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { registerApiDocs } from './openapi.ts';
import { buildServices } from './services.ts';

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
  /** Check every JSON response against its declared schema (tests): a drift fails the request. */
  checkResponses?: boolean;
  /** A session unused this long ends (default 30 minutes). */
  sessionIdleMinutes?: number;
  /** The server's public address: an https one makes the session cookie Secure and turns HSTS on. */
  publicUrl?: string | undefined;
  /** Demo mode (HUIYIN_DEMO=on, the default): demo accounts sign in without a second factor. */
  demo?: boolean;
  /** An SMS gateway is configured (HUIYIN_SMS_GATEWAY_URL): the people import may send one-time passwords by SMS. */
  smsChannel?: boolean;
  /** How often the live notification stream sends a heartbeat (default 25 s). */
  sseHeartbeatMs?: number;
}

/**
 * The composition root of the HTTP server: plugins, auth, the services, every module's routes
 * and the OpenAPI document generated from their declarations. No listening here.
 */
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
  const api = registerRouteDeclarations(app, { checkResponses: deps.checkResponses ?? false });
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('not_found', langOf(req))));

  await app.register(cookie);
  await registerBrowserHardening(app, { publicUrl: deps.publicUrl, mapTileUrl: deps.mapTileUrl });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req) => ({ statusCode: 429, ...errorBody('rate_limited', langOf(req)) }),
  });

  const maxUploadBytes = deps.maxUploadBytes ?? 10 * 1024 * 1024;
  // Uploads are read by their handlers, each with its own limits (http/multipart.ts readMultipart).
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 5, fields: 5, parts: 10 } });
  const s = buildServices({
    db: deps.db,
    clock: deps.clock,
    dataDir: deps.dataDir,
    sessionTtlHours: deps.sessionTtlHours ?? 12,
    sessionIdleMinutes: deps.sessionIdleMinutes ?? 30,
    publicUrl: deps.publicUrl,
    demo: deps.demo ?? true,
    maxUploadBytes,
    mapTileUrl: deps.mapTileUrl,
    smsChannel: deps.smsChannel ?? false,
  });
  const hub = createLiveHub({ db: deps.db, log: (m) => app.log.warn(m) });
  app.addHook('preClose', async () => hub.close());
  // jieba builds its dictionary on first use (a fraction of a second): do it when the server starts listening.
  app.addHook('onListen', async () => {
    await s.livelihood.similarity.warm();
  });

  registerAuth(app, s.auth);
  registerCrossSiteCheck(app, { publicUrl: deps.publicUrl });
  logRefusals(app, s.db, s.clock);
  await registerApiDocs(app);
  authRoutes(api, { auth: s.auth });
  unitsRoutes(api, { units: s.units, regions: s.regions });
  settingsRoutes(api, { settings: s.settings, catalog: s.catalog });
  casesRoutes(api, {
    cases: s.cases,
    tracking: s.tracking,
    papers: s.casePapers,
    publicRateLimitPerMinute: deps.publicRateLimitPerMinute ?? 10,
  });
  attachmentsRoutes(api, { attachments: s.attachments, maxUploadBytes });
  adminRoutes(api, {
    units: s.units,
    regions: s.regions,
    users: s.users,
    catalog: s.catalog,
    imports: s.adminImports,
  });
  policiesRoutes(api, { policies: s.policies });
  safetyNetRoutes(api, { safetyNet: s.safetyNet, letters: s.answerLetters, tracking: s.tracking });
  livelihoodRoutes(api, { livelihood: s.livelihood });
  notifyRoutes(api, {
    notifications: s.notifications,
    deliveries: s.deliveries,
    auth: s.auth,
    clock: s.clock,
    hub,
    ...(deps.sseHeartbeatMs !== undefined ? { heartbeatMs: deps.sseHeartbeatMs } : {}),
  });
  supervisionRoutes(api, { supervision: s.supervision });
  badRatingsRoutes(api, { ratings: s.badRatings });
  followUpRoutes(api, { followUp: s.followUp });
  publicRoutes(api, { photos: s.publicPhotos, config: s.publicConfig, maxUploadBytes });
  auditLogRoutes(api, { auditLog: s.auditLog });
  hotlineRoutes(api, { hotline: s.hotline, apiKeys: s.apiKeys });
  api.get(
    '/api/health',
    { schema: { summary: 'Liveness: the server answers', security: [], response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );

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
