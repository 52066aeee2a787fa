import {
  deliveryPageSchema,
  deliveryViewSchema,
  idParamsSchema,
  listDeliveriesQuerySchema,
  listNotificationsQuerySchema,
  notificationPageSchema,
  notificationsReadSchema,
  readNotificationsSchema,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import { requireUser, sessionToken } from '../../http/auth.ts';
import { fileResponse, type ApiApp } from '../../http/route.ts';
import { adminScopeOf } from '../regions/admin-scope.ts';
import type { AuthService } from '../people/auth.service.ts';
import type { createDeliveriesService } from './deliveries.service.ts';
import type { LiveHub } from './live.ts';
import type { createNotificationsService } from './notifications.service.ts';

/**
 * The signed-in user's notifications (list, mark read, live stream) and the admins' view of
 * deliveries (dead letters and their retry).
 */
export function notifyRoutes(
  app: ApiApp,
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

  app.get(
    '/api/v1/notifications',
    {
      config: { access: 'user' },
      schema: {
        summary: "The signed-in user's notifications, newest first, with the unread count",
        querystring: listNotificationsQuerySchema,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => notifications.list(requireUser(req), req.query),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Mark own notifications read: {ids: [..]} or {all: true}',
        body: readNotificationsSchema,
        response: { 200: notificationsReadSchema },
      },
    },
    async (req) => notifications.read(requireUser(req), req.body),
  );

  /**
   * Server-sent events: `ready` with the unread count, then one `notification` event per new
   * notice (its id as the event id, so a reconnect with Last-Event-ID gets what it missed), and a
   * comment line every `heartbeatMs` that keeps proxies from closing the stream.
   */
  app.get(
    '/api/v1/notifications/stream',
    {
      config: { access: 'user' },
      schema: {
        summary:
          "Live notifications (server-sent events; the session cookie signs in): `ready` {unread}, then `notification` events with the notice's id as event id (send Last-Event-ID to catch up), heartbeat comments every 25 s",
        description: 'Header `Last-Event-ID` (optional): the last notification id received; what came after it is sent first.',
        response: { 200: fileResponse('text/event-stream', 'An event stream') },
      },
    },
    async (req, reply) => {
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
    },
  );

  app.get(
    '/api/v1/admin/deliveries',
    {
      config: { access: ['admin'] },
      schema: {
        summary:
          'Deliveries of the admin’s regions (default: the dead letters), newest first, each with its attempt log (time, channel, ok/error, duration)',
        querystring: listDeliveriesQuerySchema,
        response: { 200: deliveryPageSchema },
      },
    },
    async (req) => deliveries.list(adminScopeOf(requireUser(req)), req.query),
  );

  app.post(
    '/api/v1/admin/deliveries/:id/retry',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Put a dead letter back in the queue, due now, with a fresh attempt budget (409 unless dead)',
        params: idParamsSchema,
        response: { 200: deliveryViewSchema },
      },
    },
    async (req) => deliveries.retry(adminScopeOf(requireUser(req)), req.params.id),
  );
}
