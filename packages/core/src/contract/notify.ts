import { z } from 'zod';
import { idSchema } from './common.ts';
import { pageOf, timestampSchema } from './views-common.ts';

/** The notification and delivery API (docs/NOTIFICATIONS.md): a user's own inbox, and the admins' view of deliveries. */

/** How a message reaches someone. */
export const deliveryChannels = ['inapp', 'email', 'sms', 'webhook'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];
/** Where a delivery stands: waiting (or retrying), sent, or given up (a dead letter). */
export const deliveryStates = ['pending', 'sent', 'dead'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const listNotificationsQuerySchema = z.strictObject({
  cursor: idSchema.optional().describe('nextCursor of the previous page'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional().describe('Only unread ones'),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuerySchema>;

export const readNotificationsSchema = z.union([
  z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type ReadNotificationsInput = z.output<typeof readNotificationsSchema>;

export const listDeliveriesQuerySchema = z.strictObject({
  status: z.enum(deliveryStates).default('dead'),
  channel: z.enum(deliveryChannels).optional(),
  cursor: idSchema.optional().describe('nextCursor of the previous page'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuerySchema>;

/** A notice in a user's inbox (also the `data` of a live `notification` event). */
export const notificationViewSchema = z
  .object({
    id: z.number().int(),
    topic: z.string().describe('The outbox topic it came from, e.g. case.dispatch'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: timestampSchema,
    readAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationPageSchema = z
  .object({
    items: z.array(notificationViewSchema),
    unread: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationsReadSchema = z.object({
  marked: z.number().int().describe('How many were marked read now'),
  unread: z.number().int(),
});
export type NotificationsRead = z.infer<typeof notificationsReadSchema>;

/** A delivery as an admin sees it (phone numbers and mailboxes masked), with its attempt log. */
export const deliveryViewSchema = z
  .object({
    id: z.number().int(),
    messageId: z.string(),
    outboxId: z.string(),
    topic: z.string(),
    channel: z.enum(deliveryChannels),
    recipient: z.string().describe('Masked for SMS and e-mail'),
    regionCode: z.string().nullable(),
    status: z.enum(deliveryStates),
    attempts: z.number().int(),
    nextAttemptAt: timestampSchema.nullable().describe('When it is tried next (pending ones only)'),
    lastError: z.string().nullable(),
    sentAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    log: z.array(
      z.object({
        attempt: z.number().int(),
        channel: z.enum(deliveryChannels),
        startedAt: timestampSchema,
        finishedAt: timestampSchema.nullable(),
        ok: z.boolean().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'Delivery' });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryPageSchema = pageOf(deliveryViewSchema);
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
