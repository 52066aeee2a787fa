import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from './auth.ts';
import { createSerializerCompiler, errorResponses, validatorCompiler } from './route-schemas.ts';

/**
 * The app as route files see it: every route is one declaration of who may call it
 * (`config.access`), its zod schemas (params, querystring, body, every response, from core's
 * contract) and a thin handler. Validation, the OpenAPI document and the web's types all come
 * from that one declaration.
 *
 *   app.get('/api/v1/things/:id', {
 *     config: { access: 'user' },
 *     schema: { summary: 'One thing', params: idParams, response: { 200: thingSchema } },
 *   }, async (req) => things.get(req.params.id, requireUser(req)));
 */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A route registered under /api/v1, as the OpenAPI test sees it. */
export interface ApiRouteRecord {
  method: string;
  url: string;
  access: Access | undefined;
  /** The 2xx statuses the route declares a response for. */
  responses: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRouteRecord[];
  }
}

/**
 * `response: { 204: noContent('Signed out') }`: a success without a body (`z.undefined()`, as the type provider documents:
 * `send()` takes no body; an empty `content` object crashes the OpenAPI generator).
 */
export function noContent(description: string) {
  return z.undefined().describe(description);
}

/** A success whose body is a file, not JSON: `response: { 200: fileResponse('application/pdf', 'The letter') }`. */
export function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/**
 * Set the compilers and the declaration rules: every /api/v1 route gets the standard error
 * responses (401/403 only where it is not public) and `security: []` when public, and is
 * recorded for the OpenAPI test. With `checkResponses` (tests) every JSON response must match
 * its schema exactly.
 */
export function registerRouteDeclarations(app: FastifyInstance, opts: { checkResponses: boolean }): ApiApp {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler(opts.checkResponses));
  const apiRoutes: ApiRouteRecord[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    const access = r.config?.access;
    const isPublic = access === 'public';
    const schema = (r.schema ??= {});
    const declared = (schema.response ?? {}) as Record<string, unknown>;
    schema.response = { ...errorResponses(isPublic), ...declared };
    if (isPublic) (schema as { security?: unknown[] }).security = [];
    for (const m of [r.method].flat()) {
      if (m === 'HEAD') continue;
      apiRoutes.push({ method: m.toLowerCase(), url: r.url, access, responses: Object.keys(declared).filter((s) => s.startsWith('2')) });
    }
  });
  return app.withTypeProvider<ZodTypeProvider>();
}
