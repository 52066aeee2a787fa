import { expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { buildApp } from '../main/app.ts';
import { DEMO_PASSWORD } from '../seed/demo-org.ts';
import { expectError } from '../testing/errors.ts';
import { describeEachDb } from '../testing/harness.ts';

async function cookieOf(h: { app: import('fastify').FastifyInstance }): Promise<string> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.cookies.find((x) => x.name === 'huiyin_session');
  return `huiyin_session=${c!.value}`;
}

describeEachDb('browser hardening', (get) => {
  it('sends security headers on pages and API answers', async () => {
    const h = get();
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // No HSTS without an https public address (a plain-http demo must not pin itself).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // The API docs page works under its own CSP, with hashes for its inline parts.
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const docsCsp = String(docs.headers['content-security-policy']);
    expect(docsCsp).toMatch(/script-src 'self'/);
    expect(docsCsp).toContain("frame-ancestors 'none'");
    expect(docsCsp).not.toContain('upgrade-insecure-requests');
  });

  it('a cookie-authenticated change needs this site’s Origin (or Referer); bearer tokens are unaffected', async () => {
    const h = get();
    const cookie = await cookieOf(h);
    const body = { ids: [1] };
    const url = '/api/v1/notifications/read';
    const host = 'localhost:80';
    const none = await h.app.inject({ method: 'POST', url, headers: { cookie }, payload: body });
    expectError(none, 403, 'forbidden');
    const evil = await h.app.inject({ method: 'POST', url, headers: { cookie, origin: 'https://evil.example' }, payload: body });
    expectError(evil, 403, 'forbidden');
    const own = await h.app.inject({ method: 'POST', url, headers: { cookie, origin: `http://${host}` }, payload: body });
    expect(own.statusCode, own.body).not.toBe(403);
    const referred = await h.app.inject({ method: 'POST', url, headers: { cookie, referer: `http://${host}/admin/cases` }, payload: body });
    expect(referred.statusCode, referred.body).not.toBe(403);
    // Reads need no Origin; a bearer token needs none either.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    const bearer = await h.req('clerk', 'POST', url, body);
    expect(bearer.statusCode, bearer.body).not.toBe(403);
  });

  it('with an https public address: HSTS, and the session cookie is Secure whatever the request’s scheme', async () => {
    const h = get();
    const app = await buildApp({
      db: h.db.db,
      clock: new ManualClock(h.clock.now().toISOString()),
      dataDir: h.dataDir,
      publicUrl: 'https://12345.example.gov.cn',
      checkResponses: true,
    });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['strict-transport-security'])).toContain('max-age=31536000');
      const c = res.cookies.find((x) => x.name === 'huiyin_session');
      expect(c?.secure).toBe(true);
      expect(c?.httpOnly).toBe(true);
      // The public address's origin is accepted for cookie-authenticated changes.
      const own = await app.inject({
        method: 'POST',
        url: '/api/v1/notifications/read',
        headers: { cookie: `huiyin_session=${c!.value}`, origin: 'https://12345.example.gov.cn' },
        payload: { ids: [1] },
      });
      expect(own.statusCode, own.body).not.toBe(403);
    } finally {
      await app.close();
    }
  });

  it('a percent-encoded path reaches its route and its access check alike (no /%61pi/ detour)', async () => {
    const h = get();
    for (const url of ['/%61pi/v1/policies', '/%61pi/v1/settings/calendar', '/api/v1/%70olicies', '/%61pi/v1/admin/categories']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(401);
    }
    const cookie = await cookieOf(h);
    const forged = await h.app.inject({ method: 'POST', url: '/%61pi/v1/notifications/read', headers: { cookie }, payload: { ids: [1] } });
    expectError(forged, 403, 'forbidden');
  });
});
