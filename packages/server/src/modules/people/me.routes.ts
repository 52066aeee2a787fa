import {
  changePasswordSchema,
  idParamsSchema,
  mySecuritySchema,
  mySessionListSchema,
  recoveryCodesSchema,
  totpConfirmSchema,
  totpEnrolmentSchema,
  totpStartSchema,
  totpRemoveSchema,
} from '@huiyin/core';
import type { FastifyRequest } from 'fastify';
import { requireSession } from '../../http/auth.ts';
import { noContent, type ApiApp } from '../../http/route.ts';
import type { AuthService, RequestOrigin } from './auth.service.ts';

/** The source address and browser of a request (sessions and the audit log). */
export function originOf(req: FastifyRequest): RequestOrigin {
  const ua = req.headers['user-agent'];
  return { address: req.ip, userAgent: typeof ua === 'string' ? ua : null };
}

/** The signed-in user's own security: password, second factor, sessions. */
export function meRoutes(app: ApiApp, deps: { auth: AuthService }): void {
  const { auth } = deps;

  app.get(
    '/api/v1/me/security',
    {
      config: { access: 'user' },
      schema: { summary: 'Your second factor and password state', response: { 200: mySecuritySchema } },
    },
    async (req) => auth.security(requireSession(req).user),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { access: 'user', allowRestricted: ['password'] },
      schema: {
        summary: 'Change your password',
        description:
          'The current password must be right (a wrong one is logged and counts toward the lockout); the new one has at least 10 ' +
          'characters of three classes, does not contain the username and is none of the last five. Your other sessions end.',
        body: changePasswordSchema,
        response: { 204: noContent('Changed') },
      },
    },
    async (req, reply) => {
      await auth.changePassword(requireSession(req), req.body, originOf(req));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/me/totp',
    {
      config: { access: 'user', allowRestricted: ['totp'] },
      schema: {
        summary: 'Start two-factor enrolment (TOTP)',
        description:
          'A new secret, its otpauth:// URI and a QR code; confirm with POST /api/v1/me/totp/confirm. More than 15 minutes after sign-in the body must carry `currentPassword` (a wrong one counts toward the lockout); right after sign-in, or in the session sign-in opened only to enrol, no body is needed.',
        body: totpStartSchema.nullish(),
        response: { 200: totpEnrolmentSchema },
      },
    },
    async (req) => auth.startTotp(requireSession(req), req.body?.currentPassword, originOf(req)),
  );

  app.post(
    '/api/v1/me/totp/confirm',
    {
      config: { access: 'user', allowRestricted: ['totp'] },
      schema: {
        summary: 'Confirm two-factor enrolment with a code',
        description: 'Turns the second factor on and answers ten single-use recovery codes, shown only this once.',
        body: totpConfirmSchema,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => auth.confirmTotp(requireSession(req), req.body.code, originOf(req)),
  );

  app.delete(
    '/api/v1/me/totp',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Turn two-factor sign-in off (with your password)',
        description: 'Not for admins, security admins, auditors and inspectors: their role needs it (403).',
        body: totpRemoveSchema,
        response: { 204: noContent('Removed') },
      },
    },
    async (req, reply) => {
      await auth.removeTotp(requireSession(req), req.body.password, originOf(req));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me/sessions',
    { config: { access: 'user' }, schema: { summary: 'Your sessions', response: { 200: mySessionListSchema } } },
    async (req) => auth.sessions(requireSession(req)),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { access: 'user' },
      schema: { summary: 'End one of your sessions', params: idParamsSchema, response: { 204: noContent('Ended') } },
    },
    async (req, reply) => {
      await auth.revokeSession(requireSession(req), req.params.id, originOf(req));
      return reply.status(204).send();
    },
  );
}
