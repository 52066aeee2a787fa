import { loginResultSchema, loginSchema, meSchema, sessionViewSchema } from '@huiyin/core';
import { clearSessionCookie, requireUser, sessionToken, setSessionCookie } from '../../http/auth.ts';
import { noContent, type ApiApp } from '../../http/route.ts';
import { meView, type AuthService } from './auth.service.ts';
import { meRoutes, originOf } from './me.routes.ts';

/** Sign-in, sign-out and who is signed in; the signed-in user's own security under /api/v1/me. */
export function authRoutes(app: ApiApp, deps: { auth: AuthService }): void {
  const { auth } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      // A generous first line in memory; the rules that hold across restarts and servers are in the database.
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in',
        description:
          'Answers the token and sets it as the HttpOnly session cookie `huiyin_session`. Five failures in a row lock the account ' +
          '(423 `account_locked`, `details.lockedUntil`), too many failures from one address answer 429 `rate_limited` ' +
          '(`details.retryAt`). With two-factor sign-in on, a right password without `totp` answers 401 `totp_required`. ' +
          '`passwordChangeRequired` / `totpEnrolmentRequired`: the session may only change the password / enrol the second factor.',
        body: loginSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (req, reply) => {
      const r = await auth.login(req.body, originOf(req));
      setSessionCookie(reply, r.token, r.expiresAt, auth.secureCookie);
      return {
        token: r.token,
        expiresAt: r.expiresAt.toISOString(),
        user: meView(r.user),
        passwordChangeRequired: r.passwordChangeRequired,
        totpEnrolmentRequired: r.totpEnrolmentRequired,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public', allowRestricted: ['password', 'totp'] },
      schema: { summary: 'Sign out', response: { 204: noContent('Signed out') } },
    },
    async (req, reply) => {
      const token = sessionToken(req);
      if (token) await auth.logout(token, originOf(req));
      clearSessionCookie(reply, auth.secureCookie);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: 'user' }, schema: { summary: 'The signed-in user with roles and units', response: { 200: meSchema } } },
    async (req) => meView(requireUser(req)),
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: 'public', allowRestricted: ['password', 'totp'] },
      schema: {
        summary: 'The signed-in user, or {user: null} (never 401)',
        description:
          'For the web to ask who is signed in without provoking a 401. `restricted`: the session may only change the password or enrol the second factor.',
        response: { 200: sessionViewSchema },
      },
    },
    async (req) => ({ user: req.user ? meView(req.user) : null, restricted: req.session?.restricted ?? null }),
  );

  meRoutes(app, { auth });
}
