import { idSchema } from '@huiyin/core';
import { z } from 'zod';

/**
 * Requests of the notification and delivery API. (They live here until the web needs them;
 * then they move to core's contract like the others.)
 */
export const listNotificationsQuerySchema = z
  .object({
    cursor: idSchema.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const readNotificationsSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const listDeliveriesQuerySchema = z
  .object({
    status: z.enum(['pending', 'sent', 'dead']).default('dead'),
    channel: z.enum(['inapp', 'email', 'sms', 'webhook']).optional(),
    cursor: idSchema.optional(),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
