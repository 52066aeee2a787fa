import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3 document, generated from the route declarations (their zod schemas from core's
 * contract), so it cannot drift from what the server validates and sends. Served at
 * /api/openapi.json, browsable at /api/docs. Register before the routes.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Huiyin (回音) API',
        version: '1.0.0',
        description:
          'Cases from registration to a rated answer. Errors: {error: {code, message, details?}}. Staff sign in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>` (the web uses the session cookie).',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'huiyin_session' } },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: ['/api/openapi.json', '/*'] }),
    transformObject: jsonSchemaTransformObject,
  });
  // Its own CSP (with the hashes of its inline script and styles) replaces the global one on its pages.
  // Without upgrade-insecure-requests (a plain-http install would lose its own scripts) and framed by no one.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace(' upgrade-insecure-requests;', '').replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
