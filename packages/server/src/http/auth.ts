import { DomainError, type Role, type AuthUser } from '@huiyin/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'huiyin_session';

/**
 * Who may call a route, declared with the route (`config: { access }`): anyone, any signed-in
 * user, or users with one of the roles. Checked before the request is validated, so a caller
 * who may not call the route learns nothing from its validation messages.
 */
export type Access = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in user, or null; `credentialPresented` tells a bad credential from none. */
    user: AuthUser | null;
    credentialPresented: boolean;
  }
}

function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    return m ? m[1]! : h;
  }
  const c = req.cookies[SESSION_COOKIE];
  return typeof c === 'string' && c !== '' ? c : null;
}

/** Resolve the caller from the bearer token or the session cookie on every request, then check the route's access. */
export function registerAuth(app: FastifyInstance, auth: { authenticate(token: string): Promise<AuthUser | null> }): void {
  app.decorateRequest('user', null);
  app.decorateRequest('credentialPresented', false);
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenOf(req);
    req.credentialPresented = token !== null;
    req.user = token ? await auth.authenticate(token) : null;
    const access = req.routeOptions.config.access;
    if (access === 'user') requireUser(req);
    else if (access !== undefined && access !== 'public') requireRole(req, access);
  });
}

export function sessionToken(req: FastifyRequest): string | null {
  return tokenOf(req);
}

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw new DomainError('unauthorized', req.credentialPresented ? 'invalid or expired credential' : 'sign in required');
  return req.user;
}

export function requireRole(req: FastifyRequest, roles: readonly Role[]): AuthUser {
  const user = requireUser(req);
  if (!user.roles.some((r) => roles.includes(r))) throw new DomainError('forbidden');
  return user;
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires: expiresAt,
  });
}
