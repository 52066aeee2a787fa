import { DomainError, type Role, type AuthUser } from '@huiyin/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'huiyin_session';

/**
 * Who may call a route, declared with the route (`config: { access }`): anyone, any signed-in
 * user, or users with one of the roles. Checked before the request is validated, so a caller
 * who may not call the route learns nothing from its validation messages.
 */
export type Access = 'public' | 'user' | readonly Role[];

/** A session that may only change the password ('password') or only enrol the second factor ('totp'). */
export type Restriction = 'password' | 'totp';

/** The session behind the request's credential. */
export interface RequestSession {
  id: number;
  restricted: Restriction | null;
  /** When the sign-in that opened the session happened. */
  signedInAt: Date;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Restricted sessions that may call the route (every other route refuses them with 403). */
    allowRestricted?: readonly Restriction[];
  }
  interface FastifyRequest {
    /** The signed-in user, or null; `credentialPresented` tells a bad credential from none. */
    user: AuthUser | null;
    credentialPresented: boolean;
    /** The session of the signed-in user (null with no user). */
    session: RequestSession | null;
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

type Resolved = { user: AuthUser; sessionId: number; restricted: Restriction | null; signedInAt: Date } | null;

/** The auth service's session look-up (or, for small test apps, a plain token → user function). */
export type SessionResolver =
  { resolve(token: string, opts: { touch: boolean }): Promise<Resolved> } | { authenticate(token: string): Promise<AuthUser | null> };

async function resolveWith(auth: SessionResolver, token: string, touch: boolean): Promise<Resolved> {
  if ('resolve' in auth) return auth.resolve(token, { touch });
  const user = await auth.authenticate(token);
  return user ? { user, sessionId: 0, restricted: null, signedInAt: new Date(0) } : null;
}

const restrictionError: Record<Restriction, () => DomainError> = {
  password: () => new DomainError('password_change_required'),
  totp: () => new DomainError('totp_enrolment_required'),
};

/**
 * Resolve the caller from the bearer token or the session cookie on every request (an idle or
 * expired session is no session; a use is recorded), then check the route's access. A restricted
 * session (a password to change, a second factor to enrol) calls only the routes that allow it:
 * elsewhere a route for users answers 403, a public route sees nobody signed in.
 */
export function registerAuth(app: FastifyInstance, auth: SessionResolver): void {
  app.decorateRequest('user', null);
  app.decorateRequest('credentialPresented', false);
  app.decorateRequest('session', null);
  app.addHook('preValidation', async (req) => {
    if (!isApiRoute(req) && req.routeOptions.config.access === undefined) return;
    const token = tokenOf(req);
    req.credentialPresented = token !== null;
    // A request the web marks as background (a list polled by the clock) does not count as use of the session.
    const s = token ? await resolveWith(auth, token, req.headers['x-huiyin-background'] !== '1') : null;
    const config = req.routeOptions.config;
    const access = config.access;
    if (s && s.restricted !== null && !(config.allowRestricted ?? []).includes(s.restricted)) {
      if (access === 'user' || Array.isArray(access)) throw restrictionError[s.restricted]();
      req.user = null;
      req.session = null;
    } else {
      req.user = s?.user ?? null;
      req.session = s ? { id: s.sessionId, restricted: s.restricted, signedInAt: s.signedInAt } : null;
    }
    if (access === 'user') requireUser(req);
    else if (access !== undefined && access !== 'public') requireRole(req, access);
  });
}

/**
 * Whether the request reached an API route. Asked of the matched route's pattern, never of the raw
 * URL: `/%61pi/v1/...` is routed to `/api/v1/...` but its raw URL does not start with `/api/`.
 */
export function isApiRoute(req: FastifyRequest): boolean {
  return (req.routeOptions.url ?? '').startsWith('/api/');
}

export function sessionToken(req: FastifyRequest): string | null {
  return tokenOf(req);
}

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw new DomainError('unauthorized', req.credentialPresented ? 'invalid or expired credential' : 'sign in required');
  return req.user;
}

/** The signed-in user with their session, or 401. */
export function requireSession(req: FastifyRequest): {
  user: AuthUser;
  sessionId: number;
  restricted: Restriction | null;
  signedInAt: Date;
} {
  const user = requireUser(req);
  if (!req.session) throw new DomainError('unauthorized');
  return { user, sessionId: req.session.id, restricted: req.session.restricted, signedInAt: req.session.signedInAt };
}

export function requireRole(req: FastifyRequest, roles: readonly Role[]): AuthUser {
  const user = requireUser(req);
  if (!user.roles.some((r) => roles.includes(r))) throw new DomainError('forbidden');
  return user;
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the public address is https (not the request's scheme). */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
