import { errors, idParam, json, ok, schema } from '../../http/openapi-parts.ts';
import { readNotificationsSchema } from './notify.contract.ts';

const q = (name: string, s: Record<string, unknown>, description: string) => ({ name, in: 'query', schema: s, description });

/** OpenAPI paths of notifications and deliveries (docs/NOTIFICATIONS.md). */
export function notifyPaths(): Record<string, unknown> {
  return {
    '/api/v1/notifications': {
      get: {
        summary: "The signed-in user's notifications, newest first, with the unread count",
        parameters: [
          q('cursor', { type: 'string' }, 'nextCursor of the previous page'),
          q('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Items per page'),
          q('unread', { type: 'string', enum: ['true', 'false'] }, 'Only unread ones'),
        ],
        responses: { '200': ok('{items: [{id, topic, title, body, link, createdAt, readAt}], unread, nextCursor}'), ...errors },
      },
    },
    '/api/v1/notifications/read': {
      post: {
        summary: 'Mark own notifications read: {ids: [..]} or {all: true}',
        requestBody: json(schema(readNotificationsSchema)),
        responses: { '200': ok('{marked, unread}'), ...errors },
      },
    },
    '/api/v1/notifications/stream': {
      get: {
        summary:
          "Live notifications (server-sent events; the session cookie signs in): `ready` {unread}, then `notification` events with the notice's id as event id (send Last-Event-ID to catch up), heartbeat comments every 25 s",
        parameters: [
          {
            name: 'Last-Event-ID',
            in: 'header',
            required: false,
            schema: { type: 'string' },
            description: 'The last notification id received',
          },
        ],
        responses: {
          '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          ...errors,
        },
      },
    },
    '/api/v1/admin/deliveries': {
      get: {
        summary:
          'Deliveries of the admin’s regions (default: the dead letters), newest first, each with its attempt log (time, channel, ok/error, duration)',
        parameters: [
          q('status', { type: 'string', enum: ['pending', 'sent', 'dead'], default: 'dead' }, 'Status'),
          q('channel', { type: 'string', enum: ['inapp', 'email', 'sms', 'webhook'] }, 'Channel'),
          q('cursor', { type: 'string' }, 'nextCursor of the previous page'),
          q('pageSize', { type: 'integer', minimum: 1, maximum: 200, default: 50 }, 'Items per page'),
        ],
        responses: {
          '200': ok(
            '{items: [{id, messageId, topic, channel, recipient (masked), status, attempts, nextAttemptAt, lastError, sentAt, log}], nextCursor}',
          ),
          ...errors,
        },
      },
    },
    '/api/v1/admin/deliveries/{id}/retry': {
      post: {
        summary: 'Put a dead letter back in the queue, due now, with a fresh attempt budget (409 unless dead)',
        parameters: [idParam],
        responses: { '200': ok('The delivery'), ...errors },
      },
    },
  };
}
