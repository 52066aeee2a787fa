import { idSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import { requireRole, requireUser, sessionToken } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import { adminScopeOf } from '../admin/scope.ts';
import type { AuthService } from '../people/auth.service.ts';
import type { createDeliveriesService } from './deliveries.service.ts';
import type { LiveHub } from './live.ts';
import { listDeliveriesQuerySchema, listNotificationsQuerySchema, readNotificationsSchema } from './notify.contract.ts';
import type { createNotificationsService } from './notifications.service.ts';

/**
 * The signed-in user's notifications (list, mark read, live stream) and the admins' view of
 * deliveries (dead letters and their retry).
 */
export function notifyRoutes(
  app: FastifyInstance,
  deps: {
    notifications: ReturnType<typeof createNotificationsService>;
    deliveries: ReturnType<typeof createDeliveriesService>;
    /** Only `authenticate` is used: a stream ends when its session does. */
    auth: Pick<AuthService, 'authenticate'>;
    clock: Clock;
    hub: LiveHub;
    heartbeatMs?: number;
  },
): void {
  const { notifications, deliveries, auth, hub } = deps;

  app.get('/api/v1/notifications', async (req) =>
    notifications.list(requireUser(req), parseWith(listNotificationsQuerySchema, req.query, langOf(req))),
  );

  app.post('/api/v1/notifications/read', async (req) =>
    notifications.read(requireUser(req), parseWith(readNotificationsSchema, req.body, langOf(req))),
  );

  /**
   * Server-sent events: `ready` with the unread count, then one `notification` event per new
   * notice (its id as the event id, so a reconnect with Last-Event-ID gets what it missed), and a
   * comment line every `heartbeatMs` that keeps proxies from closing the stream.
   */
  app.get('/api/v1/notifications/stream', async (req, reply) => {
    const user = requireUser(req);
    const token = sessionToken(req);
    const rawLast = req.headers['last-event-id'];
    const lastEventId = typeof rawLast === 'string' && /^\d{1,15}$/.test(rawLast) ? Number(rawLast) : null;
    const unread = await notifications.unread(user);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let open = true;
    let unsubscribe: (() => void) | null = null;
    const write = (s: string) => {
      if (open) res.write(s);
    };
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe?.();
      res.end();
    };
    const heartbeat = setInterval(() => {
      write(`: heartbeat ${deps.clock.now().toISOString()}\n\n`);
      if (token) {
        void auth.authenticate(token).then(
          (u) => {
            if (!u) close();
          },
          () => undefined,
        );
      }
    }, deps.heartbeatMs ?? 25_000);
    res.on('close', close);
    write(`retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ unread })}\n\n`);
    unsubscribe = await hub.subscribe(
      user.id,
      (n) => write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`),
      close,
      lastEventId,
    );
    if (!open) unsubscribe();
  });

  app.get('/api/v1/admin/deliveries', async (req) =>
    deliveries.list(adminScopeOf(requireRole(req, ['admin'])), parseWith(listDeliveriesQuerySchema, req.query, langOf(req))),
  );

  app.post<{ Params: { id: string } }>('/api/v1/admin/deliveries/:id/retry', async (req) => {
    const scope = adminScopeOf(requireRole(req, ['admin']));
    return deliveries.retry(scope, parseWith(idSchema, req.params.id, langOf(req)));
  });
}
