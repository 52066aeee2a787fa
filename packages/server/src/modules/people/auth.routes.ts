import { loginResultSchema, loginSchema, meSchema, sessionViewSchema } from '@huiyin/core';
import { requireUser, SESSION_COOKIE, sessionToken, setSessionCookie } from '../../http/auth.ts';
import { noContent, type ApiApp } from '../../http/route.ts';
import { meView, type AuthService } from './auth.service.ts';

/** Sign-in, sign-out and who is signed in. */
export function authRoutes(app: ApiApp, deps: { auth: AuthService }): void {
  const { auth } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in',
        description: 'Answers the token and sets it as the HttpOnly session cookie `huiyin_session`.',
        body: loginSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (req, reply) => {
      const { token, user, expiresAt } = await auth.login(req.body.username, req.body.password);
      setSessionCookie(reply, req, token, expiresAt);
      return { token, expiresAt: expiresAt.toISOString(), user: meView(user) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { summary: 'Sign out', response: { 204: noContent('Signed out') } } },
    async (req, reply) => {
      const token = sessionToken(req);
      if (token) await auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
      config: { access: 'public' },
      schema: {
        summary: 'The signed-in user, or {user: null} (never 401)',
        description: 'For the web to ask who is signed in without provoking a 401.',
        response: { 200: sessionViewSchema },
      },
    },
    async (req) => ({ user: req.user ? meView(req.user) : null }),
  );
}
