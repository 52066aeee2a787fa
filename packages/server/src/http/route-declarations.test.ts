import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerAuth, requireUser } from './auth.ts';
import { sendError } from './error-mapping.ts';
import { registerRouteDeclarations } from './route.ts';

/** A small app with one declared route, to see the declaration rules at work without a database. */
async function appWith(body: unknown, checkResponses = true) {
  const app = Fastify();
  await app.register(cookie);
  const api = registerRouteDeclarations(app, { checkResponses });
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  registerAuth(app, {
    authenticate: async (token) =>
      token === 'good-token-of-twenty-chars'
        ? { id: 1, username: 'u', displayName: 'U', phone: null, roles: ['clerk'], active: true, units: [] }
        : null,
  });
  api.post(
    '/api/v1/things/:id',
    {
      config: { access: ['clerk'] },
      schema: {
        params: z.strictObject({ id: z.coerce.number().int() }),
        body: z.strictObject({ name: z.string().min(2) }),
        response: { 200: z.object({ id: z.number(), name: z.string() }) },
      },
    },
    async (req) => {
      requireUser(req);
      return body as { id: number; name: string };
    },
  );
  return app;
}

const auth = { authorization: 'Bearer good-token-of-twenty-chars' };

describe('route declarations', () => {
  it('answers 401 before looking at the input when the caller may not call the route', async () => {
    const app = await appWith({ id: 1, name: 'ok' });
    const r = await app.inject({ method: 'POST', url: '/api/v1/things/x', payload: { bogus: true } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('unauthorized');
  });

  it('validates params and body with the declared schemas, in the caller’s language', async () => {
    const app = await appWith({ id: 1, name: 'ok' });
    const zh = await app.inject({ method: 'POST', url: '/api/v1/things/1', headers: auth, payload: { name: 'a' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('validation_failed');
    expect(zh.json().error.details.fields[0].path).toBe('name');
    expect(zh.json().error.details.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await app.inject({
      method: 'POST',
      url: '/api/v1/things/1',
      headers: { ...auth, 'accept-language': 'en' },
      payload: { name: 'a', extra: 1 },
    });
    expect(en.statusCode).toBe(400);
    expect(
      en
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['extra', 'name']);
    expect(en.json().error.details.fields[0].message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('in tests, a response with a field its schema does not declare fails loudly; in production it goes out as sent', async () => {
    const drifted = { id: 1, name: 'ok', secret: 'x' };
    const checked = await appWith(drifted, true);
    const r = await checked.inject({ method: 'POST', url: '/api/v1/things/1', headers: auth, payload: { name: 'ok' } });
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('internal');
    const wrongType = await appWith({ id: '1', name: 'ok' }, true);
    expect((await wrongType.inject({ method: 'POST', url: '/api/v1/things/1', headers: auth, payload: { name: 'ok' } })).statusCode).toBe(
      500,
    );
    const prod = await appWith(drifted, false);
    const p = await prod.inject({ method: 'POST', url: '/api/v1/things/1', headers: auth, payload: { name: 'ok' } });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toEqual(drifted);
  });
});
