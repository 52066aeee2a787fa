import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { NotificationsTable } from '../../db/schema.ts';

export type NotificationRow = Selectable<NotificationsTable>;

/** The in-app inbox: one row per notice to a user, read or not. */
export function createNotificationsRepo(db: Db) {
  return {
    /** Write the notice of a delivery; a second write of the same delivery adds nothing. */
    async insertForDelivery(n: {
      deliveryId: number;
      userId: number;
      topic: string;
      title: string;
      body: string;
      link: string | null;
      createdAt: Date;
    }): Promise<void> {
      await db
        .insertInto('notifications')
        .values({
          delivery_id: n.deliveryId,
          user_id: n.userId,
          topic: n.topic,
          title: n.title,
          body: n.body,
          link: n.link,
          created_at: n.createdAt,
        })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute();
    },

    /** A notice that no outbox delivery carries (a call announced to the hotline agent's screen). */
    async insertDirect(n: {
      userId: number;
      topic: string;
      title: string;
      body: string;
      link: string | null;
      createdAt: Date;
    }): Promise<number> {
      const r = await db
        .insertInto('notifications')
        .values({
          delivery_id: null,
          user_id: n.userId,
          topic: n.topic,
          title: n.title,
          body: n.body,
          link: n.link,
          created_at: n.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** A user's notices, newest first, keyset on id. */
    async page(userId: number, q: { before?: number | undefined; limit: number; unreadOnly: boolean }): Promise<NotificationRow[]> {
      let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (q.unreadOnly) query = query.where('read_at', 'is', null);
      if (q.before !== undefined) query = query.where('id', '<', q.before);
      return query.orderBy('id', 'desc').limit(q.limit).execute();
    },

    async unreadCount(userId: number): Promise<number> {
      const r = await db
        .selectFrom('notifications')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Mark the user's own notices read (ids of others are ignored); all of them when `ids` is 'all'. */
    async markRead(userId: number, ids: readonly number[] | 'all', at: Date): Promise<number> {
      if (ids !== 'all' && ids.length === 0) return 0;
      let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', [...ids]);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    /** Notices of these users with an id above `afterId` (the live stream's catch-up), oldest first. */
    async since(userIds: readonly number[], afterId: number, limit: number): Promise<NotificationRow[]> {
      if (userIds.length === 0) return [];
      return db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', 'in', [...userIds])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async maxId(): Promise<number> {
      const r = await db
        .selectFrom('notifications')
        .select(sql<number | null>`max(id)`.as('m'))
        .executeTakeFirstOrThrow();
      return Number(r.m ?? 0);
    },
  };
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
