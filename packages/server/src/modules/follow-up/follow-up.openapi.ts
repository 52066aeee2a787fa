import { publicRateSchema } from '@huiyin/core';
import { errors, json, ok, schema } from '../../http/openapi-parts.ts';

const token = { name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } };

/** OpenAPI paths of the one-time follow-up links. */
export function followUpPaths(): Record<string, unknown> {
  return {
    '/api/v1/follow-up/{token}': {
      get: {
        summary: 'The case and its answer behind a follow-up link sent by SMS (no sign-in); 409 used, 410 expired, 404 unknown',
        security: [],
        parameters: [token],
        responses: { '200': ok('The tracking view with expiresAt'), ...errors, '410': { description: 'The link has expired' } },
      },
      post: {
        summary: 'Rate once through the link: solved, satisfaction (5 levels), comment; a second use is refused (409)',
        security: [],
        parameters: [token],
        requestBody: json(schema(publicRateSchema.omit({ phone: true }))),
        responses: { '200': ok('The tracking view after the rating'), ...errors, '410': { description: 'The link has expired' } },
      },
    },
  };
}
