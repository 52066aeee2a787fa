import helmet from '@fastify/helmet';
import { DomainError } from '@huiyin/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isApiRoute, SESSION_COOKIE } from './auth.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether an unsafe request authenticated by the session cookie comes from our own pages: its
 * Origin (or, without one, its Referer) must be this server's origin (as the request reached it,
 * or HUIYIN_PUBLIC_URL). Requests with a bearer token or without the cookie are not at risk of
 * cross-site request forgery and pass.
 */
export function crossSiteRefusal(req: FastifyRequest, publicOrigin: string | null): string | null {
  if (!UNSAFE.has(req.method)) return null;
  // Only a session the cookie actually opened is worth forging; a bearer token is never sent by the browser on its own.
  if (typeof req.headers.authorization === 'string' || req.user === null) return null;
  const cookie = req.cookies[SESSION_COOKIE];
  if (typeof cookie !== 'string' || cookie === '') return null;
  const raw = req.headers.origin ?? req.headers.referer;
  const claimed = typeof raw === 'string' && raw !== 'null' ? originOf(raw) : null;
  if (!claimed) return 'a request signed in by cookie must say where it comes from (Origin or Referer)';
  const here = [originOf(`${req.protocol}://${req.host}`), publicOrigin];
  return here.includes(claimed) ? null : `a request from ${claimed} may not act with this site's session`;
}

/**
 * Browser hardening: security headers (CSP the built web and the API docs work under,
 * frame-ancestors none, nosniff, a strict referrer policy, HSTS when the public address is
 * https); the cross-site check of cookie-authenticated unsafe requests is `registerCrossSiteCheck`.
 */
export async function registerBrowserHardening(
  app: FastifyInstance,
  opts: { publicUrl?: string | undefined; mapTileUrl?: string | undefined },
): Promise<void> {
  const https = opts.publicUrl?.startsWith('https://') ?? false;
  const tileOrigin = opts.mapTileUrl ? originOf(opts.mapTileUrl.replace(/[{}]/g, '')) : null;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The cross-site check, after the caller is known (register after `registerAuth`): an expired or
 * unknown cookie is answered 401 as before, a live one from another site 403.
 */
export function registerCrossSiteCheck(app: FastifyInstance, opts: { publicUrl?: string | undefined }): void {
  const publicOrigin = opts.publicUrl ? originOf(opts.publicUrl) : null;
  app.addHook('preValidation', async (req) => {
    if (!isApiRoute(req)) return;
    const refusal = crossSiteRefusal(req, publicOrigin);
    if (refusal) throw new DomainError('forbidden', refusal, { reason: 'cross_site' });
  });
}
