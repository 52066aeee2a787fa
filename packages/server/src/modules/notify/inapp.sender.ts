import type { Db } from '../../db/connect.ts';
import { notificationsWritten } from './live.ts';
import { createNotificationsRepo } from './notifications.repo.ts';
import type { Sender } from './sender.ts';

/**
 * The in-app inbox: the notice is a row in `notifications` (one per delivery, so a repeat adds
 * nothing), then the live streams of this process are nudged; streams served by another process
 * find it on their next poll.
 */
export function createInAppSender(db: Db): Sender {
  const repo = createNotificationsRepo(db);
  return {
    async send(d) {
      const p = d.payload as { userId?: unknown; title?: unknown; body?: unknown; link?: unknown; occurredAt?: unknown };
      if (typeof p.userId !== 'number') throw new Error('no user');
      await repo.insertForDelivery({
        deliveryId: d.id,
        userId: p.userId,
        topic: d.topic,
        title: typeof p.title === 'string' ? p.title : '',
        body: typeof p.body === 'string' ? p.body : '',
        link: typeof p.link === 'string' ? p.link : null,
        createdAt: typeof p.occurredAt === 'string' ? new Date(p.occurredAt) : d.created_at,
      });
      notificationsWritten.emit('written', p.userId);
    },
  };
}
