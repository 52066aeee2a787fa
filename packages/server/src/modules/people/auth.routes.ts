import { caseScopeFor, createUserSchema, loginSchema, type AuthUser } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser, SESSION_COOKIE, sessionToken, setSessionCookie } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { AuthService } from './auth.service.ts';

export function meView(u: AuthUser) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, units: u.units };
}

export function authRoutes(app: FastifyInstance, auth: AuthService): void {
  app.post('/api/v1/auth/login', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = parseWith(loginSchema, req.body, langOf(req));
    const { token, user, expiresAt } = await auth.login(body.username, body.password);
    setSessionCookie(reply, req, token, expiresAt);
    return { token, expiresAt: expiresAt.toISOString(), user: meView(user) };
  });

  app.post('/api/v1/auth/logout', async (req, reply) => {
    const token = sessionToken(req);
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/me', async (req) => meView(requireUser(req)));

  /** Who is signed in, or null: for the web to ask without provoking a 401. */
  app.get('/api/v1/auth/session', async (req) => ({ user: req.user ? meView(req.user) : null }));

  app.post('/api/v1/users', async (req, reply) => {
    const admin = requireRole(req, ['admin']);
    const body = parseWith(createUserSchema, req.body, langOf(req));
    const user = await auth.createUser(body, { regionPrefixes: caseScopeFor(admin).regionPrefixes });
    return reply.status(201).send(meView(user));
  });
}
