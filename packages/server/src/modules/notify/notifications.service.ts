import type {
  AuthUser,
  ListNotificationsQuery,
  NotificationPage,
  NotificationsRead,
  NotificationView,
  ReadNotificationsInput,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createNotificationsRepo, type NotificationRow } from './notifications.repo.ts';

function view(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    topic: r.topic,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/** A signed-in user's own inbox: newest first with the unread count; marking read. */
export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const repo = createNotificationsRepo(deps.db);
  return {
    async list(user: AuthUser, q: ListNotificationsQuery): Promise<NotificationPage> {
      const rows = await repo.page(user.id, { before: q.cursor, limit: q.pageSize + 1, unreadOnly: q.unread === 'true' });
      const items = rows.slice(0, q.pageSize).map(view);
      return {
        items,
        unread: await repo.unreadCount(user.id),
        nextCursor: rows.length > q.pageSize ? String(items[items.length - 1]!.id) : null,
      };
    },

    async read(user: AuthUser, body: ReadNotificationsInput): Promise<NotificationsRead> {
      const marked = await repo.markRead(user.id, 'all' in body ? 'all' : body.ids, deps.clock.now());
      return { marked, unread: await repo.unreadCount(user.id) };
    },

    unread: (user: AuthUser) => repo.unreadCount(user.id),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
