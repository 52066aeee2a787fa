import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '@huiyin/core';
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

/** A file (not JSON) with its headers. */
export function sendFile(reply: FastifyReply, data: Buffer, headers: Record<string, string>) {
  return reply.headers(headers).send(data);
}

/**
 * A `content-disposition` header: `inline` or `attachment`, the plain `filename` for old clients
 * when `ascii` is given, and the UTF-8 `filename*` (any characters) when `name` is.
 */
export function contentDisposition(kind: 'inline' | 'attachment', file: { ascii?: string; name?: string }): string {
  return [
    kind,
    ...(file.ascii !== undefined ? [`filename="${file.ascii}"`] : []),
    ...(file.name !== undefined ? [`filename*=UTF-8''${encodeURIComponent(file.name)}`] : []),
  ].join('; ');
}

/** An error status a route gives besides the standard ones: `response: { 410: errorResponse('The link has expired') }`. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

interface MultipartField {
  description: string;
  /** Files (any number up to the route's limit); otherwise a text field. */
  file?: boolean;
  required?: boolean;
}

/**
 * A multipart upload, as the OpenAPI document shows it. The handler reads the parts itself (the
 * files are streamed, never parsed into `req.body`), so the body schema accepts anything and only
 * describes the form. Spread it into the schema: `schema: { ...multipartBody('…', fields), response }`.
 */
export function multipartBody(description: string, fields: Record<string, MultipartField>) {
  const properties = Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      f.file
        ? { type: 'array', items: { type: 'string', format: 'binary' }, description: f.description }
        : { type: 'string', description: f.description },
    ]),
  );
  const required = Object.keys(fields).filter((name) => fields[name]!.required);
  return {
    consumes: ['multipart/form-data'],
    body: z.unknown().meta({ type: 'object', description, properties, ...(required.length > 0 ? { required } : {}) }),
  };
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
